"""One registry of sources: canonical keys, stable `source_id`s, labels and organisation names.

A source is the thing a citation points at (an email, an interview, a report, a news story). The same
source cited in several notes, reports or editions gets the same id, computed from the citation alone
(no database): `src_` + a short hash of a canonical key made of the kind family, the main person or
organisation, and the title (for titled works) or the date (for communications).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .model import Citation

# Kinds that are the same kind of source for matching purposes.
FAMILIES = {
    "interview": "interview",
    "telephone_interview": "interview",
    "email": "email",
    "letter": "letter",
    "statement": "statement",
    "news": "news",
    "press_release": "news",
    "report": "publication",
    "book": "publication",
    "database": "publication",
    "website": "publication",
    "un_document": "publication",
    "monitor_report": "monitor",
    "ibid": "other",
    "other": "other",
}
_COMMUNICATIONS = {"interview", "email", "letter", "statement"}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+")
_US = re.compile(r"^(?:US|U\.S\.|USA)\s+(?=[A-Z])")
_PARTY = re.compile(r"\b(?:with|from|by)\s+([^,;]+)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_UN = re.compile(r"^(?:UN|U\.N\.)\s+(?=[A-Z])")
_DEPT = re.compile(r"\bDept\b\.?")
_DOC = re.compile(r"\s+Doc(?:ument)?s?$")


@lru_cache(maxsize=1)
def organization_table() -> dict[str, str]:
    """Abbreviation -> full name, from data/organizations.tsv (full names map to themselves)."""
    table: dict[str, str] = {}
    text = resources.files("landmine_monitor").joinpath("data/organizations.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, _, full = line.partition("\t")
        full = full.strip()
        if abbr.strip():
            table[abbr.strip()] = full
        table[full] = full
    return table


@lru_cache(maxsize=4096)
def known_organization(text: str) -> str | None:
    """The full name when `text` is, or starts with, a known organisation or its abbreviation."""
    table = organization_table()
    if text in table:
        return table[text]
    first = text.split(" ", 1)[0].strip(",.")
    if first in table and first.isupper() and len(first) > 1:
        return table[first]
    return None


@lru_cache(maxsize=16384)
def expand_organization(text: str) -> str:
    """Tidy one organisation name: known abbreviations expanded, "Dept." spelt out, "US" as "U.S."."""
    text = text.strip(" ,.;:")
    if text.endswith(("Doc", "Docs", "Document", "Documents")):
        text = _DOC.sub("", text) or text  # "UN Doc. A/53/PV.79": the document's body
    text = _LEADING_THE.sub("", text) if not text.startswith("The HALO") else text
    known = known_organization(text)
    if known and not _UN.match(text):
        return known
    text = _UN.sub("United Nations ", text)
    text = _DEPT.sub("Department", text)
    return _US.sub("U.S. ", text)


def norm(text: str | None) -> str:
    """Lower-case ASCII words only: the comparable form of a name or title."""
    if not text:
        return ""
    return _norm(text)


@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NON_WORD.sub(" ", ascii_text.lower()).strip()
    return _LEADING_THE.sub("", words)


def _main_party(c: Citation, prefer_outlet: bool = False) -> str:
    if prefer_outlet and c.outlet:
        return norm(c.outlet)
    if c.people:
        return norm(c.people[0].name)
    if c.organizations:
        return norm(c.organizations[0])
    return norm(c.outlet)


def canonical_key(c: Citation, loose: bool = False) -> str:
    """The comparable identity of the source a citation points at (see module doc).

    A titled work whose title names no year is keyed with its year too ("To Walk the Earth in Safety",
    2003 and 2004, are two sources); `loose` leaves that year out, to match an undated short form.
    """
    family = FAMILIES.get(c.kind, "other")
    if family == "monitor" and c.refers_to and c.refers_to.get("edition"):
        return f"monitor|{c.refers_to['edition']}"
    if family in _COMMUNICATIONS:
        party = _main_party(c) or norm(_party_text(c.text) or c.place or c.text)
        return f"{family}|{party}|{c.date or ''}"
    if family == "publication" and c.un_symbols and not c.title:
        return f"un|{c.un_symbols[0]}"
    if c.title:
        party = _main_party(c, prefer_outlet=family == "news")
        year = "" if loose or _YEAR.search(c.title) or not c.date else c.date[:4]
        return f"{family}|{party}|{norm(c.title)}|{year}"
    if family in ("publication", "news") and (c.people or c.organizations or c.outlet):
        return f"{family}|{_main_party(c)}|{norm(c.outlet)}|{c.date or ''}"
    return f"{family}|{norm(c.text)}"


def _party_text(text: str) -> str:
    """For communications with no named party: the words after "with"/"from"/"by", up to a comma."""
    m = _PARTY.search(text)
    return m.group(1) if m else ""


def source_id(c: Citation) -> str:
    return _key_id(canonical_key(c))


@lru_cache(maxsize=16384)
def _key_id(key: str) -> str:
    return "src_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def label(c: Citation) -> str:
    """A short human label for the source: who, what, when."""
    who = ", ".join(
        [p.name for p in c.people[:2]] + [o for o in c.organizations[:2] if not c.people]
        or ([c.outlet] if c.outlet else [])
    )
    what = f"“{c.title}”" if c.title else None
    if c.kind in ("interview", "telephone_interview", "email", "letter", "statement"):
        kind = c.kind.replace("_", " ").capitalize()
        who = who or _party_text(c.text).strip()[:60] or (f"(unnamed), {c.place}" if c.place else "(unnamed)")
        parts = [
            f"{kind} {'with' if 'interview' in c.kind else 'from' if c.kind != 'statement' else 'by'} {who}"
        ]
        parts.append(c.date or "")
    elif c.kind == "monitor_report" and c.refers_to and c.refers_to.get("edition"):
        parts = [f"Landmine Monitor Report {c.refers_to['edition']}"]
    else:
        parts = [who, what or "", c.outlet if c.outlet and c.outlet != who else "", c.date or ""]
    text = ", ".join(p for p in parts if p)
    return text if text.strip() else c.text[:80]
