"""Footnotes: the `[n] text` notes at the end of a page, and the `[n]` markers in running text."""

from __future__ import annotations

import re

from ..model import Footnote

NOTE_LINE = re.compile(r"^\[(\d{1,4})\s*\]\s*(.*)$")
MARKER = re.compile(r"\[(\d{1,4})\s*\]")


def markers(text: str) -> list[int]:
    """Footnote marker numbers in order of appearance (`[1]` and `[1 ]` alike)."""
    if "[" not in text:
        return []
    return [int(m) for m in MARKER.findall(text)]


def notes_start(lines: list[str]) -> int:
    """Index of the first line of the notes block at the end of the page (len(lines) if none).

    A note line starts the block when at least half of the non-blank lines after it are note lines
    too (one note per line, or notes separated by blank lines; long notes may wrap).
    """
    candidates = [i for i, line in enumerate(lines) if line.startswith("[") and NOTE_LINE.match(line)]
    for i in candidates:
        rest = [x for x in lines[i + 1 : i + 200] if x.strip()]
        if not rest:
            return i
        notes = sum(1 for x in rest if NOTE_LINE.match(x))
        if notes * 2 >= len(rest):
            return i
    return len(lines)


def parse_notes(lines: list[str]) -> list[Footnote]:
    """Notes from the notes block; lines that are not `[n] ...` continue the previous note."""
    out: list[Footnote] = []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        m = NOTE_LINE.match(s)
        if m:
            out.append(Footnote(int(m.group(1)), m.group(2).strip()))
        elif out:
            out[-1].text = f"{out[-1].text} {s}".strip()
    return out
