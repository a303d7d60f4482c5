"""Every URL the site links to, built in one place (routes in app.py use the same shapes)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..model import note_anchor, paragraph_anchor


def _q(part: str) -> str:
    return quote(str(part), safe="")


def home(fmt: str = "") -> str:
    return "/index.json" if fmt == "json" else "/"


def _ext(path: str, fmt: str) -> str:
    return f"{path}.{fmt}" if fmt else path


def edition(year: int, fmt: str = "") -> str:
    return _ext(f"/editions/{int(year)}", fmt)


def report(report_id: str, fmt: str = "", anchor: str | None = None) -> str:
    url = _ext(f"/reports/{_q(report_id)}", fmt)
    return f"{url}#{anchor}" if anchor else url


def paragraph(report_id: str, section_ord: int, paragraph_ord: int) -> str:
    return report(report_id, anchor=paragraph_anchor(section_ord, paragraph_ord))


def note(report_id: str, number: int) -> str:
    return report(report_id, anchor=note_anchor(number))


def country(iso3: str, fmt: str = "") -> str:
    return _ext(f"/countries/{_q(iso3.lower())}", fmt)


def country_facts(iso3: str, fmt: str = "json") -> str:
    return f"/countries/{_q(iso3.lower())}/facts.{fmt}"


def search(q: str = "", fmt: str = "", **params: object) -> str:
    """The search page with its query and filters; None/empty filters are left out."""
    items = [("q", q)] if q else []
    for key, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        items.extend((key, str(v)) for v in values if v is not None and v != "")
    path = _ext("/search", fmt)
    return f"{path}?{urlencode(items)}" if items else path


def sources(fmt: str = "", **params: object) -> str:
    items = [(k, str(v)) for k, v in params.items() if v not in (None, "")]
    path = _ext("/sources", fmt)
    return f"{path}?{urlencode(items)}" if items else path


def source(source_id: str, fmt: str = "") -> str:
    return _ext(f"/sources/{_q(source_id)}", fmt)


def compare(iso3: str, a: int, b: int, fmt: str = "") -> str:
    return _ext(f"/compare/{_q(iso3.lower())}/{int(a)}/{int(b)}", fmt)


def about(fmt: str = "") -> str:
    return _ext("/about", fmt)


def docs() -> str:
    return "/docs"


def openapi() -> str:
    return "/openapi.json"


def static(name: str) -> str:
    return f"/static/{_q(name)}"


def external(url: str | None) -> str | None:
    """A link target for a URL found in report text: only http(s), anything else (javascript:, data:) is None."""
    if not url:
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) and not any(c in u for c in "<>\"' ") else None
