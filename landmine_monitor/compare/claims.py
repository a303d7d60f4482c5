"""Claims read from the language of a sentence, and contradictions between two editions' claims.

A claim is (predicate, scope, polarity, hedged): "North Korean mines have not been found in other
countries" is (export, abroad, negative); "APP M-57 mines have been found in Angola and Sudan" is
(export, abroad, positive). "No information is available on the stockpile" states no claim at all.
A negative claim in the older edition met by a positive one in the newer (or the reverse) on the same
predicate and scope is a contradiction, unless the newer sentence dates the event after the older
edition: then it is a change of status, not a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..months import MONTHS
from .sentences import Sentence

PREDICATES: dict[str, re.Pattern[str]] = {
    "export": re.compile(
        r"\b(?:exported|exporting|exports|re-exported|transferred|sold|supplied|sells?)\b|\bfound\s+in\s+"
        r"(?:other\s+countries|[A-Z])",
    ),
    # "mines are emplaced", "minefields" describe contamination, not an act of use
    "use": re.compile(r"\b(?:use[ds]?|using|planted|plants?|laid|lay(?:ing)?)\b"),
    "production": re.compile(r"\b(?:produc(?:e|es|ed|ing|er|tion)|manufactur\w*)\b"),
    "stockpile": re.compile(r"\b(?:stockpil\w*|stocks?\s+of)\b"),
    "clearance": re.compile(r"\b(?:clearance|demining|cleared|clear(?:ing)?\s+(?:of\s+)?mines)\b"),
    "treaty": re.compile(r"\b(?:signed|acceded|ratified|joined)\b.*\b(?:treaty|convention)\b", re.I),
}
# Sentences about someone else's action on the predicate (funding clearance abroad) claim nothing here.
_EXCLUDE: dict[str, re.Pattern[str]] = {
    "clearance": re.compile(r"\b(?:contribut\w*|fund\w*|donat\w*)\b", re.I),
    "export": re.compile(r"\bban\s+on\b", re.I),
}
_GENERIC_PLACE = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "us",
        "u.s",
        "un",
        "landmine",
        "monitor",
        "mine",
        "ban",
        "treaty",
        "convention",
        "zone",
        "area",
        "province",
        "region",
        "border",
        "government",
        "army",
        "forces",
        *MONTHS,
    ]
)
_CAPITAL = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][\w’'-]+)")
_SUBJECT_HINT = re.compile(r"\b(?:mine|mines|landmines?|minefields?|antipersonnel|ap)\b", re.I)
_NEGATIVE = re.compile(
    r"\b(?:not|never|no|none|neither|nor|without|cannot)\b|n[’']t\b|\bno\s+longer\b",
    re.I,
)
# Statements of ignorance: no claim either way ("no information is available on the size of ...").
_UNKNOWN = re.compile(
    r"\bno\s+information\s+(?:is\s+|was\s+)?(?:available\s+)?(?:on|about|regarding|concerning)\b"
    r"|\b(?:is|are|was|remains?)\s+(?:not\s+known|unknown)\b(?!\s+to\b)|\binformation\s+(?:\w+\s+){0,4}is\s+not\s+available"
    r"|\bno\s+(?:official\s+)?statistics\b",
    re.I,
)
# Case-sensitive so that the month ("5 May 2002") is not read as the hedge "may".
_HEDGE = re.compile(
    r"\b(?:[Mm]ay(?!\s+\d)|[Mm]ight|[Pp]ossibly|[Pp]erhaps|[Pp]robably|[Ll]ikely|assumed|believed|[Rr]eportedly|"
    r"appears?|seems?|suspected|[Aa]lleged\w*|estimated|could)\b"
)
_ABROAD = re.compile(
    r"\b(?:other\s+countries|abroad|outside|elsewhere|other\s+parts|apart\s+from|beyond)\b|\bfound\s+in\s+[A-Z]",
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass
class Claim:
    predicate: str
    scope: str  # "abroad" (outside the known area / other countries) or "any"
    positive: bool
    hedged: bool
    sentence: Sentence


def claims_of(sentence: Sentence) -> list[Claim]:
    """The claims a sentence makes about the predicates above (none for statements of ignorance)."""
    text = sentence.clean
    if _UNKNOWN.search(text) or not _SUBJECT_HINT.search(text):
        return []
    out = []
    for name, pattern in PREDICATES.items():
        m = pattern.search(text)
        if not m or (name in _EXCLUDE and _EXCLUDE[name].search(text)):
            continue
        before = text[: m.start()]
        clause = re.split(r"[,;:]\s+(?:but|however|although|though|while)\b|;", before)[-1]
        positive = not _NEGATIVE.search(clause)
        scope = "abroad" if name == "export" or _ABROAD.search(text) else "any"
        out.append(Claim(name, scope, positive, bool(_HEDGE.search(text)), sentence))
    return out


def places(text: str, country: str = "") -> frozenset[str]:
    """Capitalised words after the first (place names, mostly), minus the country's own name."""
    own = {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", country)}
    out = set()
    for m in _CAPITAL.finditer(text):
        w = m.group(1).lower()
        if (
            w not in _GENERIC_PLACE
            and w[:5] not in own
            and not (w.isalpha() and len(w) <= 4 and w.upper() == m.group(1) and w != "dmz")
        ):
            out.add(w)
    return frozenset(out)


def _elsewhere(ca: Claim, cb: Claim, country: str) -> bool:
    """Two local claims about different places do not contradict each other."""
    if ca.scope != "any":
        return False
    pa, pb = places(ca.sentence.clean, country), places(cb.sentence.clean, country)
    return bool(pa) and bool(pb) and not (pa & pb)


def _dated_after(sentence: Sentence, edition: int | None) -> bool:
    return edition is not None and any(int(y) > edition for y in _YEAR.findall(sentence.clean))


def contradictions(
    a: list[Sentence], b: list[Sentence], edition_a: int | None, country: str = ""
) -> list[dict[str, object]]:
    """Pairs of claims with opposite polarity on the same predicate and scope, strongest first.

    Each item: kind ("contradiction" or "status_change" when the newer claim is dated after the older
    edition), predicate, strength ("firm" or "hedged"), and both sentences with their footnotes.
    """
    claims_a = [c for s in a for c in claims_of(s)]
    claims_b = [c for s in b for c in claims_of(s)]
    found: list[dict[str, object]] = []
    seen: set[tuple[int, int]] = set()
    for ca in claims_a:
        for cb in claims_b:
            if ca.predicate != cb.predicate or ca.positive == cb.positive or ca.scope != cb.scope:
                continue
            if _elsewhere(ca, cb, country):
                continue
            key = (id(ca.sentence), id(cb.sentence))
            if key in seen:
                continue
            seen.add(key)
            changed = _dated_after(cb.sentence, edition_a)
            found.append(
                {
                    "kind": "status_change" if changed else "contradiction",
                    "predicate": ca.predicate,
                    "scope": ca.scope,
                    "strength": "hedged" if (ca.hedged or cb.hedged) else "firm",
                    "claim_a": "positive" if ca.positive else "negative",
                    "claim_b": "positive" if cb.positive else "negative",
                    "sentence_a": ca.sentence.text,
                    "sentence_b": cb.sentence.text,
                    "footnotes_a": list(ca.sentence.footnotes),
                    "footnotes_b": list(cb.sentence.footnotes),
                    "_a": ca.sentence,
                    "_b": cb.sentence,
                }
            )
    found.sort(key=lambda c: (c["kind"] != "contradiction", c["strength"] != "firm"))
    return found
