#!/usr/bin/env python3
"""Mock of the `vigie serve` HTTP API (docs/api.md) for UI development and tests.

Serves the web assets (crates/vigie-server/assets) at `/` and fixture JSON for
every endpoint of docs/api.md, built here from ~40 fictional events spread over
Syria, Iraq, the Sahel and Ukraine. All wording (articles, notes, outlets) is
invented for the fixtures. Filtering (bbox, from/to, country, admin1,
event_type, sub_event_type, actor, q, min_fatalities), sorting, paging,
clustering and timeline bucketing work like the contract says, so the browser
test exercises real behaviour.

Spans (`body`, mention `span`, `evidence_span`) are UTF-8 byte offsets into
the article `text`, as in vigie-core's `Span`.

Usage: python3 tests/browser/mock_server.py [--port 8765] [--host 127.0.0.1]
       python3 tests/browser/mock_server.py --dump   # print the fixtures
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import mimetypes
import os
import random
import re
import sys
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "vigie-server", "assets"))
VERSION = "0.1.0-mock"

EVENT_TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

# ---------------------------------------------------------------------------
# Fixture vocabulary (fictional wording; place names and actor names are
# public gazetteer / ACLED-style canonical names).
# ---------------------------------------------------------------------------

PLACES = {
    # key: (country, admin1, location, lat, lon, fr_surface)
    "sukhnah": ("SY", "Homs", "As Sukhnah", 34.885, 38.871, "al-Soukhna"),
    "palmyra": ("SY", "Homs", "Palmyra", 34.560, 38.267, "Palmyre"),
    "mayadin": ("SY", "Deir ez-Zor", "Mayadin", 35.020, 40.452, "Mayadine"),
    "albab": ("SY", "Aleppo", "Al Bab", 36.371, 37.517, "al-Bab"),
    "saraqib": ("SY", "Idlib", "Saraqib", 35.864, 36.800, "Saraqeb"),
    "raqqa": ("SY", "Ar-Raqqa", "Ar-Raqqa", 35.950, 39.010, "Raqqa"),
    "talafar": ("IQ", "Ninewa", "Tal Afar", 36.377, 42.449, "Tal Afar"),
    "rawa": ("IQ", "Al-Anbar", "Rawa", 34.470, 41.912, "Rawa"),
    "hawija": ("IQ", "Kirkuk", "Hawija", 35.322, 43.770, "Haouija"),
    "baghdad": ("IQ", "Baghdad", "Baghdad", 33.312, 44.366, "Bagdad"),
    "qaim": ("IQ", "Al-Anbar", "Al Qaim", 34.368, 41.094, "al-Qaïm"),
    "koro": ("ML", "Mopti", "Koro", 14.067, -3.083, "Koro"),
    "timbuktu": ("ML", "Tombouctou", "Timbuktu", 16.773, -3.007, "Tombouctou"),
    "menaka": ("ML", "Menaka", "Menaka", 15.918, 2.402, "Ménaka"),
    "bamako": ("ML", "Bamako", "Bamako", 12.639, -8.003, "Bamako"),
    "djibo": ("BF", "Sahel", "Djibo", 14.101, -1.627, "Djibo"),
    "ouahigouya": ("BF", "Nord", "Ouahigouya", 13.579, -2.421, "Ouahigouya"),
    "ayorou": ("NE", "Tillaberi", "Ayorou", 14.731, 0.918, "Ayorou"),
    "avdiivka": ("UA", "Donetsk", "Avdiivka", 48.139, 37.747, "Avdiïvka"),
    "horlivka": ("UA", "Donetsk", "Horlivka", 48.300, 38.050, "Horlivka"),
    "popasna": ("UA", "Luhansk", "Popasna", 48.633, 38.383, "Popasna"),
    "mariupol": ("UA", "Donetsk", "Mariupol", 47.096, 37.543, "Marioupol"),
    "kyiv": ("UA", "Kyiv City", "Kyiv", 50.450, 30.523, "Kiev"),
}

ACTORS = {
    # key: (canonical, inter, en_surface, fr_surface)
    "sy_army": ("Military Forces of Syria (2000-)", 1, "government troops", "l'armée syrienne"),
    "is": ("Islamic State", 2, "the jihadist group", "le groupe jihadiste"),
    "hts": ("Hayat Tahrir al-Sham", 2, "HTS fighters", "les combattants de HTS"),
    "sdf": ("Syrian Democratic Forces", 2, "the SDF", "les FDS"),
    "sy_civ": ("Civilians (Syria)", 7, "residents", "des habitants"),
    "iq_army": ("Military Forces of Iraq (2014-)", 1, "Iraqi troops", "les troupes irakiennes"),
    "pmf": ("Popular Mobilization Forces", 3, "the Hashd units", "les unités du Hachd"),
    "iq_pol": ("Police Forces of Iraq (2014-)", 1, "riot police", "la police anti-émeute"),
    "iq_prot": ("Protesters (Iraq)", 6, "demonstrators", "des manifestants"),
    "ml_army": ("Military Forces of Mali (2021-)", 1, "Malian soldiers", "les FAMa"),
    "jnim": ("JNIM: Group for Support of Islam and Muslims", 2, "JNIM militants", "des éléments du JNIM"),
    "isgs": ("Islamic State (Greater Sahara)", 2, "ISGS gunmen", "l'EIGS"),
    "bf_army": ("Military Forces of Burkina Faso (2015-)", 1, "Burkinabe troops", "l'armée burkinabè"),
    "ml_civ": ("Civilians (Mali)", 7, "villagers", "des villageois"),
    "bf_civ": ("Civilians (Burkina Faso)", 7, "villagers", "des villageois"),
    "ne_civ": ("Civilians (Niger)", 7, "herders", "des éleveurs"),
    "ml_prot": ("Protesters (Mali)", 6, "protesters", "des manifestants"),
    "dozo": ("Dozo Communal Militia (Mali)", 4, "Dozo hunters", "des chasseurs dozos"),
    "ua_army": ("Military Forces of Ukraine (2014-2019)", 1, "Ukrainian forces", "les forces ukrainiennes"),
    "dpr": ("DPR: Donetsk People's Republic", 2, "separatist units", "les séparatistes"),
    "lpr": ("LPR: Luhansk People's Republic", 2, "LPR fighters", "les combattants de la LPR"),
    "ua_prot": ("Protesters (Ukraine)", 6, "protesters", "des manifestants"),
    "ua_riot": ("Rioters (Ukraine)", 5, "a crowd", "une foule"),
    "ua_civ": ("Civilians (Ukraine)", 7, "residents", "des habitants"),
}

OUTLETS = {
    # region: [(outlet, language, domain)]
    "levant": [("Levant Wire (fictional)", "en", "levant-wire.example"),
               ("Le Courrier du Levant (fictif)", "fr", "courrier-levant.example")],
    "sahel": [("Sahel Dispatch (fictional)", "en", "sahel-dispatch.example"),
              ("L'Écho du Sahel (fictif)", "fr", "echo-sahel.example")],
    "ukraine": [("Steppe Monitor (fictional)", "en", "steppe-monitor.example"),
                ("Le Journal de l'Est (fictif)", "fr", "journal-est.example")],
}
REGION = {"SY": "levant", "IQ": "levant", "ML": "sahel", "BF": "sahel", "NE": "sahel", "UA": "ukraine"}

# (event_type, sub_event_type, en trigger phrase, fr trigger phrase, note template)
SUBTYPES = {
    "clash": ("Battles", "Armed clash", "clashed with", "se sont affrontés à",
              "{a1} and {a2} clashed near {loc}; the fighting lasted several hours."),
    "regain": ("Battles", "Government regains territory", "retook the town from", "ont repris la ville à",
               "{a1} regained control of {loc} from {a2} after a days-long push."),
    "nsa_take": ("Battles", "Non-state actor overtakes territory", "seized positions held by", "ont pris les positions de",
                 "{a1} overran positions of {a2} around {loc}."),
    "air": ("Explosions/Remote violence", "Air/drone strike", "carried out an air strike on", "ont mené une frappe aérienne contre",
            "An air strike attributed to {a1} hit {a2} positions in {loc}."),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled", "ont bombardé",
                 "{a1} shelled {a2} positions in and around {loc}."),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED", "targeted a convoy of", "ont visé un convoi de",
            "A roadside device planted by {a1} struck a vehicle of {a2} near {loc}."),
    "suicide": ("Explosions/Remote violence", "Suicide bomb", "sent a suicide bomber against", "ont envoyé un kamikaze contre",
                "A suicide bomber from {a1} detonated a vest among {a2} in {loc}."),
    "attack": ("Violence against civilians", "Attack", "attacked", "ont attaqué",
               "{a1} attacked {a2} in {loc}; houses were burned."),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance", "abducted", "ont enlevé",
                  "{a1} abducted several {a2} on the road to {loc}."),
    "peaceful": ("Protests", "Peaceful protest", "marched peacefully in", "ont défilé pacifiquement à",
                 "Several hundred {a1} gathered in {loc} to demand better services."),
    "intervention": ("Protests", "Protest with intervention", "were dispersed by", "ont été dispersés par",
                     "{a1} in {loc} were dispersed by {a2} using tear gas."),
    "mob": ("Riots", "Mob violence", "rioted against", "se sont déchaînés contre",
            "{a1} set fire to tyres and attacked {a2} in {loc}."),
    "violent_demo": ("Riots", "Violent demonstration", "threw stones at", "ont jeté des pierres sur",
                     "{a1} threw stones at {a2} in {loc}; several were injured."),
    "hq": ("Strategic developments", "Headquarters or base established", "set up a base in", "ont installé une base à",
           "{a1} established a forward base at {loc}."),
    "agreement": ("Strategic developments", "Agreement", "agreed a local truce with", "ont conclu une trêve locale avec",
                  "{a1} and {a2} agreed a local ceasefire covering {loc}."),
    "arrests": ("Strategic developments", "Arrests", "detained members of", "ont arrêté des membres de",
                "{a1} detained suspected members of {a2} in {loc}."),
}

# Event specs: (date, subtype, place, actor1, actor2, fatalities or None, lang, n_sources, extra)
SPECS = [
    ("2017-01-14", "clash", "palmyra", "sy_army", "is", 23, "en", 2, {}),
    ("2017-01-29", "air", "albab", "sy_army", "is", 11, "fr", 1, {}),
    ("2017-02-08", "regain", "albab", "sy_army", "is", 30, "en", 2, {"territory_km2": 42.5}),
    ("2017-02-21", "shelling", "horlivka", "dpr", "ua_army", 2, "en", 1, {}),
    ("2017-03-02", "regain", "palmyra", "sy_army", "is", 17, "fr", 2, {"territory_km2": 120.0}),
    ("2017-03-11", "suicide", "baghdad", "is", "iq_pol", 14, "en", 2, {"claimed_by": ["Islamic State"]}),
    ("2017-03-25", "clash", "avdiivka", "ua_army", "dpr", 5, "fr", 1, {}),
    ("2017-04-04", "air", "saraqib", "sy_army", "sy_civ", 26, "en", 2, {}),
    ("2017-04-19", "attack", "koro", "dozo", "ml_civ", 9, "fr", 1, {}),
    ("2017-05-03", "peaceful", "bamako", "ml_prot", None, 0, "fr", 1, {}),
    ("2017-05-17", "ied", "menaka", "isgs", "ml_army", 4, "en", 1, {}),
    ("2017-06-06", "nsa_take", "raqqa", "sdf", "is", 21, "en", 2, {"territory_km2": 8.0}),
    ("2017-06-20", "mob", "kyiv", "ua_riot", "ua_prot", 0, "en", 1, {"date_precision": "week"}),
    ("2017-07-02", "clash", "mayadin", "sy_army", "is", None, "fr", 1, {}),
    ("2017-07-15", "abduction", "djibo", "jnim", "bf_civ", 0, "fr", 1, {}),
    ("2017-07-28", "shelling", "popasna", "lpr", "ua_army", 3, "en", 1, {}),
    ("2017-08-06", "regain", "sukhnah", "sy_army", "is", 10, "fr", 2, {"fatalities_high": 12, "claimed_by": ["SANA", "SOHR"]}),
    ("2017-08-20", "regain", "talafar", "iq_army", "is", 40, "en", 2, {"assoc1": ["pmf"]}),
    ("2017-08-31", "clash", "talafar", "pmf", "is", 12, "fr", 1, {}),
    ("2017-09-09", "air", "mayadin", "sy_army", "is", 35, "en", 2, {}),
    ("2017-09-21", "regain", "hawija", "iq_army", "is", 27, "fr", 2, {"assoc1": ["pmf"]}),
    ("2017-10-05", "attack", "ayorou", "isgs", "ne_civ", 13, "fr", 1, {}),
    ("2017-10-14", "regain", "mayadin", "sy_army", "is", 19, "en", 1, {}),
    ("2017-10-26", "hq", "menaka", "ml_army", None, 0, "en", 1, {"sources_override": 0}),
    ("2017-11-03", "regain", "qaim", "iq_army", "is", 15, "fr", 2, {}),
    ("2017-11-17", "regain", "rawa", "iq_army", "is", 7, "en", 2, {}),
    ("2017-11-29", "ied", "ouahigouya", "jnim", "bf_army", 6, "fr", 1, {}),
    ("2017-12-09", "violent_demo", "baghdad", "iq_prot", "iq_pol", 1, "en", 1, {}),
    ("2017-12-22", "shelling", "mariupol", "dpr", "ua_army", None, "en", 1, {}),
    ("2018-01-08", "intervention", "baghdad", "iq_prot", "iq_pol", 0, "fr", 1, {}),
    ("2018-01-20", "clash", "saraqib", "hts", "sy_army", 31, "en", 2, {}),
    ("2018-02-02", "attack", "koro", "jnim", "ml_civ", 16, "en", 1, {"date_precision": "month"}),
    ("2018-02-15", "agreement", "saraqib", "hts", "sy_army", 0, "fr", 1, {}),
    ("2018-02-27", "clash", "djibo", "bf_army", "jnim", 8, "en", 1, {}),
    ("2018-03-10", "peaceful", "kyiv", "ua_prot", None, 0, "fr", 1, {}),
    ("2018-03-23", "arrests", "timbuktu", "ml_army", "jnim", 0, "en", 1, {}),
    ("2018-04-05", "clash", "avdiivka", "ua_army", "dpr", 4, "en", 2, {}),
    ("2018-04-18", "shelling", "horlivka", "ua_army", "dpr", 2, "fr", 1, {}),
    # No known location: latitude/longitude/location null, never in a bbox.
    ("2018-04-22", "attack", None, "is", "sy_civ", 5, "en", 1, {"country": "SY"}),
    ("2018-04-27", "mob", "timbuktu", "ml_prot", "ml_army", None, "fr", 1, {}),
]

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]


def blen(s: str) -> int:
    return len(s.encode("utf-8"))


class TextBuilder:
    """Builds an article text while recording UTF-8 byte spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.marks: list[tuple[str, list[int], dict]] = []

    def add(self, s: str, mark: tuple[str, dict] | None = None) -> list[int]:
        start = self.pos
        self.parts.append(s)
        self.pos += blen(s)
        span = [start, self.pos]
        if mark:
            self.marks.append((mark[0], span, mark[1]))
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def build_fixtures():
    rng = random.Random(20170806)
    events: list[dict] = []
    articles: dict[str, dict] = {}
    art_n = 0
    for i, (date, sub, place, a1k, a2k, fat, lang, nsrc, extra) in enumerate(SPECS):
        etype, subtype, trig_en, trig_fr, note_t = SUBTYPES[sub]
        a1 = ACTORS[a1k]
        a2 = ACTORS[a2k] if a2k else None
        if place:
            country, admin1, loc, lat, lon, loc_fr = PLACES[place]
        else:
            country, admin1, loc, lat, lon, loc_fr = extra["country"], None, None, None, None, None
        eid = "ev-%08x" % (0x1a2b0000 + i * 7919)
        d = dt.date.fromisoformat(date)
        assoc1 = [ACTORS[k][0] for k in extra.get("assoc1", [])]
        inter1 = a1[1]
        inter2 = a2[1] if a2 else 0
        lo, hi = (inter1, inter2) if inter2 == 0 or inter1 <= inter2 else (inter2, inter1)
        interaction = lo * 10 + hi if inter2 else inter1 * 10
        claimed = extra.get("claimed_by", [] if fat is None or fat == 0 else [rng.choice(["local sources", "a monitoring group", "officials"])])
        notes = note_t.format(a1=a1[0], a2=a2[0] if a2 else "police", loc=loc or "an unspecified village") + \
            (" %d fatalities reported." % fat if fat else (" Fatalities unknown." if fat is None else ""))
        ev = {
            "id": eid, "event_date": date, "date_precision": extra.get("date_precision", "day"),
            "event_type": etype, "sub_event_type": subtype,
            "actor1": a1[0], "assoc_actor1": assoc1,
            "actor2": a2[0] if a2 else None, "assoc_actor2": [],
            "inter1": inter1, "inter2": inter2 if a2 else None, "interaction": interaction,
            "country": country, "admin1": admin1, "location": loc,
            "latitude": lat, "longitude": lon,
            "geo_precision": None if lat is None else (1 if i % 5 else 2),
            "fatalities": fat,
            "fatalities_low": fat,
            "fatalities_high": extra.get("fatalities_high", fat),
            "claimed_by": claimed,
            "territory_km2": extra.get("territory_km2"),
            "notes": notes,
            "confidence": None if i % 13 == 12 else round(0.55 + (i % 9) * 0.05, 2),
            "merge_reasons": [],
            "sources": [],
            "claims": [],
        }
        if extra.get("sources_override") == 0:
            nsrc = 0
        region = REGION[country]
        src_ids = []
        for k in range(nsrc):
            art_n += 1
            aid = "a%03d" % art_n
            src_lang = lang if k == 0 else ("en" if lang == "fr" else "fr")
            outlet, _, domain = [o for o in OUTLETS[region] if o[1] == src_lang][0]
            published = (d + dt.timedelta(days=1 + k)).isoformat()
            art, evidence, span = make_article(aid, ev, a1, a2, trig_en if src_lang == "en" else trig_fr,
                                               loc, loc_fr, src_lang, outlet, domain, published, fat, claimed)
            articles[aid] = art
            src_ids.append(aid)
            ev["sources"].append({
                "article_id": aid, "title": art["title"], "outlet": outlet, "url": art["url"],
                "published": published, "language": src_lang, "event_date": date,
                "fatalities": fat, "claimed_by": claimed[:1],
                "evidence": evidence, "evidence_span": span, "article_url": "/api/articles/" + aid,
            })
            if claimed and fat is not None:
                ev["claims"].append({"claimant": claimed[min(k, len(claimed) - 1)], "article_id": aid, "fatalities": fat})
        if len(src_ids) > 1:
            ev["merge_reasons"].append("%s and %s: %s on compatible dates, same place, both involving %s"
                                       % (src_ids[0], src_ids[1], etype, a1[0]))
        events.append(ev)
    return events, articles


