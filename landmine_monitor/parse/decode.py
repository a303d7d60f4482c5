"""Bytes -> text: size and binary checks, encodings (UTF-8, BOM, Windows-1252), mojibake repair, and
HTML pages turned into plain lines (block elements become line breaks; h1-h3 become Markdown headings)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 20 * 1024 * 1024


def read_limited(path: Path | str) -> bytes:
    """A file's bytes, refusing files over 20 MB and turning OS errors into one clear InputError."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(p), f"file is too large ({size / 1e6:.1f} MB; the limit is 20 MB)")
        with p.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InputError(str(p), "is a directory, not a page") from None
    except FileNotFoundError:
        raise InputError(str(p), "no such file") from None
    except PermissionError:
        raise InputError(str(p), "permission denied") from None
    except OSError as e:
        raise InputError(str(p), f"cannot be read ({e.strerror or e})") from None


def decode_page(data: bytes, name: str) -> tuple[str, str | None]:
    """(text, URL named by the HTML if any). Raises InputError for empty, binary, oversized or
    undecodable input."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"input is too large ({len(data) / 1e6:.1f} MB; the limit is 20 MB)")
    if not data.strip():
        raise InputError(name, "file is empty")
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(name, "cannot be decoded as UTF-16 text") from None
        if _looks_binary(text.encode("utf-8")):
            raise InputError(name, "looks like a binary file, not a text or HTML page")
    elif _looks_binary(data):
        raise InputError(name, "looks like a binary file, not a text or HTML page")
    else:
        text = _decode(data, name)
    text = repair_mojibake(text).replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text[:2000] and _HTML_START.search(text[:2000]):
        return html_to_text(text)
    return text, None


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text (as Windows' Notepad saves "Unicode"): "utf-16" with a byte order mark,
    "utf-16-le" or "utf-16-be" without one, when every other byte of the start is a NUL (Latin text), and
    None for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 16 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "cannot be decoded as UTF-16 text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(name, "cannot be decoded as text (neither UTF-8 nor Windows-1252)") from None


# UTF-8 read as Windows-1252: a lead byte (Â..ô) followed by one or more continuation characters.
_MOJIBAKE_MARK = re.compile("[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_MOJIBAKE_RUN = re.compile("[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}")


def repair_mojibake(text: str) -> str:
    """`â€™` -> `’` and the like; text without the markers is returned untouched (cheap check first)."""
    if ("Â" not in text and "Ã" not in text and "â" not in text) or not _MOJIBAKE_MARK.search(text):
        return text
    return _MOJIBAKE_RUN.sub(_fix_run, text)


def _fix_run(m: re.Match[str]) -> str:
    s = m.group(0)
    try:
        return s.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<title)|<(?:p|div|body)[\s>]",
    re.IGNORECASE | re.MULTILINE,
)

_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "table",
    "tr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "aside",
    "main",
    "form",
    "figure",
    "figcaption",
    "h4",
    "h5",
    "h6",
}
# Site furniture and code: never report text.
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer"}
_HEADINGS = {"h1": "# ", "h2": "## ", "h3": "### "}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.url: str | None = None
        self.og_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.url = a["href"]
        elif tag == "meta" and a.get("property", "").lower() == "og:url" and a.get("content"):
            self.og_url = a["content"]
        if tag in _SKIP:
            self.skip += 1
        elif tag in _HEADINGS:
            self.parts.append("\n\n" + _HEADINGS[tag])
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in ("br", "td", "th"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK or tag in _HEADINGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


_SPACES = re.compile(r"[ \t\xa0]+")
_BLANKS = re.compile(r"\n\s*\n(\s*\n)+")


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Visible text of an HTML page, one block per paragraph, and its canonical URL if it names one."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)  # character references are already converted (convert_charrefs)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"
    return text, parser.url or parser.og_url
