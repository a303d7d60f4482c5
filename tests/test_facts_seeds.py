"""Golden facts of the two seed reports (North Korea 1999 and 2004): every hand-checked fact is found,
none is invented, and each points at the paragraph its sentence comes from.

The golden files hold no page text: a sentence is kept as its first 40 characters and its sha1.
A missing golden file is written from the current output and the test fails until someone has
checked it by hand against the seed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from landmine_monitor.facts.sentences import clean
from landmine_monitor.model import Fact, Report
from landmine_monitor.parse import parse_file

GOLDEN = Path(__file__).parent / "golden" / "facts"
SEEDS = ["001_309f5905dcc51e13.txt", "000_87f4d2e13d4a9d0b.txt"]


def project(f: Fact) -> dict[str, Any]:
    return {
        "indicator": f.indicator,
        "value": f.value,
        "year": f.year,
        "date": f.date,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "footnotes": f.footnotes,
        "sentence_prefix": f.sentence[:40],
        "sentence_sha1": hashlib.sha1(f.sentence.encode()).hexdigest(),
    }


def source_text(report: Report, f: Fact) -> str:
    """The paragraph (or key development, or overview row) a fact says it was read from."""
    if f.section is None:
        if f.paragraph is None:
            return " ".join(f"{r.key}: {r.value}" for r in report.overview)
        return clean(report.key_developments[f.paragraph].text)
    assert f.paragraph is not None
    return clean(report.sections[f.section].paragraphs[f.paragraph].text)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_facts_match_the_golden_list(seeds_dir: Path, seed: str) -> None:
    report = parse_file(seeds_dir / seed)
    got = [project(f) for f in report.facts]
    path = GOLDEN / f"{Path(seed).stem}.json"
    if not path.exists():
        path.write_text(json.dumps({"seed": seed, "facts": got}, indent=1, ensure_ascii=False) + "\n")
        pytest.fail(f"{path} was missing and has been written: check it by hand against the seed")
    expected = json.loads(path.read_text())["facts"]
    key = lambda d: json.dumps(d, sort_keys=True)  # noqa: E731
    missing = sorted({key(e) for e in expected} - {key(g) for g in got})
    invented = sorted({key(g) for g in got} - {key(e) for e in expected})
    assert (missing, invented) == ([], [])


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_facts_point_at_their_paragraph(seeds_dir: Path, seed: str) -> None:
    report = parse_file(seeds_dir / seed)
    assert report.facts
    for f in report.facts:
        assert f.sentence in source_text(report, f), f
        markers = [n for n in f.footnotes if report.footnote(n) is None]
        assert markers == [], f"{f.indicator}: footnote markers without notes {markers}"