def date_phrase(d: dt.date, lang: str) -> str:
    if lang == "fr":
        return "Le %d %s" % (d.day, FR_MONTHS[d.month - 1])
    return "On %s %d" % (EN_MONTHS[d.month - 1], d.day)


def make_article(aid, ev, a1, a2, trigger, loc, loc_fr, lang, outlet, domain, published, fat, claimed):
    d = dt.date.fromisoformat(ev["event_date"])
    place_surface = (loc_fr if lang == "fr" else loc) or ("un village isolé" if lang == "fr" else "a remote village")
    a1_surface = a1[3] if lang == "fr" else a1[2]
    a2_surface = (a2[3] if lang == "fr" else a2[2]) if a2 else None
    if lang == "fr":
        title = "%s : %s %s %s" % (place_surface, a1_surface, trigger, a2_surface or place_surface)
        header = "Accueil › International › %s\nSe connecter | S'abonner\nPublicité\n\n" % ev["country"]
        byline = "Par la rédaction – publié le %s\n\n" % published
        footer = ("\n\nÀ lire aussi : notre dossier spécial sur la région.\n"
                  "Partager cet article sur les réseaux sociaux\n© %s – tous droits réservés." % outlet)
    else:
        title = "%s: %s %s %s" % (place_surface, a1_surface, trigger, a2_surface or place_surface)
        header = "Home › World › %s\nSign in | Subscribe\nAdvertisement\n\n" % ev["country"]
        byline = "By staff reporters – published %s\n\n" % published
        footer = ("\n\nRead more: our special coverage of the region.\n"
                  "Share this article on social media\n© %s – all rights reserved." % outlet)
    title = title[0].upper() + title[1:]
    tb = TextBuilder()
    tb.add(header)
    body_start = tb.pos
    tb.add(title + "\n\n")
    tb.add(byline)
    # Evidence sentence.
    ev_start = tb.pos
    dp = date_phrase(d, lang)
    tb.add(dp, ("date", {"value": ev["event_date"]}))
    tb.add(", ")
    tb.add(a1_surface, ("actor", {"canonical": a1[0]}))
    tb.add(" ")
    tb.add(trigger, ("trigger", {"sub_event_type": ev["sub_event_type"]}))
    tb.add(" ")
    if a2_surface:
        tb.add(a2_surface, ("actor", {"canonical": a2[0]}))
        tb.add(" à " if lang == "fr" else " in ")
    if loc:
        tb.add(place_surface, ("place", {"name": loc}))
    else:
        tb.add(place_surface)
    tb.add(".")
    ev_end = tb.pos
    evidence_span = [ev_start, ev_end]
    tb.add(" ")
    # Fatalities / claim sentence.
    if fat is not None and fat > 0:
        claimant = claimed[0] if claimed else ("des sources locales" if lang == "fr" else "local sources")
        if lang == "fr":
            tb.add("Au moins ")
            tb.add(str(fat), ("number", {"value": fat}))
            tb.add(" personnes ont été tuées, ")
            tb.add("selon " + claimant, ("claim", {"claimant": claimant}))
            tb.add(".")
        else:
            tb.add("At least ")
            tb.add(str(fat), ("number", {"value": fat}))
            tb.add(" people were killed, ")
            tb.add("according to " + claimant, ("claim", {"claimant": claimant}))
            tb.add(".")
    elif fat is None:
        tb.add("Le bilan reste inconnu." if lang == "fr" else "There was no word on casualties.")
    else:
        tb.add("Aucune victime n'a été signalée." if lang == "fr" else "No casualties were reported.")
    tb.add("\n\n")
    if lang == "fr":
        tb.add("La situation restait tendue dans la soirée, et les habitants décrivaient des routes désertes. "
               "Cet article est un texte fictif rédigé pour les tests de vigie.")
    else:
        tb.add("The situation remained tense in the evening, residents describing empty roads. "
               "This article is fictional text written for vigie's tests.")
    body_end = tb.pos
    tb.add(footer)
    text = tb.text
    mentions = [{"kind": k, "span": span, "text": text.encode("utf-8")[span[0]:span[1]].decode("utf-8"), **extra}
                for (k, span, extra) in tb.marks]
    evidence = text.encode("utf-8")[ev_start:ev_end].decode("utf-8")
    art = {
        "id": aid, "title": title,
        "url": "https://%s/%s/%s" % (domain, published.replace("-", "/"), aid),
        "outlet": outlet, "published": published, "language": lang,
        "text": text, "body": [[body_start, body_end]],
        "mentions": mentions,
        "events": [{"event_id": ev["id"], "sub_event_type": ev["sub_event_type"], "evidence_span": evidence_span}],
    }
    return art, evidence, evidence_span


