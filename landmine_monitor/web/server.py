"""Running the site: uvicorn in this process, or several worker processes sharing one listening socket."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import uvicorn
from uvicorn.supervisors import Multiprocess

from .app import create_app


def _listen(host: str, port: int) -> socket.socket:
    """The shared socket, created with proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say
    so, and uvicorn's own multi-worker socket does not, which costs ~40 ms per response (Nagle + delayed ACK)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def serve(db: Path, host: str, port: int, workers: int = 1) -> None:
    """Serve the site over `db` (read-only) until interrupted."""
    app = create_app(db)  # opens the database once: a bad file fails here, with one clear line
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ["LANDMINE_MONITOR_DB"] = str(db.resolve())
    config = uvicorn.Config(
        "landmine_monitor.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
        log_level="warning",
    )  # fmt: skip
    Multiprocess(config, sockets=[_listen(host, port)]).run()
