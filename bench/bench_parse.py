"""Parse throughput on one core: the synthetic archive (bench/gen_archive.py) through the real parser, against
a bare regex split of the same bytes (the floor any parser has to do at least).

    python bench/bench_parse.py --n 2000          # issue #2 target: >= 500 reports/s for parse_bytes

Rows: `regex floor` (decode + split paragraphs + find markers and notes), `structure` (decode_page +
parse_text, no enrichment), `parse_bytes` (the whole pipeline: structure, citations, facts). Reports that raise
InputError are counted, not fatal. Exit status 1 if parse_bytes is below --target.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_archive import generate  # noqa: E402

PARA = re.compile(r"\n\s*\n")
MARKER = re.compile(r"\[(\d+)\s*\]")
NOTE = re.compile(r"^\[(\d+)\] ", re.M)

Pages = list[tuple[str, bytes]]


def regex_floor(data: bytes, name: str) -> object:
    """The least a parser does: decode, split into paragraphs, find the markers and the notes."""
    text = data.decode("utf-8", "replace")
    paras = PARA.split(text)
    markers = [MARKER.findall(p) for p in paras]
    return len(paras), sum(map(len, markers)), len(NOTE.findall(text))


def _structure() -> Callable[[bytes, str], object] | None:
    try:
        from landmine_monitor.parse.decode import decode_page
        from landmine_monitor.parse.structure import parse_text
    except ImportError:
        return None

    def structure(data: bytes, name: str) -> object:
        text, url = decode_page(data, name)
        return parse_text(text, path=name, url=url)

    return structure


def _parse_bytes() -> Callable[[bytes, str], object] | None:
    try:
        from landmine_monitor.parse import parse_bytes
    except ImportError:
        return None
    return parse_bytes


def measure(fn: Callable[[bytes, str], object], pages: Pages) -> tuple[float, int]:
    """Seconds for one pass over all pages, and how many raised (InputError or anything else)."""
    failed = 0
    t0 = time.perf_counter()
    for name, data in pages:
        try:
            fn(data, name)
        except Exception:
            failed += 1
    return time.perf_counter() - t0, failed


def row(label: str, seconds: float, pages: Pages, failed: int) -> str:
    mb = sum(len(d) for _, d in pages) / 1e6
    n = len(pages)
    note = f", {failed} raised" if failed else ""
    return f"{label:<12} {n / seconds:>9,.0f} reports/s {mb / seconds:>7.1f} MB/s  ({seconds:.2f} s{note})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Parse throughput on the synthetic archive (one core).")
    ap.add_argument("--n", type=int, default=2000, help="number of synthetic reports")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", type=float, default=500.0, help="reports/s that parse_bytes must reach")
    a = ap.parse_args(argv)
    pages = list(generate(a.n, a.seed))
    size = sum(len(d) for _, d in pages)
    print(
        f"archive      {len(pages)} synthetic reports, {size / 1e6:.1f} MB (mean {size / len(pages) / 1e3:.1f} KB)"
    )
    seconds, failed = measure(regex_floor, pages)
    print(row("regex floor", seconds, pages, failed))
    below = False
    for label, fn in (("structure", _structure()), ("parse_bytes", _parse_bytes())):
        if fn is None:
            print(f"{label:<12} not available: the parser modules do not import yet")
            below = below or label == "parse_bytes"
            continue
        measure(fn, pages[:5])  # warm-up: lazy imports, compiled patterns, gazetteers
        seconds, failed = measure(fn, pages)
        print(row(label, seconds, pages, failed))
        if label == "parse_bytes":
            below = len(pages) / seconds < a.target
            print(f"target       {a.target:,.0f} reports/s: {'NOT MET' if below else 'met'}")
    facts_line(pages)
    return 1 if below else 0


def facts_line(pages: Pages) -> None:
    """Facts alone (issue #6): `facts.extract_facts` on reports already parsed, in ms per report."""
    try:
        from landmine_monitor.facts import extract_facts
        from landmine_monitor.parse import parse_bytes
    except ImportError:
        return
    reports = []
    for name, data in pages:
        try:
            reports.append(parse_bytes(data, name))
        except Exception:
            continue
    if not reports:
        return
    t0 = time.perf_counter()
    for report in reports:
        extract_facts(report)
    seconds = time.perf_counter() - t0
    print(
        f"{'facts':<12} {seconds / len(reports) * 1000:>9.2f} ms/report (extract_facts only, {len(reports)} reports)"
    )


if __name__ == "__main__":
    sys.exit(main())
