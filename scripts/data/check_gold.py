#!/usr/bin/env python3
"""Validate gold annotation files against the contract of events.md.

Usage:
    python3 scripts/data/check_gold.py [GOLD_DIR ...] [--corpus DIR | --no-overlap]

Without GOLD_DIR it checks the project's own gold sets, `data/samples/gold`
and `tests/corpus/gold`. For each `<id>.json` the article text is looked up
beside the gold folder: `<id>.txt`, or the line with that id in
any `*.jsonl` file of that folder.

Checks: the JSON parses; every field of the file and of each EVENT is present
with the right type; event and sub-event types are the ACLED ones and the
sub-type belongs to its type; precisions, interaction codes (inter2 null iff
actor2 null), geo precision; `event_date` is a real date; `published` is
`YYYY-MM` or `YYYY-MM-DD`; `evidence` is a verbatim substring of the article;
coordinates fall in a rough bounding box of `country`; `event_key` is unique
within an article; each sample gold has a line in `samples.jsonl` (and each
line a gold file); each test article has a gold file.

It also reports any run of 9 consecutive words (lowercased `\\w+` tokens)
that the project's own texts share with the third-party corpus in
`shared/corpus` (found beside the repository, or given with --corpus), since
those articles must never be copied.

Exit status 0 when everything passes, 1 otherwise. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DIRS = [
    REPO / "data" / "samples" / "gold",
    REPO / "tests" / "corpus" / "gold",
    REPO / "tests" / "heldout" / "gold",
    REPO / "tests" / "heldout2" / "gold",
    REPO / "tests" / "heldout3" / "gold",
]

TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}
PRECISIONS = {"day", "week", "month", "year"}
LANGUAGES = {"fr", "en"}

# Rough bounding boxes: (lat_min, lat_max, lon_min, lon_max), a little generous.
BBOX = {
    "SY": (32.2, 37.5, 35.5, 42.5),
    "SS": (3.4, 12.3, 23.4, 36.0),
    "MX": (14.4, 32.8, -118.5, -86.6),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "MZ": (-26.9, -10.4, 30.2, 41.0),
    "IL": (29.4, 33.4, 34.2, 35.9),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "IQ": (28.9, 37.5, 38.7, 48.7),
    "ML": (10.0, 25.1, -12.4, 4.4),
    "BF": (9.3, 15.2, -5.6, 2.5),
    "NG": (4.1, 14.0, 2.6, 14.8),
    "CD": (-13.6, 5.5, 12.1, 31.4),
    "UA": (44.2, 52.5, 22.0, 40.3),
    "RU": (41.1, 82.0, 19.6, 180.0),
    "YE": (12.0, 19.1, 42.5, 54.6),
    "SO": (-1.8, 12.1, 40.9, 51.5),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "LB": (33.0, 34.8, 35.0, 36.7),
    "LY": (19.4, 33.3, 9.3, 25.2),
    "AF": (29.3, 38.6, 60.4, 75.0),
    "CM": (1.6, 13.1, 8.4, 16.3),
    "NE": (11.6, 23.6, 0.1, 16.0),
    "TD": (7.4, 23.5, 13.4, 24.1),
    "PK": (23.6, 37.1, 60.8, 77.9),
    "HT": (18.0, 20.1, -74.5, -71.6),
    "MM": (9.7, 28.6, 92.1, 101.2),
    "ET": (3.4, 14.9, 32.9, 48.0),
    "CO": (-4.3, 12.5, -79.1, -66.8),
}

# field -> (allowed python types, nullable)
FILE_FIELDS = {
    "article": (str, False),
    "language": (str, False),
    "published": (str, True),
    "outlet": (str, True),
    "events": (list, False),
}
EVENT_FIELDS = {
    "event_date": (str, False),
    "date_precision": (str, False),
    "event_type": (str, False),
    "sub_event_type": (str, False),
    "actor1": (str, False),
    "assoc_actor1": (list, False),
    "actor2": (str, True),
    "assoc_actor2": (list, False),
    "inter1": (int, False),
    "inter2": (int, True),
    "country": (str, False),
    "admin1": (str, False),
    "location": (str, False),
    "latitude": ((int, float), False),
    "longitude": ((int, float), False),
    "geo_precision": (int, False),
    "fatalities": (int, True),
    "claimed_by": (list, False),
    "territory_km2": ((int, float), True),
    "evidence": (str, False),
    "notes": (str, False),
    "event_key": (str, False),
}
OPTIONAL_EVENT_FIELDS = {"event_id"}

PUBLISHED_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
KEY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}_[a-z0-9-]+_[a-z0-9-]+$")


def is_type(value, types) -> bool:
    # bool is an int subclass: never accept it for numeric fields.
    if isinstance(value, bool):
        return False
    return isinstance(value, types)


def load_jsonl(path: Path) -> dict[str, dict]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


class TextSource:
    """Finds an article's text beside a gold folder."""

    def __init__(self, gold_dir: Path):
        self.base = gold_dir.parent
        self.records: dict[str, dict] = {}
        for p in sorted(self.base.glob("*.jsonl")):
            self.records.update(load_jsonl(p))

    def text(self, article_id: str) -> str | None:
        p = self.base / f"{article_id}.txt"
        if p.exists():
            return p.read_text(encoding="utf-8")
        rec = self.records.get(article_id)
        return rec.get("text") if rec else None


