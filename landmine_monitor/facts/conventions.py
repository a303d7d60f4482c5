"""Other instruments and fora: ccw_status and ccw_apii_status (party | not_party), cd_member (True | False).

Reading rules:
- "is (a) party to the CCW", "ratified/acceded to the CCW" give party; "not (a) party to", "has not
  signed/ratified/joined/acceded to" give not_party ("signed the CCW in 1981, but has not ratified the
  convention" is not_party);
- Amended Protocol II ("its Landmine Protocol", "its protocol on landmines") gets its own fact when the
  same phrase names it; being party to the protocol also makes the state party to the CCW, but not
  being party to the protocol says nothing about the Convention itself;
- attending CCW meetings is not membership.
"""

from __future__ import annotations

import re

from ..model import Fact
from .sentences import SentenceContext, has_any
from .subject import about_other, clause_before

_CCW = re.compile(r"Convention on (?:Certain )?Conventional Weapons|\bCCW\b")
_APII = re.compile(r"Amended Protocol II|Landmine Protocol|protocol on landmines|Protocol II\b", re.I)
# A relation phrase right before the instrument's name.
_RELATION = re.compile(
    r"\b(?P<neg>not|never)?\s*(?:yet\s+)?(?:"
    r"(?:is|are|was|became|becoming|become|remains?|been)\s+(?:not\s+)?(?:a\s+)?(?:State\s+)?party\s+to"
    r"|party\s+to|signed|ratified|acceded\s+to|joined)"
    r"\s+(?:the\s+)?(?:1980\s+)?(?:CCW\s+)?$",
    re.I,
)
_NEG_AFTER = re.compile(r"\bbut\s+has\s+not\s+(?:yet\s+)?(?:ratified|acceded|joined)\b", re.I)
_CD = re.compile(r"\b(?P<neg>not\s+)?(?:a\s+)?member\s+of\s+the\s+(?:Conference on Disarmament|CD)\b", re.I)


_INSTRUMENT_WORDS = ("conventional", "ccw", "protocol")  # where _CCW or _APII can match
_RELATION_WORDS = ("party", "signed", "ratified", "acceded", "joined")  # where _RELATION can match


def wanted(text: str, low: str) -> bool:
    """Cheap necessary condition: an instrument and a relation to it, or membership of the CD."""
    return (has_any(low, _INSTRUMENT_WORDS) and has_any(low, _RELATION_WORDS)) or "member" in low


def extract(ctx: SentenceContext) -> list[Fact]:
    """CCW, Amended Protocol II and Conference on Disarmament facts of one sentence."""
    low = ctx.low
    facts = _ccw(ctx) if has_any(low, _INSTRUMENT_WORDS) and has_any(low, _RELATION_WORDS) else []
    m = _CD.search(ctx.text) if "member" in low else None
    if m and not about_other(clause_before(ctx.text, m.start()), ctx.iso3):
        neg = bool(m.group("neg")) or ctx.text[: m.start()].rstrip().endswith(("not", "never"))
        facts.append(_fact(ctx, "cd_member", not neg))
    return facts


read = extract  # it looks for its words itself


def _fact(ctx: SentenceContext, indicator: str, value: object) -> Fact:
    return Fact(
        indicator, value, None, None, None, None, ctx.section, ctx.paragraph, ctx.text, list(ctx.footnotes)
    )


def _ccw(ctx: SentenceContext) -> list[Fact]:
    text = ctx.text
    first = _first_instrument(text)
    if first is None:
        return []
    rel = _RELATION.search(text[: first.start()])
    if rel is None or about_other(clause_before(text, rel.start()), ctx.iso3):
        return []
    phrase = text[rel.start() :].split(";")[0]
    after = _NEG_AFTER.search(phrase)
    # "party to the CCW but has not ratified Amended Protocol II": the "not" is about the protocol only
    only_protocol = after is not None and _names_protocol_first(phrase[after.end() :])
    negative = (
        bool(rel.group("neg")) or " not " in f" {rel.group(0)} " or (after is not None and not only_protocol)
    )
    status = "not_party" if negative else "party"
    names_apii = bool(_APII.search(phrase))
    facts = []
    if _CCW.match(text, first.start()) or (_CCW.search(phrase) and not _qualifies(text, first)):
        facts.append(_fact(ctx, "ccw_status", status))
    elif not negative:  # party to the protocol, hence to the Convention
        facts.append(_fact(ctx, "ccw_status", "party"))
    if names_apii:
        facts.append(_fact(ctx, "ccw_apii_status", "not_party" if negative or only_protocol else "party"))
    return facts


def _names_protocol_first(text: str) -> bool:
    """Whether the first instrument named in `text` is the protocol, not the Convention itself."""
    protocol, convention = _APII.search(text), _CCW.search(text)
    return protocol is not None and (convention is None or protocol.start() < convention.start())


def _first_instrument(text: str) -> re.Match[str] | None:
    hits = [m for m in (_CCW.search(text), _APII.search(text)) if m]
    return min(hits, key=lambda m: m.start()) if hits else None


def _qualifies(text: str, apii: re.Match[str]) -> bool:
    """ "Amended Protocol II of/to the CCW": the Convention only names where the protocol belongs."""
    return bool(
        re.match(
            r"\s*(?:\w+\s+){0,3}?(?:of|to)\s+the\s+(?:1980\s+)?(?:Convention on|CCW)", text[apii.end() :]
        )
    )
