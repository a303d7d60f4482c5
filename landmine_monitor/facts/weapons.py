"""Production and transfer: producer (current | past | no | unknown), mine_model (a known model's
name), exporter (past | no | unknown).

Reading rules:
- "produces", "continues to produce" give current; "has produced", "produced" give past; "has never
  produced", "does not produce" give no; "is not known to have produced" gives unknown;
- "may have produced" keeps its doubt as qualifier "possibly", "assumes that ... continues to produce"
  as "assumed";
- "is not known to have exported" is unknown, never a positive export; "has never exported" is no;
- a model is recorded wherever the report names it (once per report: see resolve).
"""

from __future__ import annotations

import re

from ..model import Fact
from .sentences import SentenceContext, has_any, lowered
from .subject import about_other, clause_before

# Known antipersonnel mine models, longest first so POMZ-2M wins over POMZ-2.
MODELS = (
    "POMZ-2M", "POMZ-2", "Model 15", "APP M-57", "PMA-1A", "PMA-1", "PMA-2", "PMA-3", "PMD-6M", "PMD-6",
    "PMN-2", "PMN-4", "PMN", "PFM-1", "OZM-3", "OZM-4", "OZM-72", "MON-50", "MON-90", "MON-100", "MON-200",
    "PROM-1", "M14", "M16A1", "M16A2", "M16", "M18A1", "M2A4", "M3", "Type 58", "Type 59", "Type 66",
    "Type 69", "Type 72A", "Type 72B", "Type 72", "VS-50", "VS-MK2", "TS-50", "Valmara 69", "VAR/40",
    "SB-33", "P-4", "MAPS", "MAI-75", "NR 409", "R2M2", "No. 4", "Gyata-64", "MBV-78", "PMR-2A", "PMR-3",
)  # fmt: skip
_MODEL = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(m) for m in sorted(MODELS, key=len, reverse=True)) + r")(?![\w-])"
)

_MODEL_FAST = re.compile(_MODEL.pattern.removeprefix(r"(?<![\w-])"))

_PRODUCER = [
    ("unknown", re.compile(r"\bnot known to (?:have )?(?:[\w,]+\s+(?:or\s+|and\s+)?){0,3}?(?:produced|produce|manufactured)\b", re.I)),
    ("no", re.compile(r"\bnever\s+(?:[\w,]+\s+(?:or\s+|and\s+)?){0,4}?(?:produced|manufactured)\b"
                      r"|\b(?:does|did|has|have)\s+not\s+(?:produce[ds]?|manufacture[ds]?)\b", re.I)),
    ("current", re.compile(r"\b(?:produces|manufactures|continues? to (?:produce|manufacture)|is producing)\b", re.I)),
    ("past", re.compile(r"\b(?:has|have|had)\s+(?:also\s+)?(?:produced|manufactured)\b|(?<!ly )(?<!was )(?<!were )(?<!been )(?<!are )(?<!is )\bproduced\b(?=[^.]{0,60}\bmines?\b)", re.I)),
]  # fmt: skip
_EXPORTER = [
    ("unknown", re.compile(r"\bnot known to (?:have )?(?:[\w,]+\s+(?:or\s+|and\s+)?){0,3}?(?:exported|export|transferred)\b", re.I)),
    ("no", re.compile(r"\bnever\s+(?:[\w,]+\s+(?:or\s+|and\s+)?){0,4}?exported\b|\bpolicy not to export\b"
                      r"|\b(?:has|have|did)\s+not\s+export(?:ed)?\b", re.I)),
    ("past", re.compile(r"\b(?:has|have|had)\s+exported\b|(?<!not )(?<!never )\bexported\b", re.I)),
]  # fmt: skip
_NEGATION = re.compile(r"\b(?:not|never|no)\b", re.I)
_MINES = re.compile(r"\b(?:mines?|landmines?|antipersonnel)\b", re.I)
_DOUBT = re.compile(r"\b(?:may|might|could|possibly|perhaps)\b", re.I)
_ASSUMED = re.compile(r"\b(?:assumes?|assumed|believed|believes)\b", re.I)
# The same patterns for lower-cased ASCII text (see `lowered`).
_PRODUCER_LOW = [(v, lowered(p)) for v, p in _PRODUCER]
_EXPORTER_LOW = [(v, lowered(p)) for v, p in _EXPORTER]
_NEGATION_LOW, _MINES_LOW, _DOUBT_LOW, _ASSUMED_LOW = map(lowered, (_NEGATION, _MINES, _DOUBT, _ASSUMED))


