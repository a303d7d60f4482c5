"""The fields inside one citation: dates, pages, URLs, UN symbols, the quoted title, and the comma
separated segments that name people, organisations, places and outlets.

Pure functions over one citation's text; `citations` (the package) decides the kind and assembles the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..sources import known_organization


def words(text: str) -> frozenset[str]:
    """A word list written as one string: `words("Mr Mrs Dr")`."""
    return frozenset(text.split())


_MONTH_NAMES = "January February March April May June July August September October November December"
MONTHS = {m[:3]: i for i, m in enumerate(_MONTH_NAMES.split(" "), 1)}
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


def _mon(name: str) -> str:
    return _MON.replace("(", f"(?P<{name}>", 1)


# Ranges first, then day-month-year, month-day-year, ISO, month-year.
_DATE_FORMS = [
    rf"(?:from\s+)?(?<!\d)(?P<ra>\d{{1,2}})\s*(?:to|[-–—])\s*(?P<rb>\d{{1,2}})\s+{_mon('rm')},?\s+(?P<ry>(?:19|20)\d\d)(?!\d)",
    rf"(?:from\s+)?(?<!\d)(?P<sa>\d{{1,2}})\s+{_mon('sm')}\s*(?:to|[-–—])\s*(?P<sb>\d{{1,2}})\s+{_mon('sn')},?\s+(?P<sy>(?:19|20)\d\d)(?!\d)",
    rf"(?<!\d)(?P<dd>\d{{1,2}})\s+{_mon('dm')},?\s+(?P<dy>(?:19|20)\d\d)(?!\d)",
    rf"\b{_mon('am')}\s+(?<!\d)(?P<ad>\d{{1,2}}),\s*(?P<ay>(?:19|20)\d\d)(?!\d)",
    r"(?<![\w/])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)",
    rf"\b{_mon('mm')},?\s+(?P<my>(?:19|20)\d\d)(?!\d)",
]


def _date_pattern(forms: list[str], first: str) -> re.Pattern[str]:
    """The forms in one pattern; `first` are the characters a match can start with: the lookahead lets
    re skip other places cheaply."""
    return re.compile(rf"(?=[{first}])(?:" + "|".join(forms) + ")")


_DATES = _date_pattern(_DATE_FORMS, r"\dfJFMASOND")
# With no "to" and no dash in reach, only day-month-year, month-day-year and month-year can match.
_PLAIN_DATES = _date_pattern([_DATE_FORMS[2], _DATE_FORMS[3], _DATE_FORMS[5]], r"\dJFMASOND")
_DATE_START = re.compile(r"[\dfJFMASOND]")  # what a date can start with
# (?<!\d)(?:19|20)\d\d(?!\d), written to start with a literal so that re can skip ahead to a 1 or a 2.
_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
# What a date can hold: digits, spaces, ".,-–—", and the letters of month names, "to" and "from".
_IN_DATE = r"\d\s.,\-–—JFMASONDabcefghilmnoprstuvy"
# Up to the last character that no date form holds.
_NOT_IN_DATE = re.compile(rf"(?s:.*)[^{_IN_DATE}]")
# The last year (group 2), and up to the last character before it that no date holds (group 1).
_LAST_YEAR = re.compile(rf"(?s:(.*[^{_IN_DATE}])?)[{_IN_DATE}]*((?:19|20)(?<!\d\d\d)\d\d(?!\d))")
_YEAR_SEGMENT = re.compile(r"^(?:in\s+|dated\s+)?((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?$")

# (?<![\w.])(?:pp?|pages?)..., written to start with a literal so that re can skip ahead to a "p".
_PAGES = re.compile(
    r"p(?<![\w.]p)(?:p?|ages?)\.?\s*(\d+[a-z]?(?:\s*(?:[-–—]|and|&|,(?=\s*\d{1,3}\b(?!\s*[A-Z])))\s*\d+[a-z]?)*)"
)
_URL = re.compile(
    r"(?:,?\s*(?:available\s+)?(?:at|online at|on|from)\s+)?((?:https?://|www\.)[^\s,;)\]”\"<>]+)"
)
_UN = re.compile(r"(?=[ASECDTU])(?<![\w/])(?:A|S|E|CD|CCW|APLC|DP|TD|UNEP)/[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-/]*")
_UN_PART = re.compile(r"^(PV|SR|L|C|CONF|MSP|INF|WP|CRP|ADD|REV|CORR|GE)(\d+)$")
_QUOTE = re.compile(r"[“\"]([^“”\"]{1,400}?)[”\"]")
_PAREN = re.compile(r"\(([^()]*)\)")
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
_ROLE_WORDS = re.compile(
    r"\b(?:counsel+or|director|ambassador|minister|chief|head|officer|official|co-?ordinator|manager|secretary|"
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
    r"Court|Tribunal|Secretary-General|UN|U\.N\.)\b"
)
NEWS_WORDS = re.compile(
    r"\b(?:Times|News|Daily|Post|Herald|Press|Agency|Journal|Gazette|Tribune|News ?[Pp]aper|Guardian|Reuters|"
    r"AFP|Presse|KCNA|Yonhap|BBC|Telegraph|Chronicle|Observer|Weekly|Magazine|Radio|Television|Xinhua|Tass|Interfax|"
    r"Associated Press|Standard|Globe|Economist|Courier|Ilbo|Shimbun|Dispatch|Wire|Bulletin)\b"
)
WORK_WORDS = re.compile(
    r"\b(?:[Dd]ata ?base|Report|Web|Website|Yearbook|Year Book|Handbook|Guide|Survey|Review|Bulletin|Newsletter|"
    r"Study|Assessment|Appeal|Release|Records?|Minutes|Proceedings|Transcript|Fact ?[Ss]heet|Manual|Profile|Brief(?:ing)?|Paper|Update|Plan)\b"
)
_RELEASE = re.compile(r"\b(?:Press|News|Media) Release\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][^\W\d_]*(?:[’'\-][A-Za-z][^\W\d_]*)*\.?|(?:[A-Z]\.)+[A-Z]?)$")
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


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    """ISO date from the text's parts (month by name)."""
    out = year
    if month:
        out += f"-{MONTHS[month[:3]]:02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def _valid(date: str) -> bool:
    parts = date.split("-")
    return len(parts) < 2 or (1 <= int(parts[1]) <= 12 and (len(parts) < 3 or 1 <= int(parts[2]) <= 31))


