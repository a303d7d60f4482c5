"""Fact-level changes between editions (from facts.extract_facts) and a country's timeline.

Facts are compared per key: the indicator plus its year when the indicator is counted per year
(a UNGA vote of 1997, prostheses fitted in 2003); a status or an estimate without a year is compared
as one value per edition.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import Fact, Report

STATUS_INDICATORS = frozenset(
    {"treaty_status", "ccw_status", "ccw_apii_status", "cd_member", "producer", "exporter", "unga_vote"}
)
# Estimates of the same thing (not counts per period): differing values conflict rather than update.
ESTIMATE_INDICATORS = frozenset({"mines_emplaced", "stockpile_size", "amputees"})
SET_INDICATORS = frozenset({"mine_model"})  # several values at once; compare as sets

Key = tuple[str, int | None]


def facts_of(report: Report) -> list[Fact]:
    """The report's facts from its body (extracted when the report came without, e.g. built by hand).

    Facts read from the "Key developments" paragraph are left out: that paragraph is the reference the
    drafted one is checked against, and it repeats the body.
    """
    facts = report.facts
    if not facts:
        from ..facts import extract_facts

        facts = extract_facts(report)
    digest = " ".join(k.text for k in report.key_developments)
    return [f for f in facts if not (f.sentence and f.sentence.strip() in digest)]


def _key(f: Fact) -> Key:
    return (f.indicator, None if f.indicator in ESTIMATE_INDICATORS else f.year)


def _shown(f: Fact) -> str:
    parts = [str(f.qualifier)] if f.qualifier and str(f.qualifier) not in str(f.value) else []
    if f.value is not None:
        parts.append(
            f"{f.value:,}" if isinstance(f.value, int) and not isinstance(f.value, bool) else str(f.value)
        )
    if f.unit:
        parts.append(str(f.unit))
    return " ".join(parts)


def _same(a: Fact, b: Fact) -> bool:
    """A status is its value ("assumed current" is still current); a figure is its value and qualifier."""
    if a.indicator in STATUS_INDICATORS:
        return bool(a.value == b.value)
    return (a.value, a.qualifier) == (b.value, b.qualifier)


def _by_key(facts: list[Fact]) -> dict[Key, list[Fact]]:
    out: dict[Key, list[Fact]] = defaultdict(list)
    for f in facts:
        out[_key(f)].append(f)
    return out


def _change(kind: str, key: Key, fa: Fact | None, fb: Fact | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "indicator": key[0],
        "year": key[1],
        "value_a": fa.value if fa else None,
        "value_b": fb.value if fb else None,
        "shown_a": _shown(fa) if fa else None,
        "shown_b": _shown(fb) if fb else None,
        "sentence_a": fa.sentence if fa else None,
        "sentence_b": fb.sentence if fb else None,
        "footnotes_a": list(fa.footnotes) if fa else [],
        "footnotes_b": list(fb.footnotes) if fb else [],
    }


def _set_changes(key: Key, fa: list[Fact], fb: list[Fact]) -> list[dict[str, Any]]:
    va = {str(f.value).lower(): f for f in fa}
    vb = {str(f.value).lower(): f for f in fb}
    out = [_change("added", key, None, vb[v]) for v in vb if v not in va]
    return out + [_change("removed", key, va[v], None) for v in va if v not in vb]


def fact_changes(a: list[Fact], b: list[Fact]) -> list[dict[str, Any]]:
    """Values that changed, appeared or disappeared between the two editions, statuses first.

    kind: status_changed, value_changed, added, removed.
    """
    ka, kb = _by_key(a), _by_key(b)
    out: list[dict[str, Any]] = []
    for key in sorted(set(ka) | set(kb), key=lambda k: (k[0], k[1] or 0)):
        fa, fb = ka.get(key, []), kb.get(key, [])
        if key[0] in SET_INDICATORS:
            out += _set_changes(key, fa, fb)
        elif fa and fb:
            if not any(_same(x, y) for x in fa for y in fb):
                kind = "status_changed" if key[0] in STATUS_INDICATORS else "value_changed"
                out.append(_change(kind, key, fa[0], fb[0]))
        elif fb:
            out.append(_change("added", key, None, fb[0]))
        elif fa:
            out.append(_change("removed", key, fa[0], None))
    order = {"status_changed": 0, "value_changed": 1, "added": 2, "removed": 3}
    out.sort(key=lambda c: order[c["kind"]])
    return out


def conflicting_figures(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Estimates of one quantity that differ between editions (mines emplaced: one million vs hundreds of
    thousands), as contradictions with both sentences and both footnote lists."""
    out = []
    for c in changes:
        if c["kind"] == "value_changed" and c["indicator"] in ESTIMATE_INDICATORS:
            out.append(
                {
                    "kind": "conflicting_figures",
                    "predicate": c["indicator"],
                    "scope": "any",
                    "strength": "firm",
                    "claim_a": c["shown_a"],
                    "claim_b": c["shown_b"],
                    "sentence_a": c["sentence_a"],
                    "sentence_b": c["sentence_b"],
                    "footnotes_a": c["footnotes_a"],
                    "footnotes_b": c["footnotes_b"],
                }
            )
    return out


def timeline(reports: list[Report]) -> dict[str, Any]:
    """Per indicator (and year, for per-year indicators): first and last edition seen, the values per
    edition and the changes between consecutive editions that state it."""
    ordered = sorted((r for r in reports if r.edition is not None), key=lambda r: r.edition or 0)
    series: dict[Key, dict[int, list[Fact]]] = defaultdict(dict)
    for r in ordered:
        assert r.edition is not None
        for key, facts in _by_key(facts_of(r)).items():
            series[key][r.edition] = facts
    indicators = []
    for key in sorted(series, key=lambda k: (k[0], k[1] or 0)):
        per_edition = series[key]
        editions = sorted(per_edition)
        values = [_observation(e, per_edition[e]) for e in editions]
        changes = [
            {"from_edition": x["edition"], "to_edition": y["edition"], "from": x["shown"], "to": y["shown"]}
            for x, y in zip(values, values[1:], strict=False)
            if x["key"] != y["key"]
        ]
        indicators.append(
            {
                "indicator": key[0],
                "year": key[1],
                "first_seen": editions[0],
                "last_seen": editions[-1],
                "values": values,
                "changes": changes,
            }
        )
    first = ordered[0] if ordered else None
    return {
        "country": _country(first),
        "editions": [r.edition for r in ordered],
        "indicators": indicators,
    }


def _observation(edition: int, facts: list[Fact]) -> dict[str, Any]:
    """One edition's value of an indicator: the first fact, or every value of a set indicator (the mine
    models named that year). `key` is what a change is judged on: a status by its value alone."""
    f = facts[0]
    shown, key = _shown(f), (str(f.value) if f.indicator in STATUS_INDICATORS else _shown(f))
    if f.indicator in SET_INDICATORS:
        shown = key = ", ".join(sorted({_shown(x) for x in facts}))
    return {
        "edition": edition,
        "value": f.value,
        "shown": shown,
        "key": key,
        "sentence": f.sentence,
        "footnotes": f.footnotes,
    }


def _country(report: Report | None) -> dict[str, str] | None:
    if report is None or report.country is None:
        return None
    return {"iso3": report.country.iso3, "name": report.country.name}
