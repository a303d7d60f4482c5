"""Search index build time, wall and CPU (CPU includes tantivy's indexing threads; steadier on a shared machine).

    python bench/bench_index.py DB [--runs 2] [--src DIR]

DB is a database filled by `landmine-monitor ingest` (e.g. of bench/gen_archive.py pages); its index
(DB.search/) is rebuilt. --src DIR times another copy of the package instead of the working tree, e.g. an
older commit exported with `git archive COMMIT landmine_monitor | tar -x -C DIR`: run old and new
alternately to compare them under the same load.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument(
        "--src", type=Path, default=None, help="a folder holding another landmine_monitor package"
    )
    a = ap.parse_args()
    if a.src is not None:  # bypass the editable install's import hook
        sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
        sys.path.insert(0, str(a.src.resolve()))
    from landmine_monitor import search

    print(f"package {Path(search.__file__).parent.parent}")
    for _ in range(a.runs):
        wall, cpu = time.perf_counter(), cpu_seconds()
        docs = search.rebuild(a.db)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        print(f"rebuild: {docs} documents, wall {wall:.2f} s, cpu {cpu:.2f} s, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
