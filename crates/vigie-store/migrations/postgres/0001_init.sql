-- vigie schema, version 1 (PostgreSQL).
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_precision TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    body TEXT NOT NULL,
    input TEXT NOT NULL,
    mentions TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- One row per event reported by an article; `event` is the full record
-- (evidence, provenance spans, confidence) as JSON.
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    event_id TEXT,
    event_date TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    fatalities BIGINT,
    confidence DOUBLE PRECISION,
    event TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_event ON mentions(event_id);

-- Who claims which figure: one row per mention and claimant.
CREATE TABLE claims (
    article_id TEXT NOT NULL,
    idx BIGINT NOT NULL,
    claimant TEXT NOT NULL,
    fatalities BIGINT,
    FOREIGN KEY (article_id, idx) REFERENCES mentions(article_id, idx) ON DELETE CASCADE
);
CREATE INDEX claims_mention ON claims(article_id, idx);

-- Merged events across articles; `record` is the full merged record.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    event_date TEXT NOT NULL,
    week_start TEXT NOT NULL,
    month_start TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    geo_precision BIGINT NOT NULL,
    fatalities BIGINT,
    sources BIGINT NOT NULL,
    search TEXT NOT NULL,
    digest TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_position ON events(latitude, longitude);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_country_date ON events(country, event_date);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    inter BIGINT,
    PRIMARY KEY (event_id, actor, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor);

CREATE TABLE diagnostics (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
    input TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX diagnostics_article ON diagnostics(article_id);
