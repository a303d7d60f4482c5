"""Full-text search over every report of every edition: an embedded tantivy index beside the database.

SQLite stays the store of record; the index (`settings.search_index_path(db)`, monitor.db -> monitor.db.search/)
is derived from it and can be rebuilt at any time. The core API, used by the CLI and the web site:

- `search(db, query, country=, edition=, year_from=, year_to=, topic=, kind=, limit=, offset=, sort=) -> dict`
- `sync_index(db, changed_report_ids)`: after an ingest (builds the index whole when it is missing)
- `rebuild(db) -> int`: documents indexed

Modules: index (schema, analyzers, cached searcher), query (the user syntax -> tantivy query), indexer
(build and sync), engine (search: filters, facets, hits), snippets (<mark> highlighting), suggest
("did you mean").
"""

from __future__ import annotations

from .engine import search
from .index import SearchError
from .indexer import rebuild, sync_index
from .query import translate

__all__ = ["search", "sync_index", "rebuild", "translate", "SearchError"]
