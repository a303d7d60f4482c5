"""Page-level reading after the sentence extractors: one treaty status per report, no vaguer
restatement of a treaty date the report gives precisely, no duplicate facts.
"""

from __future__ import annotations

import json

from ..model import Fact

# A ratification outranks a signature, which outranks "has not signed": a report that says both
# "signed on 3 December 1997" and "ratified on 28 July 1999" describes a State Party.
_STATUS_RANK = {"state_party": 3, "signatory": 2, "not_party": 1}
_TREATY_DATES = ("treaty_signed", "treaty_ratified", "treaty_acceded", "treaty_entry_into_force")


def resolve(facts: list[Fact]) -> list[Fact]:
    """The report's facts, consistent and without repeats, in reading order."""
    return _first_model_mention(_dedupe(_precise_dates(_one_status(facts))))


def _one_status(facts: list[Fact]) -> list[Fact]:
    statuses = [f.value for f in facts if f.indicator == "treaty_status"]
    if not statuses:
        return facts
    best = max(statuses, key=lambda v: _STATUS_RANK.get(v, 0))
    return [f for f in facts if f.indicator != "treaty_status" or f.value == best]


def _precise_dates(facts: list[Fact]) -> list[Fact]:
    precise = {f.indicator for f in facts if f.indicator in _TREATY_DATES and len(str(f.value)) == 10}
    return [f for f in facts if not (f.indicator in precise and len(str(f.value)) < 10)]


_PLAIN = frozenset({str, int, bool, type(None)})


def _key(f: Fact) -> object:
    """What makes two facts the same: their fields as JSON writes them. When every field is a str,
    int, bool or None, (type, value) pairs tell fields apart exactly as JSON does (1 from True, 1
    from "1") and are cheaper; otherwise (floats, other types) the JSON text itself."""
    fields = (f.indicator, f.value, f.year, f.date, f.unit, f.qualifier, f.section, f.paragraph, f.sentence)
    types = tuple(map(type, fields))
    if _PLAIN.issuperset(types):
        return (types, fields)
    return json.dumps(fields, default=str)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[object] = set()
    out = []
    for f in facts:
        key = _key(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _first_model_mention(facts: list[Fact]) -> list[Fact]:
    """A mine model is recorded once per report, where it is first named."""
    seen: set[object] = set()
    out = []
    for f in facts:
        if f.indicator == "mine_model":
            if f.value in seen:
                continue
            seen.add(f.value)
        out.append(f)
    return out