EVENTS, ARTICLES = build_fixtures()

# ---------------------------------------------------------------------------
# Query handling
# ---------------------------------------------------------------------------


class BadRequest(Exception):
    pass


def one(params, name):
    v = params.get(name)
    if not v:
        return None
    return v[-1]


def parse_date(s, name):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s or ""):
        raise BadRequest("invalid %s: expected YYYY-MM-DD, got %r" % (name, s))
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise BadRequest("invalid %s: %r is not a date" % (name, s))


def parse_int(s, name, lo, hi):
    try:
        v = int(s)
    except (TypeError, ValueError):
        raise BadRequest("invalid %s: %r" % (name, s))
    if not lo <= v <= hi:
        raise BadRequest("%s out of range %d..%d: %d" % (name, lo, hi, v))
    return v


def filter_events(params):
    bbox = one(params, "bbox")
    if bbox:
        try:
            bb = [float(x) for x in bbox.split(",")]
            assert len(bb) == 4 and all(math.isfinite(x) for x in bb)
        except (ValueError, AssertionError):
            raise BadRequest("invalid bbox %r: expected minLon,minLat,maxLon,maxLat" % bbox)
    f = one(params, "from")
    t = one(params, "to")
    fd = parse_date(f, "from") if f else None
    td = parse_date(t, "to") if t else None
    country = one(params, "country")
    admin1 = one(params, "admin1")
    etype = one(params, "event_type")
    sub = one(params, "sub_event_type")
    actor = one(params, "actor")
    q = one(params, "q")
    minf = one(params, "min_fatalities")
    minf = parse_int(minf, "min_fatalities", 0, 10**9) if minf is not None else None
    if etype and etype not in EVENT_TYPES:
        raise BadRequest("unknown event_type %r" % etype)
    out = []
    for e in EVENTS:
        if bbox:
            if e["latitude"] is None:
                continue
            if not (bb[0] <= e["longitude"] <= bb[2] and bb[1] <= e["latitude"] <= bb[3]):
                continue
        d = dt.date.fromisoformat(e["event_date"])
        if fd and d < fd:
            continue
        if td and d > td:
            continue
        if country and e["country"] != country.upper():
            continue
        if admin1 and e["admin1"] != admin1:
            continue
        if etype and e["event_type"] != etype:
            continue
        if sub and e["sub_event_type"] != sub:
            continue
        if actor and actor not in actors_of(e):
            continue
        if minf is not None and (e["fatalities"] or 0) < minf:
            continue
        if q:
            hay = " ".join([e["notes"] or "", e["location"] or "", *actors_of(e),
                            *[s["evidence"] or "" for s in e["sources"]]]).lower()
            if q.lower() not in hay:
                continue
        out.append(e)
    return out


