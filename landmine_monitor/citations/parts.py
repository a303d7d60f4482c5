"""The fields inside one citation: dates, pages, URLs, UN symbols, the quoted title, and the comma
separated segments that name people, organisations, places and outlets.

Pure functions over one citation's text; `citations` (the package) decides the kind and assembles the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..sources import known_organization
from .dates import find_date, year_segment


def words(text: str) -> frozenset[str]:
    """A word list written as one string: `words("Mr Mrs Dr")`."""
    return frozenset(text.split())


# (?<![\w.])(?:pp?|pages?)..., written to start with a literal so that re can skip ahead to a "p".
PAGES = re.compile(
    r"p(?<![\w.]p)(?:p?|ages?)\.?\s*(\d+[a-z]?(?:\s*(?:[-–—]|and|&|,(?=\s*\d{1,3}\b(?!\s*[A-Z])))\s*\d+[a-z]?)*)"
)
# The look-ahead names what a match can start with: a "," or space, "available", "at", "online at",
# "on", "from", or the address itself; re then skips other places in C.
_URL = re.compile(
    r"(?=[,\saofhw])(?:,?\s*(?:available\s+)?(?:at|online at|on|from)\s+)?((?:https?://|www\.)[^\s,;)\]”\"<>]+)"
)
# Read on the text before an address, reversed: what a match's lead-in can span (any white space, at
# most 18 other characters: ",", "available", "online at").
_URL_LEAD_IN = re.compile(r"(?:\s*\S){0,18}\s*")
# A UN document symbol: a body's prefix (in either case: "a/55/pv69"), a slash, then parts with at
# least one digit (A/53/PV.79, A/RES/57/74); a meeting record's number may follow a space ("A/57/PV 57").
UN_SYMBOL = (
    r"(?:[AaSsEe]|CD|cd|CCW|ccw|APLC|aplc|DP|dp|TD|td|UNEP|unep)/[A-Za-z0-9.\-/]*\d[A-Za-z0-9.\-/]*"
    r"(?:(?<=/PV|/pv|/SR|/sr) \d+(?![\d/]))?"
)
_UN = re.compile(r"(?=[ASECDTUasecdtu])(?<![\w/])" + UN_SYMBOL)
_SC_YEAR = re.compile(r" ?\(((?:19|20)\d\d)\)")  # a Security Council resolution's year: "S/RES/1325 (2000)"
_UN_PART = re.compile(r"^(PV|SR|L|C|CONF|MSP|INF|WP|CRP|ADD|REV|CORR|GE)(\d+)$")
_QUOTE = re.compile(r"[“\"]([^“”\"]{1,400}?)[”\"]")
PAREN = re.compile(r"\(([^()]*)\)")
_DASH = re.compile(r"\s*[-–—]\s*")
_SEGMENT_PAREN = re.compile(r"^(.+?)\s*\(([^()]+)\)$")

TITLE_MARK = "\x00"

PLACES = frozenset(
    """Geneva|New York|Brussels|Washington|Washington DC|Washington, DC|London|Paris|Tokyo|Seoul|Pyongyang|
    P'yongyang|P’yongyang|Beijing|Moscow|Ottawa|Oslo|Maputo|Bangkok|Phnom Penh|Kabul|Luanda|Nairobi|Vienna|
    Berlin|Rome|Madrid|The Hague|Bern|Berne|Stockholm|Copenhagen|Canberra|New Delhi|Delhi|Islamabad|Colombo|
    Hanoi|Vientiane|Managua|Bogota|Bogotá|Sarajevo|Zagreb|Pristina|Baghdad|Amman|Beirut|Cairo|Khartoum|Asmara|
    Addis Ababa|Harare|Lusaka|Kampala|Kigali|Dakar|Tehran|Tbilisi|Yerevan|Baku|Kathmandu|Dhaka|Yangon|Rangoon|
    Manila|Jakarta|Ankara|Athens|Belgrade|Budapest|Dublin|Helsinki|Lisbon|Ljubljana|Mexico City|Lima|Quito|
    Santiago|Buenos Aires|Brasilia|Pretoria|Johannesburg|Cape Town|Windhoek|Gaborone|Kinshasa|Brazzaville|
    Bujumbura|Dar es Salaam|Mogadishu|Hargeisa|Sanaa|Muscat|Riyadh|Kuwait|Doha|Abu Dhabi|Tripoli|Tunis|
    Algiers|Rabat|Nouakchott|Bamako|Niamey|N'Djamena|Abuja|Accra|Monrovia|Freetown|Conakry|Bissau|Banjul|
    Dushanbe|Tashkent|Bishkek|Almaty|Astana|Ashgabat|Kiev|Kyiv|Minsk|Chisinau|Riga|Vilnius|Tallinn|Warsaw|
    Prague|Bratislava|Bucharest|Sofia|Skopje|Tirana|Podgorica|Nicosia|Valletta|Jerusalem|Tel Aviv|Damascus|
    Taipei|Ulaanbaatar|Hamhung|Wonsan|Songrim|Korea|North Korea|South Korea|DPRK|ROK|Japan|China|Russia|USA|
    Switzerland|Belgium|Cambodia|Afghanistan|Angola|Mozambique|United States|United Kingdom|UK""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)

