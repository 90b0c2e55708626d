#!/usr/bin/env python3
"""Checks `vigie export` files the way their users load them.

    check_exports.py EVENTS CSV GEOJSON JSONL

EVENTS is the number of events the database holds. The ACLED CSV must
load with Python's csv module, carry ACLED's 31 columns in ACLED's order
and one row per event; the GeoJSON must be an RFC 7946 FeatureCollection
of Point features (longitude first, WGS 84, no "crs" member); the JSONL
one JSON object per line. Exits 1 with a message naming the file on the
first problem.
"""

import csv
import json
import sys

ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type "
    "sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 "
    "interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes "
    "fatalities tags timestamp"
).split()


def fail(path, msg):
    print(f"check_exports: {path}: {msg}", file=sys.stderr)
    sys.exit(1)


def check_csv(path, events):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ACLED_COLUMNS:
        fail(path, f"header is not ACLED's 31 columns: {rows[:1]}")
    body = rows[1:]
    if len(body) != events:
        fail(path, f"{len(body)} rows for {events} events")
    ids = set()
    for n, row in enumerate(body, start=2):
        if len(row) != len(ACLED_COLUMNS):
            fail(path, f"line {n}: {len(row)} fields")
        rec = dict(zip(ACLED_COLUMNS, row))
        if rec["event_id_cnty"] in ids:
            fail(path, f"line {n}: duplicate event_id_cnty {rec['event_id_cnty']}")
        ids.add(rec["event_id_cnty"])
        if len(rec["event_date"]) != 10 or rec["year"] != rec["event_date"][:4]:
            fail(path, f"line {n}: event_date {rec['event_date']!r} / year {rec['year']!r}")
        if rec["time_precision"] not in ("1", "2", "3"):
            fail(path, f"line {n}: time_precision {rec['time_precision']!r}")
        if rec["latitude"]:
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                fail(path, f"line {n}: coordinates {lat}, {lon}")
        if rec["fatalities"] and int(rec["fatalities"]) < 0:
            fail(path, f"line {n}: negative fatalities")
    print(f"{path}: {len(body)} rows, ACLED columns ok")


def check_geojson(path, events):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        fail(path, "not a FeatureCollection")
    if "crs" in doc:
        fail(path, "RFC 7946 has no 'crs' member")
    feats = doc["features"]
    located = 0
    for i, feat in enumerate(feats):
        if feat.get("type") != "Feature" or not isinstance(feat.get("properties"), dict):
            fail(path, f"feature {i} is not a Feature with properties")
        geom = feat.get("geometry")
        if geom is None:
            continue
        if geom.get("type") != "Point" or len(geom.get("coordinates", [])) != 2:
            fail(path, f"feature {i}: geometry is not a 2D Point")
        lon, lat = geom["coordinates"]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            fail(path, f"feature {i}: coordinates {lon}, {lat}")
        props = feat["properties"]
        if "latitude" in props and props["latitude"] is not None and abs(props["latitude"] - lat) > 1e-9:
            fail(path, f"feature {i}: coordinates are not [longitude, latitude]")
        located += 1
    if len(feats) > events:
        fail(path, f"{len(feats)} features for {events} events")
    print(f"{path}: {len(feats)} features ({located} located), RFC 7946 ok")


def check_jsonl(path, events):
    n = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            rec = json.loads(line)
            for key in ("id", "event_date", "event_type", "sub_event_type", "actor1", "sources"):
                if key not in rec:
                    fail(path, f"line {n}: no {key!r}")
    if n != events:
        fail(path, f"{n} lines for {events} events")
    print(f"{path}: {n} events ok")


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    events = int(sys.argv[1])
    check_csv(sys.argv[2], events)
    check_geojson(sys.argv[3], events)
    check_jsonl(sys.argv[4], events)


if __name__ == "__main__":
    main()