def actors_of(e):
    return [a for a in [e["actor1"], e["actor2"], *e["assoc_actor1"], *e["assoc_actor2"]] if a]


SUMMARY_FIELDS = ["id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
                  "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes"]


def api_events(params):
    evs = filter_events(params)
    limit = parse_int(one(params, "limit") or "100", "limit", 1, 500)
    offset = parse_int(one(params, "offset") or "0", "offset", 0, 10**9)
    sort = one(params, "sort") or "date_desc"
    if sort == "date_desc":
        evs = sorted(evs, key=lambda e: (e["event_date"], e["id"]), reverse=True)
    elif sort == "date_asc":
        evs = sorted(evs, key=lambda e: (e["event_date"], e["id"]))
    elif sort == "fatalities_desc":
        evs = sorted(evs, key=lambda e: (e["fatalities"] or 0, e["event_date"]), reverse=True)
    else:
        raise BadRequest("unknown sort %r" % sort)
    page = evs[offset:offset + limit]
    return {"total": len(evs), "limit": limit, "offset": offset,
            "events": [{**{k: e[k] for k in SUMMARY_FIELDS}, "sources": len(e["sources"])} for e in page]}


def api_clusters(params):
    z = one(params, "zoom")
    if z is None:
        raise BadRequest("missing zoom")
    zoom = parse_int(z, "zoom", 0, 20)
    cell = 60.0 / (2 ** zoom)
    cells = defaultdict(list)
    for e in filter_events(params):
        if e["latitude"] is None:
            continue
        cells[(math.floor(e["latitude"] / cell), math.floor(e["longitude"] / cell))].append(e)
    out = []
    for key in sorted(cells):
        es = cells[key]
        types = Counter(e["event_type"] for e in es).most_common()
        out.append({
            "latitude": round(sum(e["latitude"] for e in es) / len(es), 4),
            "longitude": round(sum(e["longitude"] for e in es) / len(es), 4),
            "count": len(es),
            "fatalities": sum(e["fatalities"] or 0 for e in es),
            "event_type": types[0][0],
            "event_id": es[0]["id"] if len(es) == 1 else None,
        })
    return {"clusters": out}


