"""The web app factory: read-only database per thread, routes, error pages, security headers.

create_app(Path("monitor.db"))  ->  FastAPI app (serve it with uvicorn: `landmine-monitor serve`)
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import store
from ..errors import MonitorError, NotFound
from . import render
from .cache import VersionCache
from .routes import router

log = logging.getLogger("landmine_monitor.web")

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
        " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class DatabaseUnavailable(MonitorError):
    """The database was upgraded, while the server ran, by a landmine-monitor newer than the server's."""


class Database:
    """One read-only connection per thread (sqlite3 connections are not shared across threads).

    Each request checks the schema version the connection was opened at (one PRAGMA): a database upgraded
    while the server runs is opened again, so that a schema newer than the server knows is refused (503,
    with the reason) instead of misread. An upgrade this server knows is read the new way at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        store.connect(path, readonly=True).close()  # fail now, with a clear message, if it cannot be read

    def connection(self) -> sqlite3.Connection:
        local = self._local
        conn: sqlite3.Connection | None = getattr(local, "conn", None)
        if conn is not None and _version(conn) != local.version:
            conn.close()
            conn = local.conn = None
        if conn is None:
            try:
                conn = store.connect(self.path, readonly=True)
            except MonitorError as e:
                raise DatabaseUnavailable(f"{e}; restart the server once it is upgraded") from None
            local.conn, local.version = conn, _version(conn)
        return conn


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


class SecurityHeaders:
    """Adds the security headers to every response and turns an unhandled error into a plain 500 page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("error while serving %s", scope.get("path"))
            if started:
                raise
            response = render.error(scope.get("path", "/"), 500, "Something went wrong on our side.")
            await response(scope, receive, send_with_headers)


def _install_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        return render.error(request.url.path, 404, str(exc))

    async def user_error(request: Request, exc: Exception) -> Response:
        return render.error(request.url.path, 400, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if exc.status_code != 404 else f"no page at {request.url.path}"
        return render.error(request.url.path, exc.status_code, str(message))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return render.error(request.url.path, 400, "invalid request: " + "; ".join(problems))

    async def unavailable(request: Request, exc: Exception) -> Response:
        return render.error(request.url.path, 503, str(exc))

    async def out_of_range(request: Request, exc: Exception) -> Response:
        return render.error(request.url.path, 400, "a number in the request is out of range")

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(DatabaseUnavailable, unavailable)
    app.add_exception_handler(OverflowError, out_of_range)
    app.add_exception_handler(MonitorError, user_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)


def create_app(db: Path) -> FastAPI:
    """The site and its JSON API over the database at `db`, opened read-only."""
    app = FastAPI(
        title="Landmine Monitor archive",
        version="1",
        description="Every page of the site has a JSON twin: add `.json` to its path. Tables also come as CSV.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = Database(Path(db))
    app.state.cache = VersionCache(Path(db))
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=render.HERE / "static"), name="static")
    _install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> Any:
    """Factory for `uvicorn --factory` with several workers: the database comes from LANDMINE_MONITOR_DB."""
    return create_app(Path(os.environ.get("LANDMINE_MONITOR_DB", "monitor.db")))
