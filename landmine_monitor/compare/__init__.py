"""Compare two editions of a country report (issue 7): what changed, what contradicts, and a drafted
"Key developments since EDITION_A". Pure functions over `Report`s; no database, no CLI.

    compare_reports(older, newer) -> dict   # topics side by side, changes, contradictions, draft
    timeline(reports) -> dict               # per indicator: first seen, last seen, changes

The "Key developments" paragraph of either edition is never compared: the draft is built only from the
body, so it can be checked against the newer edition's own paragraph.
"""

from __future__ import annotations

from typing import Any

from ..model import TOPICS, Report, paragraph_anchor
from .align import Pair, align
from .claims import contradictions as claim_contradictions
from .draft import draft_note, key_developments
from .facts_diff import conflicting_figures, fact_changes, facts_of, timeline
from .sentences import Sentence, report_sentences
from .significance import score

__all__ = ["compare_reports", "timeline", "LABELS"]

LABELS = ("unchanged", "reworded", "updated", "new", "dropped")


def _notes(report: Report, numbers: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in numbers:
        note = report.footnote(n)
        out.append({"number": n, "text": note.text if note else None})
    return out


def _anchor(s: Sentence | None) -> str | None:
    return paragraph_anchor(s.section, s.paragraph) if s is not None else None


def _change(pair: Pair, a: Report, b: Report, significance: float, reasons: list[str]) -> dict[str, Any]:
    main = pair.b if pair.b is not None else pair.a
    assert main is not None
    fa = list(pair.a.footnotes) if pair.a else []
    fb = list(pair.b.footnotes) if pair.b else []
    return {
        "label": pair.label,
        "topic": main.topic,
        "topic_a": pair.a.topic if pair.a else None,
        "topic_b": pair.b.topic if pair.b else None,
        "moved": pair.moved,
        "status_change": pair.status_change,
        "similarity": pair.similarity,
        "sentence_a": pair.a.text if pair.a else None,
        "sentence_b": pair.b.text if pair.b else None,
        "footnotes_a": fa,
        "footnotes_b": fb,
        "footnotes_inherited_a": bool(pair.a and pair.a.inherited),
        "footnotes_inherited_b": bool(pair.b and pair.b.inherited),
        "notes_a": _notes(a, fa),
        "notes_b": _notes(b, fb),
        "anchor_a": _anchor(pair.a),
        "anchor_b": _anchor(pair.b),
        "significance": significance,
        "reasons": reasons,
    }


def _sections(report: Report, topic: str) -> list[dict[str, Any]]:
    return [
        {
            "section": i,
            "heading": s.heading,
            "inferred": s.inferred,
            "paragraphs": [
                {"anchor": paragraph_anchor(i, j), "text": p.text, "footnotes": list(p.footnotes)}
                for j, p in enumerate(s.paragraphs)
            ],
        }
        for i, s in enumerate(report.sections)
        if topic in s.topics
    ]


def _topics(a: Report, b: Report, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Side by side per canonical topic: each edition's sections with that topic, and change counts."""
    present = {t for r in (a, b) for s in r.sections for t in s.topics} | {c["topic"] for c in changes}
    out = []
    for topic in [t for t in TOPICS if t in present] + sorted(present - set(TOPICS)):
        counts = {label: 0 for label in LABELS}
        for c in changes:
            if c["topic"] == topic:
                counts[c["label"]] += 1
        out.append({"topic": topic, "a": _sections(a, topic), "b": _sections(b, topic), "counts": counts})
    return out


def _country(a: Report, b: Report) -> dict[str, str] | None:
    c = b.country or a.country
    return {"iso3": c.iso3, "name": c.name} if c else None


def _public(c: dict[str, Any], a: Report, b: Report) -> dict[str, Any]:
    out = {k: v for k, v in c.items() if not k.startswith("_")}
    out["notes_a"] = _notes(a, list(c["footnotes_a"]))
    out["notes_b"] = _notes(b, list(c["footnotes_b"]))
    return out


def compare_reports(a: Report, b: Report) -> dict[str, Any]:
    """Compare an older edition `a` with a newer edition `b` of one country's report."""
    sa, sb = report_sentences(a), report_sentences(b)
    known = b.country or a.country
    country = known.name if known else ""
    contra = claim_contradictions(sa, sb, a.edition, country)
    facts = fact_changes(facts_of(a), facts_of(b))
    contra += conflicting_figures(facts)
    links: dict[str, set[int]] = {"contradiction": set(), "status_change": set()}
    for c in contra:
        if c["kind"] in links:
            links[c["kind"]] |= {id(c["_a"]), id(c["_b"])}
    fact_sentences = {
        s
        for f in facts
        if f["kind"] in ("status_changed", "value_changed")
        for s in (f["sentence_a"], f["sentence_b"])
        if s
    }
    known_a = frozenset(w.lower().strip("’'") for s in sa for w in s.clean.split())
    changes = []
    for pair in align(sa, sb):
        significance, reasons = score(pair, (a.edition, b.edition), links, fact_sentences, known_a)
        changes.append(_change(pair, a, b, significance, reasons))
    changes.sort(key=lambda c: -c["significance"])
    contradictions = [_public(c, a, b) for c in contra]
    return {
        "country": _country(a, b),
        "edition_a": a.edition,
        "edition_b": b.edition,
        "topics": _topics(a, b, changes),
        "changes": changes,
        "fact_changes": facts,
        "contradictions": contradictions,
        "key_developments_draft": key_developments(changes, a.edition, country, contradictions),
        "draft_note": draft_note(a.edition, b.edition),
        "summary": {label: sum(1 for c in changes if c["label"] == label) for label in LABELS},
    }
