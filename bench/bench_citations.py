"""What citation parsing adds to `parse`, the issue #3 measure: CPU time of `citations.annotate` against the
structural parse it rides on (decode_page + structure.parse_text), over the same synthetic reports
(bench/gen_archive.py). Target: citations at most 30% of decode+structure.

    python bench/bench_citations.py --n 1000

CPU time (time.process_time) with the process pinned to one core. The two run in turn, --repeat times,
and the best run of each counts. Every citation cache (there is none per note, only per segment, name
or date) is emptied before each `annotate` run, so a repeated name is only cheap when it repeats within
the run, as in a real archive. Falls back to the two seed pages repeated when gen_archive is missing.
Exit status 1 if the overhead is above --max-overhead.

--whole also times the facts (issue #6, which came later), and prints what citations add to the rest of
today's whole `parse` (decode, structure and facts): a second reading, for reference; the target line above
stays against the structural parse, the one issue #2's 500 reports/s is measured on.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from landmine_monitor import citations, facts, sources
from landmine_monitor.citations import dates, fill, kinds, parts, quick, split
from landmine_monitor.errors import InputError
from landmine_monitor.model import Report
from landmine_monitor.parse import decode, structure

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


def structure_all(pages: Pages) -> tuple[float, list[Report]]:
    """CPU seconds for decode + structure of every page, and the reports (InputError pages skipped)."""
    reports = []
    start = time.process_time()
    for name, data in pages:
        try:
            text, url = decode.decode_page(data, name)
            reports.append(structure.parse_text(text, path=name, url=url))
        except InputError:
            continue
    return time.process_time() - start, reports


def clear_caches() -> None:
    """Empty every lru_cache of the citation modules (the organisation table read from disk aside)."""
    modules: list[ModuleType] = [citations, split, parts, dates, fill, kinds, quick, sources]
    for module in modules:
        for name, obj in vars(module).items():
            clear: Callable[[], None] | None = getattr(obj, "cache_clear", None)
            if clear is not None and name != "organization_table":
                clear()


def annotate_all(reports: list[Report]) -> float:
    """CPU seconds for citation parsing alone over the reports, caches emptied first."""
    clear_caches()
    start = time.process_time()
    for report in reports:
        citations.annotate(report)
    return time.process_time() - start


def facts_all(reports: list[Report]) -> float:
    """CPU seconds for the facts of every report (the rest of today's `parse`, for --whole)."""
    start = time.process_time()
    for report in reports:
        facts.extract_facts(report)
    return time.process_time() - start


def pin_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="reports to parse (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs per variant; the best counts")
    ap.add_argument("--max-overhead", type=float, default=30.0, help="percent (default 30)")
    ap.add_argument(
        "--whole",
        action="store_true",
        help="also time the facts, and print what citations add to the rest of the whole parse",
    )
    args = ap.parse_args(argv)

    pinned = pin_one_core()
    what, pages = load_pages(args.n, args.seed)
    base = cites_time = facts_time = float("inf")
    reports: list[Report] = []
    for _ in range(args.repeat):  # alternating, so that a busy machine slows both alike
        run, reports = structure_all(pages)
        base = min(base, run)
        cites_time = min(cites_time, annotate_all(reports))
        facts_time = min(facts_time, facts_all(reports)) if args.whole else facts_time
    n = max(len(reports), 1)
    notes = sum(len(r.footnotes) for r in reports)
    distinct = len({f.text for r in reports for f in r.footnotes})
    cites = sum(len(f.citations) for r in reports for f in r.footnotes)
    unparsed = sum(1 for r in reports for w in r.warnings if w.code == citations.UNPARSED)
    fast = sum(citations.read_quickly(f.text) for r in reports for f in r.footnotes)
    overhead = 100.0 * cites_time / base if base else 0.0
    mb = sum(len(d) for _, d in pages) / 1e6
    print(f"{what}: {len(reports)} reports, {mb:.1f} MB, {notes} notes ({distinct} distinct), {pinned}")
    print(f"{cites} citations, {unparsed} unparsed notes; best of {args.repeat} runs, CPU time")
    print(f"decode+structure   {1e3 * base / n:7.3f} ms/report")
    print(
        f"citations          {1e3 * cites_time / n:7.3f} ms/report"
        f"  ({1e6 * cites_time / max(notes, 1):.1f} µs/note, caches emptied per run)"
    )
    print(f"overhead           {overhead:7.1f} %  of decode+structure (target <= {args.max_overhead:g}%)")
    print(
        f"fast path          {100.0 * fast / max(notes, 1):7.1f} %  of notes read whole by citations/quick.py"
    )
    if args.whole:
        whole = 100.0 * cites_time / (base + facts_time)
        print(
            f"for reference      {whole:7.1f} %  added to the rest of today's whole `parse` (decode, structure"
            f" and facts, {1e3 * (base + facts_time) / n:.2f} ms/report)"
        )
    return 0 if overhead <= args.max_overhead else 1


if __name__ == "__main__":
    sys.exit(main())
