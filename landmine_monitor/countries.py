"""One gazetteer for every module: country and area names (any spelling the Monitor used) -> iso3.

Built once from pycountry plus the Monitor's own spellings, acronyms and URL slugs, and the areas that
have no ISO code (X-codes). Lookups go through one normal form (`_norm`): case, accents, apostrophes,
underscores and punctuation do not matter, so "Sri_Lanka", "SRI LANKA" and "Sri Lanka" are the same key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .model import Country


@dataclass(frozen=True)
class CountryEntry:
    iso3: str
    name: str
    aliases: tuple[str, ...]


# Areas without an ISO 3166 code, as the Monitor reports on them.
AREAS: dict[str, tuple[str, ...]] = {
    "XAB": ("Abkhazia",),
    "XCE": ("Chechnya", "Chechen Republic"),
    "XKX": ("Kosovo",),
    "XNK": ("Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno-Karabagh", "NKR"),
    "XSL": ("Somaliland", "Republic of Somaliland"),
    "XGH": ("Golan Heights", "Golan"),
}

# Display names where pycountry's are long or unusual for the Monitor.
DISPLAY: dict[str, str] = {
    "PRK": "North Korea",
    "KOR": "South Korea",
    "MMR": "Myanmar",
    "LAO": "Lao PDR",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "IRN": "Iran",
    "SYR": "Syria",
    "VNM": "Vietnam",
    "USA": "United States",
    "RUS": "Russia",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "VEN": "Venezuela",
    "FSM": "Micronesia",
    "BRN": "Brunei",
    "PSE": "Palestine",
    "TWN": "Taiwan",
    "ESH": "Western Sahara",
    "MKD": "North Macedonia",
    "CZE": "Czech Republic",
    "GBR": "United Kingdom",
    "VAT": "Holy See",
    "CPV": "Cape Verde",
    "SWZ": "Eswatini",
    "TUR": "Turkey",
    "CIV": "Côte d'Ivoire",
}

# The Monitor's own spellings, acronyms, other-language names and URL slugs.
ALIASES: dict[str, tuple[str, ...]] = {
    "PRK": (
        "North Korea",
        "Korea, North",
        "Korea, DPR",
        "Korea DPR",
        "DPR Korea",
        "DPRK",
        "Democratic People's Republic of Korea",
        "Korea, Democratic People's Republic",
    ),
    "KOR": ("South Korea", "Korea, South", "Korea, RO", "Korea, Republic", "Republic of Korea", "ROK"),
    "MMR": (
        "Burma",
        "Burma (Myanmar)",
        "Myanmar (Burma)",
        "Myanmar/Burma",
        "Myanmar Burma",
        "Union of Myanmar",
    ),
    "LAO": ("Lao PDR", "Laos", "Lao", "Lao People's Democratic Republic"),
    "COD": (
        "DR Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo, DR",
        "Congo, Democratic Republic",
        "Congo-Kinshasa",
        "Zaire",
        "République Démocratique du Congo",
        "Dem Congo",
    ),
    "COG": (
        "Republic of Congo",
        "Congo, Republic of",
        "Congo, Rep",
        "Congo-Brazzaville",
        "Congo Brazzaville",
    ),
    "IRN": ("Iran",),
    "SYR": ("Syria",),
    "VNM": ("Vietnam", "Viet Nam"),
    "USA": ("USA", "United States of America", "United States", "U.S.", "US"),
    "GBR": ("UK", "Great Britain", "Britain", "United Kingdom"),
    "RUS": ("Russia", "Russian Federation"),
    "MKD": ("Macedonia", "FYR Macedonia", "Former Yugoslav Republic of Macedonia", "Macedonia, FYR"),
    "BIH": ("Bosnia and Herzegovina", "Bosnia & Herzegovina", "Bosnia-Herzegovina", "Bosnia", "BiH"),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "TLS": ("Timor-Leste", "East Timor"),
    "SWZ": ("Swaziland", "Eswatini"),
    "CZE": ("Czech Republic", "Czechia"),
    "SVK": ("Slovak Republic",),
    "KGZ": ("Kyrgyz Republic",),
    "LBY": ("Libya", "Libyan Arab Jamahiriya"),
    "PSE": (
        "Palestine",
        "Palestinian Territories",
        "Occupied Palestinian Territories",
        "Palestinian Authority",
    ),
    "TWN": ("Taiwan",),
    "ESH": ("Western Sahara",),
    "PER": ("Perú",),
    "VAT": ("Holy See", "Vatican"),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "BRN": ("Brunei", "Brunei Darussalam"),
    "MDA": ("Moldova",),
    "TZA": ("Tanzania",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "GNB": ("Guinea-Bissau", "Guinea Bissau"),
    "TUR": ("Turkey", "Türkiye"),
    "SCG": ("Serbia and Montenegro", "Serbia & Montenegro"),
    "YUG": ("Yugoslavia", "Federal Republic of Yugoslavia"),
}

# Short upper-case aliases: only matched in running text when written in capitals.
_ACRONYMS = {"DPRK", "DRC", "ROK", "USA", "US", "UK", "BIH", "NKR", "U.S."}

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "_": " "})
_NON_WORD = re.compile(r"[^a-z0-9']+")
_ARTICLE = re.compile(r"^the ")


def _norm(name: str) -> str:
    """The lookup key: lower case, no accents, apostrophes unified, punctuation and `_` as spaces."""
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _NON_WORD.sub(" ", s).strip()
    return _ARTICLE.sub("", s)


def _pycountry_names(c: object) -> list[str]:
    names = [getattr(c, a, None) for a in ("name", "common_name", "official_name")]
    out = [n for n in names if isinstance(n, str)]
    for n in list(out):
        if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
            head, _, tail = n.partition(", ")
            out.append(f"{tail} {head}")
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, CountryEntry]]:
    """(normal form -> iso3, spaceless form -> iso3, iso3 -> entry), built once."""
    names: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names.setdefault(c.alpha_3, []).extend(_pycountry_names(c))
    for code in ("SCG", "YUG"):
        hc = pycountry.historic_countries.get(alpha_3=code)
        if hc is not None:
            names.setdefault(code, []).append(hc.name)
    for code, area in AREAS.items():
        names.setdefault(code, []).extend(area)
    for code, extra in ALIASES.items():
        names.setdefault(code, []).extend(extra)
    by_norm: dict[str, str] = {}
    compact: dict[str, str] = {}
    entries: dict[str, CountryEntry] = {}
    for code, ns in names.items():
        display = DISPLAY.get(code) or (AREAS[code][0] if code in AREAS else ns[0])
        uniq = tuple(dict.fromkeys(n for n in ns if n != display))
        entries[code] = CountryEntry(code, display, uniq)
        for n in (display, *uniq):
            key = _norm(n)
            if key:
                by_norm.setdefault(key, code)
                compact.setdefault(key.replace(" ", "").replace("'", ""), code)
    return by_norm, compact, entries


def resolve(name: str) -> Country | None:
    """The country or area a name, spelling, acronym or URL slug stands for; None if unknown."""
    by_norm, compact, entries = _tables()
    key = _norm(name)
    if not key:
        return None
    code = by_norm.get(key) or compact.get(key.replace(" ", "").replace("'", ""))
    if code is None:
        return None
    return Country(code, entries[code].name)


def by_iso3(iso3: str) -> Country | None:
    entry = _tables()[2].get(iso3.upper())
    return Country(entry.iso3, entry.name) if entry else None


def all_countries() -> list[CountryEntry]:
    """Every known country and area with its display name and aliases (for search and the web UI)."""
    return sorted(_tables()[2].values(), key=lambda e: e.name)


_WORD = re.compile(r"[A-Za-zÀ-ÿ'’.\-]+")
_MAX_WORDS = 6


def find_in_text(text: str, limit: int = 20000) -> Country | None:
    """The country a text is most about (most often named, earlier mentions breaking ties), or None.

    Word n-grams (up to six words) are looked up in the gazetteer, so this is one pass over the text.
    Acronyms such as DPRK or US only count when written in capitals.
    """
    by_norm, firsts = _tables()[0], _first_words()
    raw = [w.strip(".-'’") for w in _WORD.findall(text[:limit])]
    raw = [w for w in raw if w]
    keys = [_norm_word(w) for w in raw]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    i = 0
    while i < len(keys):
        step = 1
        # a name can only start here if its first word is this one's (most capitalised words start none)
        if raw[i][0].isupper() and keys[i].split(" ", 1)[0] in firsts:
            for n in range(min(_MAX_WORDS, len(keys) - i), 0, -1):
                code = by_norm.get(" ".join(keys[i : i + n]))
                if code is None or (n == 1 and raw[i].upper() in _ACRONYMS and raw[i] != raw[i].upper()):
                    continue
                counts[code] = counts.get(code, 0) + 1
                first.setdefault(code, i)
                step = n
                break
        i += step
    if not counts:
        return None
    best = max(counts, key=lambda c: (counts[c], -first[c]))
    return by_iso3(best)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every name in the gazetteer's normal form."""
    return frozenset(key.split(" ", 1)[0] for key in _tables()[0])


@lru_cache(maxsize=65536)
def _norm_word(word: str) -> str:
    return _norm(word)
