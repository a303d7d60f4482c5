"""Web speed: a load generator against the running server on a synthetic archive (bench/gen_archive.py).

    python bench/bench_web.py                  # 5,000 reports, server with 2 workers on 127.0.0.1
    python bench/bench_web.py --n 500 --requests 300

The archive is parsed once into build/bench-web-N-sSEED/monitor.db (each report under its own id) with its
search index, and reused by later runs. The server is `landmine-monitor serve --workers W` in a subprocess.
Latency: one client, one request at a time, --requests per page kind (report pages, search pages, country
pages); p50/p90/p99 in ms. Throughput: --threads clients for at most --seconds, a mix of report and search
pages; requests/s. Only 127.0.0.1; every loop is bounded by a count and a time limit.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_archive import generate  # noqa: E402

from landmine_monitor import search, store  # noqa: E402
from landmine_monitor.parse import parse_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
QUERIES = [
    "mines",
    "clearance",
    "casualties",
    "prosthe*",
    '"mine action"',
    '"risk education"',
    "stockpile destruction",
    "survivor assistance",
    "mines NEAR/5 border",
    "funding OR donors",
    "POMZ",
    "landmine NOT clearance",
    "treaty accession",
    "army",
    "wheelchairs",
]


def _parse(item: tuple[int, str, bytes]) -> tuple[int, Any]:
    i, name, data = item
    return i, parse_bytes(data, name)


def build(db: Path, n: int, seed: int, workers: int) -> None:
    if db.exists():
        # a reused database: bring its schema and search index up to date (the server never writes them)
        store.connect(db).close()
        search.sync_index(db, [])
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    conn = store.connect(db.with_suffix(".tmp"))
    items = ((i, name, data) for i, (name, data) in enumerate(generate(n, seed)))
    with ProcessPoolExecutor(workers) as pool:
        for i, report in pool.map(_parse, items, chunksize=32):
            store.save_report(conn, report, f"{store.report_id(report)}-{i:05d}")
    conn.close()
    db.with_suffix(".tmp").rename(db)
    search.rebuild(db)
    print(f"built {db} ({n} reports) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def sample_paths(db: Path, count: int, seed: int) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM reports")]
    isos = [r[0] for r in conn.execute("SELECT iso3 FROM countries")]
    conn.close()
    rng = random.Random(seed)
    q = [f"/search?q={quote(x)}" for x in QUERIES]
    q += [
        f"/search?q=mines&country={rng.choice(isos)}",
        "/search?q=clearance&edition=2004",
        "/search?q=mines&page=3",
    ]
    return {
        "report": [f"/reports/{quote(rng.choice(ids))}" for _ in range(count)],
        "search": [q[i % len(q)] for i in range(count)],
        "country": [f"/countries/{rng.choice(isos).lower()}" for _ in range(max(count // 4, 1))],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("landmine-monitor")
    cmd = [str(exe), "serve", "--db", str(db), "--host", HOST, "--port", str(port), "--workers", str(workers)]
    log = open(db.parent / "server.log", "wb")  # noqa: SIM115 (the server keeps it open while it runs)
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(http.client.HTTPConnection(HOST, port, timeout=5), "/about")[0] == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, int]:
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, len(r.read())


def latency(port: int, paths: list[str], limit_s: float) -> list[float]:
    """One client, one request at a time: milliseconds per request (keep-alive connection)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    for p in paths[:10]:  # warm-up: templates compiled, connections opened, index searcher hot
        fetch(conn, p)
    out: list[float] = []
    end = time.monotonic() + limit_s
    for p in paths:
        t0 = time.perf_counter()
        status, _ = fetch(conn, p)
        out.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise SystemExit(f"{p}: HTTP {status} (server log: build/.../server.log)")
        if time.monotonic() > end:
            break
    conn.close()
    return out


def throughput(
    port: int, paths: list[str], threads: int, limit_s: float, max_requests: int
) -> tuple[int, float]:
    """`threads` clients sharing a bounded budget of requests and time: (requests done, seconds)."""
    done = 0
    lock = threading.Lock()
    end = time.monotonic() + limit_s

    def client(k: int) -> None:
        nonlocal done
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        i = k
        while time.monotonic() < end:
            with lock:
                if done >= max_requests:
                    break
                done += 1
            fetch(conn, paths[i % len(paths)])
            i += threads
        conn.close()

    t0 = time.perf_counter()
    pool = [threading.Thread(target=client, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return done, time.perf_counter() - t0


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="reports in the synthetic archive")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="server worker processes (cores)")
    ap.add_argument("--threads", type=int, default=8, help="concurrent clients for the throughput run")
    ap.add_argument("--requests", type=int, default=500, help="requests per page kind for latency")
    ap.add_argument("--seconds", type=float, default=20.0, help="time limit of each run")
    ap.add_argument("--db", type=Path, help="an existing archive database to serve instead (with its index)")
    args = ap.parse_args(argv)
    db = args.db or ROOT / "build" / f"bench-web-{args.n}-s{args.seed}" / "monitor.db"
    if args.db is None:
        build(db, args.n, args.seed, min(2, os.cpu_count() or 1))
    paths = sample_paths(db, args.requests, args.seed)
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        print(
            f"{args.n} reports, server: {args.workers} worker(s) on {os.cpu_count()} cores, 127.0.0.1:{port}"
        )
        print(f"{'page':<10}{'requests':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}")
        for kind, ps in paths.items():
            ms = latency(port, ps, args.seconds)
            print(
                f"{kind:<10}{len(ms):>9}{statistics.median(ms):>9.2f}{pct(ms, 0.9):>9.2f}{pct(ms, 0.99):>9.2f}"
            )
        mix = [p for pair in zip(paths["report"], paths["search"], strict=False) for p in pair]
        for kind, ps in (("report", paths["report"]), ("search", paths["search"]), ("mix", mix)):
            n, secs = throughput(port, ps, args.threads, args.seconds, args.requests * 4)
            print(
                f"throughput {kind:<7} {args.threads} clients: {n / secs:7.0f} requests/s ({n} in {secs:.1f} s)"
            )
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
