"""Golden-file tests: the two real seed reports parse exactly as reviewed.

Golden files hold structure, extracted fields, and for long text only a <= 40-character prefix plus a
sha1 (never the page text). A missing golden file is written by the test, which then fails until a
person has reviewed it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from landmine_monitor.model import Report
from landmine_monitor.parse import decode, structure

GOLDEN = Path(__file__).parent / "golden"
SEEDS = {"seed_1999_prk": "001_309f5905dcc51e13.txt", "seed_2004_prk": "000_87f4d2e13d4a9d0b.txt"}


def _text(s: str) -> dict[str, str]:
    return {"prefix": s[:40], "sha1": hashlib.sha1(s.encode("utf-8")).hexdigest()}


def summarize(r: Report) -> dict[str, Any]:
    """The report without page text: structure, fields, and prefix+sha1 for every text."""
    return {
        "kind": r.kind,
        "country": r.country.iso3 if r.country else None,
        "edition": r.edition,
        "title": r.title,
        "key_developments": [{"since": k.since, **_text(k.text)} for k in r.key_developments],
        "sections": [
            {
                "heading": s.heading,
                "topics": s.topics,
                "level": s.level,
                "inferred": s.inferred,
                "paragraphs": [{**_text(p.text), "footnotes": p.footnotes} for p in s.paragraphs],
            }
            for s in r.sections
        ],
        "footnotes": [{"number": f.number, **_text(f.text)} for f in r.footnotes],
        "overview": [[o.key, o.value] for o in r.overview],
        "warnings": [w.code for w in r.warnings],
    }


def parse_seed(path: Path) -> Report:
    text, url = decode.decode_page(decode.read_limited(path), path.name)
    return structure.parse_text(text, path=path.name, url=url)


@pytest.mark.parametrize("golden_name", sorted(SEEDS))
def test_seed_matches_golden(seeds_dir: Path, golden_name: str) -> None:
    got = summarize(parse_seed(seeds_dir / SEEDS[golden_name]))
    golden = GOLDEN / f"{golden_name}.json"
    if not golden.exists():
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.fail(f"{golden} was missing and has been written: review it by hand, then rerun")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_golden_files_hold_no_page_text() -> None:
    for golden in GOLDEN.glob("*.json"):
        for key, value in _walk(json.loads(golden.read_text(encoding="utf-8"))):
            if isinstance(value, str) and key not in ("title", "heading"):
                assert len(value) <= 40, f"{golden.name}: {key} holds {len(value)} characters of text"


def _walk(node: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [kv for k, v in node.items() for kv in _walk(v, k)]
    if isinstance(node, list):
        return [kv for v in node for kv in _walk(v, key)]
    return [(key, node)]


def test_seed_1999_lost_headings_are_inferred(seeds_dir: Path) -> None:
    r = parse_seed(seeds_dir / SEEDS["seed_1999_prk"])
    inferred = [s.topics for s in r.sections if s.inferred]
    assert inferred == [["production"], ["transfer"], ["stockpiling"], ["use"]]
    assert {w.code for w in r.warnings} == {"country_inferred", "edition_inferred"}
    markers = [n for s in r.sections for p in s.paragraphs for n in p.footnotes]
    assert markers == list(range(1, 16)) and [f.number for f in r.footnotes] == markers


def test_seed_2004_markers_match_notes(seeds_dir: Path) -> None:
    r = parse_seed(seeds_dir / SEEDS["seed_2004_prk"])
    assert [k.since for k in r.key_developments] == ["1999"]
    markers = [n for s in r.sections for p in s.paragraphs for n in p.footnotes]
    assert markers == [f.number for f in r.footnotes] == list(range(1, 15))
    assert not r.warnings


def test_corpus_pages_parse_without_crash(corpus_dir: Path) -> None:
    pages = sorted((corpus_dir / "pages").glob("*.txt"))
    kinds = {parse_seed(p).kind for p in pages}
    assert {"country_report", "country_profile", "thematic", "about"} <= kinds
