#!/usr/bin/env python3
"""Validate vigie's knowledge data files.

Checks data/countries.tsv, data/actors/*.toml (templates, generic references and
named actors), data/claimants.toml and data/outlets.tsv against the formats in
data/actors/README.md, reports alias collisions, and prints counts.

Usage: python3 scripts/data/check_data.py [--root DIR] [--verbose]
Exit status: 0 when there is no error (notes and allowed collisions are fine), 1 otherwise.
Python 3.11+ standard library only.
"""
import argparse
import csv
import itertools
import os
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict

REGIONS = {
    "Middle East", "Northern Africa", "Western Africa", "Middle Africa", "Eastern Africa",
    "Southern Africa", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia",
    "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania", "Antarctica",
}
COUNTRY_HEADER = ["iso2", "iso3", "name_en", "name_fr", "adj_en", "adj_fr_ms", "adj_fr_fs",
                  "adj_fr_mp", "adj_fr_fp", "region", "names_fr_alt", "names_en_alt"]
# Optional 13th column: ISO 3166-1 numeric code (plain integer, empty for XK).
COUNTRY_HEADER_NUM = COUNTRY_HEADER + ["iso_num"]
PLACEHOLDERS = {"name_en", "name_fr", "adj_en", "adj_fr_ms", "adj_fr_fs", "adj_fr_mp", "adj_fr_fp"}
# Keep in sync with the class table of data/actors/README.md.
CLASSES = {
    "state_forces", "military", "government", "police", "jihadist", "terrorist", "rebel",
    "insurgent", "separatist", "kurdish", "militia", "pro_government", "opposition", "armed_group",
    "unidentified", "mercenary", "coalition", "peacekeepers", "foreign_forces", "protesters",
    "rioters", "civilians",
}
CLAIMANT_KINDS = {"agency", "observatory", "ministry", "military", "outlet", "official", "ngo",
                  "group", "witness"}
# Canonical names the evaluation uses verbatim, with their inter code where the gold fixes it.
REQUIRED_ACTORS = {
    "Military Forces of Syria": 1, "Islamic State": 2, "Hezbollah": None, "Syrian Democratic Forces": None,
    "Military Forces of Russia": 1, "Military Forces of the United States": 1, "Maghawir al-Thawra": 2,
    "Lions of the East Army": 2, "Pro-government militias": None, "Free Syrian Army": 2, "Kurdish YPG": 2,
    "Military Forces of Turkey": 1, "Military Forces of Iraq": 1, "Taliban": 2, "Military Forces of Afghanistan": 1,
    "NATO: North Atlantic Treaty Organization": 8, "Boko Haram - JAS": 2, "Libyan National Army": 2,
    "Military Forces of Libya (Government of National Accord)": 1,
    "M5-RFP: June 5 Movement - Rally of Patriotic Forces": None, "Protesters (Mali)": 6, "Police Forces of Mali": 1,
    "Civilians (Syria)": 7, "Civilians (Ukraine)": 7, "Civilians (Cameroon)": 7, "Civilians (Afghanistan)": 7,
}
ACTOR_KEYS = {"name", "inter", "countries", "years", "classes", "fr", "en", "leaders", "notes", "from", "until",
              "dated"}
DATED_KEYS = {"from", "until", "fr", "en", "notes"}
TEMPLATE_KEYS = {"name", "inter", "classes", "names", "fr", "en", "notes"}
GENERIC_KEYS = {"class", "fallback", "countries", "fr", "en", "notes", "prefer_fallback", "local"}
CLAIMANT_KEYS = {"name", "kind", "fr", "en", "notes"}
LANGS = ("fr", "en")
# Single words that must never be a named actor's or a claimant's alias on their own.
COMMON_WORDS = {
    "armee", "army", "forces", "force", "troupes", "troops", "police", "regime", "rebelles", "rebels",
    "etat", "state", "islamique", "islamic", "front", "militaires", "soldats", "soldiers", "gouvernement",
    "government", "milice", "militia", "milices", "militias", "groupe", "group", "mouvement", "movement",
    "coalition", "agence", "agency", "source", "sources", "ministere", "ministry", "presse", "press",
    "temoins", "witnesses", "medecins", "doctors", "unite", "unites", "brigade", "division", "legion",
    "opposition", "resistance", "liberation", "defense", "defence", "securite", "security", "national",
    "nationale", "populaire", "popular", "peuple", "people", "paix", "peace", "justice", "union",
    "sud", "nord", "est", "ouest", "south", "north", "east", "west", "sana", "mend", "rada", "azov",
}

