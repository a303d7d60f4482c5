"""Ingestion: files, folders and .zip archives into the database, one transaction per report.

Bad input never stops a batch: each failure is one line naming the file and the problem, nothing of that
file is stored, and the batch goes on. An unchanged file is a no-op; a changed one replaces its report.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sqlite3
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import store
from .errors import InputError
from .parse import parse_bytes
from .search.indexer import Feed, Plan, plan_prepared

MAX_BYTES = 20 * 1024 * 1024
MAX_ZIP_TOTAL = 512 * 1024 * 1024
MAX_ZIP_RATIO = 100
PAGE_SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ".text", ""}


@dataclass
class Item:
    """One page to ingest: a display name and a way to read its bytes (or the reason it cannot be read)."""

    name: str
    read: Callable[[], bytes]


@dataclass
class Summary:
    """What a batch did: (name, status, report id) per stored page, (name, problem) per failure."""

    stored: list[tuple[str, str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(
        default_factory=list
    )  # duplicates of a report stored from another file

    def names(self, status: str) -> list[str]:
        return [name for name, s, _ in self.stored if s == status]

    @property
    def changed_ids(self) -> list[str]:
        return [rid for _, s, rid in self.stored if s != "unchanged"]

    def line(self) -> str:
        counts = [f"{len(self.names(s))} {s}" for s in ("ingested", "unchanged", "replaced")]
        skipped = f", {len(self.skipped)} skipped as duplicates" if self.skipped else ""
        return ", ".join(counts) + f", {len(self.failed)} failed" + skipped


def _read_file(path: Path) -> Callable[[], bytes]:
    def read() -> bytes:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file is {size / 1e6:.1f} MB, over the 20 MB limit")
        return path.read_bytes()

    return read


def _zip_items(path: Path) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(path)
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield Item(str(path), _raiser(InputError(str(path), f"not a readable zip archive ({e})")))
        return
    # A member over the 20 MB limit fails on its own, unread; the rest are held to the zip bomb limits.
    within = [i for i in infos if i.file_size <= MAX_BYTES]
    total = sum(i.file_size for i in within)
    packed = sum(i.compress_size for i in within) or 1
    if total > MAX_ZIP_TOTAL or total / packed > MAX_ZIP_RATIO:
        problem = f"refused: unpacks to {total / 1e6:.0f} MB from {packed / 1e6:.1f} MB (zip bomb?)"
        yield Item(str(path), _raiser(InputError(str(path), problem)))
        return
    for info in sorted(infos, key=lambda i: i.filename):
        member = Path(info.filename)
        if member.name.startswith(".") or "__MACOSX" in member.parts:
            continue
        name = f"{path}!{info.filename}"
        if member.suffix.lower() == ".zip":
            yield Item(
                name, _raiser(InputError(name, "an archive inside an archive is not read; unpack it first"))
            )
        elif member.suffix.lower() in PAGE_SUFFIXES:
            yield Item(name, _zip_reader(zf, info))


def _zip_reader(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        name = f"{zf.filename}!{info.filename}"
        if info.file_size > MAX_BYTES:
            size = f"{info.file_size / 1e6:.1f} MB"
            if info.file_size / max(info.compress_size, 1) > MAX_ZIP_RATIO:
                problem = f"refused: unpacks to {size} from {info.compress_size / 1e6:.1f} MB (zip bomb?)"
                raise InputError(name, f"{problem}, over the 20 MB limit")
            raise InputError(name, f"file is {size}, over the 20 MB limit")
        try:
            with zf.open(info) as fh:
                data = fh.read(MAX_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error, NotImplementedError) as e:
            raise InputError(name, f"cannot be read from the archive ({_zip_problem(e)})") from e
        if len(data) > MAX_BYTES:
            raise InputError(name, "unpacks to more than the 20 MB limit")
        return data

    return read


def _zip_problem(error: Exception) -> str:
    """A zip member's read error in the user's terms."""
    message = str(error)
    if "encrypted" in message:
        return "it is encrypted: a password is needed"
    if isinstance(error, zlib.error):
        return f"its compressed data is damaged: {message}"
    return message


def _raiser(error: Exception) -> Callable[[], bytes]:
    def read() -> bytes:
        raise error

    return read


def collect(paths: list[Path]) -> list[Item]:
    """Every page under the given files, folders (recursively) and zip archives, in a stable order."""
    items: list[Item] = []
    for path in paths:
        before = len(items)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                if child.suffix.lower() in PAGE_SUFFIXES or child.suffix.lower() == ".zip":
                    items.extend(_items_for(child))
        elif path.exists():
            items.extend(_items_for(path))
        else:
            items.append(Item(str(path), _raiser(InputError(str(path), "no such file or folder"))))
        if len(items) == before:  # a folder or an archive with nothing to read is worth a line
            problem = f"no pages in it (pages are {', '.join(sorted(s for s in PAGE_SUFFIXES if s))} files)"
            items.append(Item(str(path), _raiser(InputError(str(path), problem))))
    return items


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


def _items_for(path: Path) -> list[Item]:
    if path.suffix.lower() == ".zip":
        return list(_zip_items(path))
    return [Item(str(path), _read_file(path))]


@dataclass
class Outcome:
    """What a parser process made of one page: prepared rows, or that it is unchanged, or the problem."""

    name: str
    prepared: store.Prepared | None = None
    unchanged_id: str | None = None
    problem: str | None = None
    planned: Plan | None = None  # its search documents, when the batch feeds the index


def _process(name: str, data: bytes | str, known: tuple[str, str] | None, plan: bool = False) -> Outcome:
    """Parse one page and turn it into rows (and, with `plan`, search documents); `data` is the bytes or,
    if reading failed, the problem."""
    if isinstance(data, str):
        return Outcome(name, problem=data)
    if known is not None and hashlib.sha256(data).hexdigest() == known[1]:
        return Outcome(name, unchanged_id=known[0])  # same file, same bytes: not even parsed
    try:
        prepared = store.prepare(parse_bytes(data, name))
        return Outcome(name, prepared=prepared, planned=plan_prepared(prepared) if plan else None)
    except InputError as e:
        return Outcome(name, problem=e.problem)
    except Exception as e:  # a parser bug must not stop the batch: name the page and go on
        return Outcome(name, problem=f"internal parser error ({type(e).__name__}: {e}); please report it")


def _read(item: Item) -> bytes | str:
    try:
        return item.read()
    except InputError as e:
        return e.problem
    except OSError as e:
        return f"cannot be read ({e.strerror or e})"
    except Exception as e:  # any other reading failure is this page's problem, not the batch's
        return f"cannot be read ({type(e).__name__}: {e})"


def _process_path(arg: tuple[str, tuple[str, str] | None, bool]) -> Outcome:
    name, known, plan = arg
    return _process(name, _read(Item(name, _read_file(Path(name)))), known, plan)


def _process_bytes(arg: tuple[str, bytes | str, tuple[str, str] | None, bool]) -> Outcome:
    return _process(*arg)


def _outcomes(
    items: list[Item], known: dict[str, tuple[str, str]], workers: int, plan: bool
) -> Iterator[Outcome]:
    """Parse in worker processes for large batches (the database writes stay in this process)."""
    if workers <= 1 or len(items) < 100:
        yield from (_process(i.name, _read(i), known.get(i.name), plan) for i in items)
        return
    # Forked parser processes (on Linux; elsewhere the platform's default): a fork server's children would
    # have the server, not this process, as their parent.
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))
    try:
        if all(os.path.isfile(i.name) for i in items):  # files are read by the workers
            args = [(i.name, known.get(i.name), plan) for i in items]
            yield from pool.map(_process_path, args, chunksize=8)
        else:  # zip members are read here, parsed there
            zargs = ((i.name, _read(i), known.get(i.name), plan) for i in items)
            yield from pool.map(_process_bytes, zargs, chunksize=8)
    finally:  # a batch cut short (Ctrl-C, `kill`) drops the pages not yet parsed instead of waiting for them
        pool.shutdown(wait=True, cancel_futures=True)


def _end_with(parent: int) -> None:
    """In a parser process: end when the ingesting process ends, however it ends (on Linux; elsewhere the
    pool's own shutdown). An orphaned parser process would otherwise wait forever, holding what it
    inherited, the search index's write lock among it."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the ingesting process's handler: end at once
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def ingest(
    conn: sqlite3.Connection,
    paths: list[Path],
    progress: Callable[[int, int, str], None] | None = None,
    workers: int | None = None,
    feed: Feed | None = None,
) -> Summary:
    """Parse and store every page under `paths`; one transaction per report; failures are collected.
    With a `feed`, each stored report is also indexed for search (the caller closes the feed)."""
    items = collect(paths)
    summary = Summary()
    known = store.known_sources(conn)
    # Another spelling of a stored path may only find its file unchanged (same bytes); the report a
    # changed file replaces is found by its id, never by a path that may now name another file.
    same_bytes = _same_files(known, items)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    with store.batch(conn):
        for done, out in enumerate(_outcomes(items, same_bytes, workers, feed is not None), start=1):
            _store(conn, out, known, summary, feed)
            if progress:
                progress(done, len(items), out.name)
    return summary


def _same_files(known: dict[str, tuple[str, str]], items: list[Item]) -> dict[str, tuple[str, str]]:
    """`known`, plus each page whose path is spelled otherwise than its stored path ("kor.txt" stored,
    "./kor.txt" or "/data/kor.txt" given from /data), so that an unchanged file is found unchanged without
    being parsed. Paths are compared as text read from the current folder (`source_spelling`), as the
    stored spelling itself always was. (A changed file replaces the report of its own id: `save_prepared`.)"""
    missing = [item.name for item in items if item.name not in known]
    if not missing or not known:
        return known
    by_spelling: dict[str, str] = {}
    for stored in known:
        by_spelling.setdefault(store.source_spelling(stored), stored)
    out = dict(known)
    for name in missing:
        stored_as = by_spelling.get(store.source_spelling(name))
        if stored_as is not None:
            out[name] = known[stored_as]
    return out


def _store(
    conn: sqlite3.Connection,
    out: Outcome,
    known: dict[str, tuple[str, str]],
    summary: Summary,
    feed: Feed | None,
) -> None:
    if out.unchanged_id is not None:
        summary.stored.append((out.name, "unchanged", out.unchanged_id))
    elif out.prepared is None:
        summary.failed.append((out.name, out.problem or "unknown problem"))
    else:
        previous = known.get(out.name)
        rid = out.prepared.rid
        try:
            status = store.save_prepared(conn, out.prepared, previous[0] if previous else None)
        except store.DuplicateReport as e:
            summary.skipped.append((out.name, str(e)))
            return
        except sqlite3.Error as e:
            summary.failed.append((out.name, f"not stored: database error ({e})"))
            return
        summary.stored.append((out.name, status, rid))
        if feed is not None and out.planned is not None and status != "unchanged":
            feed.add(conn, dict.fromkeys([rid, previous[0] if previous else rid]), out.planned)
