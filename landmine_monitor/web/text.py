"""Turning report text into pieces a template can format safely, and display labels for codes."""

from __future__ import annotations

import html
import re
from typing import Any

_MARKER = re.compile(r"\[(\d{1,4})\]")
_TAG = re.compile(r"<[^>]*>")
_SQUARE = re.compile(r"\b(k?m)2\b")
_USD = re.compile(r"(\d[\d,.]*) USD\b")

TOPIC_LABELS: dict[str, str] = {
    "key_developments": "Key developments",
    "ban_policy": "Mine ban policy",
    "production": "Production",
    "transfer": "Transfer",
    "stockpiling": "Stockpiling",
    "use": "Use",
    "landmine_problem": "Landmine problem",
    "mine_action": "Mine action",
    "clearance": "Clearance",
    "risk_education": "Risk education",
    "casualties": "Casualties",
    "survivor_assistance": "Survivor assistance",
    "funding": "Funding",
    "cluster_munitions": "Cluster munitions",
    "background": "Background",
    "other": "Other",
}

KIND_LABELS: dict[str, str] = {
    "country_report": "Country report",
    "country_profile": "Country profile",
    "thematic": "Thematic chapter",
    "about": "About",
    "toc": "Table of contents",
    "other": "Other page",
}

SOURCE_KIND_LABELS: dict[str, str] = {
    "un_document": "UN document",
    "monitor_report": "Landmine Monitor report",
    "ibid": "Ibid.",
}


INDICATOR_LABELS: dict[str, str] = {
    "treaty_status": "Mine Ban Treaty status",
    "treaty_signed": "Treaty signed",
    "treaty_ratified": "Treaty ratified",
    "treaty_acceded": "Treaty acceded",
    "treaty_entry_into_force": "Entry into force",
    "unga_vote": "UNGA vote on the pro-ban resolution",
    "ccw_status": "CCW",
    "ccw_apii_status": "CCW Amended Protocol II",
    "cd_member": "Conference on Disarmament member",
    "producer": "Producer",
    "mine_model": "Mine models",
    "exporter": "Exporter",
    "stockpile_size": "Stockpile size",
    "mines_emplaced": "Mines emplaced",
    "area_cleared": "Area cleared",
    "casualties": "Casualties",
    "prostheses_fitted": "Prostheses fitted",
    "mobility_devices": "Mobility devices",
    "amputees": "Amputees",
    "funding_usd": "Funding (US$)",
}


def indicator_label(indicator: str) -> str:
    return INDICATOR_LABELS.get(indicator, indicator.replace("_", " ").capitalize())


def readable_units(text: str) -> str:
    """Units as people write them: "3.4 km2" -> "3.4 km²", "515,000 USD" -> "US$515,000"."""
    return _USD.sub(r"US$\1", _SQUARE.sub(r"\1²", text))


def source_kind_label(kind: str | None) -> str:
    """A citation's kind for people: "un_document" -> "UN document", "telephone_interview" -> "Telephone interview"."""
    if not kind:
        return ""
    return SOURCE_KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def topic_label(topic: str) -> str:
    return TOPIC_LABELS.get(topic, topic.replace("_", " ").capitalize())


def kind_label(kind: str | None) -> str:
    if not kind:
        return ""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def segments(text: str, notes: set[int]) -> list[dict[str, Any]]:
    """Split paragraph text at its `[n]` markers: [{"text": ...}, {"note": n, "missing": bool}, ...].

    A marker whose note the page does not hold (a cut page) is kept, flagged `missing`; the template escapes
    every text piece, so nothing in the text can become markup.
    """
    out: list[dict[str, Any]] = []
    pos = 0
    for m in _MARKER.finditer(text):
        if m.start() > pos:
            out.append({"text": text[pos : m.start()]})
        n = int(m.group(1))
        out.append({"note": n, "missing": n not in notes})
        pos = m.end()
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def plain(snippet: str) -> str:
    """A search snippet (HTML with <mark>) as plain text, for CSV."""
    return html.unescape(_TAG.sub("", snippet))


def shorten(text: str, limit: int = 320) -> str:
    """A teaser: markers dropped, cut at a word boundary."""
    text = _MARKER.sub("", text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


_MARK = re.compile(r"(</?mark>)")
_SNIPPET_MARKER = re.compile(r"\[\d{1,4}\]|\[\d{0,4}(?=…)")  # note markers, whole or cut by the ellipsis
_CUT_AFTER_STOP = re.compile(r"([.!?;:])…")


def _snippet_text(text: str) -> str:
    """Snippet text without note markers; "end.…" (a cut after a full stop) spaced as "end. …"."""
    return _CUT_AFTER_STOP.sub(r"\1 …", _SNIPPET_MARKER.sub("", text))


def safe_snippet(snippet: str) -> str:
    """A snippet's HTML reduced to escaped text plus <mark> tags, whatever the engine gave (defence in depth)."""
    parts = _MARK.split(snippet or "")
    return "".join(
        p if p in ("<mark>", "</mark>") else html.escape(_snippet_text(html.unescape(p)), quote=False)
        for p in parts
    )
