"""Results of slow read queries kept until the database changes (the web process never writes to it).

The version is the modification time and size of the database file and its WAL: an `ingest` while the site
runs empties the cache on the next request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class VersionCache:
    def __init__(self, db: Path, size: int = 512) -> None:
        self.files = (db, db.with_name(db.name + "-wal"))
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: tuple[int, ...] = ()
        self._lock = threading.Lock()

    def version(self) -> tuple[int, ...]:
        out: list[int] = []
        for f in self.files:
            try:
                st = f.stat()
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for `key`, computed (outside the lock) when missing or the database changed."""
        version = self.version()
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()
        with self._lock:
            if version == self._version:
                self._data[key] = value
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
        return value
