#!/usr/bin/env python3
"""Knowledge coverage per country: table tests of actors and places, and a report.

Reads the table tests of tests/knowledge/*.toml (format: tests/knowledge/README.md),
runs them through `vigie annotate`, and checks that every listed actor surface resolves
to the expected canonical actor and every listed place surface to a place of the
expected country within the given distance. Then writes (or checks) the coverage report
data/COVERAGE.md: for each country, the named actors that operate there, their aliases,
the template actors generated for it, its first-level divisions and how many have
hand-written names, its overlay places, and its table tests (passed / total).

Usage:
    python3 scripts/data/knowledge.py --vigie target/release/vigie [--data DIR]
                                      [--write | --check] [--only FILE] [-v]
    --data DIR   pass --data DIR to vigie (test edited data without rebuilding)
    --write      rewrite data/COVERAGE.md
    --check      fail when data/COVERAGE.md differs from what this run computes
    --only FILE  run only the cases of FILE (a file name in the tables directory; no report)
    --tables DIR read the table files from DIR instead of tests/knowledge
Exit status: 0 when every case passes (and, with --check, the report is current).
Python 3.11+ standard library only.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tomllib
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_data as cd  # noqa: E402  (same directory: data loaders)

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CASE_KEYS = {"country", "lang", "date", "text", "actors", "places", "none", "notes"}
DEFAULT_KM = 30.0
# Countries every release must cover (issue 14): at least MIN_CASES table tests each.
REQUIRED = [
    "SD", "SS", "ET", "SO", "KE", "MZ", "NG", "CM", "TD", "NE", "BJ", "TG", "BF", "ML", "LY",
    "EG", "DZ", "IL", "PS", "LB", "YE", "IQ", "SY", "TR", "IR", "AF", "PK", "IN", "MM", "PH",
    "UA", "RU", "AM", "AZ", "CD", "CF", "BI", "HT", "MX", "CO", "VE", "EC",
]
MIN_CASES = 10


def load_cases(kdir, only=None):
    """(cases, format errors). A case is a dict with its file and index."""
    cases, errors = [], []
    countries = cd.load_countries(os.path.join(ROOT, "data", "countries.tsv"))
    for fn in sorted(os.listdir(kdir)):
        if not fn.endswith(".toml") or (only and fn != only):
            continue
        path = os.path.join(kdir, fn)
        try:
            data = tomllib.load(open(path, "rb"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            errors.append(f"{fn}: {e}")
            continue
        defaults = data.get("defaults", {})
        for i, c in enumerate(data.get("case", []), start=1):
            where = f"{fn} case {i}"
            for k in set(c) - CASE_KEYS:
                errors.append(f"{where}: unknown key {k!r}")
            c = {**defaults, **c}
            text = c.get("text")
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: text is required")
                continue
            if c.get("country") not in countries:
                errors.append(f"{where}: country {c.get('country')!r} is not in data/countries.tsv")
            if not isinstance(c.get("lang"), str):
                errors.append(f"{where}: lang is required")
            for a in c.get("actors", []):
                if not (isinstance(a, list) and len(a) == 2 and all(isinstance(x, str) for x in a)):
                    errors.append(f"{where}: actors entries are [surface, canonical], got {a!r}")
                elif a[0] not in text:
                    errors.append(f"{where}: actor surface {a[0]!r} is not in the text")
            for p in c.get("places", []):
                ok = (isinstance(p, list) and len(p) in (4, 5) and isinstance(p[0], str)
                      and isinstance(p[1], str) and all(isinstance(x, (int, float)) for x in p[2:]))
                if not ok:
                    errors.append(f"{where}: places entries are [surface, country, lat, lon(, km)], got {p!r}")
                elif p[0] not in text:
                    errors.append(f"{where}: place surface {p[0]!r} is not in the text")
            for s in c.get("none", []):
                if not isinstance(s, str) or s not in text:
                    errors.append(f"{where}: 'none' surface {s!r} is not in the text")
            if not c.get("actors") and not c.get("places") and not c.get("none"):
                errors.append(f"{where}: a case must expect something")
            c["_file"], c["_index"] = fn, i
            cases.append(c)
    return cases, errors


def occurrences(text_bytes, surface):
    sb = surface.encode("utf-8")
    out, start = [], 0
    while True:
        i = text_bytes.find(sb, start)
        if i < 0:
            return out
        out.append((i, i + len(sb)))
        start = i + 1


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def km_between(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def annotate(vigie, data, cases):
    lines = []
    for n, c in enumerate(cases):
        rec = {"id": f"k{n}", "language": c["lang"], "text": c["text"]}
        if c.get("date"):
            rec["published"] = str(c["date"])
        lines.append(json.dumps(rec, ensure_ascii=False))
    cmd = [vigie]
    if data:
        cmd += ["--data", data]
    cmd += ["-q", "annotate", "-"]
    res = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"vigie annotate failed ({res.returncode}): {res.stderr.strip()}")
    out = {}
    for line in res.stdout.splitlines():
        r = json.loads(line)
        out[r["id"]] = r
    return out


def check_case(c, rec):
    """The failures of one case (empty when it passes)."""
    text = c["text"].encode("utf-8")
    mentions = rec.get("mentions", []) if rec else []
    fails = []
    for surface, canonical in c.get("actors", []):
        spans = occurrences(text, surface)
        got = [m.get("canonical") for m in mentions if m.get("kind") == "actor"
               and any(overlaps(m["span"], s) for s in spans)]
        if canonical not in got:
            fails.append(f"actor {surface!r}: want {canonical!r}, got {got or 'nothing'}")
    for p in c.get("places", []):
        surface, country, lat, lon = p[:4]
        km = p[4] if len(p) > 4 else DEFAULT_KM
        spans = occurrences(text, surface)
        got = [m for m in mentions if m.get("kind") == "place"
               and any(overlaps(m["span"], s) for s in spans)]
        good = [m for m in got if m.get("country") == country and m.get("latitude") is not None
                and km_between(lat, lon, m["latitude"], m["longitude"]) <= km]
        if not good:
            desc = [f"{m.get('name')} {m.get('country')} {m.get('latitude')},{m.get('longitude')}" for m in got]
            fails.append(f"place {surface!r}: want {country} near {lat},{lon} (<= {km:g} km), "
                         f"got {desc or 'nothing'}")
    for surface in c.get("none", []):
        spans = occurrences(text, surface)
        got = [f"{m['kind']} {m.get('canonical') or m.get('name')}" for m in mentions
               if m.get("kind") in ("actor", "place") and any(overlaps(m["span"], s) for s in spans)]
        if got:
            fails.append(f"{surface!r} must be neither actor nor place, got {got}")
    return fails


def static_coverage():
    """Per-country counts from the data files (the same loaders as check_data.py)."""
    data = os.path.join(ROOT, "data")
    adir = os.path.join(data, "actors")
    countries = cd.load_countries(os.path.join(data, "countries.tsv"))
    actors = {}
    rel = lambda p: os.path.relpath(p, ROOT)  # noqa: E731
    cd.load_templates(rel(os.path.join(adir, "templates.toml")), countries, actors)
    named = {}
    for fn in sorted(os.listdir(adir)):
        if fn.endswith(".toml") and fn not in ("templates.toml", "generic.toml"):
            cd.load_named(rel(os.path.join(adir, fn)), actors, countries, named)
    per = defaultdict(lambda: defaultdict(int))
    for a in actors.values():
        n_alias = sum(len(a.aliases[lang]) for lang in cd.LANGS)
        for c in a.countries:
            if a.origin == "template":
                per[c]["templates"] += 1
                if getattr(a, "extended", False):
                    per[c]["extended"] += 1
            else:
                per[c]["named"] += 1
                per[c]["named_aliases"] += n_alias
    gz = os.path.join(data, "gazetteer")
    with open(os.path.join(gz, "admin1.tsv"), encoding="utf-8") as fh:
        for line in fh.read().splitlines()[2:]:
            per[line.split("\t")[0].split(".")[0]]["admin1"] += 1
    with open(os.path.join(gz, "admin1_names.tsv"), encoding="utf-8") as fh:
        for line in fh.read().splitlines()[1:]:
            per[line.split("\t")[0].split(".")[0]]["admin1_named"] += 1
    with open(os.path.join(gz, "overlay.tsv"), encoding="utf-8") as fh:
        for line in fh.read().splitlines()[2:]:
            per[line.split("\t")[2]]["overlay"] += 1
    return countries, per


def report(countries, per, results):
    """The markdown coverage report."""
    def name_of(c):
        return countries[c]["name_en"] if c in countries else c

    listed = sorted(set(REQUIRED) | {c for c, v in per.items() if v.get("named") and c in countries}
                    | {c for c, _ in results}, key=name_of)
    lines = [
        "# Knowledge coverage by country",
        "",
        "Generated by `python3 scripts/data/knowledge.py --write` (CI checks it is current).",
        "`named`: named actors operating in the country (hand-written, `data/actors/<region>.toml`);",
        "`aliases/actor`: their mean number of aliases (French and English, canonical name not counted);",
        "`templates`: actors generated for the country by `data/actors/templates.toml` (state forces,",
        "police, civilians, protesters, rioters, unidentified armed group), `ext.` how many of them",
        "carry hand-written aliases; `admin1`: first-level divisions, `named` how many have",
        "hand-written names (`data/gazetteer/admin1_names.tsv`); `overlay`: hand-written places",
        "(`data/gazetteer/overlay.tsv`); `tests`: table tests of `tests/knowledge/` passed / total.",
        f"Countries in **bold** are required to have at least {MIN_CASES} table tests.",
        "",
        "| country | ISO | named | aliases/actor | templates | ext. | admin1 | named | overlay | tests |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    res = defaultdict(lambda: [0, 0])
    for c, ok in results:
        res[c][1] += 1
        res[c][0] += int(ok)
    for c in listed:
        v = per.get(c, {})
        name = name_of(c)
        if c in REQUIRED:
            name = f"**{name}**"
        mean = v.get("named_aliases", 0) / v["named"] if v.get("named") else 0
        passed, total = res[c] if c in res else (0, 0)
        lines.append(f"| {name} | {c} | {v.get('named', 0)} | {mean:.1f} | {v.get('templates', 0)} | "
                     f"{v.get('extended', 0)} | {v.get('admin1', 0)} | {v.get('admin1_named', 0)} | "
                     f"{v.get('overlay', 0)} | {passed}/{total} |")
    tot = [sum(r[0] for r in res.values()), sum(r[1] for r in res.values())]
    lines += ["", f"Table tests: {tot[0]} of {tot[1]} pass, over {len(res)} countries.", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vigie", default=os.path.join(ROOT, "target", "release", "vigie"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default=None)
    ap.add_argument("--tables", default=os.path.join(ROOT, "tests", "knowledge"),
                    help="directory of table files (default: tests/knowledge)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    kdir = args.tables
    cases, errors = load_cases(kdir, args.only)
    for e in errors:
        print(f"ERROR: {e}")
    recs = annotate(args.vigie, args.data, cases) if cases else {}
    results, failed = [], 0
    for n, c in enumerate(cases):
        fails = check_case(c, recs.get(f"k{n}"))
        results.append((c["country"], not fails))
        if fails:
            failed += 1
            print(f"FAIL {c['_file']} case {c['_index']} ({c['country']}, {c['lang']}): {c['text'][:90]}")
            for f in fails:
                print(f"     {f}")
        elif args.verbose:
            print(f"ok   {c['_file']} case {c['_index']}")
    print(f"knowledge tables: {len(cases) - failed} of {len(cases)} cases pass")
    status = 1 if errors or failed else 0
    if args.only:
        return status
    counts = defaultdict(int)
    for c, _ in results:
        counts[c] += 1
    short = [c for c in REQUIRED if counts[c] < MIN_CASES]
    if short:
        print(f"countries with fewer than {MIN_CASES} table tests: {' '.join(short)}")
        status = 1
    countries, per = static_coverage()
    text = report(countries, per, results)
    path = os.path.join(ROOT, "data", "COVERAGE.md")
    if args.write:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {os.path.relpath(path, ROOT)}")
    if args.check:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if old != text:
            print("data/COVERAGE.md is stale: run python3 scripts/data/knowledge.py --write")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