def _read_date(g: dict[str, str | None]) -> tuple[str, str | None]:
    if g["ry"]:
        return _iso(g["ry"], g["rm"], g["ra"]), _iso(g["ry"], g["rm"], g["rb"])
    if g["sy"]:
        return _iso(g["sy"], g["sm"], g["sa"]), _iso(g["sy"], g["sn"], g["sb"])
    if g["dy"]:
        return _iso(g["dy"], g["dm"], g["dd"]), None
    if g["ay"]:
        return _iso(g["ay"], g["am"], g["ad"]), None
    if g["iy"]:
        return f"{g['iy']}-{g['im']}-{g['id']}", None
    return _iso(g["my"] or "", g["mm"]), None


# The groups of each date form, by the group that closes its match (the year; the day for ISO dates).
_FORM_GROUPS = {
    "ry": ("ry", "rm", "ra", "rb"),
    "sy": ("sy", "sm", "sa", "sn", "sb"),
    "dy": ("dy", "dm", "dd"),
    "ay": ("ay", "am", "ad"),
    "id": ("iy", "im", "id"),
    "my": ("my", "mm"),
}


def _read_match(m: re.Match[str]) -> tuple[str, str | None] | None:
    last = m.lastgroup or "my"
    return _read_groups(last, m.group(*_FORM_GROUPS[last]))


@lru_cache(maxsize=16384)
def _read_groups(last: str, groups: tuple[str | None, ...]) -> tuple[str, str | None] | None:
    """(date, date_end) from one `_DATES` match (the groups of its form); None when it is no real date."""
    g: dict[str, str | None] = dict.fromkeys(_DATES.groupindex)
    g.update(zip(_FORM_GROUPS[last], groups, strict=True))
    date, end_date = _read_date(g)
    return (date, end_date) if _valid(date) and (end_date is None or _valid(end_date)) else None


