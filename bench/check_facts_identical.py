"""Dump the facts of a fixed set of reports, to prove a change to `landmine_monitor.facts` keeps its output.

    python bench/check_facts_identical.py /tmp/facts_before.jsonl     # before the change
    python bench/check_facts_identical.py /tmp/facts_after.jsonl      # after it
    cmp /tmp/facts_before.jsonl /tmp/facts_after.jsonl

The reports: the synthetic archives generate(1000, seed=1) and generate(300, seed=7), the two real seeds,
every page of the shared corpus and every file of examples/archive. One JSON line per report: its name and
its facts (each Fact as a dict), with sorted keys.

The reports are parsed (structure only: decode and parse_text, not citations) once and kept in a pickle
(--cache, /tmp/facts_reports.pickle by default), so that each dump runs only `extract_facts` on the very
same input, whatever else changes in the working tree meanwhile. --fresh parses again. --time prints
ms/report of `extract_facts` per group (CPU time, best of --repeat runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_archive import generate  # noqa: E402

from landmine_monitor.facts import extract_facts  # noqa: E402
from landmine_monitor.model import Report  # noqa: E402
from landmine_monitor.parse.decode import decode_page  # noqa: E402
from landmine_monitor.parse.structure import parse_text  # noqa: E402

SHARED = Path("/work/shared")
EXAMPLES = HERE.parent / "examples" / "archive"

Named = list[tuple[str, str, bytes]]  # (group, name, bytes)


def inputs() -> Named:
    out: Named = []
    out += [("synthetic", f"gen1/{n}", d) for n, d in generate(1000, seed=1)]
    out += [("synthetic", f"gen7/{n}", d) for n, d in generate(300, seed=7)]
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        out.append((f"seed {p.name[:3]}", f"seeds/{p.name}", p.read_bytes()))
    for p in sorted((SHARED / "corpus" / "pages").iterdir()):
        if p.is_file() and p.suffix != ".json":
            out.append(("corpus", f"corpus/{p.name}", p.read_bytes()))
    for p in sorted(EXAMPLES.rglob("*")):
        if p.is_file():
            out.append(("examples", f"examples/{p.relative_to(EXAMPLES)}", p.read_bytes()))
    return out


def parse_all(items: Named) -> list[tuple[str, str, Report | None]]:
    out: list[tuple[str, str, Report | None]] = []
    for group, name, data in items:
        try:
            text, url = decode_page(data, name)
            out.append((group, name, parse_text(text, path=name, url=url)))
        except Exception:  # an unreadable page has no facts; it is listed as such
            out.append((group, name, None))
    return out


def load(cache: Path, fresh: bool) -> list[tuple[str, str, Report | None]]:
    if cache.exists() and not fresh:
        reports: list[tuple[str, str, Report | None]] = pickle.loads(cache.read_bytes())
        return reports
    reports = parse_all(inputs())
    cache.write_bytes(pickle.dumps(reports))
    return reports


def dump(reports: list[tuple[str, str, Report | None]], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for _, name, report in reports:
            facts = [dataclasses.asdict(x) for x in extract_facts(report)] if report else None
            n += len(facts or [])
            f.write(json.dumps({"name": name, "facts": facts}, sort_keys=True, ensure_ascii=False) + "\n")
    return n


def timings(reports: list[tuple[str, str, Report | None]], repeat: int) -> None:
    groups: dict[str, list[Report]] = {}
    for group, _, report in reports:
        if report is not None:
            groups.setdefault(group, []).append(report)
    for group, rs in groups.items():
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()  # CPU time: other processes on the machine count less
            for r in rs:
                extract_facts(r)
            best = min(best, time.process_time() - t0)
        print(f"{group:<10} {best / len(rs) * 1000:8.3f} ms/report ({len(rs)} reports, best of {repeat})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, nargs="?", help="JSON Lines file to write")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/facts_reports.pickle"))
    ap.add_argument("--fresh", action="store_true", help="parse the inputs again")
    ap.add_argument("--time", action="store_true", help="print ms/report per group")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    reports = load(a.cache, a.fresh)
    if a.out:
        n = dump(reports, a.out)
        print(f"{len(reports)} reports, {n} facts -> {a.out}")
    if a.time:
        timings(reports, a.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
