"""A country's profile from its fact rows (pure: no database, no web): the overview table (latest value
per indicator with the edition, sentence and footnotes it came from), the series across editions, and
the conflicts between editions, shown rather than hidden.

A row is a dict as `store.facts.country_facts` returns it: indicator, value, year, date, unit,
qualifier, edition, report_id, anchor, sentence, footnotes (and optionally url).

- Status indicators (treaty status, CCW, CD, producer, exporter, mine models) change over time: the
  overview shows the newest edition's value and the earlier values; they never "conflict".
- Everything else (counts, amounts, treaty dates) describes one thing per year (or one thing when no
  year is given): when one edition's values and another's for the same indicator, unit and year have
  nothing in common ("some one million" mines in 1999, "hundreds of thousands" in 2004), both are listed
  as a conflict with their sources.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

STATUS_INDICATORS = frozenset(
    {"treaty_status", "ccw_status", "ccw_apii_status", "cd_member", "producer", "exporter", "mine_model"}
)
_PROVENANCE = ("edition", "report_id", "anchor", "url", "sentence", "footnotes")


def value_label(value: Any, qualifier: str | None = None, unit: str | None = None) -> str:
    """How a value reads in a table: "about 36,000 amputees", "hundreds of thousands mines", "no"."""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, int | float):
        text = f"{value:,}"
    elif value is None:
        text = ""
    else:
        text = str(value).replace("_", " ")
    words = [w for w in (qualifier, text, unit if value is not None or qualifier else None) if w]
    return " ".join(words)


def _key(row: dict[str, Any]) -> tuple[str, str]:
    """Series are per indicator and unit ("wheelchairs" apart from "crutches"); a vote's unit is the
    resolution it was cast on, so votes form one series."""
    unit = "" if row["indicator"] == "unga_vote" else row.get("unit") or ""
    return row["indicator"], unit


def _order(row: dict[str, Any]) -> tuple[int, int, int]:
    return (row.get("edition") or 0, row.get("year") or 0, row.get("ord") or 0)


def _newest(row: dict[str, Any]) -> tuple[int, int, int]:
    """For the overview: the latest year a fact is about, then the newest edition that says so."""
    edition = row.get("edition") or 0
    return (row.get("year") or edition, edition, row.get("ord") or 0)  # undated facts are as of their edition


def _source(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in _PROVENANCE if k in row}
    out.update(value=row["value"], qualifier=row.get("qualifier"), year=row.get("year"), date=row.get("date"))
    out["label"] = value_label(row["value"], row.get("qualifier"), row.get("unit"))
    return out


def overview_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per indicator (and unit): the newest value, where it was read, and earlier values."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[_key(r)].append(r)
    table = []
    for (indicator, unit), facts in sorted(groups.items()):
        facts.sort(key=_newest)
        latest = facts[-1]
        newest = [
            f
            for f in facts
            if (f.get("edition"), f.get("year")) == (latest.get("edition"), latest.get("year"))
        ]
        labels = list(
            dict.fromkeys(value_label(f["value"], f.get("qualifier"), f.get("unit")) for f in newest)
        )
        earlier = list(dict.fromkeys(_label(f) for f in facts if _label(f) not in labels))
        table.append(
            {
                "indicator": indicator,
                "label": indicator.replace("_", " ").capitalize(),
                "value": ", ".join(labels),
                "values": [f["value"] for f in newest],
                "unit": unit or None,
                "year": latest.get("year"),
                "edition": latest.get("edition"),
                "report_id": latest.get("report_id"),
                "anchor": latest.get("anchor"),
                "url": latest.get("url"),
                "sentence": latest.get("sentence"),
                "footnotes": latest.get("footnotes", []),
                "earlier_values": earlier,
            }
        )
    return table


def _label(row: dict[str, Any]) -> str:
    return value_label(row["value"], row.get("qualifier"), row.get("unit"))


def series(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per indicator and unit, the points over time (x: the year the fact is about, else its edition)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(rows, key=_order):
        groups[_key(r)].append(r)
    out = []
    for (indicator, unit), facts in sorted(groups.items()):
        points = [{"x": f.get("year") or f.get("edition"), **_source(f)} for f in facts]
        points.sort(key=lambda p: (p["x"] or 0, p.get("edition") or 0))
        numeric = all(
            isinstance(p["value"], int | float) and not isinstance(p["value"], bool) for p in points
        )
        out.append({"indicator": indicator, "unit": unit or None, "numeric": numeric, "points": points})
    return out


def conflicts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where editions disagree about the same indicator, unit and year: every value with its source."""
    groups: dict[tuple[str, str, int | None], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["indicator"] not in STATUS_INDICATORS:
            groups[(*_key(r), r.get("year"))].append(r)
    out = []
    for (indicator, unit, year), facts in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0)
    ):
        by_edition: dict[Any, set[str]] = defaultdict(set)
        for f in facts:
            by_edition[f.get("edition")].add(value_label(f["value"], f.get("qualifier")))
        sets = list(by_edition.values())
        if any(a.isdisjoint(b) for i, a in enumerate(sets) for b in sets[i + 1 :]):
            out.append(
                {
                    "indicator": indicator,
                    "unit": unit or None,
                    "year": year,
                    "values": [_source(f) for f in sorted(facts, key=_order)],
                }
            )
    return out


def build_profile(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The overview table (the web country page calls this)."""
    return overview_table(rows)


def profile(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Overview, series and conflicts together (`landmine-monitor profile --json`)."""
    return {"overview": overview_table(rows), "series": series(rows), "conflicts": conflicts(rows)}
