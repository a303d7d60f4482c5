"""The benchmarks the README's figures come from still run, and print what they promise (tiny archives)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_bench_stages_prints_every_stage_and_their_sum() -> None:
    out = _run("bench_stages.py", "--n", "12")
    assert out.returncode == 0, out.stderr
    stages = dict(re.findall(r"^  (\S.*?)\s+(\d+\.\d+) ms", out.stdout, re.M))
    assert len(stages) == 9 and "facts" in stages and "search index (add + commit)" in stages
    parts = sum(float(v) for k, v in stages.items() if k != "all stages")
    assert abs(parts - float(stages["all stages"])) < 0.05  # the sum is the sum of the rows shown
    assert all(float(v) > 0 for v in stages.values())
    assert "leaves 12 ms of CPU per report" in out.stdout


def test_bench_citations_prints_the_overhead_and_the_whole_parse_reading() -> None:
    out = _run("bench_citations.py", "--n", "12", "--repeat", "1", "--whole", "--max-overhead", "100000")
    assert out.returncode == 0, out.stderr
    assert re.search(r"^overhead\s+\d+\.\d %  of decode\+structure", out.stdout, re.M)
    assert re.search(
        r"^for reference\s+\d+\.\d %  added to the rest of today's whole `parse`", out.stdout, re.M
    )
    failing = _run("bench_citations.py", "--n", "12", "--repeat", "1", "--max-overhead", "0")
    assert failing.returncode == 1  # over the target is a failing exit status
