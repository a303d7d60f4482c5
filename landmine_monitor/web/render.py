"""Responses: a page dict as HTML (Jinja2, autoescaped), as JSON, or as CSV; and the one error shape."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import urls
from .text import kind_label, readable_units, segments, source_kind_label, topic_label

HERE = Path(__file__).resolve().parent
SITE_NAME = "Landmine Monitor archive"


def with_notes(segments: list[dict[str, Any]]) -> Markup:
    """Paragraph text (escaped) with each [n] marker as a link to its note (a filter: faster than a macro)."""
    out = []
    for s in segments:
        if "note" not in s:
            out.append(str(escape(s["text"])))
            continue
        n = int(s["note"])
        if s["missing"]:
            out.append(
                f'<sup class="fn missing" title="note {n} is missing from the archived page">[{n}]</sup>'
            )
        else:
            out.append(f'<sup class="fn"><a class="fn-ref" href="#fn-{n}" data-note="{n}">[{n}]</a></sup>')
    return Markup("".join(out))


def notes_in(text: str, report_url: str, footnotes: Sequence[int] = ()) -> Markup:
    """A sentence of another page's report (escaped) with its [n] markers, and the notes it inherits that
    its text does not mark, as links to that report's notes."""
    out, marked = [], set()
    for s in segments(text, set()):
        if "note" in s:
            marked.add(int(s["note"]))
            out.append(_note_link(report_url, int(s["note"])))
        else:
            out.append(str(escape(s["text"])))
    out += [" " + _note_link(report_url, int(n)) for n in footnotes if int(n) not in marked]
    return Markup("".join(out))


def _note_link(report_url: str, n: int) -> str:
    return f'<sup class="fn"><a href="{escape(report_url)}#fn-{n}" title="note {n} of that report">[{n}]</a></sup>'


_CODE = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """A message (escaped) with each `command` in backquotes shown as code."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


ENV = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,  # templates are package data: no stat() per render
)
ENV.globals.update(
    urls=urls,
    site_name=SITE_NAME,
    topic_label=topic_label,
    kind_label=kind_label,
    source_kind_label=source_kind_label,
)
ENV.filters["with_notes"] = with_notes
ENV.filters["code_spans"] = code_spans
ENV.filters["notes_in"] = notes_in
ENV.filters["units"] = lambda text: readable_units(str(text))
ENV.filters["number"] = lambda n: f"{n:,}" if isinstance(n, int) else ("" if n is None else n)


def wants_json(path: str) -> bool:
    """JSON twins, CSV tables and the OpenAPI document answer errors in the JSON envelope."""
    return path.endswith((".json", ".csv"))


def html(template: str, page: dict[str, Any], status: int = 200) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(template).render(page=page), status_code=status)


class JSONPage(JSONResponse):
    """Compact UTF-8 JSON (ensure_ascii off), with the same dict the HTML page is rendered from."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def as_json(page: dict[str, Any], status: int = 200) -> JSONPage:
    return JSONPage(page, status_code=status)


def _cell(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v


def as_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], filename: str) -> Response:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in columns})
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    500: "Server error",
    503: "Unavailable",
}


def error(path: str, status: int, message: str) -> Response:
    """One error shape: {"error": {"status", "message"}} for JSON/CSV URLs, an HTML page otherwise."""
    if wants_json(path):
        return as_json({"error": {"status": status, "message": message}}, status)
    page = {
        "page": "error",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "message": message,
        "urls": {"html": path, "json": None},
    }
    return html("error.html", page, status)
