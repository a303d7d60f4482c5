"""Footnotes into typed citations (issue 3).

`parse_note(text)` splits one note into its citations (on ";", sentence ends, and ", and" between whole
sources), drops commentary ("Based on the testimony of refugees, ..."), types each citation and fills
its fields; `annotate(report)` does it for every note of a report, resolving Ibid. and short forms
against the notes before. Source identity lives in `sources.py`; field extraction in
`citation_parts.py`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any

from . import citation_parts as cp
from .model import Citation, Footnote, Person, Report
from .sources import canonical_key, expand_organization, known_organization, source_id

UNPARSED = "citation_unparsed"
_COMMUNICATIONS = ("email", "letter", "interview", "telephone_interview", "statement")

_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_ABBREV = cp.words(
    "Mr Mrs Ms Dr Prof Dept No Nos St Sgt Lt Col Gen Capt Maj Brig Cmdr Rev Jr Sr Co Inc Ltd Corp "
    "p pp vol Vol ed eds Ed cf Cf al approx Amb Gov Sen Rep Art para Fig Jan Feb Mar Apr Jun Jul Aug Sep "
    "Sept Oct Nov Dec"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
_AND_SOURCE = re.compile(
    r"\s+and\s+(?=(?:Landmine Monitor|LM\b|Email|E-mail|Letter|Statement|Interview|Telephone|Ibid|“))"
)
_COMMA_AND = re.compile(r",\s+and\s+")
_LEAD = re.compile(r"^(?:(?:See(?:\s+also)?|Cf\.|Also|and|And|Quoted in|Cited in|Source)\s*[,:]?\s+)+")
_CUE = re.compile(
    r"^(?:See\b|Ibid|Landmine Monitor|LM\b|Statement|Speech|Remarks|Intervention|E-?mail|Letter|Interview|"
    r"Telephone|Information provided|Response|“|\"|Press release|News release)",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|appears?|seems?|said|says|reported|indicated?|indicates|"
    r"could|can|cannot|may|might|should|did|does|do|been|being|conducted|killed|injured|remain|remains)\b"
)
_COMPLETE = re.compile(r"[“\"]|\b(?:19|20)\d\d\b|https?://|www\.|" + cp.WORK_WORDS.pattern)

_IBID = re.compile(r"^(?:Ibid|Ibidem|Id)\b\.?", re.IGNORECASE)
_MONITOR = re.compile(r"^(?:the\s+)?(?:Landmine Monitor|LM)\s+(?:Report\s+)?((?:19|20)\d\d)(?:\s+Report)?\b")
_KIND_HEAD = [
    ("email", re.compile(r"\be-?mails?\b", re.IGNORECASE)),
    ("letter", re.compile(r"^(?:\S+\s+)?letters?\b|\bletters?\s+(?:from|to)\b", re.IGNORECASE)),
    (
        "telephone_interview",
        re.compile(r"\b(?:tele)?phone\s+(?:interview|conversation|call|discussion)s?\b", re.I),
    ),
    (
        "interview",
        re.compile(
            r"\binterviews?\b|\b(?:meeting|discussion|conversation)s?\s+with\b|^Information\s+(?:provided|from)|"
            r"\bresponse to\b.*\bquestionnaire\b|\bcommunication\b",
            re.IGNORECASE,
        ),
    ),
    ("press_release", re.compile(r"\b(?:press|news|media)\s+release\b|\bpress statement\b", re.IGNORECASE)),
    (
        "statement",
        re.compile(
            r"^(?:Statement|Speech|Remarks|Intervention|Address|Presentation|Testimony)\b|\bstatement by\b",
            re.I,
        ),
    ),
]
_CUE_WORD = {
    "email": r"\be-?mails?\b",
    "letter": r"\bletters?\b",
    "telephone_interview": r"\b(?:interview|conversation|call|discussion)s?\b",
    "interview": r"\binterviews?\b|\bmeetings?\b|\bdiscussions?\b|\bconversations?\b|\bprovided\b|\bcommunication\b",
    "statement": r"\b(?:statement|speech|remarks|intervention|address|presentation|testimony)\b",
}
_UN_WORDS = re.compile(r"\b(?:Official Records|UN Doc|U\.N\. Doc|Report of the Secretary-General)\b")


# --- splitting ---------------------------------------------------------------------------------------


def _masked(text: str) -> str:
    """The text with quoted spans blanked (same length), so separators inside titles are ignored."""
    return _QUOTED.sub(lambda m: "“" + "x" * (len(m.group(0)) - 2) + "”", text)


def _cuts(text: str, masked: str, pattern: re.Pattern[str], keep_left: int = 0) -> list[str]:
    parts, start = [], 0
    for m in pattern.finditer(masked):
        parts.append(text[start : m.start() + keep_left])
        start = m.end()
    parts.append(text[start:])
    return [p for p in (x.strip() for x in parts) if p]


def _sentences(part: str) -> list[str]:
    masked = _masked(part)
    out, start = [], 0
    for m in _SENTENCE_END.finditer(masked):
        before = masked[start : m.start()].rstrip(".!?").split()
        last = before[-1] if before else ""
        if last in _ABBREV or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]|[a-z]", last):
            continue
        out.append(part[start : m.start()].strip())
        start = m.end()
    out.append(part[start:].strip())
    return [s for s in out if s]


def _split_ands(sentence: str) -> list[str]:
    parts = _cuts(sentence, _masked(sentence), _AND_SOURCE)
    out: list[str] = []
    for part in parts:
        masked = _masked(part)
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
    body = _LEAD.sub("", sentence) if sentence.startswith(("See", "Cf")) else sentence
    if _CUE.match(sentence) or _CUE.match(body):
        return False
    return bool(_VERB.search(_masked(sentence)))


def split_note(text: str) -> list[str]:
    """The citation fragments of a note, commentary sentences left out."""
    text = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
    fragments: list[str] = []
    for part in _cuts(text, _masked(text), re.compile(";")):
        for sentence in _sentences(part):
            if is_commentary(sentence):
                continue
            fragments += _split_ands(sentence)
    return [f for f in (x.strip(" ;,") for x in fragments) if f]


# --- one citation ------------------------------------------------------------------------------------


def _kind(head: str, p: cp.Pieces, fragment: str) -> str:
    for kind, pattern in _KIND_HEAD:
        if pattern.search(head if kind != "press_release" else fragment):
            return kind
    if p.un_symbols or _UN_WORDS.search(fragment):
        return "un_document"
    if re.search(r"\bdata ?bases?\b", fragment, re.IGNORECASE):
        return "database"
    if p.urls or re.search(r"\bweb(?:\s?sites?|\s?pages?)?\b", fragment, re.IGNORECASE):
        return "website"
    return _publication_kind(p)


def _publication_kind(p: cp.Pieces) -> str:
    segs = [s for s in p.segments if s != cp.TITLE_MARK]
    if segs and cp.LEGAL.match(segs[0]):
        return "report"
    if p.title:
        mark = p.segments.index(cp.TITLE_MARK) if cp.TITLE_MARK in p.segments else 0
        after = p.segments[mark + 1 :]
        outlet = next((s for s in after if cp.NEWS_WORDS.search(s)), None)
        if (
            not outlet
            and mark == 0
            and after
            and cp.outlet_and_place(after[0])[1]
            and p.date
            and len(p.date) == 10
        ):
            return "news"  # “Title,” Outlet (City), day: a newspaper whatever its name
        if outlet:
            first = outlet.split(" ", 1)[0]
            own = known_organization(first) and not cp.NEWS_WORDS.search(first) and " " in outlet
            return "press_release" if own else "news"
        return "report"
    if any(cp.NEWS_WORDS.search(s) and not cp.WORK_WORDS.search(s) for s in segs) and not any(
        cp.WORK_WORDS.search(s) for s in segs
    ):
        return "news"
    names = [s for s in segs if not cp.is_place(s) and not cp.looks_organization(s) and cp.title_like(s)]
    backed = p.pages or p.date or any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    if names and backed and not (p.date and len(p.date) > 4) and len(names) <= 2:
        return "book"
    if (
        segs
        and (p.date or p.pages)
        and any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    ):
        return "report"
    return "other"


def _participants(kind: str, head: str) -> str:
    """What follows the cue word: "Email from X" -> "X"; "" when the head names nobody."""
    m = re.search(_CUE_WORD[kind], head, re.IGNORECASE)
    rest = head[m.end() :] if m else head
    for word in ("with", "from", "by", "to"):
        m2 = re.search(rf"\b{word}\b\s*", rest)
        if m2:
            return rest[m2.end() :].strip()
    return ""


def _fill_communication(c: Citation, p: cp.Pieces, kind: str) -> None:
    segs = list(p.segments)
    segs[0] = _participants(kind if kind in _CUE_WORD else "interview", segs[0]) if segs else ""
    places: list[str] = []
    outlet: list[str] = []
    for seg in (s for s in segs if s and s != cp.TITLE_MARK):
        if outlet or re.match(r"^(?:found |published |reproduced |quoted |printed )?in\s+[A-Z]", seg):
            outlet.append(re.sub(r"^(?:found |published |reproduced |quoted |printed )?in\s+", "", seg))
            continue
        seg = re.sub(r"^to\s+", "", seg)
        _communication_segment(c, seg, places)
    c.place = places[0] if len(set(places)) == 1 else None
    c.outlet = ", ".join(outlet) or None


def _communication_segment(c: Citation, seg: str, places: list[str]) -> None:
    if cp.is_place(seg):
        places.append(seg)
        return
    known = known_organization(seg)
    name = None if known else cp.person_name(seg, strict=bool(c.people or c.organizations))
    if name:
        c.people.append(Person(name[0], name[1]))
        return
    if not known and c.people and cp.person_name(seg) and not cp.looks_organization(seg):
        places.append(seg)  # "San José" after a person and an office: a place we do not know by name
        return
    role = cp.role_of(seg)
    if role:
        _add_role(c, role[0])
        _add_org(c, role[1])
    elif known or cp.looks_organization(seg) or (cp.acronym(seg) and len(seg) > 2):
        _add_org(c, cp.trim_description(seg))
    elif c.people and (cp.is_role(seg) or cp.acronym(seg)):
        _add_role(c, re.sub(r"^(?:the|a|an)\s+", "", seg))


def _add_role(c: Citation, role: str) -> None:
    if not c.people:
        return
    last = c.people[-1]
    last.role = f"{last.role}, {role}" if last.role else role


def _add_org(c: Citation, name: str) -> None:
    full = expand_organization(name)
    if c.kind in _COMMUNICATIONS and full == "Landmine Monitor":
        return  # the Monitor's own researcher, not a source
    if full and full not in c.organizations:
        c.organizations.append(full)


def _fill_publication(c: Citation, p: cp.Pieces) -> None:
    mark = p.segments.index(cp.TITLE_MARK) if cp.TITLE_MARK in p.segments else len(p.segments)
    places: list[str] = []
    before = p.segments[:mark]
    loose = [s for s in before if not cp.is_place(s) and not cp.looks_organization(s)]
    author_ok = p.title is not None or (len(loose) >= 2 and loose[0] == before[0])
    for seg in before:
        _publication_segment(c, seg, places, has_title=p.title is not None, author_ok=author_ok)
    outlet = _after_title(c, p.segments[mark + 1 :], places)
    if c.kind == "news" and not outlet:
        outlets = [o for o in c.organizations if cp.NEWS_WORDS.search(o)]
        if outlets:
            outlet = [outlets[-1]]
            c.organizations.remove(outlets[-1])
    c.outlet = ", ".join(outlet) or c.outlet
    if c.kind == "press_release" and c.outlet and known_organization(c.outlet.split(" ", 1)[0]):
        _add_org(c, c.outlet.split(" ", 1)[0])
    c.place = places[0] if places else c.place


def _after_title(c: Citation, segments: list[str], places: list[str]) -> list[str]:
    """Outlet and place after a quoted title: "Joongang Daily (Seoul)", "Geneva"."""
    outlet: list[str] = []
    for seg in segments:
        if cp.LOCATOR.match(seg):
            c.pages = c.pages or seg
            continue
        name, place = cp.outlet_and_place(seg)
        news_like = cp.NEWS_WORDS.search(seg) or cp.looks_organization(seg) or cp.WORK_WORDS.search(seg)
        if cp.is_place(seg) or (not outlet and not news_like and cp.proper_noun(seg) and not places):
            places.append(seg)
        else:
            outlet.append(name)
            places += [place] if place else []
    return outlet


def _publication_segment(c: Citation, seg: str, places: list[str], has_title: bool, author_ok: bool) -> None:
    name, place = cp.outlet_and_place(seg)
    if cp.is_place(seg):
        places.append(seg)
        return
    if cp.LOCATOR.match(seg):
        c.pages = c.pages or seg
        return
    if c.title and not has_title and (place or re.search(r"\b(?:session|meeting|plenary)\b", seg)):
        if place:
            c.outlet, c.place = name, place
        else:
            c.title += ", " + seg
        return
    publisher = cp.place_and_publisher(seg)
    if publisher:
        places.append(publisher[0])
        _add_org(c, publisher[1])
        return
    if cp.LEGAL.match(seg) and not c.title:
        c.title = seg
        return
    release = cp.split_release(seg)
    if release and not has_title and not c.title:
        if release[0]:
            _add_org(c, release[0])
        c.title = release[1]
        return
    if not has_title and not c.title and cp.WORK_WORDS.search(seg) and not cp.NEWS_WORDS.search(seg):
        c.title = re.sub(r"^(?:the|a|an)\s+", "", seg)
        if known_organization(c.title):
            _add_org(c, c.title.split(" ", 1)[0])
        return
    person = None if known_organization(seg) else cp.person_name(seg, strict=not author_ok)
    if person and not c.people:
        c.people.append(Person(*person))
    elif " and " in seg and all(cp.looks_organization(x) for x in seg.split(" and ")):
        for part in seg.split(" and "):
            _add_org(c, part)
    elif cp.looks_organization(name):
        _add_org(c, name)
        places += [place] if place else []
    elif c.people and (cp.is_role(seg) or (cp.acronym(seg) and len(seg) <= 2)):
        _add_role(c, seg)
    elif cp.acronym(seg):
        _add_org(c, seg)
    elif not has_title and not c.title:
        c.title = re.sub(r"^(?:the|a|an)\s+", "", seg)


def parse_citation(fragment: str) -> Citation:
    """Type and fill one citation fragment (no Ibid. or short-form resolution here)."""
    text = re.sub(r"^(?:and|And)\s+", "", fragment.strip().rstrip(" .;,")) or fragment.strip()
    body = _LEAD.sub("", text)
    if _IBID.match(body):
        q = cp.extract(body)
        pages = q.pages or next((x for x in q.segments if cp.LOCATOR.match(x)), None)
        return Citation(kind="ibid", text=text, pages=pages)
    monitor = _MONITOR.match(body)
    p = cp.extract(body)
    if monitor:
        edition = int(monitor.group(1))
        refers: dict[str, Any] = {"edition": edition}
        if p.pages:
            refers["page"] = p.pages
        return Citation(
            "monitor_report",
            text,
            date=monitor.group(1),
            organizations=["Landmine Monitor"],
            title=f"Landmine Monitor Report {edition}",
            pages=p.pages,
            refers_to=refers,
        )
    head = _QUOTED.sub("", body.split(",", 1)[0])
    kind = _kind(head, p, body)
    c = Citation(
        kind, text, p.date, p.date_end, title=p.title, pages=p.pages, urls=p.urls, un_symbols=p.un_symbols
    )
    if kind in _COMMUNICATIONS:
        _fill_communication(c, p, kind)
    elif kind != "other":
        _fill_publication(c, p)
    return c


# --- notes, Ibid. and short forms ---------------------------------------------------------------------


def _resolve(c: Citation, number: int | None, earlier: Sequence[tuple[int, list[Citation]]]) -> None:
    if c.kind == "ibid":
        if earlier:
            prev_number, prev = earlier[-1]
            target = prev[0].refers_to if len(prev) == 1 and prev[0].kind == "ibid" else None
            c.refers_to = dict(target) if target else {"footnote": prev_number}
            c.source_id = next((x.source_id for x in prev if x.source_id), None)
        elif number is not None and number > 1:
            c.refers_to = {"footnote": number - 1}
        return
    if c.source_id is None:
        c.source_id = source_id(c)
    if c.kind == "monitor_report":
        return
    first = next(
        (n for n, cites in earlier for x in cites if x.kind != "ibid" and x.source_id == c.source_id), None
    )
    if first is None and c.title and not c.date:
        loose = canonical_key(c, loose=True)
        for n, x in ((n, x) for n, cites in earlier for x in cites if x.title and x.kind != "ibid"):
            if canonical_key(x, loose=True) == loose:
                first, c.source_id = n, x.source_id
                break
    if first is not None:
        c.refers_to = {"footnote": first}


def parse_note(
    text: str, number: int | None = None, earlier: Sequence[Footnote] = (), *, country: str | None = None
) -> list[Citation]:
    """The citations of one note. `earlier` are the notes before it (for Ibid. and short forms); any of
    them without citations yet is parsed on the way. `country` (the report's) is the author of an
    "Article 7 Report". Unparseable text comes back whole as kind `other`."""
    history = _history(earlier, country)
    return _parse_with_history(text, number, history, country)


def _history(earlier: Sequence[Footnote], country: str | None) -> list[tuple[int, list[Citation]]]:
    history: list[tuple[int, list[Citation]]] = []
    for note in earlier:
        cites = note.citations or _parse_with_history(note.text, note.number, history, country)
        history.append((note.number, cites))
    return history


def _parse_with_history(
    text: str, number: int | None, history: Sequence[tuple[int, list[Citation]]], country: str | None = None
) -> list[Citation]:
    if not text or not text.strip():
        return []
    text = text.split(" © ", 1)[0]  # a page footer glued to the last note
    try:
        cites = [parse_citation(f) for f in split_note(text)]
    except (ValueError, KeyError, IndexError, TypeError):  # a defensive net: never lose a note
        cites = []
    if not cites:
        cites = [Citation("other", _SPACE.sub(" ", text).strip())]
    last_report: Citation | None = None
    for c in cites:
        if c.kind in ("report", "book") and c.title and not (c.organizations or c.people) and last_report:
            c.organizations = list(last_report.organizations)
            c.people = [Person(x.name, x.role) for x in last_report.people]
        last_report = c if c.kind in ("report", "book") else last_report
        if country and c.title and c.title.startswith("Article 7 Report") and not c.organizations:
            c.organizations = [country]
        _resolve(c, number, history)
    return cites


def annotate(report: Report) -> None:
    """Fill each footnote's `citations` (and their `source_id`) in place; warn on unparsed notes."""
    report.warnings = [w for w in report.warnings if w.code != UNPARSED]
    history: list[tuple[int, list[Citation]]] = []
    country = report.country.name if report.country else None
    for note in report.footnotes:
        note.citations = _parse_with_history(note.text, note.number, history, country)
        history.append((note.number, note.citations))
        for c in note.citations:
            if c.kind == "other":
                snippet = c.text if len(c.text) <= 60 else c.text[:57] + "..."
                report.warn(UNPARSED, f"note [{note.number}]: could not read a citation in {snippet!r}")


def source_ages(report: Report) -> dict[str, Any]:
    """How old the report's sources are at publication, in years (edition minus the source's year):
    newest, median and oldest, over distinct sources with a stated date; None when unknown."""
    years: dict[str, int] = {}
    for note in report.footnotes:
        for c in note.citations:
            date = c.date_end or c.date
            if date and c.kind != "ibid":
                years.setdefault(c.source_id or c.text, int(date[:4]))
    ages = sorted(report.edition - y for y in years.values()) if report.edition else []
    return {
        "edition": report.edition,
        "dated_sources": len(ages),
        "newest": ages[0] if ages else None,
        "median": statistics.median(ages) if ages else None,
        "oldest": ages[-1] if ages else None,
    }