def check_event(e: dict, text: str | None, where: str, problems: list[str]) -> None:
    if not isinstance(e, dict):
        problems.append(f"{where}: event is not an object")
        return
    for field, (types, nullable) in EVENT_FIELDS.items():
        if field not in e:
            problems.append(f"{where}: missing field {field!r}")
            continue
        v = e[field]
        if v is None:
            if not nullable:
                problems.append(f"{where}: {field} is null")
            continue
        if not is_type(v, types):
            problems.append(f"{where}: {field} has type {type(v).__name__}")
    for field in e:
        if field not in EVENT_FIELDS and field not in OPTIONAL_EVENT_FIELDS:
            problems.append(f"{where}: unknown field {field!r}")

    et, st = e.get("event_type"), e.get("sub_event_type")
    if et not in TYPES:
        problems.append(f"{where}: event_type {et!r} is not an ACLED event type")
    elif st not in TYPES[et]:
        problems.append(f"{where}: sub_event_type {st!r} does not belong to {et!r}")

    if e.get("date_precision") not in PRECISIONS:
        problems.append(f"{where}: date_precision {e.get('date_precision')!r}")
    try:
        dt.date.fromisoformat(str(e.get("event_date")))
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(e.get("event_date"))):
            raise ValueError
    except ValueError:
        problems.append(f"{where}: event_date {e.get('event_date')!r} is not YYYY-MM-DD")

    i1, i2 = e.get("inter1"), e.get("inter2")
    if not (is_type(i1, int) and 1 <= i1 <= 8):
        problems.append(f"{where}: inter1 {i1!r} is not in 1..8")
    if e.get("actor2") is None:
        if i2 is not None:
            problems.append(f"{where}: inter2 is set but actor2 is null")
        if e.get("assoc_actor2"):
            problems.append(f"{where}: assoc_actor2 is set but actor2 is null")
    else:
        if not (is_type(i2, int) and 1 <= i2 <= 8):
            problems.append(f"{where}: inter2 {i2!r} is not in 1..8 while actor2 is set")
    for field in ("actor1", "actor2", "location", "admin1", "evidence", "notes", "event_key"):
        v = e.get(field)
        if isinstance(v, str) and not v.strip():
            problems.append(f"{where}: {field} is empty")
    for field in ("assoc_actor1", "assoc_actor2", "claimed_by"):
        v = e.get(field)
        if isinstance(v, list) and not all(isinstance(x, str) and x.strip() for x in v):
            problems.append(f"{where}: {field} must be a list of non-empty strings")
    if e.get("actor1") in (e.get("assoc_actor1") or []):
        problems.append(f"{where}: actor1 repeated in assoc_actor1")

    if e.get("geo_precision") not in (1, 2, 3):
        problems.append(f"{where}: geo_precision {e.get('geo_precision')!r} is not 1, 2 or 3")
    fat = e.get("fatalities")
    if is_type(fat, int) and fat < 0:
        problems.append(f"{where}: fatalities is negative")
    terr = e.get("territory_km2")
    if is_type(terr, (int, float)) and terr <= 0:
        problems.append(f"{where}: territory_km2 must be positive")

    cc = e.get("country")
    if not (isinstance(cc, str) and re.match(r"^[A-Z]{2}$", cc)):
        problems.append(f"{where}: country {cc!r} is not ISO 3166-1 alpha-2")
    lat, lon = e.get("latitude"), e.get("longitude")
    if is_type(lat, (int, float)) and is_type(lon, (int, float)):
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"{where}: coordinates ({lat}, {lon}) out of range")
        elif cc in BBOX:
            a, b, c, d = BBOX[cc]
            if not (a <= lat <= b and c <= lon <= d):
                problems.append(f"{where}: ({lat}, {lon}) is outside {cc}")
        else:
            problems.append(f"{where}: no bounding box known for country {cc!r}")

    key = e.get("event_key")
    if isinstance(key, str) and not KEY_RE.match(key):
        problems.append(f"{where}: event_key {key!r} is not DATE_place-slug_kind")

    ev = e.get("evidence")
    if isinstance(ev, str) and text is not None and ev not in text:
        problems.append(f"{where}: evidence is not a verbatim substring of the article: {ev[:80]!r}")


