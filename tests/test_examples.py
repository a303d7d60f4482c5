"""The example archive (examples/archive, examples/bad) and the synthetic archive generator (bench/gen_archive.py).

The archive checks read bytes only; the parse checks at the end skip while the parser does not import.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "examples" / "bad"
PAGE_SUFFIXES = {".txt", ".html", ".md"}
MARKER = re.compile(r"\[(\d+)\]")
NOTE_LINE = re.compile(r"^\[(\d+)\] (.*)$", re.M)

# Every page: (country iso3, edition or None, kind). Folder = edition, file stem = country.
EXPECTED = {
    "1999/oman.txt": ("OMN", 1999, "country_report"),
    "2000/oman.txt": ("OMN", 2000, "country_report"),
    "2002/mongolia.txt": ("MNG", 2002, "country_report"),
    "2002/paraguay.txt": ("PRY", 2002, "country_report"),
    "2003/mongolia.txt": ("MNG", 2003, "country_report"),
    "2003/oman.txt": ("OMN", 2003, "country_report"),
    "2003/paraguay.txt": ("PRY", 2003, "country_report"),
    "2003/tajikistan.txt": ("TJK", 2003, "country_report"),
    "2004/mongolia.txt": ("MNG", 2004, "country_report"),
    "2004/paraguay.txt": ("PRY", 2004, "country_report"),
    "2004/tajikistan.txt": ("TJK", 2004, "country_report"),
    "2005/paraguay.html": ("PRY", 2005, "country_report"),
    "2005/tajikistan.txt": ("TJK", 2005, "country_report"),
    "2006/mongolia.md": ("MNG", 2006, "country_report"),
    "2009/costa_rica.txt": ("CRI", 2009, "country_report"),
    "profiles/uruguay.txt": ("URY", None, "country_profile"),
}


def _pages(examples_dir: Path) -> dict[str, Path]:
    return {
        p.relative_to(examples_dir).as_posix(): p
        for p in sorted(examples_dir.rglob("*"))
        if p.is_file() and p.suffix in PAGE_SUFFIXES
    }


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _body_and_notes(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Split a page at its first note line: (body, [(number, note text)])."""
    text = re.sub(r"<[^>]+>", "", text) if "<html" in text else text
    first = NOTE_LINE.search(text)
    assert first, "no notes"
    return text[: first.start()], [(int(n), t) for n, t in NOTE_LINE.findall(text[first.start() :])]


def test_archive_counts(examples_dir: Path) -> None:
    pages = _pages(examples_dir)
    assert set(pages) == set(EXPECTED), "update EXPECTED (and examples/README.md) when pages change"
    editions_by_country: dict[str, set[int]] = defaultdict(set)
    for iso3, edition, _ in EXPECTED.values():
        if edition:
            editions_by_country[iso3].add(edition)
    assert len(pages) >= 12
    assert len(editions_by_country) >= 4
    assert len({e for eds in editions_by_country.values() for e in eds}) >= 3
    assert sum(len(eds) >= 3 for eds in editions_by_country.values()) >= 4


def test_every_marker_has_its_note(examples_dir: Path) -> None:
    for name, path in _pages(examples_dir).items():
        body, notes = _body_and_notes(_text(path))
        numbers = [n for n, _ in notes]
        assert numbers == list(range(1, len(notes) + 1)), name
        markers = [int(m) for m in MARKER.findall(body)]
        assert markers == sorted(markers) and set(markers) == set(numbers), name
        assert all(t.strip() for _, t in notes), name


def test_notes_cover_every_citation_kind(examples_dir: Path) -> None:
    notes = "\n".join(t for p in _pages(examples_dir).values() for _, t in _body_and_notes(_text(p))[1])
    kinds = {
        "interview": r"Landmine Monitor interview with",
        "telephone_interview": r"telephone interview with",
        "email": r"Email from [A-Z][\w.]+ [\w. ]+, [^,]+, [^,]+, \d{1,2} \w+ \d{4}",
        "letter": r"Letter to Landmine Monitor from",
        "statement": r"Statement by",
        "un_document": r"A/\d\d/PV\.\d+",
        "news": r"[\u201c\"][^\u201d\"]+,[\u201d\"] [A-Z][\w.\- ]+ \([A-Z][\w ]+\), \d{1,2} \w+ \d{4}",
        "report": r"Annual Report \d{4}",
        "book": r"Jane.s Mines and Mine Clearance",
        "database": r"[Dd]atabase",
        "website": r"(?:https?://|www\.)\S+",
        "press_release": r"Press Release",
        "monitor_report": r"See Landmine Monitor Report \d{4}, p\. \d+",
        "ibid": r"^Ibid\.",
        "article7": r"Article 7 Report, Form",
    }
    missing = [k for k, pattern in kinds.items() if not re.search(pattern, notes, re.M)]
    assert not missing


