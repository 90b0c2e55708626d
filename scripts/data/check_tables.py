#!/usr/bin/env python3
"""Validate the annotator test tables of crates/vigie-annotate/tests/data/.

Checks dates.tsv, numbers.tsv and actors.tsv against the formats described in
crates/vigie-annotate/tests/data/README.md: a leading '#' comment line, the column
count of every row, enumerations, date and number formats, that `surface` occurs in
`text`, the hedge/low/high rules of numbers, and the minimum number of cases per
language. For actors.tsv it also checks every canonical name and `inter` code against
data/actors/ and runs a reference matcher (the rules of data/actors/README.md:
folding, case-sensitive all-caps aliases, longest match, same-span ranking by country
and origin, nearest-actor resolution of generic references, fallbacks for the country
the text names) to confirm that mention `index` covers `surface` and resolves to
`canonical`. Prints the counts per language and category.

Usage: python3 scripts/data/check_tables.py [--root DIR] [--verbose]
Exit status: 0 when there is no error, 1 otherwise. Python 3.11+ standard library only.
"""
import argparse
import datetime as dt
import os
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_data as cd  # noqa: E402  (same directory: data loaders and folding rules)

LANGS = ("fr", "en")
DATE_COLS = ["lang", "published", "text", "index", "surface", "value", "precision", "end"]
NUMBER_COLS = ["lang", "text", "index", "surface", "value", "low", "high", "hedge", "counts"]
ACTOR_COLS = ["lang", "text", "index", "surface", "canonical", "inter"]
PRECISIONS = {"day", "week", "month", "year"}
HEDGES = {"exact", "approx", "at_least", "at_most", "vague", "range"}
COUNTS = {"killed", "wounded", "casualties", "captured", "abducted", "arrested", "fighters", "civilians",
          "people", "villages", "km2", "km", "displaced", "weapons"}
# Minimum number of cases: (total, per language).
MINIMUM = {"dates.tsv": (170, 80), "numbers.tsv": (90, 45), "actors.tsv": (110, 50)}
MIN_DATE_NONE = 15
MIN_GENERIC = 25

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ------------------------------------------------------------------ reading

def read_table(path, cols):
    """Rows as dicts (with '_line'), after checking the comment line and column counts."""
    name = os.path.basename(path)
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        err(name, "starts with a byte-order mark")
        raw = raw[1:]
    if "\r" in raw:
        err(name, "contains carriage returns (use LF line ends)")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        err(name, "does not end with a newline")
    if not lines or not lines[0].startswith("#"):
        err(name, "line 1 must be a '#' comment describing the columns")
    else:
        header = lines[0].lstrip("#").strip().split("\t")
        if header != cols:
            err(name, f"line 1 should list the columns {cols}, found {header}")
    for n, line in enumerate(lines[1:], start=2):
        where = f"{name}:{n}"
        if not line.strip():
            err(where, "empty line")
            continue
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(cols):
            err(where, f"{len(fields)} fields, expected {len(cols)}")
            continue
        row = dict(zip(cols, fields))
        row["_line"] = where
        for k, v in row.items():
            if k != "_line" and v != v.strip():
                err(where, f"field {k} has leading or trailing spaces")
        rows.append(row)
    return rows


def check_common(rows, name):
    seen = {}
    for r in rows:
        w = r["_line"]
        if r["lang"] not in LANGS:
            err(w, f"lang must be fr or en, not {r['lang']!r}")
        if not r["text"]:
            err(w, "empty text")
        if not re.fullmatch(r"\d+", r["index"]):
            err(w, f"index must be a non-negative integer, not {r['index']!r}")
        if not r["surface"]:
            err(w, "empty surface")
        elif r["surface"] not in r["text"]:
            err(w, f"surface {r['surface']!r} does not occur in text")
        elif r["text"].count(r["surface"]) > 1:
            err(w, f"surface {r['surface']!r} occurs more than once in text; make it unique")
        key = tuple(r[c] for c in ("lang", "published", "text", "index") if c in r)
        if key in seen:
            err(w, f"duplicate case (same as {seen[key]})")
        seen[key] = w


def check_minimum(rows, name):
    total, per = MINIMUM[name]
    by = Counter(r["lang"] for r in rows)
    if len(rows) < total:
        err(name, f"{len(rows)} cases, at least {total} expected")
    for lang in LANGS:
        if by[lang] < per:
            err(name, f"{by[lang]} {lang} cases, at least {per} expected")


# ------------------------------------------------------------------ dates

