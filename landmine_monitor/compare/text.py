"""Plain-text renderings of a comparison and a timeline, for people reading a terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from .sentences import clean_text

WIDTH = 100
SHOWN_PER_TOPIC = 8


def _wrap(text: str, indent: str, hang: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=hang or indent + "  ")


def _notes(numbers: list[int]) -> str:
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _change_lines(c: dict[str, Any]) -> list[str]:
    label = c["label"] + (" (moved)" if c.get("moved") else "")
    head = f"  {label:<17} {c['significance']:>5.2f}  "
    if c["label"] == "dropped":
        return [_wrap(f"{head}- {clean_text(c['sentence_a'])}{_notes(c['footnotes_a'])}", "", " " * 28)]
    lines = [_wrap(f"{head}+ {clean_text(c['sentence_b'])}{_notes(c['footnotes_b'])}", "", " " * 28)]
    if c["label"] in ("updated", "reworded") and c["sentence_a"]:
        lines.append(
            _wrap(f"was: {clean_text(c['sentence_a'])}{_notes(c['footnotes_a'])}", " " * 26, " " * 31)
        )
    return lines


def render_compare(result: dict[str, Any], show_unchanged: bool = False) -> str:
    country = (result.get("country") or {}).get("name", "?")
    a, b = result["edition_a"], result["edition_b"]
    s = result["summary"]
    out = [
        f"{country}: Landmine Monitor Report {a} -> {b}",
        ", ".join(f"{n} {label}" for label, n in s.items()),
    ]
    out += ["", f"KEY DEVELOPMENTS SINCE {a} (DRAFT)", _wrap(result["draft_note"], "  ")]
    out += [_wrap(f"- {k['text']}{_notes(k['footnotes'])}", "  ") for k in result["key_developments_draft"]]
    out += ["", "CONTRADICTIONS"]
    if not result["contradictions"]:
        out.append("  none found")
    for c in result["contradictions"]:
        out.append(f"  {c['kind']} ({c['predicate']}, {c['strength']})")
        out.append(_wrap(f"{a}: {clean_text(str(c['sentence_a']))}{_notes(c['footnotes_a'])}", "    "))
        out.append(_wrap(f"{b}: {clean_text(str(c['sentence_b']))}{_notes(c['footnotes_b'])}", "    "))
    out += ["", "CHANGES BY TOPIC (most significant first)"]
    for t in result["topics"]:
        changes = [c for c in result["changes"] if c["topic"] == t["topic"]]
        shown = [c for c in changes if show_unchanged or c["label"] != "unchanged"][:SHOWN_PER_TOPIC]
        if not changes:
            continue
        heads_a = "; ".join(str(x["heading"] or "(no heading)") for x in t["a"]) or "-"
        heads_b = "; ".join(str(x["heading"] or "(no heading)") for x in t["b"]) or "-"
        out += ["", f"{t['topic']}  [{a}: {heads_a} | {b}: {heads_b}]"]
        for c in shown:
            out += _change_lines(c)
        if len(changes) > len(shown):
            out.append(f"  ... {len(changes) - len(shown)} more (use --json for all)")
    return "\n".join(out)


def render_timeline(result: dict[str, Any]) -> str:
    country = (result.get("country") or {}).get("name", "?")
    out = [f"{country}: editions {', '.join(map(str, result['editions'])) or 'none'}"]
    for row in result["indicators"]:
        name = row["indicator"] + (f" ({row['year']})" if row["year"] is not None else "")
        values = "; ".join(f"{v['edition']}: {v['shown']}" for v in row["values"])
        out.append(f"  {name:<28} seen {row['first_seen']}-{row['last_seen']}  {values}")
        for ch in row["changes"]:
            out.append(
                f"  {'':<28} changed {ch['from_edition']}->{ch['to_edition']}: {ch['from']} -> {ch['to']}"
            )
    return "\n".join(out)
