"""Where ingest's CPU goes, stage by stage: N synthetic reports (bench/gen_archive.py) through each step of
`landmine-monitor ingest`, in one process, each stage timed on its own (CPU time, tantivy's threads included).

    python bench/bench_stages.py --n 1000

The stages, in the order ingest runs them: in the parser processes decode + structure, citations, facts,
the rows (`store.prepare`), the search documents (`plan_prepared`), and sending both to the ingesting
process (a pickle round trip); in the ingesting process the inserts (`store.save_prepared`, one
transaction per report) and the search index (tantivy documents added, then one commit). The index is
timed as a phase of its own after the inserts, so the CPU of tantivy's writer threads is not counted in
another stage. Every report is kept in memory between the phases, which costs some garbage collection that
ingest, streaming one report at a time, does not pay (about 1 ms per report in a review's run with the
collector off); the final checkpoint and index check of a real ingest (under 0.1 ms per report) are left out.

The last lines compare the sum with what issue #2's target leaves: 5,000 reports in 30 s on 2 cores is at
most 12 ms of CPU per report, with both cores busy all the time.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_archive import generate  # noqa: E402

from landmine_monitor import citations, facts, store  # noqa: E402
from landmine_monitor.errors import InputError  # noqa: E402
from landmine_monitor.ingest import Outcome  # noqa: E402
from landmine_monitor.model import Report  # noqa: E402
from landmine_monitor.parse.decode import decode_page  # noqa: E402
from landmine_monitor.parse.structure import parse_text  # noqa: E402
from landmine_monitor.search.indexer import Feed, plan_prepared  # noqa: E402

BUDGET_MS = 30 * 2 * 1000 / 5000  # issue #2: 5,000 reports in 30 s on 2 cores

WORKER_STAGES = ("decode + structure", "citations", "facts", "rows (prepare)", "search documents (plan)")
MAIN_STAGES = ("send (pickle, unpickle)", "inserts (save_prepared)", "search index (add + commit)")


def _structure(name: str, data: bytes) -> Report:
    text, url = decode_page(data, name)
    report = parse_text(text, path=name, url=url)
    report.source.sha256 = hashlib.sha256(data).hexdigest()
    return report


def _timed(clock: dict[str, float], stage: str, step: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = step()
    clock[stage] += time.process_time() - start
    return result


def parse_stages(pages: list[tuple[str, bytes]], clock: dict[str, float]) -> list[Outcome]:
    """What a parser process does for each page, stage by stage."""
    outcomes = []
    for name, data in pages:
        try:
            report = _timed(clock, WORKER_STAGES[0], lambda n=name, d=data: _structure(n, d))
        except InputError:
            continue
        _timed(clock, WORKER_STAGES[1], lambda r=report: citations.annotate(r))
        report.facts = _timed(clock, WORKER_STAGES[2], lambda r=report: facts.extract_facts(r))
        prepared = _timed(clock, WORKER_STAGES[3], lambda r=report: store.prepare(r))
        planned = _timed(clock, WORKER_STAGES[4], lambda p=prepared: plan_prepared(p))
        outcome = Outcome(name, prepared=prepared, planned=planned)
        # as the process pool sends it: pickled in the parser process, unpickled in the ingesting one
        blob = _timed(clock, MAIN_STAGES[0], lambda o=outcome: pickle.dumps(o, pickle.HIGHEST_PROTOCOL))
        outcomes.append(_timed(clock, MAIN_STAGES[0], lambda b=blob: pickle.loads(b)))
    return outcomes


def store_stages(outcomes: list[Outcome], db: Path, clock: dict[str, float]) -> None:
    """What the ingesting process does: the inserts for every report, then the index as its own phase."""
    feed = Feed(db)  # created first, as ingest does: a new index for a new database
    conn = store.connect(db)
    with store.batch(conn):
        for out in outcomes:
            assert out.prepared is not None
            _timed(clock, MAIN_STAGES[1], lambda p=out.prepared: store.save_prepared(conn, p))
    start = time.process_time()
    for out in outcomes:
        assert out.prepared is not None and out.planned is not None
        feed.add(conn, [out.prepared.rid], out.planned)
    assert feed.writer is not None
    feed.writer.commit()
    feed.writer.wait_merging_threads()
    clock[MAIN_STAGES[2]] += time.process_time() - start
    feed.writer = None
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    pages = list(generate(a.n, a.seed))
    clock = dict.fromkeys(WORKER_STAGES + MAIN_STAGES, 0.0)
    work = Path(tempfile.mkdtemp(prefix="lm-stages-"))
    try:
        outcomes = parse_stages(pages, clock)
        store_stages(outcomes, work / "monitor.db", clock)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = len(outcomes)
    mb = sum(len(d) for _, d in pages) / 1e6
    print(f"{n} synthetic reports ({mb:.1f} MB, seed {a.seed}), CPU time per report, one process")
    total = sum(clock.values())
    for stage, seconds in clock.items():
        where = (
            "parser processes" if stage in WORKER_STAGES else "both" if stage == MAIN_STAGES[0] else "ingest"
        )
        print(f"  {stage:32s} {1000 * seconds / n:6.2f} ms  {100 * seconds / total:5.1f} %  ({where})")
    per_report = 1000 * total / n
    print(f"  {'all stages':32s} {per_report:6.2f} ms")
    print(
        f"issue #2's 5,000 reports in 30 s on 2 cores leaves {BUDGET_MS:.0f} ms of CPU per report: these stages"
        f" take {per_report / BUDGET_MS:.2f}x that, so 5,000 reports need at least {per_report * 5000 / 2000:.0f} s"
        " with both cores busy all the time"
    )


if __name__ == "__main__":
    main()