def test_special_pages(examples_dir: Path) -> None:
    lost = (examples_dir / "2000/oman.txt").read_text()
    assert not re.search(r"^(Production|Transfer|Stockpiling|Use)\b.*$", lost, re.M)
    assert lost.count("\n\n\n") >= 4  # the lost headings survive only as extra blank lines

    untitled = (examples_dir / "1999/oman.txt").read_text()
    assert "Landmine Monitor Report 1999" not in untitled and "Mine Ban Policy" in untitled

    html = (examples_dir / "2005/paraguay.html").read_text()
    assert all(tag in html for tag in ("<html", "<nav", "<h1>", "<h2>", "<p>", 'id="fn1"'))

    raw = (examples_dir / "2005/tajikistan.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert all(b in raw for b in (b"\x93", b"\x94", b"\x92", b"\x96"))  # cp1252 “ ” ’ –

    md = (examples_dir / "2006/mongolia.md").read_text()
    assert md.startswith("# Mongolia, Landmine Monitor Report 2006\n") and "\n## Mine Ban Policy\n" in md

    texts = [_text(p) for p in _pages(examples_dir).values()]
    assert any("<script>alert(1)</script>" in t and "javascript:" in t for t in texts)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in t for t in texts)  # the HTML page, escaped


def test_bad_inputs() -> None:
    assert (BAD / "empty.txt").read_bytes() == b""
    binary = (BAD / "binary.bin").read_bytes()
    assert binary.startswith(b"\x89PNG") and b"\x00" * 8 in binary
    recipe = (BAD / "not_a_report.txt").read_text()
    assert not re.search(r"\b(mines?|landmines?|Monitor)\b", recipe, re.I)
    truncated = (BAD / "truncated.txt").read_text()
    body, notes = _body_and_notes(truncated)
    assert notes and not notes[-1][1].endswith(".") and "[2]" in body  # cut in the middle of its last note


def test_readme_describes_every_page(examples_dir: Path) -> None:
    readme = (examples_dir.parent / "README.md").read_text()
    assert all(name in readme for name in EXPECTED)


# --- with the parser ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parse_file():  # type: ignore[no-untyped-def]
    try:
        from landmine_monitor.parse import parse_file
    except ImportError as e:
        pytest.skip(f"parser not importable yet: {e}")
    return parse_file


def test_pages_parse_to_their_country_and_edition(examples_dir: Path, parse_file) -> None:  # type: ignore[no-untyped-def]
    for name, (iso3, edition, kind) in EXPECTED.items():
        report = parse_file(examples_dir / name)
        assert report.country is not None and report.country.iso3 == iso3, name
        assert (report.edition, report.kind) == (edition, kind), name
        _, notes = _body_and_notes(_text(examples_dir / name))
        assert [f.number for f in report.footnotes] == [n for n, _ in notes], name


def test_lost_headings_are_inferred(examples_dir: Path, parse_file) -> None:  # type: ignore[no-untyped-def]
    report = parse_file(examples_dir / "2000/oman.txt")
    inferred = [s for s in report.sections if s.inferred]
    assert inferred and all(s.heading is None for s in inferred)
    assert {"production", "transfer", "stockpiling"} <= {t for s in inferred for t in s.topics}


def test_bad_inputs_raise_input_error(parse_file) -> None:  # type: ignore[no-untyped-def]
    from landmine_monitor.errors import InputError

    for name in ("empty.txt", "binary.bin", "not_a_report.txt"):
        with pytest.raises(InputError, match=re.escape(name)):
            parse_file(BAD / name)
    assert parse_file(BAD / "truncated.txt").footnotes  # a cut page still parses


# --- the synthetic archive ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gen():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gen_archive
    finally:
        sys.path.pop(0)
    return gen_archive


def test_generator_is_seeded_and_in_range(gen) -> None:  # type: ignore[no-untyped-def]
    pages = list(gen.generate(300, seed=7))
    assert pages == list(gen.generate(300, seed=7))
    assert pages != list(gen.generate(300, seed=8))
    names = [n for n, _ in pages]
    assert len(set(names)) == len(names)
    sizes = [len(d) for _, d in pages]
    assert min(sizes) >= 3_000 and max(sizes) <= 60_000
    assert 14_000 <= sum(sizes) / len(sizes) <= 22_000
    editions = {int(n.split("/")[0]) for n in names}
    assert editions <= set(range(1999, 2021)) and len(editions) >= 10
    for name, data in pages:
        text = data.decode("utf-8")
        notes = [int(n) for n, _ in NOTE_LINE.findall(text)]
        assert 5 <= len(notes) <= 60 and notes == list(range(1, len(notes) + 1)), name
        assert "{" not in text, name  # every placeholder filled


def test_generator_writes_files(gen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gen.main(["--n", "20", "--out", str(tmp_path), "--seed", "3"]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt"))
    assert written == sorted(n for n, _ in gen.generate(20, seed=3))