# A model's first word (no dot): white space and markers never join words, so a model named in a
# cleaned sentence leaves its first word in the raw paragraph too.
_MODEL_WORDS = re.compile("|".join(sorted({re.escape(m.split()[0].rstrip(".")) for m in MODELS})))
_PRODUCER_WORDS = ("produc", "manufactur")  # where _PRODUCER can match
_EXPORTER_WORDS = ("export", "transferred")  # where _EXPORTER can match


def wanted(text: str, low: str) -> bool:
    """Cheap necessary condition: a model's first word, or a verb of production or export."""
    return (
        has_any(low, _PRODUCER_WORDS)
        or has_any(low, _EXPORTER_WORDS)
        or _MODEL_WORDS.search(text) is not None
    )


def extract(ctx: SentenceContext) -> list[Fact]:
    """Producer and exporter status and mine models named in one sentence."""
    text, low = ctx.text, ctx.low
    facts = [_fact(ctx, "mine_model", m.group(1)) for m in _models(text)]
    producer, exporter = has_any(low, _PRODUCER_WORDS), has_any(low, _EXPORTER_WORDS)
    if not (producer or exporter):
        return facts
    ascii_text = text.isascii()
    if facts or (_MINES_LOW.search(low) if ascii_text else _MINES.search(text)):
        if producer:
            facts.extend(_status(ctx, "producer", _PRODUCER_LOW if ascii_text else _PRODUCER, ascii_text))
        if exporter:
            facts.extend(_status(ctx, "exporter", _EXPORTER_LOW if ascii_text else _EXPORTER, ascii_text))
    return facts


read = extract  # it looks for its words itself


def _models(text: str) -> list[re.Match[str]]:
    """`_MODEL.finditer(text)`, found faster: the pattern without its leading look-behind starts with
    a capital letter, which the regex engine scans for; the look-behind is then checked by hand."""
    found = []
    pos = 0
    while (m := _MODEL_FAST.search(text, pos)) is not None:
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            pos = start + 1
            continue
        found.append(m)
        pos = m.end()
    return found


def _fact(ctx: SentenceContext, indicator: str, value: object, qualifier: str | None = None) -> Fact:
    return Fact(
        indicator,
        value,
        None,
        None,
        None,
        qualifier,
        ctx.section,
        ctx.paragraph,
        ctx.text,
        list(ctx.footnotes),
    )


def _status(
    ctx: SentenceContext, indicator: str, patterns: list[tuple[str, re.Pattern[str]]], ascii_text: bool
) -> list[Fact]:
    """The first of `patterns` that says something of the country; with `ascii_text`, the patterns
    are `lowered` ones, searched in `ctx.low`."""
    text = ctx.text
    src = ctx.low if ascii_text else text
    negation, doubt, assumed = (
        (_NEGATION_LOW, _DOUBT_LOW, _ASSUMED_LOW) if ascii_text else (_NEGATION, _DOUBT, _ASSUMED)
    )
    for value, pattern in patterns:
        m = pattern.search(src)
        if not m or about_other(clause_before(text, m.start()), ctx.iso3):
            continue
        head = src[: m.start()]
        if value in ("past", "current") and negation.search(
            src[max(0, m.start() - 60) : m.start()].split(";")[-1]
        ):
            continue  # "is not known to have produced or exported", "has never produced, sold or exported"
        qualifier = "possibly" if doubt.search(head[-40:]) else "assumed" if assumed.search(head) else None
        return [_fact(ctx, indicator, value, qualifier)]
    return []