def find_date(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The last stated date (or range) in `text`: (date, date_end, span).

    Every form holds a year, so only the 60 characters before each year are searched (speed), and of
    those only what follows the last character that cannot be part of a date: no date can span it, so
    the matches from there on are the same. Years are whole 4-digit runs, so the last one found from
    the end is the last one found from the start, and the rest are only looked for when it is no date."""
    last = _LAST_YEAR.match(text)
    if last is None:
        return None, None, None
    found = _date_at(text, last.start(2), last.end(2), max(last.end(1), 0))
    if found is not None:
        return found if found else (None, None, None)
    for year in reversed(list(_YEAR.finditer(text))[:-1]):
        start = max(0, year.start() - 60)
        cut = _NOT_IN_DATE.match(text, start, year.end())
        found = _date_at(text, year.start(), year.end(), cut.end() if cut else 0)
        if found is not None:
            return found if found else (None, None, None)
    return None, None, None


def _date_at(
    text: str, start: int, end: int, cut: int
) -> tuple[str, str | None, tuple[int, int]] | tuple[()] | None:
    """The date ending with the year at text[start:end], looked for after `cut` (the last character
    before the year that no date holds): (date, date_end, span); () when the text there is no real
    date (stop looking), None when there is no date form there (try the year before).

    From the first character a date can start with (the year's own first digit at the latest), the
    answer depends only on the text up to 6 past the year and the one character before (what the
    look-behinds see): short strings, often repeated, so the answer is cached on them."""
    first = _DATE_START.search(text, max(start - 60, cut, 0), end)
    at = first.start() if first else start
    found = _zone_date(text[at - 1 : at] if at else "", text[at : end + 6], end - at)
    if not found:
        return found
    date, date_end, a, b = found
    return date, date_end, (a + at, b + at)


@lru_cache(maxsize=16384)
def _zone_date(before: str, zone: str, year_end: int) -> tuple[str, str | None, int, int] | tuple[()] | None:
    """`_date_at` on `zone` (the year ending at `year_end`), `before` being the character before it."""
    text, off = before + zone, len(before)
    plain = not ("to" in zone or "-" in zone or "–" in zone or "—" in zone)
    for m in (_PLAIN_DATES if plain else _DATES).finditer(text, off):
        if m.end() < year_end + off:
            continue
        read = _read_match(m)
        return (read[0], read[1], m.start() - off, m.end() - off) if read else ()
    return None


def year_segment(segment: str) -> tuple[str, str | None] | None:
    """A segment that is only a year or a year range ("1997", "2003-2004", "2003/04")."""
    m = _YEAR_SEGMENT.match(segment)
    if not m:
        return None
    end = m.group(2)
    if end and len(end) == 2:
        end = m.group(1)[:2] + end
    return m.group(1), (end if end and end > m.group(1) else None)


@lru_cache(maxsize=4096)
def normalize_un_symbol(symbol: str) -> str:
    parts = [p for p in symbol.upper().rstrip(".").split("/") if p]
    return "/".join(_UN_PART.sub(r"\1.\2", p) for p in parts)


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
        for m in reversed(list(_URL.finditer(work))):
            p.urls.insert(0, m.group(1).rstrip("."))
            work = _cut(work, m.span())
    if "/" in work:  # every UN symbol holds one
        for m in reversed(list(_UN.finditer(work))):
            p.un_symbols.insert(0, normalize_un_symbol(m.group(0)))
            work = _cut(work, m.span())
    m2 = _PAGES.search(work)
    if m2:
        p.pages = _DASH.sub("-", m2.group(1)).strip()
        work = _cut(work, m2.span())
    p.date, p.date_end, span = find_date(work)
    if span:
        work = _cut(work, span)
    if "(" in work:
        work = _PAREN.sub(_unparen, work)
    p.segments = _segments(work, p)
    p.work = work
    return p


def _unparen(m: re.Match[str]) -> str:
    """A parenthesis holding commas (or nothing) becomes segments of its own."""
    inner = m.group(1)
    return f", {inner}," if ("," in inner or not inner.strip()) else m.group(0)


def _segments(work: str, p: Pieces) -> list[str]:
    out: list[str] = []
    for raw in work.split(","):
        seg, years = _clean_segment(raw)
        if not seg:
            continue
        if years and p.date is None:
            p.date, p.date_end = years
            continue
        out.append(seg)
    return out


@lru_cache(maxsize=16384)
def _clean_segment(raw: str) -> tuple[str, tuple[str, str | None] | None]:
    """One comma-separated piece tidied ("" when empty), and its year (range) if that is all it is."""
    seg = raw.strip(" .:;")
    if seg.startswith(("and", "or", "&")) or seg.endswith(("and", "or", "and\n", "or\n")):
        seg = _CONJUNCTION.sub("", seg)
    seg = seg.strip(" .:;")
    if seg.count("(") != seg.count(")"):
        seg = seg.strip("()").strip()
    if not seg or seg in ("and", "or", "&", "()"):
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
    text = _GLUED_TITLE.sub(r"\1. ", segment.strip())
    text = _ARTICLE.sub("", _RETIRED.sub("", text))
    tokens = text.split()
    ranks: list[str] = []
    prefixed = False
    while tokens and tokens[0].rstrip(".") in HONORIFICS | RANKS:
        word = tokens.pop(0).rstrip(".")
        prefixed = True
        if word in RANKS:
            ranks.append(word)
    if not (1 <= len(tokens) <= 5) or (len(tokens) == 1 and not prefixed):
        return None
    if not all(_NAME_TOKEN.match(t) or t in _PARTICLES for t in tokens):
        return None
    if not _NAME_TOKEN.match(tokens[-1]) or all(t.isupper() and len(t) > 1 for t in tokens):
        return None
    name = " ".join(tokens)
    if _ORG_WORDS.search(name) or _ROLE_WORDS.search(name) or is_place(name) or WORK_WORDS.search(name):
        return None
    if strict and not prefixed and not any(_INITIALS.match(t) for t in tokens):
        return None
    return name, (" ".join(ranks) or None)


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


@lru_cache(maxsize=4096)
def role_of(segment: str) -> tuple[str, str] | None:
    """ "Counselor of the Permanent Mission ..." -> ("Counselor", "Permanent Mission ...")."""
    m = _ROLE_OF.match(segment)
    if not m or not looks_organization(m.group("org")):
        return None
    role = _ARTICLE.sub("", m.group("role").strip())
    return role, m.group("org")


@lru_cache(maxsize=16384)
def split_release(segment: str) -> tuple[str | None, str] | None:
    """ "US Dept. of Defense News Release No. 698-03" -> ("US Dept. of Defense", "News Release No. 698-03")."""
    m = _RELEASE.search(segment)
    if not m:
        return None
    return (segment[: m.start()].strip() or None), segment[m.start() :]


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