def parse_day(s):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def check_dates(rows):
    for r in rows:
        w = r["_line"]
        pub = r["published"]
        if pub and not parse_day(pub):
            if not re.fullmatch(r"\d{4}-\d{2}", pub) or not 1 <= int(pub[5:]) <= 12:
                err(w, f"published must be YYYY-MM-DD, YYYY-MM or empty, not {pub!r}")
        val, prec, end = r["value"], r["precision"], r["end"]
        if val == "NONE":
            if prec or end:
                err(w, "precision and end must be empty when value is NONE")
            continue
        d = parse_day(val)
        if d is None:
            err(w, f"value must be YYYY-MM-DD or NONE, not {val!r}")
            continue
        if prec not in PRECISIONS:
            err(w, f"precision must be one of {sorted(PRECISIONS)}, not {prec!r}")
        elif prec == "month" and d.day != 1:
            err(w, "a month-precision value is the 1st of the month")
        elif prec == "year" and (d.month, d.day) != (1, 1):
            err(w, "a year-precision value is January 1st")
        if end:
            e = parse_day(end)
            if e is None:
                err(w, f"end must be YYYY-MM-DD or empty, not {end!r}")
            elif e < d:
                err(w, f"end {end} is before value {val}")


def date_category(r):
    if r["value"] == "NONE":
        return "NONE"
    return r["precision"] + ("+end" if r["end"] else "")


# ------------------------------------------------------------------ numbers

NUM = re.compile(r"\d+(\.\d+)?")


def check_numbers(rows):
    for r in rows:
        w = r["_line"]
        bad = False
        for k in ("value", "low"):
            if not NUM.fullmatch(r[k]):
                err(w, f"{k} must be a number with '.' as decimal mark, not {r[k]!r}")
                bad = True
        if r["high"] != "inf" and not NUM.fullmatch(r["high"]):
            err(w, f"high must be a number or inf, not {r['high']!r}")
            bad = True
        h = r["hedge"]
        if h not in HEDGES:
            err(w, f"hedge must be one of {sorted(HEDGES)}, not {h!r}")
            bad = True
        if r["counts"] and r["counts"] not in COUNTS:
            err(w, f"counts must be empty or one of {sorted(COUNTS)}, not {r['counts']!r}")
        if bad:
            continue
        v, lo = float(r["value"]), float(r["low"])
        hi = float("inf") if r["high"] == "inf" else float(r["high"])
        if h in ("exact", "approx", "vague") and not (lo == v == hi):
            err(w, f"{h}: low and high must equal value")
        elif h == "at_least" and not (lo == v and r["high"] == "inf"):
            err(w, "at_least: low = value, high = inf")
        elif h == "at_most" and not (lo == 0 and hi == v):
            err(w, "at_most: low = 0, high = value")
        elif h == "range" and not (lo == v and hi > lo and r["high"] != "inf"):
            err(w, "range: value = low < high")


# ------------------------------------------------------------------ actors: reference matcher

def fold_char(c):
    c = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"}.get(c, c)
    s = unicodedata.normalize("NFKD", c)
    return "".join(x for x in s if not unicodedata.combining(x))


def tokens(text):
    """Folded tokens with their character span in `text` and whether their letters are all capitals."""
    out = []
    cur, start, orig = [], None, []
    for i, ch in enumerate(text + " "):
        f = fold_char(ch)
        if f and all(x.isalnum() for x in f):
            if start is None:
                start = i
            cur.append(f.lower())
            orig.append(f)
        else:
            if start is not None:
                letters = [x for x in "".join(orig) if x.isalpha()]
                out.append(("".join(cur), start, i, all(x.isupper() for x in letters)))
            cur, start, orig = [], None, []
    return out


