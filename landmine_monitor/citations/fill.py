"""Who, where and in what: the segments of one citation assigned to people (with roles),
organisations, place and outlet, once its kind is known (communications vs publications)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Citation, Person
from ..sources import expand_organization, known_organization
from . import parts as cp

COMMUNICATIONS = ("email", "letter", "interview", "telephone_interview", "statement")

_CUE_WORD = {
    kind: re.compile(pattern, re.IGNORECASE)
    for kind, pattern in {
        "email": r"\be-?mails?\b",
        "letter": r"\bletters?\b",
        "telephone_interview": r"\b(?:interview|conversation|call|discussion)s?\b",
        "interview": r"\binterviews?\b|\bmeetings?\b|\bdiscussions?\b|\bconversations?\b|\bprovided\b|\bcommunication\b",
        "statement": r"\b(?:statement|speech|remarks|intervention|address|presentation|testimony)\b",
    }.items()
}
_SESSION = re.compile(r"\b(?:session|meeting|plenary)\b")
_PARTY_WORDS = [re.compile(rf"\b{word}\b\s*") for word in ("with", "from", "by", "to")]
_FOUND_IN = re.compile(r"^(?:found |published |reproduced |quoted |printed )?in\s+(?=[A-Z])")
TITLE_MARK = cp.TITLE_MARK
_FOUND_IN_STARTS = ("found ", "published ", "reproduced ", "quoted ", "printed ", "in")


@lru_cache(maxsize=16384)
def _participants(kind: str, head: str) -> str:
    """What follows the cue word: "Email from X" -> "X"; "" when the head names nobody."""
    m = _CUE_WORD[kind].search(head)
    rest = head[m.end() :] if m else head
    for pattern in _PARTY_WORDS:
        m2 = pattern.search(rest)
        if m2:
            return rest[m2.end() :].strip()
    return ""


def fill_communication(c: Citation, segments: list[str], kind: str) -> None:
    """People (with roles), organisations, place and outlet of a communication from its segments, the
    first being its head ("Email from NAME")."""
    places: list[str] = []
    outlet: list[str] = []
    people, orgs = c.people, c.organizations
    # No segments (a head cut away whole, as a URL is) raises IndexError, as it always has: the note
    # is then kept as kind "other" (`_parse_with_history`).
    first = _participants(kind if kind in _CUE_WORD else "interview", segments[0])
    for seg in (first, *segments[1:]):
        if not seg or seg == TITLE_MARK:
            continue
        if outlet or (seg.startswith(_FOUND_IN_STARTS) and _FOUND_IN.match(seg)):
            outlet.append(_FOUND_IN.sub("", seg))
            continue
        if seg.startswith("to "):
            continue  # the recipient ("to Landmine Monitor (HRW)"), not the source
        what, a, b = _communication_reading(seg, bool(people), bool(people or orgs))
        if what == "person":
            people.append(Person(a, b))
        elif what == "org":
            _add_org(c, a)
        elif what == "place":
            places.append(seg)
        elif what == "role_of":
            _add_role(c, a)
            _add_org(c, b or "")
        elif what == "role":
            _add_role(c, a)
    c.place = places[0] if places and places.count(places[0]) == len(places) else None
    c.outlet = ", ".join(outlet) or None


@lru_cache(maxsize=16384)
def _communication_reading(seg: str, has_people: bool, strict: bool) -> tuple[str, str, str | None]:
    """What one segment of a communication is, given whether a person (or anyone) came before:
    ("place" | "person" | "role_of" | "role" | "org" | "", value, second value)."""
    if cp.is_place(seg):
        return "place", seg, None
    known = known_organization(seg)
    name = None if known else cp.person_name(seg, strict=strict)
    if name:
        return "person", name[0], name[1]
    if not known and has_people and cp.person_name(seg) and not cp.looks_organization(seg):
        if any(len(w) > 2 and w.isupper() for w in seg.split()):
            return "org", seg, None  # "Lao RENEW": an acronym names a body, not a town
        return "place", seg, None  # "San José" after a person and an office: a place we do not know by name
    role = cp.role_of(seg)
    if role:
        return "role_of", role[0], role[1]
    if has_people and cp.role_first(seg):
        return "role", seg, None
    if known or cp.looks_organization(seg) or (cp.acronym(seg) and len(seg) > 2):
        return "org", cp.trim_description(seg), None
    if has_people and (cp.is_role(seg) or cp.acronym(seg)):
        return "role", cp.ARTICLE.sub("", seg), None
    return "", "", None


def _add_role(c: Citation, role: str) -> None:
    if not c.people:
        return
    role = cp.ARTICLE.sub("", role) if role.startswith(("the", "a")) else role
    last = c.people[-1]
    last.role = f"{last.role}, {role}" if last.role else role


def _add_org(c: Citation, name: str) -> None:
    full = expand_organization(name)
    if c.kind in COMMUNICATIONS and full == "Landmine Monitor":
        return  # the Monitor's own researcher, not a source
    if full and full not in c.organizations:
        c.organizations.append(full)


def fill_publication(c: Citation, p: cp.Pieces) -> None:
    mark = p.segments.index(cp.TITLE_MARK) if cp.TITLE_MARK in p.segments else len(p.segments)
    places: list[str] = []
    before = p.segments[:mark]
    loose = [s for s in before if not cp.is_place(s) and not cp.looks_organization(s)]
    author_ok = p.title is not None or (len(loose) >= 2 and loose[0] == before[0])
    for seg in before:
        _publication_segment(c, seg, places, has_title=p.title is not None, author_ok=author_ok)
    outlet = _after_title(c, p.segments[mark + 1 :], places)
    if c.kind == "news" and not outlet:
        outlets = [o for o in c.organizations if cp.news_words(o)]
        if outlets:
            outlet = [outlets[-1]]
            c.organizations.remove(outlets[-1])
        elif c.title and not p.title and cp.news_words(c.title):
            outlet, c.title = [c.title], None  # "Rodong Sinmun, 13 December 2002": a paper, no story title
    c.outlet = ", ".join(outlet) or c.outlet
    if c.kind == "press_release" and c.outlet and known_organization(c.outlet.split(" ", 1)[0]):
        _add_org(c, c.outlet.split(" ", 1)[0])
    c.place = places[0] if places else c.place


def _after_title(c: Citation, segments: list[str], places: list[str]) -> list[str]:
    """Outlet and place after a quoted title: "Joongang Daily (Seoul)", "Geneva"."""
    outlet: list[str] = []
    for seg in segments:
        what, name, place = _after_title_reading(seg, bool(outlet), bool(places))
        if what == "pages":
            c.pages = c.pages or seg
        elif what == "place":
            places.append(seg)
        else:
            outlet.append(name)
            places += [place] if place else []
    return outlet


@lru_cache(maxsize=16384)
def _after_title_reading(seg: str, has_outlet: bool, has_places: bool) -> tuple[str, str, str | None]:
    """What one segment after a quoted title is, given whether an outlet or a place came before:
    ("pages" | "place" | "outlet", outlet name, place in its parenthesis)."""
    if cp.LOCATOR.match(seg):
        return "pages", seg, None
    name, place = cp.outlet_and_place(seg)
    news_like = cp.news_words(seg) or cp.looks_organization(seg) or cp.work_words(seg)
    if cp.is_place(seg) or (not has_outlet and not news_like and cp.proper_noun(seg) and not has_places):
        return "place", seg, None
    return "outlet", name, place


def _publication_segment(c: Citation, seg: str, places: list[str], has_title: bool, author_ok: bool) -> None:
    what, a, b = _publication_reading(seg, bool(c.title), has_title, author_ok, bool(c.people))
    if what == "place":
        places.append(a)
    elif what == "pages":
        c.pages = c.pages or a
    elif what == "outlet_place":
        c.outlet, c.place = a, b
    elif what == "more_title":
        c.title = f"{c.title}, {a}"
    elif what == "publisher":
        places.append(a)
        _add_org(c, b or "")
    elif what == "title":
        c.title = a
        if b:
            _add_org(c, b)
    elif what == "person":
        c.people.append(Person(a, b))
    elif what == "orgs":
        for part in a.split(" and "):
            _add_org(c, part)
    elif what == "org":
        _add_org(c, a)
        places += [b] if b else []
    elif what == "role":
        _add_role(c, a)


@lru_cache(maxsize=16384)
def _publication_reading(
    seg: str, titled: bool, has_title: bool, author_ok: bool, has_people: bool
) -> tuple[str, str, str | None]:
    """What one segment of a publication before its quoted title is, given whether the citation has a
    title yet (`titled`), a quoted one (`has_title`), may have an author, and has a person already:
    (what, value, second value); "title" comes with an organisation to add (or None)."""
    name, place = cp.outlet_and_place(seg)
    if cp.is_place(seg):
        return "place", seg, None
    if cp.LOCATOR.match(seg):
        return "pages", seg, None
    if titled and not has_title and (place or _SESSION.search(seg)):
        return ("outlet_place", name, place) if place else ("more_title", seg, None)
    publisher = cp.place_and_publisher(seg)
    if publisher:
        return "publisher", publisher[0], publisher[1]
    if cp.LEGAL.match(seg) and not titled:
        return "title", seg, None
    resolution = cp.split_resolution(seg) if not titled else None
    if resolution:
        return "title", resolution[1], resolution[0]
    release = cp.split_release(seg)
    if release and not has_title and not titled:
        return "title", release[1], release[0]
    if not has_title and not titled and cp.work_words(seg) and not cp.news_words(seg):
        title = cp.ARTICLE.sub("", seg)
        return "title", title, (title.split(" ", 1)[0] if known_organization(title) else None)
    person = None if known_organization(seg) else cp.person_name(seg, strict=not author_ok)
    if person and not has_people:
        return "person", person[0], person[1]
    if " and " in seg and all(cp.looks_organization(x) for x in seg.split(" and ")):
        return "orgs", seg, None
    if cp.looks_organization(name):
        return "org", name, place
    if has_people and (cp.is_role(seg) or (cp.acronym(seg) and len(seg) <= 2)):
        return "role", seg, None
    if cp.acronym(seg):
        return "org", seg, None
    if not has_title and not titled:
        return "title", cp.ARTICLE.sub("", seg), None
    return "", "", None
