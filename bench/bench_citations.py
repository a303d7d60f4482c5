"""What citation parsing adds to `parse`: the synthetic archive (bench/gen_archive.py) through parse_bytes
without `citations.annotate`, then `annotate` alone over the same reports, and the % overhead (issue #3
target: at most 30%). CPU time (time.process_time), so other processes on the machine matter less.

    python bench/bench_citations.py --n 1000

Falls back to the two seed pages repeated when gen_archive is missing. Each variant runs --repeat times
(the best run counts). Exit status 1 if the overhead is above --max-overhead.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from landmine_monitor import citations
from landmine_monitor.errors import InputError
from landmine_monitor.model import Report
from landmine_monitor.parse import parse_bytes

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"

Pages = list[tuple[str, bytes]]


def load_pages(n: int, seed: int) -> tuple[str, Pages]:
    sys.path.insert(0, str(HERE))
    try:
        from gen_archive import generate
    except ImportError:
        seeds = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
        if not seeds:
            raise SystemExit(f"no synthetic archive (bench/gen_archive.py) and no seeds in {SEEDS}") from None
        return "seeds repeated", [seeds[i % len(seeds)] for i in range(n)]
    return f"synthetic archive (seed {seed})", list(generate(n, seed=seed))


def parse_all(pages: Pages) -> tuple[float, list[Report]]:
    """CPU seconds to parse every page, and the reports (pages that raise InputError are skipped)."""
    reports = []
    start = time.process_time()
    for name, data in pages:
        try:
            reports.append(parse_bytes(data, name))
        except InputError:
            continue
    return time.process_time() - start, reports


def parse_without_citations(pages: Pages, repeat: int) -> tuple[float, list[Report]]:
    original = citations.annotate
    citations.annotate = _skip  # parse.enrich looks it up on the module at call time
    try:
        return min((parse_all(pages) for _ in range(repeat)), key=lambda r: r[0])
    finally:
        citations.annotate = original


def _skip(report: Report) -> None:
    return None


def annotate_all(reports: list[Report], repeat: int) -> float:
    """CPU seconds for citation parsing alone, over the same reports."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for report in reports:
            citations.annotate(report)
        runs.append(time.process_time() - start)
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="reports to parse (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs per variant; the best counts")
    ap.add_argument("--max-overhead", type=float, default=30.0, help="percent (default 30)")
    args = ap.parse_args(argv)

    what, pages = load_pages(args.n, args.seed)
    without, reports = parse_without_citations(pages, args.repeat)
    cites_time = annotate_all(reports, args.repeat)
    notes = sum(len(r.footnotes) for r in reports)
    cites = sum(len(f.citations) for r in reports for f in r.footnotes)
    unparsed = sum(1 for r in reports for w in r.warnings if w.code == citations.UNPARSED)
    overhead = 100.0 * cites_time / without if without else 0.0
    mb = sum(len(d) for _, d in pages) / 1e6
    print(
        f"{what}: {len(reports)} reports, {mb:.1f} MB, {notes} notes, {cites} citations, {unparsed} unparsed"
    )
    print(f"parse without citations  {without:8.3f} s CPU  {len(reports) / without:8.1f} reports/s")
    print(
        f"citation parsing         {cites_time:8.3f} s CPU  {1e6 * cites_time / max(notes, 1):8.1f} µs per note"
    )
    total = without + cites_time
    print(f"parse with citations     {total:8.3f} s CPU  {len(reports) / total:8.1f} reports/s")
    print(f"citation overhead        {overhead:7.1f} %  (target <= {args.max_overhead:g}%)")
    return 0 if overhead <= args.max_overhead else 1


if __name__ == "__main__":
    sys.exit(main())
