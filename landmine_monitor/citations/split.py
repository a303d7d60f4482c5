"""A footnote into its citation fragments: split on ";", sentence ends (not after "Mr." or "U.S."),
"and" before a new source and ", and" between whole sources; commentary sentences are left out."""

from __future__ import annotations

import re

from . import parts as cp

SPACE = re.compile(r"\s+")
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
ABBREV = cp.words(
    "Mr Mrs Ms Dr Prof Dept No Nos St Sgt Lt Col Gen Capt Maj Brig Cmdr Rev Jr Sr Co Inc Ltd Corp "
    "p pp vol Vol ed eds Ed cf Cf al approx Amb Gov Sen Rep Art para Fig Doc Docs Jan Feb Mar Apr Jun Jul Aug Sep "
    "Sept Oct Nov Dec"
)
# The stop and the spaces after it (a cut is at start + 1); a literal first lets re skip ahead.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z“\"(])")
AND_SOURCE = re.compile(
    r"\s+and\s+(?=(?:Landmine Monitor|LM\b|Email|E-mail|Letter|Statement|Interview|Telephone|Ibid|“))"
)
_COMMA_AND = re.compile(r",\s+and\s+")
LEAD = re.compile(
    r"^(?:(?:[Ss]ee(?:\s+also)?|[Cc]f\.|Also|also|and|And|Quoted in|quoted in|Cited in|cited in|Source)"
    r"\s*[,:]?\s+)+"
)
# What LEAD can start with.
LEAD_STARTS: tuple[str, ...] = ("See", "see", "Cf.", "cf.", "Also", "also", "and", "And", "Source")
LEAD_STARTS += ("Quoted in", "quoted in", "Cited in", "cited in")
_CUE = re.compile(
    r"^(?:See\b|Ibid|Landmine Monitor|LM\b|Statement|Speech|Remarks|Intervention|E-?mail|Letter|Interview|"
    r"Telephone|Information provided|Response|“|\"|Press release|News release)",
    re.IGNORECASE,
)
# Each word pattern opens with a look-ahead on its words' first letters: re then skips every other
# position in C instead of trying the alternation there (tests/test_citations_fast.py: same matches).
_VERB = re.compile(
    r"(?=[iawhsrcmdbkt])\b(?:is|are|was|were|has|have|had|will|would|appears?|seems?|said|says|reported|indicated?|indicates|"
    r"could|can|cannot|may|might|should|did|does|do|been|being|be|conducted|killed|injured|remain|remains|"
    r"asked|requested|withheld)\b"
)
_COMPLETE = re.compile(
    r"(?=[“\"12hwDdRWYHGSAMPTFBUN])(?:[“\"]|\b(?:19|20)\d\d\b|https?://|www\.|" + cp.WORK_WORDS.pattern + ")"
)
# The words `_VERB` matches, and ASCII non-word characters as spaces: in ASCII text `_VERB` matches
# exactly when one of the words between them is a verb (a set look-up instead of a search).
VERBS = frozenset(
    b"is are was were has have had will would appear appears seem seems said says reported indicate "
    b"indicated indicates could can cannot may might should did does do been being be conducted killed "
    b"injured remain remains asked requested withheld".split()
)
_ASCII_NON_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(256))
INITIAL = re.compile(r"(?:[A-Z]\.)*[A-Z]|[a-z]")
_SEMICOLON = re.compile(";")


def mask_quotes(text: str) -> str:
    """The text with quoted spans blanked (same length), so separators inside titles are ignored."""
    if "“" not in text and '"' not in text:
        return text
    return QUOTED.sub(lambda m: "“" + "x" * (len(m.group(0)) - 2) + "”", text)


def _cuts(text: str, masked: str, pattern: re.Pattern[str], keep_left: int = 0) -> list[str]:
    parts, start = [], 0
    for m in pattern.finditer(masked):
        parts.append(text[start : m.start() + keep_left])
        start = m.end()
    parts.append(text[start:])
    return [p for p in (x.strip() for x in parts) if p]


def _sentences(part: str) -> list[str]:
    masked = mask_quotes(part)
    out, start = [], 0
    for m in _SENTENCE_END.finditer(masked):
        cut = m.start() + 1
        before = masked[start:cut].rstrip(".!?").rsplit(None, 1)
        last = before[-1] if before else ""
        if last in ABBREV or INITIAL.fullmatch(last):
            continue
        out.append(part[start:cut].strip())
        start = m.end()
    out.append(part[start:].strip())
    return [s for s in out if s]


def _split_ands(sentence: str) -> list[str]:
    if "and" not in sentence:  # both patterns need it
        stripped = sentence.strip()
        return [stripped] if stripped else []
    parts = _cuts(sentence, mask_quotes(sentence), AND_SOURCE)
    out: list[str] = []
    for part in parts:
        masked = mask_quotes(part)
        m = next(iter(_COMMA_AND.finditer(masked)), None)
        left = masked[: m.start()] if m else ""
        right = masked[m.end() :] if m else ""
        if m and " with " not in left and _COMPLETE.search(left) and "," in right and not right[:1].isdigit():
            out += [part[: m.start()], part[m.end() :]]
        else:
            out.append(part)
    return out


def is_commentary(sentence: str) -> bool:
    """A sentence of explanation rather than a source: a verb and no citation cue at its start."""
    if _CUE.match(sentence):
        return False
    if sentence.startswith(("See", "Cf")) and _CUE.match(LEAD.sub("", sentence)):
        return False
    masked = mask_quotes(sentence)
    # Other characters become "?" (no word character): every verb `_VERB` finds is still a word then,
    # but a word can be a verb only there ("may" of "mayé"), so such a find is checked by `_VERB`.
    words = masked.encode("ascii", "replace").translate(_ASCII_NON_WORD).split()
    if VERBS.isdisjoint(words):
        return False
    return masked.isascii() or _VERB.search(masked) is not None


def odd_spaces(text: str) -> bool:
    """False when SPACE.sub(" ", text) would change nothing: no two spaces in a row and no other white
    space (every white-space character but " " is unprintable; a True for another unprintable is harmless)."""
    return "  " in text or not text.isprintable()


def split_note(text: str) -> list[str]:
    """The citation fragments of a note, commentary sentences left out.

    Once spaces are normalised every space is a single " ", so a sentence end needs ". " (or "! ", "? ")
    and a split on "and" needs " and ": without them the regexes are skipped."""
    text = text.replace("\u00a0", " ")
    text = (SPACE.sub(" ", text) if odd_spaces(text) else text).strip()
    if ";" not in text and ". " not in text and "! " not in text and "? " not in text and " and " not in text:
        one = "" if not text or is_commentary(text) else text.strip(" ;,")  # one sentence, one source
        return [one] if one else []
    fragments: list[str] = []
    parts = _cuts(text, mask_quotes(text), _SEMICOLON) if ";" in text else ([text] if text else [])
    for part in parts:
        ends = ". " in part or "! " in part or "? " in part
        for sentence in _sentences(part) if ends else [part]:
            if is_commentary(sentence):
                continue
            if " and " in sentence:
                fragments += _split_ands(sentence)
            else:
                fragments.append(sentence)
    return [f for f in (x.strip(" ;,") for x in fragments) if f]