def check_dir(gold_dir: Path, problems: list[str]) -> tuple[int, int]:
    src = TextSource(gold_dir)
    n_files = n_events = 0
    gold_ids = set()
    for path in sorted(gold_dir.glob("*.json")):
        n_files += 1
        rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        try:
            g = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{rel}: does not parse: {err}")
            continue
        if not isinstance(g, dict):
            problems.append(f"{rel}: not a JSON object")
            continue
        for field, (types, nullable) in FILE_FIELDS.items():
            if field not in g:
                problems.append(f"{rel}: missing field {field!r}")
            elif g[field] is None:
                if not nullable:
                    problems.append(f"{rel}: {field} is null")
            elif not isinstance(g[field], types):
                problems.append(f"{rel}: {field} has type {type(g[field]).__name__}")
        aid = g.get("article")
        gold_ids.add(aid)
        if aid != path.stem:
            problems.append(f"{rel}: article {aid!r} does not match the file name")
        if g.get("language") not in LANGUAGES:
            problems.append(f"{rel}: language {g.get('language')!r}")
        pub = g.get("published")
        if pub is not None and not (isinstance(pub, str) and PUBLISHED_RE.match(pub)):
            problems.append(f"{rel}: published {pub!r} is not YYYY-MM(-DD)")
        elif isinstance(pub, str):
            try:
                dt.date.fromisoformat(pub if len(pub) == 10 else pub + "-01")
            except ValueError:
                problems.append(f"{rel}: published {pub!r} is not a real date")
        text = src.text(path.stem)
        if text is None:
            problems.append(f"{rel}: no article text found beside {gold_dir.name}/")
        events = g.get("events") if isinstance(g.get("events"), list) else []
        keys = []
        for i, e in enumerate(events):
            n_events += 1
            check_event(e, text, f"{rel} event {i}", problems)
            if isinstance(e, dict):
                keys.append(e.get("event_key"))
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            problems.append(f"{rel}: event_key repeated within the article: {sorted(dup)}")

    # Every article beside the gold folder has a gold file.
    samples = gold_dir.parent / "samples.jsonl"
    if samples.exists():
        recs = load_jsonl(samples)
        for aid in sorted(gold_ids - set(recs)):
            problems.append(f"{gold_dir}: gold {aid!r} has no line in samples.jsonl")
        for aid in sorted(set(recs) - gold_ids):
            problems.append(f"{samples}: {aid!r} has no gold file")
        for aid, rec in recs.items():
            for field in ("id", "url", "published", "outlet", "language", "title", "text"):
                if not isinstance(rec.get(field), str) or not rec[field].strip():
                    problems.append(f"{samples}: {aid!r} field {field!r} missing or empty")
            if isinstance(rec.get("published"), str) and not PUBLISHED_RE.match(rec["published"]):
                problems.append(f"{samples}: {aid!r} published {rec['published']!r}")
            if rec.get("language") not in LANGUAGES:
                problems.append(f"{samples}: {aid!r} language {rec.get('language')!r}")
    for txt in sorted(gold_dir.parent.glob("*.txt")):
        if txt.stem not in gold_ids:
            problems.append(f"{txt}: no gold file")
    return n_files, n_events