# Single words that must not be a claimant's alias on their own (place names, common words).
# Generic sources ("témoins", "police") are single words on purpose and are allowed.
AMBIGUOUS_SOURCE_WORDS = {"sana", "fars", "saba", "petra", "mehr", "efe", "ap", "ria"}

errors = []
notes = []


def err(msg):
    errors.append(msg)


def note(msg):
    notes.append(msg)


_SEP = re.compile(r"[^0-9a-z]+")


def fold(s):
    """Case- and accent-insensitive key; apostrophes, hyphens and other punctuation count as spaces."""
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return _SEP.sub(" ", s).strip()


def is_caps(alias):
    """True for an alias matched only in capitals: at least two letters, all upper case."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def check_alias_text(where, a):
    if not isinstance(a, str) or not a.strip():
        err(f"{where}: empty or non-string alias {a!r}")
        return False
    if a != a.strip() or "  " in a:
        err(f"{where}: alias {a!r} has stray spaces")
    if not fold(a):
        err(f"{where}: alias {a!r} has no letters or digits")
        return False
    return True


# ------------------------------------------------------------------ countries

def load_countries(path):
    countries = {}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    if not lines or lines[0] != "# vigie-countries 1":
        err(f"{path}: line 1 must be '# vigie-countries 1'")
    if len(lines) < 2 or lines[1].split("\t") not in (COUNTRY_HEADER, COUNTRY_HEADER_NUM):
        err(f"{path}: line 2 must be the header {COUNTRY_HEADER_NUM} (iso_num optional)")
    nums = {}
    for n, line in enumerate(lines[2:], start=3):
        if line == "":
            continue
        f = line.split("\t")
        if len(f) not in (12, 13):
            err(f"{path}:{n}: {len(f)} columns instead of 12 or 13")
            continue
        row = dict(zip(COUNTRY_HEADER_NUM, f))
        num = row.get("iso_num", "")
        if num:
            if not re.fullmatch(r"[1-9][0-9]{0,2}", num):
                err(f"{path}:{n}: bad iso_num {num!r} (an integer from 1 to 999, no leading zeros)")
            elif num in nums:
                err(f"{path}:{n}: iso_num {num} already used by {nums[num]}")
            else:
                nums[num] = row["iso2"]
        iso2 = row["iso2"]
        if not re.fullmatch(r"[A-Z]{2}", iso2):
            err(f"{path}:{n}: bad iso2 {iso2!r}")
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
            err(f"{path}:{n}: bad iso3 {row['iso3']!r}")
        if iso2 in countries:
            err(f"{path}:{n}: duplicate iso2 {iso2}")
        if row["region"] not in REGIONS:
            err(f"{path}:{n}: bad region {row['region']!r}")
        if not row["name_en"] or not row["name_fr"]:
            err(f"{path}:{n}: empty name")
        for k in COUNTRY_HEADER[4:9] + ["names_fr_alt", "names_en_alt"]:
            v = row[k]
            if v and any(x.strip() == "" or x != x.strip() for x in v.split("|")):
                err(f"{path}:{n}: empty or padded variant in {k}: {v!r}")
        adj = [row[k] for k in COUNTRY_HEADER[5:9]]
        if any(adj) and not all(adj):
            err(f"{path}:{n}: French adjectives must be all filled or all empty")
        countries[iso2] = row
    iso3 = [r["iso3"] for r in countries.values()]
    if len(set(iso3)) != len(iso3):
        err(f"{path}: duplicate iso3 codes")
    return countries


# ------------------------------------------------------------------ actors

class Actor:
    def __init__(self, name, inter, countries, years, classes, origin, src):
        self.name = name
        self.inter = inter
        self.countries = set(countries or [])
        self.years = years
        self.classes = set(classes or [])
        self.origin = origin  # "template" or "named"
        self.src = src
        self.aliases = {"fr": {}, "en": {}}  # lang -> alias -> "template" | "named"
        self.extended = False
        self.periods = {}  # folded alias -> (from, until) ISO days ("" when open)

    def add(self, lang, alias, origin):
        prev = self.aliases[lang].get(alias)
        if prev is None or origin == "named":
            self.aliases[lang][alias] = origin


_PH = re.compile(r"\{([a-z_]+)\}")


def expand(pattern, row):
    """All expansions of a template string for one country row ([] if a placeholder is empty)."""
    keys = _PH.findall(pattern)
    choices = []
    for k in keys:
        v = row[k]
        if not v:
            return []
        choices.append(v.split("|") if k.startswith("adj_") else [v])
    out = []
    for combo in itertools.product(*choices):
        it = iter(combo)
        out.append(_PH.sub(lambda m: next(it), pattern))
    return out


def check_classes(where, classes):
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        err(f"{where}: classes must be a list of strings")
        return []
    for c in classes:
        if c not in CLASSES:
            err(f"{where}: unknown class {c!r}")
    return classes


def check_lang_lists(where, entry, allow_empty=True):
    out = {}
    for lang in LANGS:
        lst = entry.get(lang, [])
        if not isinstance(lst, list):
            err(f"{where}: {lang} must be a list")
            lst = []
        seen = {}
        good = []
        for a in lst:
            if not check_alias_text(f"{where} [{lang}]", a):
                continue
            k = (fold(a), is_caps(a))
            if k in seen:
                note(f"{where} [{lang}]: {a!r} repeats {seen[k]!r} after folding")
            seen[k] = a
            good.append(a)
        out[lang] = good
    if not allow_empty and not out["fr"] and not out["en"]:
        err(f"{where}: no alias at all")
    return out


def load_templates(path, countries, actors):
    data = tomllib.load(open(path, "rb"))
    if set(data) - {"template"}:
        err(f"{path}: unknown top-level keys {sorted(set(data) - {'template'})}")
    templates = data.get("template", [])
    for i, t in enumerate(templates):
        where = f"{path} template #{i + 1}"
        for k in set(t) - TEMPLATE_KEYS:
            err(f"{where}: unknown key {k!r}")
        name = t.get("name")
        if not isinstance(name, str) or "{name_en}" not in name:
            err(f"{where}: name must be a string containing {{name_en}}")
            continue
        where = f"{path} template {name!r}"
        inter = t.get("inter")
        if not isinstance(inter, int) or not 1 <= inter <= 8:
            err(f"{where}: inter must be an integer 1..8")
        classes = check_classes(where, t.get("classes", []))
        for s in [name] + t.get("fr", []) + t.get("en", []):
            for ph in _PH.findall(s):
                if ph not in PLACEHOLDERS:
                    err(f"{where}: unknown placeholder {{{ph}}} in {s!r}")
            if s.count("{") != s.count("}") or re.search(r"\{[^}]*\{", s):
                err(f"{where}: unbalanced braces in {s!r}")
        names = t.get("names", {})
        if not isinstance(names, dict):
            err(f"{where}: names must be a table ISO2 -> name")
            names = {}
        for iso, nm in names.items():
            if iso not in countries:
                err(f"{where}: names override for unknown country {iso!r}")
            if not isinstance(nm, str) or not nm:
                err(f"{where}: bad names override for {iso}")
        lists = check_lang_lists(where, t)
        for lang in LANGS:
            for a in lists[lang]:
                if "{" not in a:
                    err(f"{where}: alias {a!r} has no placeholder (it would name every country)")
        for iso, row in countries.items():
            nm = names.get(iso) or expand(name, row)[0]
            if nm in actors:
                err(f"{where}: generated name {nm!r} already exists")
                continue
            act = Actor(nm, inter, [iso], None, classes, "template", path)
            for lang in LANGS:
                for a in lists[lang]:
                    for x in expand(a, row):
                        act.add(lang, x, "template")
            actors[nm] = act
    return templates


def load_named(path, actors, countries, named_names):
    data = tomllib.load(open(path, "rb"))
    if set(data) - {"actor"}:
        err(f"{path}: unknown top-level keys {sorted(set(data) - {'actor'})}")
    entries = data.get("actor", [])
    new = ext = 0
    for i, a in enumerate(entries):
        where = f"{path} actor #{i + 1}"
        for k in set(a) - ACTOR_KEYS:
            err(f"{where}: unknown key {k!r}")
        name = a.get("name")
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            err(f"{where}: name is required (non-empty string)")
            continue
        where = f"{path} {name!r}"
        if name in named_names:
            err(f"{where}: duplicate canonical name (also in {named_names[name]})")
            continue
        named_names[name] = path
        inter = a.get("inter")
        if not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8:
            err(f"{where}: inter is required, an integer 1..8")
        cs = a.get("countries", [])
        if not isinstance(cs, list):
            err(f"{where}: countries must be a list")
            cs = []
        for c in cs:
            if c not in countries:
                err(f"{where}: unknown country {c!r}")
        years = a.get("years")
        if years is not None:
            if (not isinstance(years, list) or len(years) != 2 or not all(isinstance(y, int) for y in years)
                    or not 1900 <= years[0] <= years[1] <= 2100):
                err(f"{where}: years must be [from, to] with 1900 <= from <= to <= 2100")
                years = None
        classes = check_classes(where, a.get("classes", []))
        leaders = a.get("leaders", [])
        if not isinstance(leaders, list) or not all(isinstance(x, str) and x.strip() for x in leaders):
            err(f"{where}: leaders must be a list of non-empty names")
        lists = check_lang_lists(where, a, allow_empty=False)
        for lang in LANGS:
            for al in lists[lang]:
                if "{" in al or "}" in al:
                    err(f"{where}: braces in alias {al!r}")
                if not is_caps(al) and " " not in fold(al) and fold(al) in COMMON_WORDS:
                    err(f"{where}: alias {al!r} is a common word")
        if name in actors:
            act = actors[name]
            if act.origin != "template":
                err(f"{where}: duplicate canonical name")
                continue
            act.extended = True
            ext += 1
            if inter != act.inter:
                err(f"{where}: inter {inter} differs from the template's {act.inter}")
            if cs and set(cs) != act.countries:
                err(f"{where}: countries {cs} differ from the template's {sorted(act.countries)}")
            act.classes |= set(classes)
            if years:
                act.years = years
        else:
            act = Actor(name, inter, cs, years, classes, "named", path)
            actors[name] = act
            new += 1
        act.src = path
        period = parse_period(where, a)
        if period:
            act.periods[fold(name)] = period
        for lang in LANGS:
            for al in lists[lang]:
                act.add(lang, al, "named")
                if period:
                    act.periods[fold(al)] = period
        dated = a.get("dated", [])
        if not isinstance(dated, list):
            err(f"{where}: dated must be a list of [[actor.dated]] tables")
            dated = []
        for j, d in enumerate(dated, start=1):
            dw = f"{where} dated #{j}"
            for k in set(d) - DATED_KEYS:
                err(f"{dw}: unknown key {k!r}")
            p = parse_period(dw, d)
            if not p:
                err(f"{dw}: needs from or until")
            dl = check_lang_lists(dw, d, allow_empty=False)
            for lang in LANGS:
                for al in dl[lang]:
                    act.add(lang, al, "named")
                    if p:
                        act.periods[fold(al)] = p
    return new, ext, len(entries)


def disjoint(a, b, key=None):
    if a.countries and b.countries and not (a.countries & b.countries):
        return True
    if a.years and b.years and (a.years[1] < b.years[0] or b.years[1] < a.years[0]):
        return True
    pa, pb = a.periods.get(key), b.periods.get(key)
    if pa and pb and ((pa[1] and pb[0] and pa[1] < pb[0]) or (pb[1] and pa[0] and pb[1] < pa[0])):
        return True
    return False


def parse_period(where, entry):
    """(from, until) as ISO day strings ("" when open), or None without dates."""
    out = []
    for k in ("from", "until"):
        v = entry.get(k)
        if v is None:
            out.append("")
            continue
        v = str(v)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            err(f"{where}: {k} = {v!r} is not a day written YYYY-MM-DD")
            out.append("")
            continue
        out.append(v)
    if out[0] and out[1] and out[1] < out[0]:
        err(f"{where}: until {out[1]} is before from {out[0]}")
    return tuple(out) if any(out) else None


# The code compiles the aliases of both languages and every canonical name into one
# matcher, so collisions are checked across languages ("fr+en").
BOTH = "fr+en"


def alias_index(actors):
    idx = {BOTH: defaultdict(dict)}  # key -> actor name -> (alias, origin)
    for act in actors.values():
        idx[BOTH][fold(act.name)].setdefault(act.name, (act.name, act.origin if not act.extended else "named"))
        for lang in LANGS:
            for al, origin in act.aliases[lang].items():
                prev = idx[BOTH][fold(al)].get(act.name)
                if prev is None or origin == "named":
                    idx[BOTH][fold(al)][act.name] = (al, origin)
    return idx


def check_actor_conflicts(actors, idx, verbose):
    counts = defaultdict(int)
    for lang in (BOTH,):
        for key, owners in sorted(idx[lang].items()):
            if len(owners) < 2:
                continue
            named = [n for n, (_, o) in owners.items() if o == "named"]
            tmpl = [n for n, (_, o) in owners.items() if o == "template"]
            bad = []
            pool = named if named else tmpl
            for x, y in itertools.combinations(pool, 2):
                if not disjoint(actors[x], actors[y], key):
                    bad.append((x, y))
            shown = "; ".join(f"{n} ({owners[n][0]!r}, {owners[n][1]})" for n in sorted(owners))
            if bad:
                err(f"alias conflict [{lang}] {key!r}: {shown}")
                counts["error"] += 1
            elif named and tmpl:
                counts["override"] += 1
                if verbose:
                    note(f"override [{lang}] {key!r}: named alias wins over template: {shown}")
            else:
                counts["disambiguated"] += 1
                if verbose:
                    note(f"country/years-disambiguated [{lang}] {key!r}: {shown}")
    return counts


# ------------------------------------------------------------------ generic

def load_generic(path, countries, actors, template_names, idx, verbose):
    data = tomllib.load(open(path, "rb"))
    if set(data) - {"generic"}:
        err(f"{path}: unknown top-level keys {sorted(set(data) - {'generic'})}")
    entries = data.get("generic", [])
    gidx = {BOTH: defaultdict(list)}
    used_classes = set()
    n_alias = 0
    for i, g in enumerate(entries):
        where = f"{path} generic #{i + 1}"
        for k in set(g) - GENERIC_KEYS:
            err(f"{where}: unknown key {k!r}")
        cls = g.get("class")
        if cls not in CLASSES:
            err(f"{where}: unknown or missing class {cls!r}")
        used_classes.add(cls)
        where = f"{where} ({cls})"
        cs = g.get("countries")
        if cs is not None:
            if not isinstance(cs, list) or not cs:
                err(f"{where}: countries must be a non-empty list")
                cs = None
            else:
                for c in cs:
                    if c not in countries:
                        err(f"{where}: unknown country {c!r}")
        fb = g.get("fallback")
        if fb is not None:
            table = {"*": fb} if isinstance(fb, str) else fb
            if not isinstance(table, dict):
                err(f"{where}: fallback must be a string or a table")
                table = {}
            for k, v in table.items():
                if k != "*" and k not in countries:
                    err(f"{where}: fallback key {k!r} is not '*' or an ISO2 code")
                if not isinstance(v, str):
                    err(f"{where}: fallback value must be a string")
                elif "{" in v:
                    if v not in template_names:
                        err(f"{where}: fallback {v!r} is not a template name")
                elif v not in actors:
                    err(f"{where}: fallback {v!r} is not a known actor")
        if not any(cls in a.classes for a in actors.values()):
            note(f"{where}: no actor has class {cls!r}; only the fallback can resolve it")
        lists = check_lang_lists(where, g)
        for lang in LANGS:
            for al in lists[lang]:
                n_alias += 1
                if not any(x[0] == i for x in gidx[BOTH][fold(al)]):
                    gidx[BOTH][fold(al)].append((i, cls, cs, al))
    # generic vs generic
    for lang in (BOTH,):
        for key, lst in gidx[lang].items():
            if len(lst) < 2:
                continue
            glob_ = [x for x in lst if x[2] is None]
            restr = [x for x in lst if x[2] is not None]
            if len(glob_) > 1:
                err(f"generic alias [{lang}] {key!r} in several unrestricted entries: {[x[1] for x in glob_]}")
            for x, y in itertools.combinations(restr, 2):
                if set(x[2]) & set(y[2]):
                    err(f"generic alias [{lang}] {key!r} in entries with overlapping countries: {x[1]}, {y[1]}")
    # generic vs actors: README matching rule 4 (country, then origin) decides at equal span
    shadow = 0
    for lang in (BOTH,):
        for key, lst in gidx[lang].items():
            if key in idx[lang]:
                shadow += 1
                if verbose:
                    note(f"generic alias [{lang}] {key!r} ({lst[0][1]}) is also an actor alias of "
                         f"{sorted(idx[lang][key])}: matching rule 4 decides")
    return len(entries), n_alias, used_classes, shadow


# ------------------------------------------------------------------ claimants

def load_claimants(path, countries):
    data = tomllib.load(open(path, "rb"))
    if set(data) - {"claimant"}:
        err(f"{path}: unknown top-level keys {sorted(set(data) - {'claimant'})}")
    entries = data.get("claimant", [])
    names = set()
    cidx = {BOTH: defaultdict(set)}
    kinds = defaultdict(int)
    n_alias = 0
    for i, c in enumerate(entries):
        where = f"{path} claimant #{i + 1}"
        for k in set(c) - CLAIMANT_KEYS:
            err(f"{where}: unknown key {k!r}")
        name = c.get("name")
        if not isinstance(name, str) or not name.strip():
            err(f"{where}: name is required")
            continue
        where = f"{path} {name!r}"
        if name in names:
            err(f"{where}: duplicate claimant name")
        names.add(name)
        kind = c.get("kind")
        if kind not in CLAIMANT_KINDS:
            err(f"{where}: kind must be one of {sorted(CLAIMANT_KINDS)}")
        kinds[kind] += 1
        cidx[BOTH][fold(name)].add(name)  # the canonical name is an alias of itself
        lists = check_lang_lists(where, c, allow_empty=False)
        for lang in LANGS:
            for al in lists[lang]:
                n_alias += 1
                if not is_caps(al) and fold(al) in AMBIGUOUS_SOURCE_WORDS:
                    err(f"{where}: alias {al!r} is ambiguous on its own")
                cidx[BOTH][fold(al)].add(name)
    for lang in (BOTH,):
        for key, owners in cidx[lang].items():
            if len(owners) > 1:
                err(f"claimant alias conflict [{lang}] {key!r}: {sorted(owners)}")
    return len(entries), n_alias, dict(kinds)


# ------------------------------------------------------------------ outlets

def load_outlets(path, countries):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    if not lines or lines[0] != "# vigie-outlets 1":
        err(f"{path}: line 1 must be '# vigie-outlets 1'")
    if len(lines) < 2 or lines[1].split("\t") != ["host", "outlet", "country", "language", "url_date"]:
        err(f"{path}: line 2 must be the header host/outlet/country/language/url_date")
    hosts = {}
    langs = defaultdict(int)
    for n, line in enumerate(lines[2:], start=3):
        if not line:
            continue
        f = line.split("\t")
        if len(f) not in (4, 5):
            err(f"{path}:{n}: {len(f)} columns instead of 4 or 5")
            continue
        host, outlet, cc, lang = f[:4]
        url_date = f[4] if len(f) == 5 else ""
        if url_date and not re.fullmatch(r"(DD|MM|YYYY|YY)+", url_date) or (
            url_date and sorted(re.findall(r"DD|MM|YYYY|YY", url_date)) not in (["DD", "MM", "YY"], ["DD", "MM", "YYYY"])
        ):
            err(f"{path}:{n}: url_date must combine DD, MM and YY or YYYY once each, got {url_date!r}")
        if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", host):
            err(f"{path}:{n}: bad host {host!r}")
        if host in hosts:
            err(f"{path}:{n}: duplicate host {host} (line {hosts[host]})")
        if host.startswith("www.") and host[4:] in hosts:
            note(f"{path}:{n}: {host} is covered by {host[4:]}")
        hosts[host] = n
        if not outlet.strip() or outlet != outlet.strip():
            err(f"{path}:{n}: empty or padded outlet name")
        if cc and cc not in countries:
            err(f"{path}:{n}: unknown country {cc!r}")
        if not re.fullmatch(r"[a-z]{2}", lang):
            err(f"{path}:{n}: language must be an ISO 639-1 code, got {lang!r}")
        langs[lang] += 1
    return len(hosts), dict(langs)


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap.add_argument("--verbose", "-v", action="store_true", help="list every allowed collision")
    args = ap.parse_args()
    root = os.path.normpath(args.root)
    data = os.path.join(root, "data")
    adir = os.path.join(data, "actors")
    rel = lambda p: os.path.relpath(p, root)  # noqa: E731

    countries = load_countries(os.path.join(data, "countries.tsv"))
    actors = {}
    templates = load_templates(rel(os.path.join(adir, "templates.toml")), countries, actors)
    template_names = {t.get("name") for t in templates}
    generated = len(actors)

    named_names = {}
    per_file = {}
    for fn in sorted(os.listdir(adir)):
        if not fn.endswith(".toml") or fn in ("templates.toml", "generic.toml"):
            continue
        per_file[fn] = load_named(rel(os.path.join(adir, fn)), actors, countries, named_names)

    for nm, inter in REQUIRED_ACTORS.items():
        if nm not in actors:
            err(f"required canonical actor {nm!r} is missing")
        elif inter is not None and actors[nm].inter != inter:
            err(f"required actor {nm!r} has inter {actors[nm].inter}, expected {inter}")

    idx = alias_index(actors)
    conflicts = check_actor_conflicts(actors, idx, args.verbose)
    n_generic, n_generic_alias, _, shadow = load_generic(
        rel(os.path.join(adir, "generic.toml")), countries, actors, template_names, idx, args.verbose)
    n_claim, n_claim_alias, kinds = load_claimants(rel(os.path.join(data, "claimants.toml")), countries)
    n_out, out_langs = load_outlets(rel(os.path.join(data, "outlets.tsv")), countries)

    def n_aliases(pred, origin):
        return {lang: sum(1 for a in actors.values() if pred(a)
                          for o in a.aliases[lang].values() if o == origin) for lang in LANGS}

    named_al = n_aliases(lambda a: True, "named")
    tmpl_al = n_aliases(lambda a: True, "template")
    print(f"countries: {len(countries)}")
    print(f"templates: {len(templates)} -> {generated} generated actors, "
          f"{tmpl_al['fr']} fr + {tmpl_al['en']} en expanded aliases")
    print("named actor files (new actors + extensions of template actors):")
    tot_new = tot_ext = 0
    for fn, (new, ext, _) in per_file.items():
        print(f"  {fn:<22} {new:>4} new {ext:>3} extending")
        tot_new += new
        tot_ext += ext
    print(f"  {'total':<22} {tot_new:>4} new {tot_ext:>3} extending")
    print(f"named aliases: {named_al['fr']} fr + {named_al['en']} en")
    print(f"actors in total: {len(actors)}")
    print(f"alias collisions: {conflicts.get('override', 0)} named-over-template overrides, "
          f"{conflicts.get('disambiguated', 0)} told apart by country/years, {conflicts.get('error', 0)} errors")
    print(f"generic references: {n_generic} entries, {n_generic_alias} aliases "
          f"({shadow} also actor aliases: README matching rule 4 decides)")
    print(f"claimants: {n_claim}, {n_claim_alias} aliases; kinds {dict(sorted(kinds.items()))}")
    print(f"outlets: {n_out} hosts; languages {dict(sorted(out_langs.items()))}")
    for m in notes:
        print(f"note: {m}")
    for m in errors:
        print(f"ERROR: {m}")
    print(f"{'FAILED' if errors else 'OK'}: {len(errors)} errors, {len(notes)} notes")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
