"""Ingest feeding the search index as it stores (what `landmine-monitor ingest` does): the documents it
plans from the rows it prepared are the ones a rebuild reads back from the database, and a batch leaves
the index exactly as a rebuild would, also when reports are replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tantivy
from test_search import FICTION, reports_of, write_fiction

from landmine_monitor import store
from landmine_monitor.ingest import ingest
from landmine_monitor.parse import parse_bytes
from landmine_monitor.search import SearchError, rebuild, search
from landmine_monitor.search.indexer import Feed, plan, plan_prepared
from landmine_monitor.settings import search_index_path
from landmine_monitor.store import search_docs


def _pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_report_json_is_the_contract_json(examples_dir: Path, seeds_dir: Path, corpus_dir: Path) -> None:
    pages = _pages(examples_dir) + _pages(seeds_dir) + [p for p in _pages(corpus_dir) if p.suffix != ".json"]
    checked = 0
    for page in pages:
        try:
            report = parse_bytes(page.read_bytes(), str(page))
        except Exception:  # pages that are not reports are refused by the parser: nothing to store
            continue
        # reports.data: the contract JSON but for sections, facts and notes, which their tables hold
        held = {"sections": [], "facts": [], "footnotes": []}
        assert store.notes_in_tables(report.footnotes), (
            page
        )  # every real page numbers its notes once, in order
        assert json.loads(store.report_json(report)) == report.to_dict() | held, page
        checked += 1
    assert checked > 100


def test_every_stored_report_reads_back_as_parse_gave_it(
    examples_dir: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    conn = store.connect(tmp_path / "m.db")
    parsed = {}
    for page in _pages(examples_dir) + _pages(seeds_dir):
        try:
            report = parse_bytes(page.read_bytes(), str(page))
        except Exception:
            continue
        prepared = store.prepare(report)
        store.save_prepared(conn, prepared)
        parsed[prepared.rid] = report.to_dict()
    assert len(parsed) >= 14 and any(r["facts"] for r in parsed.values())
    assert {rid: store.load_report(conn, rid).to_dict() for rid in parsed} == parsed


def test_planned_documents_are_the_ones_read_back(examples_dir: Path, tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "m.db")
    planned = {}
    for page in _pages(examples_dir):
        try:
            prepared = store.prepare(parse_bytes(page.read_bytes(), str(page)))
        except Exception:
            continue
        store.save_prepared(conn, prepared)
        planned[prepared.rid] = plan_prepared(prepared)
    read_back = {rows.id: plan(rows) for rows in search_docs.report_rows(conn)}
    assert len(planned) >= 12
    assert planned == read_back


def _documents(db: Path) -> list[str]:
    index = tantivy.Index.open(str(search_index_path(db)))
    searcher = index.searcher()
    found = searcher.search(tantivy.Query.all_query(), searcher.num_docs or 1).hits
    return sorted(json.dumps(searcher.doc(a).to_dict(), sort_keys=True, default=str) for _, a in found)


def test_a_fed_index_equals_a_rebuilt_one_after_replacing(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages")
    db = tmp_path / "m.db"
    conn = store.connect(db)
    feed = Feed(db)  # no index yet: created and fed
    summary = ingest(conn, [pages], workers=1, feed=feed)
    feed.close()
    assert summary.names("ingested") and search(db, "zorblax")["total"] > 0

    page = pages / "2004" / "iceland.txt"
    page.write_text(page.read_text().replace("glittering zorblax fields", "shimmering snorklewick fields"))
    feed = Feed(db)
    summary = ingest(conn, [pages], workers=1, feed=feed)
    feed.close()
    assert summary.names("replaced") == [str(page)]
    assert reports_of(search(db, "snorklewick")) == {"isl-2004"}
    assert search(db, '"glittering zorblax fields"')["total"] == 0
    fed = _documents(db)
    rebuild(db)
    assert fed == _documents(db)


def test_an_index_of_another_version_is_rebuilt_at_close(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages", {k: v for k, v in FICTION.items() if "fiji" not in k})
    db = tmp_path / "m.db"
    ingest(store.connect(db), [pages], workers=1)
    path = search_index_path(db)
    path.mkdir()
    (path / "meta.json").write_text("garbage")  # not usable: the feed leaves it to the rebuild
    feed = Feed(db)
    more = write_fiction(tmp_path / "more", {"2004/fiji.txt": FICTION["2004/fiji.txt"]})
    ingest(store.connect(db), [more], workers=1, feed=feed)
    feed.close()
    assert reports_of(search(db, "zorblax", country="FJI")) == {"fji-2004"}
    assert search(db, "zorblax")["total"] > search(db, "zorblax", country="FJI")["total"]


@pytest.mark.parametrize("workers", [2])
def test_parser_processes_plan_the_documents(tmp_path: Path, examples_dir: Path, workers: int) -> None:
    db = tmp_path / "m.db"
    feed = Feed(db)
    many = tmp_path / "many"
    for i, page in enumerate(_pages(examples_dir) * 8):  # >= 100 files: the batch goes to parser processes
        target = many / f"copy{i}" / page.relative_to(examples_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
    summary = ingest(store.connect(db), [many], workers=workers, feed=feed)
    feed.close()
    assert summary.stored
    fed = _documents(db)
    rebuild(db)
    assert fed == _documents(db)


def test_a_stored_country_name_wins_over_the_reports_own(tmp_path: Path) -> None:
    """The countries table keeps the first name stored for a code; fed documents use it, as a rebuild does."""
    pages = write_fiction(tmp_path / "pages")
    db = tmp_path / "m.db"
    conn = store.connect(db)
    conn.execute("INSERT INTO countries(iso3, name) VALUES ('ISL', 'Iceland (Republic of)')")
    feed = Feed(db)
    ingest(conn, [pages], workers=1, feed=feed)
    feed.close()
    fed = _documents(db)
    assert any("Iceland (Republic of)" in d for d in fed)
    rebuild(db)
    assert fed == _documents(db)


def test_a_missing_index_beside_stored_reports_is_rebuilt_not_fed(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages", {k: v for k, v in FICTION.items() if "fiji" not in k})
    db = tmp_path / "m.db"
    ingest(store.connect(db), [pages], workers=1)  # stored, no index
    feed = Feed(db)
    assert feed.writer is None  # a fed index would hold only this batch until the close
    more = write_fiction(tmp_path / "more", {"2004/fiji.txt": FICTION["2004/fiji.txt"]})
    ingest(store.connect(db), [more], workers=1, feed=feed)
    feed.close()
    assert reports_of(search(db, "zorblax", country="FJI")) == {"fji-2004"}
    assert search(db, "zorblax")["total"] > search(db, "zorblax", country="FJI")["total"]


def test_a_rebuild_while_an_ingest_feeds_the_index_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    store.connect(db).close()
    feed = Feed(db)
    ingest(store.connect(db), [write_fiction(tmp_path / "pages")], workers=1, feed=feed)
    with pytest.raises(SearchError, match="being written by another process"):
        rebuild(db)
    feed.close()
    assert search(db, "zorblax")["total"] > 0


def test_a_batch_bounds_the_write_ahead_log_and_restores_the_setting(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "m.db")
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    with store.batch(conn):
        during = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    assert 1000 <= during == store.BATCH_CHECKPOINT_PAGES  # bounded: 0 would let the log grow without end
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
