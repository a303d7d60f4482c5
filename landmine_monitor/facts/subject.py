"""Whose fact is it? A clause whose subject names another country, or states in general, is not
about the report's country ("on the same day Greece ratified", "the treaty was signed by 122 countries").
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Names the reports use that pycountry does not give (or gives differently).
_ALIASES = {
    "US": "USA", "U.S.": "USA", "United States": "USA", "America": "USA",
    "UK": "GBR", "Britain": "GBR", "United Kingdom": "GBR",
    "North Korea": "PRK", "DPRK": "PRK", "Democratic People's Republic of Korea": "PRK",
    "Democratic People’s Republic of Korea": "PRK",
    "South Korea": "KOR", "ROK": "KOR", "Republic of Korea": "KOR",
    "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "Laos": "LAO", "Lao": "LAO", "Vietnam": "VNM",
    "Burma": "MMR", "Myanmar": "MMR", "DRC": "COD", "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD", "Congo-Brazzaville": "COG", "Tanzania": "TZA",
    "Bolivia": "BOL", "Venezuela": "VEN", "Moldova": "MDA", "Macedonia": "MKD", "Ivory Coast": "CIV",
    "Côte d’Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Somaliland": "XSL", "Abkhazia": "XAB",
    "Chechnya": "XCE", "Kosovo": "XKX", "Nagorno-Karabakh": "XNK", "Taiwan": "TWN", "Palestine": "PSE",
    "Western Sahara": "ESH", "Polisario": "ESH", "Turkey": "TUR", "Czech Republic": "CZE",
    "Brunei": "BRN", "Cape Verde": "CPV", "Micronesia": "FSM", "Vatican": "VAT", "Holy See": "VAT",
}  # fmt: skip

_GENERIC = re.compile(
    r"\b(?:states|countries|nations|governments|signatories|States Parties|[Aa] country|[Aa]ny state|[Aa] state)\b"
)


_ONE_OF = re.compile(r"\bone of [\w\s,-]*?\b(states|countries|nations|governments)\b", re.I)
_BOUNDARY = re.compile(r"[,;:(—–]|\b(and|but|while|when|whereas|although|though|as)\b", re.I)
# _BOUNDARY spelled backwards: its matches (single marks, whole words) never overlap, so the first
# match in the reversed text is the last one in the text, found without reading the whole text.
_BOUNDARY_REVERSED = re.compile(r"[,;:(—–]|\b(dna|tub|elihw|nehw|saerehw|hguohtla|hguoht|sa)\b", re.I)
# The same for lower-cased ASCII text, without re.I (which makes the engine fold every character).
_BOUNDARY_REVERSED_LOW = re.compile(_BOUNDARY_REVERSED.pattern)


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    r"""The pattern of every country name, and name -> ISO3. The pattern has no look-behind at its
    start, so the regex engine scans for the names' first letters; `countries_named` checks the
    look-behind `(?<![\w-])` by hand."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and len(value) > 3:
                names[value] = c.alpha_3
    names.update(_ALIASES)
    # Longest first, grouped by first character ("A(?:fghanistan|lbania|...)"): names with different
    # first characters never match at the same place, so this finds what the flat alternation finds,
    # but tries only the names that start with the character at hand.
    by_first: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        by_first.setdefault(n[0], []).append(re.escape(n[1:]))
    alternation = "|".join(f"{re.escape(ch)}(?:{'|'.join(rest)})" for ch, rest in by_first.items())
    return re.compile(rf"(?:{alternation})(?![\w-])"), names


def countries_named(text: str) -> set[str]:
    r"""ISO3 codes of the countries named in `text` (as `(?<![\w-])` + the pattern would find them)."""
    pattern, names = _names()
    found = set()
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            pos = start + 1
            continue
        found.add(names[m.group(0)])
        pos = m.end()
    return found


@lru_cache(maxsize=16384)
def about_other(subject_text: str, iso3: str | None) -> bool:
    """True when `subject_text` (the words before a verb) names a country other than `iso3`,
    or speaks of states in general rather than of one country. Remembered: the same few subjects
    ("The army destroyed ", " the center fitted ") come back in sentence after sentence."""
    if "one of" in subject_text.lower():  # _ONE_OF has nothing to take out otherwise
        subject_text_head = _ONE_OF.sub(" ", subject_text)
    else:
        subject_text_head = subject_text
    head = " ".join(subject_text_head.split()[:5])
    if _GENERIC.search(head):
        return True
    if iso3 is None:
        return False
    named = countries_named(subject_text)
    return bool(named) and iso3 not in named


def clause_before(text: str, verb_start: int, floor: int = 0) -> str:
    """The words of the verb's own clause before it: from the last comma, colon, semicolon or
    conjunction (but not before `floor`, the end of the previous verb's phrase) up to the verb."""
    head = text[floor:verb_start]
    if head.isascii():
        m = _BOUNDARY_REVERSED_LOW.search(head.lower()[::-1])
    else:
        m = _BOUNDARY_REVERSED.search(head[::-1])
    return head[len(head) - m.start() :] if m else head


def clause_before_low(text: str, low: str, verb_start: int) -> str:
    """`clause_before(text, verb_start)` for ASCII text whose `str.lower` is `low`."""
    m = _BOUNDARY_REVERSED_LOW.search(low[verb_start - 1 :: -1]) if verb_start else None
    return text[verb_start - m.start() : verb_start] if m else text[:verb_start]