HONORIFICS = words("Mr Mrs Ms Miss Dr Prof Sir Dame Mme H.E Messrs")
RANKS = words("""Counselor Counsellor Ambassador Minister Sgt Sergeant Col Colonel Gen General Lt Lieutenant Maj Major
    Capt Captain Brig Brigadier Cmdr Commander President Senator Deputy Judge Father Rev Brother Sister
    Professor Director Secretary Amb""")
# Words of a rank of several words ("Chief Warrant Officer", "Staff Sergeant"): a rank only when a
# word of RANKS or a last word of `_RANK_ENDS` follows them.
_RANK_LEADS = words(
    "Chief Warrant Staff Petty Master First Second Lance Private Specialist Flight Wing Squadron"
)
_RANK_ENDS = words(
    "Officer Corporal Cpl Private Pte Sgt Sergeant Commander Lieutenant Lt Captain Capt Major Maj"
)
_TITLES = HONORIFICS | RANKS
_ROLE_WORDS = re.compile(
    r"\b(?:counsel+or|direct(?:or|eur|rice|ora)|ambassador|minister|chief|chef|jefe|head|officer|official|"
    r"co-?ordinat(?:or|eur|rice|ora)|responsable|conseill(?:er|ère)|délégué|manager|secretary|"
    r"president|chair(?:man|person)?|advis[eo]r|representative|deputy|spokes(?:person|man|woman)|executive|"
    r"member|researcher|consultant|attach[eé]|delegate|commander|colonel|lieutenant|captain|sergeant|sgt|"
    r"specialist|expert|analyst|assistant|employee|staff|administrator|editor|professor|doctor|physician|"
    r"surgeon|nurse|technician|monk|priest|journalist|engineer|founder|leader|worker|volunteer|survivor|"
    r"counselor|governor|mayor|commissioner|spokesperson|legal adviser|desk)s?\b",
    re.IGNORECASE,
)
_ROLE_OF = re.compile(
    rf"^(?P<role>.*?{_ROLE_WORDS.pattern})\s+(?:of|at|for|in|with)\s+(?P<org>.+)$", re.IGNORECASE
)
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Department|Dept|Mission|Committee|Association|Agency|Foundation|Watch|Society|Institute|"
    r"Command|Headquarters|Office|Government|Embassy|Council|Organi[sz]ation|Campaign|Cent(?:er|re)|Fund|"
    r"Programmes?|Programs?|Movement|Union|Federation|Services?|Network|Army|Forces?|Base|Cross|Crescent|"
    r"International|University|Bureau|Authority|Commission|Group|Corporation|Company|Trust|Aid|Relief|Press|"
    r"News|Newspaper|Paper|Times|Daily|Post|Herald|Journal|Nations|Secretariat|Assembly|Parliament|Police|"
    r"Navy|Coalition|Alliance|Partnership|Unit|Division|Board|Team|Hospital|Clinic|Church|Institution|"
    r"Monitor|Landmine Action|Battalion|Brigade|Regiment|Corps|Engineers|Directorate|Chamber|Senate|Congress|"
    r"Court|Tribunal|Secretary-General|UN|U\.N\.|Projects?|UXO|Consortium|Initiative|Minist[eè]re|Minist[eé]rio|"
    r"Ministerio|Ministero|Direction|Dirección|Comité|Comisión|Gouvernement|Gobierno|Agence|Agencia|Fundación|"
    r"Asociación|Centro|Programa|Département|Secrétariat)\b"
)
NEWS_WORDS = re.compile(
    r"\b(?:Times|News|Daily|Post|Herald|Press|Agency|Journal|Gazette|Tribune|News ?[Pp]aper|Guardian|Reuters|"
    r"AFP|Presse|KCNA|Yonhap|BBC|Sinmun|Zeitung|Diario|Telegraph|Chronicle|Observer|Weekly|Magazine|Radio|Television|Xinhua|Tass|Interfax|"
    r"Associated Press|Standard|Globe|Economist|Courier|Ilbo|Shimbun|Dispatch|Wire|Bulletin)\b"
)
WORK_WORDS = re.compile(
    r"\b(?:[Dd]ata ?base|Report|Web|Website|Yearbook|Year Book|Handbook|Guide|Survey|Review|Bulletin|Newsletter|"
    r"Study|Assessment|Appeal|Release|Records?|Minutes|Proceedings|Transcript|Fact ?[Ss]heet|Manual|Profile|Brief(?:ing)?|Paper|Update|Plan)\b"
)
_RELEASE = re.compile(r"\b(?:Press|News|Media) Release\b", re.IGNORECASE)
# A capital (any script's: "Élodie"; `person_name` checks the case) and letters, or initials.
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_a-z][^\W\d_]*(?:[’'\-][^\W\d_][^\W\d_]*)*\.?|(?:[A-Z]\.)+[A-Z]?)$")
_CONJUNCTION = re.compile(r"^(?:and|or|&)\s+|\s+(?:and|or)$")
_GLUED_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.(?=[A-Z])")
_RETIRED = re.compile(r"\s*\((?:ret|retd|retired)\.?\)")
ARTICLE = _ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+")
_SMALL_WORDS = words("a an the of and or in on for to at by with from")
_PARTICLES = words("de da di du del der van von bin bint al el la le dos das y")


@dataclass(slots=True)
class Pieces:
    """What a citation's text holds, before the kind decides who is author, outlet or place."""

    work: str
    title: str | None = None
    date: str | None = None
    date_end: str | None = None
    pages: str | None = None
    urls: list[str] = field(default_factory=list)
    un_symbols: list[str] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)


@lru_cache(maxsize=4096)
def normalize_un_symbol(symbol: str) -> str:
    parts = [p for p in symbol.upper().rstrip(".").replace(" ", "").split("/") if p]
    return "/".join(f"{m[1]}.{m[2]}" if (m := _UN_PART.match(p)) else p for p in parts)


def _cut(text: str, span: tuple[int, int], keep: str = "") -> str:
    return text[: span[0]] + keep + text[span[1] :]


def extract(text: str) -> Pieces:
    """Take the unambiguous fields out of one citation's text and split the rest into segments."""
    p = Pieces(work=text)
    work = text
    q = _QUOTE.search(work) if ("“" in work or '"' in work) else None
    if q:
        p.title = q.group(1).strip(" ,.;:") or None
        work = _cut(work, q.span(), f", {TITLE_MARK}, ")
    if "http" in work or "www." in work:  # every URL holds one of them
        for m in reversed(_urls(work)):
            p.urls.insert(0, m.group(1).rstrip("."))
            work = _cut(work, m.span())
    resolution_year = None  # a Security Council resolution's year, the date when no other is given
    if "/" in work:  # every UN symbol holds one
        for m in reversed(list(_UN.finditer(work))):
            year = _SC_YEAR.match(work, m.end()) if m.group(0)[:5].upper() == "S/RES" else None
            symbol = normalize_un_symbol(m.group(0))
            p.un_symbols.insert(0, f"{symbol} ({year.group(1)})" if year else symbol)
            if year:
                resolution_year = year.group(1)
            work = _cut(work, (m.start(), year.end()) if year else m.span())
    m2 = PAGES.search(work)
    if m2:
        p.pages = _DASH.sub("-", m2.group(1)).strip()
        work = _cut(work, m2.span())
    p.date, p.date_end, span = find_date(work)
    if span:
        work = _cut(work, span)
    if "(" in work:
        work = PAREN.sub(_unparen, work)
    p.segments = _segments(work, p)
    if p.date is None and resolution_year is not None:
        p.date = resolution_year
    p.work = work
    return p


def _urls(work: str) -> list[re.Match[str]]:
    """`_URL.finditer(work)`, started where the first match can start at the earliest: its lead-in
    before the first "http://", "https://" or "www."."""
    first = min(
        i for i in (work.find("http://"), work.find("https://"), work.find("www."), len(work)) if i >= 0
    )
    lead = _URL_LEAD_IN.match(work[first - 1 :: -1]) if first else None
    return list(_URL.finditer(work, first - lead.end() if lead else 0))


def _unparen(m: re.Match[str]) -> str:
    """A parenthesis holding commas (or nothing) becomes segments of its own."""
    inner = m.group(1)
    return f", {inner}," if ("," in inner or not inner.strip()) else m.group(0)


def _segments(work: str, p: Pieces) -> list[str]:
    out: list[str] = []
    for raw in work.split(","):
        seg, years = clean_segment(raw)
        if not seg:
            continue
        if years and p.date is None:
            p.date, p.date_end = years
            continue
        out.append(seg)
    return out


# What stands before a URL or its date and names nothing: "at URL, accessed 30 April 2003".
_ACCESS_WORDS = words("accessed viewed retrieved downloaded consulted available online") | {
    "last accessed",
    "accessed on",
    "available online",
    "available at",
}


def join_dc(segments: list[str]) -> list[str]:
    """ "Washington", "DC" (or "D.C") -> "Washington, DC": one place, not a place and an outlet."""
    if "DC" not in segments and "D.C" not in segments:
        return segments
    out: list[str] = []
    for seg in segments:
        if seg in ("DC", "D.C") and out and out[-1] == "Washington":
            out[-1] = "Washington, DC"
        else:
            out.append(seg)
    return out


@lru_cache(maxsize=16384)
def clean_segment(raw: str) -> tuple[str, tuple[str, str | None] | None]:
    """One comma-separated piece tidied ("" when empty), and its year (range) if that is all it is."""
    seg = raw.strip(" .:;")
    if seg.startswith(("and", "or", "&")) or seg.endswith(("and", "or", "and\n", "or\n")):
        seg = _CONJUNCTION.sub("", seg)
    seg = seg.strip(" .:;")
    if seg.count("(") != seg.count(")"):
        seg = seg.strip("()").strip()
    if not seg or seg in ("and", "or", "&", "()") or seg in _ACCESS_WORDS:
        return "", None
    return seg, year_segment(seg)


def is_place(segment: str) -> bool:
    return segment in PLACES


@lru_cache(maxsize=16384)
def outlet_and_place(segment: str) -> tuple[str, str | None]:
    """ "Joongang Daily (Seoul)" -> ("Joongang Daily", "Seoul")."""
    m = _SEGMENT_PAREN.match(segment) if ")" in segment else None
    if m and len(m.group(2).split()) <= 3 and m.group(2)[:1].isupper():
        return m.group(1).strip(), m.group(2).strip()
    return segment, None


@lru_cache(maxsize=4096)
def looks_organization(segment: str) -> bool:
    return bool(known_organization(segment) or _ORG_WORDS.search(segment))


@lru_cache(maxsize=4096)
def person_name(segment: str, strict: bool = False) -> tuple[str, str | None] | None:
    """(name, role from a rank prefix) when the segment reads as a person's name, else None.

    `strict` asks for a strong signal (a title such as "Mr." or "Sgt", or initials).
    """
    text = segment.strip()
    text = _GLUED_TITLE.sub(r"\1. ", text) if "." in text else text  # each pattern needs its character
    text = _RETIRED.sub("", text) if "(" in text else text
    text = _ARTICLE.sub("", text) if text.startswith(("the", "a")) else text
    tokens = text.split()
    ranks, prefixed = _ranks(tokens)
    if not (1 <= len(tokens) <= 5) or (len(tokens) == 1 and not prefixed):
        return None
    if not all(_NAME_TOKEN.match(t) or t in _PARTICLES for t in tokens):
        return None
    if not all(t[0].isupper() or t in _PARTICLES for t in tokens):  # "é" passes `_NAME_TOKEN`
        return None
    if not _NAME_TOKEN.match(tokens[-1]) or all(t.isupper() and len(t) > 1 for t in tokens):
        return None
    name = " ".join(tokens)
    if _ORG_WORDS.search(name) or _ROLE_WORDS.search(name) or is_place(name) or WORK_WORDS.search(name):
        return None
    if strict and not prefixed and not any(_INITIALS.match(t) for t in tokens):
        return None
    return name, (" ".join(ranks) or None)


def _ranks(tokens: list[str]) -> tuple[list[str], bool]:
    """Take the honorifics and ranks off the front of `tokens` (in place): the ranks as written ("Col.",
    "Chief Warrant Officer"), and whether anything was taken."""
    ranks: list[str] = []
    prefixed = False
    while tokens:
        word = tokens[0].rstrip(".")
        if word in _TITLES:
            token = tokens.pop(0)
            prefixed = True
            if word in RANKS:
                ranks.append(token)
            continue
        lead = 0
        while lead < len(tokens) - 1 and tokens[lead] in _RANK_LEADS:
            lead += 1
        if lead and tokens[lead].rstrip(".") in _RANK_ENDS | RANKS:
            ranks.append(" ".join(tokens[: lead + 1]))
            del tokens[: lead + 1]
            prefixed = True
            continue
        break
    return ranks, prefixed


@lru_cache(maxsize=16384)
def news_words(segment: str) -> bool:
    """Names a news outlet or story (`NEWS_WORDS`)."""
    return NEWS_WORDS.search(segment) is not None


@lru_cache(maxsize=16384)
def work_words(segment: str) -> bool:
    """Names a kind of work: report, database, survey ... (`WORK_WORDS`)."""
    return WORK_WORDS.search(segment) is not None


@lru_cache(maxsize=16384)
def is_role(segment: str) -> bool:
    return bool(_ROLE_WORDS.search(segment))


_OF_FOR_AT = re.compile(r"\b(?:of|for|at)\b")


@lru_cache(maxsize=16384)
def role_first(segment: str) -> bool:
    """A job title even if it holds an organisation word: "Programme Manager", "Senior Desk Officer"."""
    if _OF_FOR_AT.search(segment) or known_organization(segment):
        return False
    words = segment.split()
    m = _ROLE_WORDS.search(words[-1]) if 1 < len(words) <= 4 else None
    return bool(m and not m.group(0).endswith("s"))


_TO_BODY = re.compile(r"^(?P<state>.+?)\s+to\s+(?:the\s+)?(?P<body>.+)$")


@lru_cache(maxsize=4096)
def role_of(segment: str) -> tuple[str, str] | None:
    """ "Counselor of the Permanent Mission ..." -> ("Counselor", "Permanent Mission ..."). A lone
    generic word is part of the role ("Head of Office" -> ("Head of Office", "")); so is a state
    represented to a body ("Permanent Representative of Myanmar to the UN" -> (that, "Myanmar"))."""
    m = _ROLE_OF.match(segment)
    org = m.group("org") if m else ""
    if not m or not looks_organization(org):
        return None
    if " " not in org and _ORG_WORDS.fullmatch(org) and not known_organization(org):
        return _ARTICLE.sub("", segment), ""
    to = _TO_BODY.match(org) if " to " in org else None
    if to and looks_organization(to.group("body")) and not looks_organization(to.group("state")):
        return _ARTICLE.sub("", segment), to.group("state")
    return _ARTICLE.sub("", m.group("role").strip()), org


@lru_cache(maxsize=16384)
def split_release(segment: str) -> tuple[str | None, str] | None:
    """ "US Dept. of Defense News Release No. 698-03" -> ("US Dept. of Defense", "News Release No. 698-03")."""
    m = _RELEASE.search(segment)
    if not m:
        return None
    return (segment[: m.start()].strip() or None), segment[m.start() :]


_RESOLUTION = re.compile(r"^(?P<org>.+?)\s+(?P<title>Resolutions?\s+\S*\d.*)$")


@lru_cache(maxsize=4096)
def split_resolution(segment: str) -> tuple[str, str] | None:
    """ "UNGA Resolution 51/45S" -> ("UNGA", "Resolution 51/45S")."""
    m = _RESOLUTION.match(segment) if "Resolution" in segment else None
    return (m.group("org"), m.group("title")) if m and looks_organization(m.group("org")) else None


_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


@lru_cache(maxsize=16384)
def title_like(segment: str) -> bool:
    """Reads as a title: several words, mostly capitalised, or a colon ("Landmines: A Deadly Legacy")."""
    words = [w for w in _WORD.findall(segment) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 and ":" not in segment:
        return False
    return sum(w[0].isupper() for w in words) * 2 >= len(words) * 1.5 or ":" in segment


def proper_noun(segment: str) -> bool:
    """One to three capitalised words, no digits: a place we do not know by name ("Manchester")."""
    words = segment.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


LOCATOR = re.compile(r"^(?:Forms?|Annex(?:es)?|Section|Part|Chapter|Table|Appendix|Para(?:graph)?s?)\s+\w")
LEGAL = re.compile(r"^(?:Law|Decree|Act|Resolution|Ordinance|Order|Regulation|Article 7 Report)\b")
_PUBLISHER = re.compile(r"^([A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?):\s*(.+)$")


def place_and_publisher(segment: str) -> tuple[str, str] | None:
    """ "Coulsdon: Jane's Information Group" -> ("Coulsdon", "Jane's Information Group")."""
    m = _PUBLISHER.match(segment) if ":" in segment else None
    return (m.group(1), m.group(2)) if m and looks_organization(m.group(2)) else None


def acronym(segment: str) -> bool:
    """An unknown organisation written as an acronym ("TMAC", "FSD")."""
    return 2 <= len(segment) <= 10 and segment.isupper() and segment.isalpha()


@lru_cache(maxsize=16384)
def trim_description(segment: str) -> str:
    """ "US Department of Defense employee" -> "US Department of Defense" (trailing lower-case words)."""
    words = segment.split()
    while len(words) > 1 and words[-1][:1].islower() and words[-1] not in _PARTICLES:
        words.pop()
    return " ".join(words)
