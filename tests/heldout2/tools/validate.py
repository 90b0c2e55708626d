#!/usr/bin/env python3
"""Checks a held-out set's gold: valid JSON, required fields, ACLED taxonomy, evidence verbatim in the article.

usage: validate.py [FOLDER]   (default: tests/heldout2; also used for tests/heldout3)
"""
import json, os, re, sys
D = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAX = {
 "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
 "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                "Remote explosive/landmine/IED", "Grenade"},
 "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
 "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
 "Riots": {"Violent demonstration", "Mob violence"},
 "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                            "Headquarters or base established", "Looting/property destruction",
                            "Non-violent transfer of territory", "Other"},
}
FIELDS = ["event_date", "date_precision", "event_type", "sub_event_type", "actor1", "assoc_actor1", "actor2",
          "assoc_actor2", "inter1", "inter2", "country", "admin1", "location", "latitude", "longitude",
          "geo_precision", "fatalities", "claimed_by", "territory_km2", "evidence", "notes", "event_key"]
texts = {}
for fn in os.listdir(D):
    if fn.endswith(".txt"):
        texts[fn[:-4]] = open(os.path.join(D, fn), encoding="utf8").read()
for line in open(os.path.join(D, "articles.jsonl"), encoding="utf8"):
    a = json.loads(line)
    assert set(a) == {"id", "url", "title", "text"}, a.keys()
    texts[a["id"]] = a["title"] + "\n" + a["text"]
errs, n, keys = [], 0, {}
golds = sorted(f for f in os.listdir(os.path.join(D, "gold")) if f.endswith(".json"))
for fn in golds:
    art = fn[:-5]
    g = json.load(open(os.path.join(D, "gold", fn), encoding="utf8"))
    e = lambda m: errs.append(f"{art}: {m}")
    if g.get("article") != art: e("article id mismatch")
    if art not in texts: e("no article text"); continue
    if g.get("language") not in ("en", "fr"): e("language")
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", g.get("published") or ""): e("published")
    for k in ("outlet", "events"):
        if k not in g: e("missing " + k)
    for i, ev in enumerate(g["events"]):
        n += 1
        for f in FIELDS:
            if f not in ev: e(f"event {i}: missing {f}")
        if ev["event_type"] not in TAX or ev["sub_event_type"] not in TAX[ev["event_type"]]:
            e(f"event {i}: bad type {ev['event_type']}/{ev['sub_event_type']}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ev["event_date"]): e(f"event {i}: event_date")
        if ev["date_precision"] not in ("day", "week", "month", "year"): e(f"event {i}: precision")
        if ev["inter1"] not in range(1, 9): e(f"event {i}: inter1")
        if (ev["actor2"] is None) != (ev["inter2"] is None): e(f"event {i}: actor2/inter2")
        if ev["inter2"] is not None and ev["inter2"] not in range(1, 9): e(f"event {i}: inter2")
        if ev["geo_precision"] not in (1, 2, 3): e(f"event {i}: geo_precision")
        if not (-90 <= ev["latitude"] <= 90 and -180 <= ev["longitude"] <= 180): e(f"event {i}: coords")
        if not re.fullmatch(r"[A-Z]{2}", ev["country"]): e(f"event {i}: country")
        if ev["fatalities"] is not None and (not isinstance(ev["fatalities"], int) or ev["fatalities"] < 0): e(f"event {i}: fatalities")
        for f in ("assoc_actor1", "assoc_actor2", "claimed_by"):
            if not isinstance(ev[f], list): e(f"event {i}: {f} not a list")
        if not ev["evidence"] or ev["evidence"] not in texts[art]: e(f"event {i}: evidence not verbatim: {ev['evidence'][:60]}")
        if ev["date_precision"] == "day" and len(g["published"]) == 10 and ev["event_date"] > g["published"]:
            e(f"event {i}: event after publication")
        keys.setdefault(ev["event_key"], []).append(art)
missing = set(texts) - {f[:-5] for f in golds}
if missing: errs.append(f"articles without gold: {sorted(missing)}")
for k, arts in keys.items():
    if len(arts) != len(set(arts)): errs.append(f"event_key {k} repeated within one article")
print(f"{len(golds)} gold files, {len(texts)} articles, {n} events")
print("\n".join(errs) if errs else "OK")
sys.exit(1 if errs else 0)
