-- vigie schema, version 4: the live monitor (`vigie watch`).
-- When each merged event was first stored and last changed (for alert
-- feeds; exports never include them).
ALTER TABLE events ADD COLUMN first_seen TEXT;
ALTER TABLE events ADD COLUMN updated_at TEXT;
CREATE INDEX events_updated ON events(updated_at);

-- One row per watched source: a feed URL or a folder. Validators for
-- conditional requests, the last outcome, failures and the next poll.
CREATE TABLE watch_sources (
    source TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_poll TEXT,
    last_ok TEXT,
    status TEXT,
    error TEXT,
    failures BIGINT NOT NULL DEFAULT 0,
    next_poll TEXT,
    items BIGINT NOT NULL DEFAULT 0
);

-- Every item of a source already read: a feed entry (by its link or id)
-- or a file (by path), with what it looked like (a file's size and
-- modification time) and the article it gave.
CREATE TABLE watch_items (
    source TEXT NOT NULL,
    item TEXT NOT NULL,
    validator TEXT,
    article_id TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source, item)
);

-- What each alert target (a notify URL with its filter) was last sent.
CREATE TABLE watch_notified (
    target TEXT NOT NULL,
    event_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (target, event_id)
);