class Lexicon:
    def __init__(self, root):
        data = os.path.join(root, "data")
        adir = os.path.join(data, "actors")
        self.countries = cd.load_countries(os.path.join(data, "countries.tsv"))
        self.actors = {}
        self.templates = cd.load_templates(os.path.join(adir, "templates.toml"), self.countries, self.actors)
        named = {}
        for fn in sorted(os.listdir(adir)):
            if fn.endswith(".toml") and fn not in ("templates.toml", "generic.toml"):
                cd.load_named(os.path.join(adir, fn), self.actors, self.countries, named)
        self.generic = tomllib.load(open(os.path.join(adir, "generic.toml"), "rb")).get("generic", [])
        # folded key -> list of candidates (origin, target, caps)
        self.index = defaultdict(list)
        for a in self.actors.values():
            self._add(a.name, ("template" if a.origin == "template" and not a.extended else "named", a.name))
            for lang in LANGS:
                for al, origin in a.aliases[lang].items():
                    self._add(al, (origin, a.name))
        for gi, g in enumerate(self.generic):
            for lang in LANGS:
                for al in g.get(lang, []):
                    self._add(al, ("generic", gi))
        self.maxlen = max(len(k) for k in self.index)
        # country names for the country the text is about
        self.cindex = defaultdict(list)
        for iso, row in self.countries.items():
            names = [row["name_en"], row["name_fr"]]
            names += [x for x in row["names_fr_alt"].split("|") + row["names_en_alt"].split("|") if x]
            for nm in names:
                key = tuple(cd.fold(nm).split())
                if key:
                    self.cindex[key].append((iso, cd.is_caps(nm)))
        self.cmax = max(len(k) for k in self.cindex)

    def _add(self, alias, cand):
        key = tuple(cd.fold(alias).split())
        if not key:
            return
        caps = cd.is_caps(alias)
        entry = (cand[0], cand[1], caps)
        if entry not in self.index[key]:
            self.index[key].append(entry)

    def country_of(self, toks):
        for i in range(len(toks)):
            for n in range(min(self.cmax, len(toks) - i), 0, -1):
                key = tuple(t[0] for t in toks[i:i + n])
                for iso, caps in self.cindex.get(key, []):
                    if not caps or all(t[3] for t in toks[i:i + n]):
                        return iso
        return None

    def entry_countries(self, cand):
        origin, target, _ = cand
        if origin == "generic":
            return set(self.generic[target].get("countries", []))
        return self.actors[target].countries

    def mentions(self, text):
        toks = tokens(text)
        country = self.country_of(toks)
        out = []
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(self.maxlen, len(toks) - i), 0, -1):
                key = tuple(t[0] for t in toks[i:i + n])
                cands = [c for c in self.index.get(key, []) if not c[2] or all(t[3] for t in toks[i:i + n])]
                if cands:
                    hit = (n, cands)
                    break
            if not hit:
                i += 1
                continue
            n, cands = hit

            def rank(c):
                cs = self.entry_countries(c)
                compatible = not cs or country is None or country in cs
                # a generic entry restricted to the text's country beats an unrestricted one
                restricted = c[0] == "generic" and bool(cs) and country in cs
                origin = {"named": 0, "template": 1, "generic": 2}[c[0]]
                return (not compatible, origin, 0 if restricted else 1)

            cands.sort(key=rank)
            best = cands[0]
            tied = {(c[0], c[1]) for c in cands if rank(c) == rank(best)}
            targets = {c[1] if c[0] != "generic" else ("generic", self.generic[c[1]]["class"])
                       for c in cands if rank(c) == rank(best)}
            out.append({"start": toks[i][1], "end": toks[i + n - 1][2], "tok": i, "ntok": n,
                        "cand": best, "ambiguous": len(targets) > 1, "tied": tied})
            i += n
        # sentence of each mention
        bounds = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-ZÀ-ÝÉ«\"])", text)]
        for m in out:
            m["sent"] = sum(1 for b in bounds if b <= m["start"])
        return out, country

    def fallback(self, g, country):
        fb = g.get("fallback")
        if fb is None:
            return None
        if isinstance(fb, dict):
            fb = fb.get(country, fb.get("*"))
            if fb is None:
                return None
        if "{" in fb:
            if country is None:
                return None
            for t in self.templates:
                if t["name"] == fb:
                    return t.get("names", {}).get(country) or cd.expand(fb, self.countries[country])[0]
            return None
        return fb

    def resolve(self, ments, k, country):
        """Canonical name of mention k, or None; second value: the two resolution readings disagree."""
        m = ments[k]
        origin, target, _ = m["cand"]
        if origin != "generic":
            return target, False
        g = self.generic[target]
        cls = g["class"]
        cands = [j for j, x in enumerate(ments) if x["cand"][0] != "generic" and cls in self.actors[x["cand"][1]].classes]

        def readme_order():
            same = [j for j in cands if ments[j]["sent"] == m["sent"]]
            before = sorted((j for j in same if j < k), reverse=True)
            after = sorted(j for j in same if j > k)
            if before:
                return before[0]
            if after:
                return after[0]
            prev = [j for j in cands if ments[j]["sent"] < m["sent"]]
            if prev:
                return max(prev)
            nxt = [j for j in cands if ments[j]["sent"] > m["sent"]]
            return min(nxt) if nxt else None

        def nearest():
            if not cands:
                return None
            return min(cands, key=lambda j: (abs(ments[j]["tok"] - m["tok"]), j > k))

        # Entries with prefer_fallback (protesters, rioters, civilians)
        # resolve to the country's actor even when a named group is near.
        if g.get("prefer_fallback") and self.fallback(g, country) is not None:
            return self.fallback(g, country), False
        a, b = readme_order(), nearest()
        if a is not None:
            return ments[a]["cand"][1], a != b
        return self.fallback(g, country), False


