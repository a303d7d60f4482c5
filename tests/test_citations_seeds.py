"""The seeds' 29 notes (North Korea 1999: 15, 2004: 14) against hand-checked golden files.

Golden files hold no page text: kinds, dates, names, organisations, refers_to and same-source groups;
any string longer than 40 characters is stored as a short prefix plus its sha1. A missing golden file
is written and the test fails until someone has reviewed it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from landmine_monitor import citations
from landmine_monitor.model import Citation, Report
from landmine_monitor.parse import parse_file

GOLDEN = Path(__file__).parent / "golden" / "citations"
SEEDS = {"prk-1999": ("001_", 15), "prk-2004": ("000_", 14)}


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 40:
        return {"prefix": value[:40], "sha1": hashlib.sha1(value.encode("utf-8")).hexdigest()}
    if isinstance(value, list):
        return [_short(v) for v in value]
    if isinstance(value, dict):
        return {k: _short(v) for k, v in value.items()}
    return value


def _summary(c: Citation) -> dict[str, Any]:
    text = {"prefix": c.text[:40], "sha1": hashlib.sha1(c.text.encode("utf-8")).hexdigest()}
    fields = {
        "kind": c.kind,
        "text": text,
        "date": c.date,
        "date_end": c.date_end,
        "people": [{"name": p.name, "role": p.role} for p in c.people],
        "organizations": c.organizations,
        "title": c.title,
        "outlet": c.outlet,
        "place": c.place,
        "pages": c.pages,
        "urls": c.urls,
        "un_symbols": c.un_symbols,
        "refers_to": c.refers_to,
    }
    return {k: (v if k == "text" else _short(v)) for k, v in fields.items()}


def _same_source(report: Report) -> list[list[list[int]]]:
    groups: dict[str, list[list[int]]] = {}
    for note in report.footnotes:
        for i, c in enumerate(note.citations):
            groups.setdefault(c.source_id or f"none-{note.number}-{i}", []).append([note.number, i])
    return [g for g in groups.values() if len(g) > 1]


def _observed(report: Report) -> dict[str, Any]:
    return {
        "notes": [
            {"number": n.number, "citations": [_summary(c) for c in n.citations]} for n in report.footnotes
        ],
        "same_source": _same_source(report),
        "source_ages": citations.source_ages(report),
    }


def _seed(seeds_dir: Path, prefix: str) -> Report:
    path = next(seeds_dir.glob(prefix + "*.txt"))
    return parse_file(path)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_notes_match_golden(seeds_dir: Path, name: str) -> None:
    prefix, count = SEEDS[name]
    report = _seed(seeds_dir, prefix)
    assert len(report.footnotes) == count
    observed = _observed(report)
    golden = GOLDEN / f"{name}.json"
    if not golden.exists():
        golden.write_text(json.dumps(observed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.fail(f"wrote {golden}: review it by hand, then rerun")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for got, want in zip(observed["notes"], expected["notes"], strict=True):
        assert got == want, f"{name} note [{want['number']}]"
    assert observed["same_source"] == expected["same_source"]
    assert observed["source_ages"] == expected["source_ages"]


def test_seed_notes_parse_without_warnings(seeds_dir: Path) -> None:
    for prefix, _ in SEEDS.values():
        report = _seed(seeds_dir, prefix)
        assert not [w for w in report.warnings if w.code == citations.UNPARSED]
        assert all(note.citations for note in report.footnotes)
        assert all(
            c.source_id and c.source_id.startswith("src_") for n in report.footnotes for c in n.citations
        )


def test_issue_examples_are_one_source_each(seeds_dir: Path) -> None:
    """The issue's pairs: the two Fieldhouse emails, and the two HI Activity Report 2003 citations."""
    report = _seed(seeds_dir, "000_")
    note = {n.number: n.citations for n in report.footnotes}
    assert note[12][0].source_id == note[13][0].source_id
    assert note[12][1].source_id == note[14][1].source_id
    assert note[12][1].source_id != note[12][2].source_id  # Activity Report 2002 is another source
    assert note[3][0].refers_to == {"footnote": 1}  # the short form of the 1998 statement
    assert note[5][0].refers_to == {"edition": 2000, "page": "541"}