# ---------------------------------------------------------------- overlap with the third-party corpus

N = 9
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def ngrams(toks: list[str]) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + N]) for i in range(len(toks) - N + 1)}


def own_texts() -> dict[str, str]:
    out = {}
    samples = REPO / "data" / "samples" / "samples.jsonl"
    if samples.exists():
        for aid, rec in load_jsonl(samples).items():
            out[f"data/samples/samples.jsonl#{aid}"] = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
    for folder in ("corpus", "heldout", "heldout2", "heldout3"):
        for p in sorted((REPO / "tests" / folder).glob("*.txt")):
            out[str(p.relative_to(REPO))] = p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests" / folder).glob("*.jsonl")):
            for aid, rec in load_jsonl(p).items():
                out[f"{p.relative_to(REPO)}#{aid}"] = rec.get("text") or ""
    for d in DEFAULT_DIRS:
        for p in sorted(d.glob("*.json")):
            try:
                g = json.loads(p.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                continue
            notes = " ".join(e.get("notes", "") for e in g.get("events", []) if isinstance(e, dict))
            out[str(p.relative_to(REPO)) + "#notes"] = notes
    return out


def check_overlap(corpus: Path, problems: list[str]) -> int:
    grams: dict[tuple[str, ...], str] = {}
    files = sorted(corpus.rglob("*.txt"))
    for p in files:
        for g in ngrams(tokens(p.read_text(encoding="utf-8", errors="replace"))):
            grams.setdefault(g, str(p.relative_to(corpus)))
    for name, text in own_texts().items():
        hits = [g for g in ngrams(tokens(text)) if g in grams]
        for g in sorted(hits):
            problems.append(f"{name}: shares 9 words with corpus/{grams[g]}: {' '.join(g)!r}")
    return len(files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="gold folders (default: the project's own)")
    ap.add_argument("--corpus", type=Path, default=None, help="third-party corpus for the overlap check")
    ap.add_argument("--no-overlap", action="store_true", help="skip the overlap check")
    args = ap.parse_args()

    problems: list[str] = []
    dirs = [d.resolve() for d in args.dirs] or DEFAULT_DIRS
    for d in dirs:
        if not d.is_dir():
            problems.append(f"{d}: not a directory")
            continue
        n_files, n_events = check_dir(d, problems)
        print(f"{d.relative_to(REPO) if d.is_relative_to(REPO) else d}: {n_files} gold files, {n_events} events")

    if not args.no_overlap:
        corpus = args.corpus
        if corpus is None:
            for cand in (REPO.parent / "shared" / "corpus", REPO / "shared" / "corpus"):
                if cand.is_dir():
                    corpus = cand
                    break
        if corpus is None or not corpus.is_dir():
            print("overlap: no shared/corpus found, skipped")
        else:
            n = check_overlap(corpus, problems)
            print(f"overlap: checked against {n} corpus texts ({N}-word runs)")

    for p in problems:
        print("FAIL", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