def check_actors(rows, lex, verbose):
    kinds = {}
    for r in rows:
        w = r["_line"]
        canon = r["canonical"]
        if canon != "NONE":
            if canon not in lex.actors:
                err(w, f"canonical {canon!r} is not an actor of data/actors/")
            elif not re.fullmatch(r"[1-8]", r["inter"]):
                err(w, f"inter must be 1..8, not {r['inter']!r}")
            elif int(r["inter"]) != lex.actors[canon].inter:
                err(w, f"inter {r['inter']} but the data gives {canon!r} inter {lex.actors[canon].inter}")
        elif r["inter"]:
            err(w, "inter must be empty when canonical is NONE")
        ments, country = lex.mentions(r["text"])
        s0 = r["text"].find(r["surface"])
        s1 = s0 + len(r["surface"])
        if canon == "NONE":
            kinds[w] = "none"
            for m in ments:
                if m["start"] < s1 and s0 < m["end"]:
                    err(w, f"surface {r['surface']!r} overlaps the actor mention {r['text'][m['start']:m['end']]!r}")
            continue
        k = int(r["index"]) if r["index"].isdigit() else -1
        if not 0 <= k < len(ments):
            found = [r["text"][m["start"]:m["end"]] for m in ments]
            err(w, f"mention index {k} out of range; the reference matcher finds {found}")
            continue
        m = ments[k]
        kinds[w] = m["cand"][0]
        span = r["text"][m["start"]:m["end"]]
        if not (m["start"] < s1 and s0 < m["end"]):
            found = [r["text"][x["start"]:x["end"]] for x in ments]
            err(w, f"mention {k} is {span!r}, which does not overlap surface {r['surface']!r}; mentions: {found}")
            continue
        if m["ambiguous"]:
            err(w, f"mention {span!r} has several equally ranked entries: {sorted(map(str, m['tied']))}")
        got, unsure = lex.resolve(ments, k, country)
        if got != canon:
            err(w, f"mention {span!r} resolves to {got!r} (country {country}), expected {canon!r}")
        if unsure:
            err(w, f"generic {span!r}: 'nearest' and the README's sentence order pick different actors")
        if verbose:
            print(f"  {w}: [{k}] {span!r} -> {got} ({m['cand'][0]}, country {country})")
    return kinds


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.normpath(os.path.join(HERE, "..", "..")))
    ap.add_argument("--verbose", "-v", action="store_true", help="print every actor mention checked")
    args = ap.parse_args()
    tdir = os.path.join(args.root, "crates", "vigie-annotate", "tests", "data")

    dates = read_table(os.path.join(tdir, "dates.tsv"), DATE_COLS)
    numbers = read_table(os.path.join(tdir, "numbers.tsv"), NUMBER_COLS)
    actors = read_table(os.path.join(tdir, "actors.tsv"), ACTOR_COLS)
    for rows, name in ((dates, "dates.tsv"), (numbers, "numbers.tsv"), (actors, "actors.tsv")):
        check_common(rows, name)
        check_minimum(rows, name)
    check_dates(dates)
    check_numbers(numbers)
    n_data_errors = len(cd.errors)
    lex = Lexicon(args.root)
    if len(cd.errors) > n_data_errors:
        for e in cd.errors[n_data_errors:]:
            err("data/actors", e)
    kinds = check_actors(actors, lex, args.verbose)

    def show(title, rows, cat):
        print(title)
        for lang in LANGS:
            sub = [r for r in rows if r["lang"] == lang]
            c = Counter(cat(r) for r in sub)
            print(f"  {lang}: {len(sub):>4}  " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))

    show(f"dates.tsv: {len(dates)} cases (by precision; +end = span)", dates, date_category)
    show("dates.tsv by publication precision", dates,
         lambda r: "day" if len(r["published"]) == 10 else "month" if r["published"] else "unknown")
    show(f"numbers.tsv: {len(numbers)} cases (by hedge)", numbers, lambda r: r["hedge"])
    show("numbers.tsv by counted category", numbers, lambda r: r["counts"] or "(none)")
    show(f"actors.tsv: {len(actors)} cases (by kind of mention)", actors, lambda r: kinds.get(r["_line"], "?"))
    show("actors.tsv by inter", actors, lambda r: r["inter"] or "NONE")

    n_none = sum(1 for r in dates if r["value"] == "NONE")
    if n_none < MIN_DATE_NONE:
        err("dates.tsv", f"{n_none} NONE cases, at least {MIN_DATE_NONE} expected")
    n_gen = sum(1 for v in kinds.values() if v == "generic")
    if n_gen < MIN_GENERIC:
        err("actors.tsv", f"{n_gen} generic cases, at least {MIN_GENERIC} expected")

    for e in errors:
        print(f"ERROR: {e}")
    print(f"{'FAILED' if errors else 'OK'}: {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