def bucket_start(d: dt.date, interval: str) -> dt.date:
    if interval == "day":
        return d
    if interval == "week":
        return d - dt.timedelta(days=d.weekday())
    return d.replace(day=1)


def api_timeline(params):
    interval = one(params, "interval") or "month"
    if interval not in ("day", "week", "month"):
        raise BadRequest("unknown interval %r" % interval)
    agg = defaultdict(lambda: [0, 0])
    for e in filter_events(params):
        k = (bucket_start(dt.date.fromisoformat(e["event_date"]), interval).isoformat(), e["event_type"])
        agg[k][0] += 1
        agg[k][1] += e["fatalities"] or 0
    return {"interval": interval,
            "buckets": [{"start": s, "event_type": t, "count": c, "fatalities": f}
                        for (s, t), (c, f) in sorted(agg.items())]}


def api_actors(params):
    limit = parse_int(one(params, "limit") or "50", "limit", 1, 1000)
    counts = Counter()
    inter = {}
    for e in filter_events(params):
        for name, code in [(e["actor1"], e["inter1"]), (e["actor2"], e["inter2"])]:
            if name:
                counts[name] += 1
                inter[name] = code
        for name in e["assoc_actor1"] + e["assoc_actor2"]:
            counts[name] += 1
            inter.setdefault(name, next((a[1] for a in ACTORS.values() if a[0] == name), None))
    return {"actors": [{"name": n, "inter": inter.get(n), "events": c}
                       for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]}


def api_health(_params):
    return {"status": "ok", "events": len(EVENTS), "articles": len(ARTICLES), "version": VERSION}


def api_openapi(_params):
    paths = {p: {"get": {"summary": "see docs/api.md"}} for p in [
        "/api/health", "/api/events", "/api/events/{id}", "/api/articles/{id}",
        "/api/clusters", "/api/timeline", "/api/actors"]}
    return {"openapi": "3.0.3", "info": {"title": "vigie (mock)", "version": VERSION}, "paths": paths}


ROUTES = {
    "/api/health": api_health,
    "/api/events": api_events,
    "/api/clusters": api_clusters,
    "/api/timeline": api_timeline,
    "/api/actors": api_actors,
    "/api/openapi.json": api_openapi,
}
EVENTS_BY_ID = {e["id"]: e for e in EVENTS}


class Handler(BaseHTTPRequestHandler):
    server_version = "vigie-mock/" + VERSION
    quiet = False

    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def send_json(self, code, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        path = unquote(url.path)
        params = parse_qs(url.query, keep_blank_values=False)
        try:
            if path in ROUTES:
                return self.send_json(200, ROUTES[path](params))
            m = re.fullmatch(r"/api/events/([^/]+)", path)
            if m:
                ev = EVENTS_BY_ID.get(m.group(1))
                return self.send_json(200, ev) if ev else self.send_json(404, {"error": "unknown event %s" % m.group(1)})
            m = re.fullmatch(r"/api/articles/([^/]+)", path)
            if m:
                art = ARTICLES.get(m.group(1))
                return self.send_json(200, art) if art else self.send_json(404, {"error": "unknown article %s" % m.group(1)})
            if path.startswith("/api/"):
                return self.send_json(404, {"error": "unknown endpoint %s" % path})
            return self.send_static(path)
        except BadRequest as e:
            return self.send_json(400, {"error": str(e)})

    def send_static(self, path):
        rel = "index.html" if path in ("/", "") else path.lstrip("/")
        full = os.path.normpath(os.path.join(ASSETS, rel))
        if not full.startswith(ASSETS + os.sep) or not os.path.isfile(full):
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"not found")
            return
        ctype = mimetypes.guess_type(full)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        with open(full, "rb") as fh:
            body = fh.read()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    ap.add_argument("--dump", action="store_true", help="print the fixtures as JSON and exit")
    args = ap.parse_args()
    if args.dump:
        json.dump({"events": EVENTS, "articles": ARTICLES}, sys.stdout, ensure_ascii=False, indent=1)
        return
    mimetypes.add_type("text/javascript", ".js")
    mimetypes.add_type("application/json", ".json")
    Handler.quiet = args.quiet
    httpd = ThreadingHTTPServer((args.host, args.port), Handler)
    print("vigie mock server on http://%s:%d/ (assets: %s)" % (args.host, args.port, ASSETS), flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
