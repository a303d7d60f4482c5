"""The report as data: the dataclasses behind `parse --json` (see ../shared/REPORT_JSON.md).

Every other module (parse, citations, facts, store, search, compare, web) speaks in these types.
`Report.to_dict()` gives exactly the stable JSON contract; `Report.from_dict()` reads it back.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

KINDS = ("country_report", "country_profile", "thematic", "about", "toc", "other")

TOPICS = (
    "key_developments",
    "ban_policy",
    "production",
    "transfer",
    "stockpiling",
    "use",
    "landmine_problem",
    "mine_action",
    "clearance",
    "risk_education",
    "casualties",
    "survivor_assistance",
    "funding",
    "cluster_munitions",
    "background",
    "other",
)

CITATION_KINDS = (
    "interview",
    "telephone_interview",
    "email",
    "letter",
    "statement",
    "un_document",
    "news",
    "report",
    "book",
    "database",
    "website",
    "press_release",
    "monitor_report",
    "ibid",
    "other",
)


@dataclass
class Country:
    iso3: str
    name: str


@dataclass
class SourceFile:
    path: str | None
    url: str | None
    sha256: str | None


@dataclass
class KeyDevelopment:
    since: str
    text: str


@dataclass
class Paragraph:
    text: str
    footnotes: list[int] = field(default_factory=list)


@dataclass
class Section:
    heading: str | None
    topics: list[str]
    level: int = 1
    inferred: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Person:
    name: str
    role: str | None = None


@dataclass
class Citation:
    kind: str
    text: str
    date: str | None = None
    date_end: str | None = None
    people: list[Person] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    place: str | None = None
    pages: str | None = None
    urls: list[str] = field(default_factory=list)
    un_symbols: list[str] = field(default_factory=list)
    refers_to: dict[str, Any] | None = None
    source_id: str | None = None


@dataclass
class Footnote:
    number: int
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Fact:
    indicator: str
    value: Any
    year: int | None = None
    date: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    section: int | None = None
    paragraph: int | None = None
    sentence: str = ""
    footnotes: list[int] = field(default_factory=list)


@dataclass
class OverviewRow:
    key: str
    value: str


@dataclass
class Warning:
    code: str
    message: str


@dataclass
class Report:
    kind: str = "other"
    country: Country | None = None
    edition: int | None = None
    title: str | None = None
    source: SourceFile = field(default_factory=lambda: SourceFile(None, None, None))
    key_developments: list[KeyDevelopment] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    overview: list[OverviewRow] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Warning(code, message))

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, built field by field (dataclasses.asdict is ~20x slower on a whole report)."""
        return {
            "kind": self.kind,
            "country": {"iso3": self.country.iso3, "name": self.country.name} if self.country else None,
            "edition": self.edition,
            "title": self.title,
            "source": {"path": self.source.path, "url": self.source.url, "sha256": self.source.sha256},
            "key_developments": [{"since": k.since, "text": k.text} for k in self.key_developments],
            "sections": [
                {
                    "heading": s.heading,
                    "topics": list(s.topics),
                    "level": s.level,
                    "inferred": s.inferred,
                    "paragraphs": [{"text": p.text, "footnotes": list(p.footnotes)} for p in s.paragraphs],
                }
                for s in self.sections
            ],
            "footnotes": [
                {"number": f.number, "text": f.text, "citations": [citation_dict(c) for c in f.citations]}
                for f in self.footnotes
            ],
            "overview": [{"key": o.key, "value": o.value} for o in self.overview],
            "facts": [fact_dict(f) for f in self.facts],
            "warnings": [{"code": w.code, "message": w.message} for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        country = d.get("country")
        src = d.get("source") or {}
        return cls(
            kind=d.get("kind", "other"),
            country=Country(**country) if country else None,
            edition=d.get("edition"),
            title=d.get("title"),
            source=SourceFile(src.get("path"), src.get("url"), src.get("sha256")),
            key_developments=[KeyDevelopment(**k) for k in d.get("key_developments", [])],
            sections=[
                Section(
                    heading=s.get("heading"),
                    topics=list(s.get("topics", [])),
                    level=s.get("level", 1),
                    inferred=s.get("inferred", False),
                    paragraphs=[
                        Paragraph(p["text"], list(p.get("footnotes", []))) for p in s.get("paragraphs", [])
                    ],
                )
                for s in d.get("sections", [])
            ],
            footnotes=[
                Footnote(
                    number=f["number"],
                    text=f["text"],
                    citations=[_citation_from_dict(c) for c in f.get("citations", [])],
                )
                for f in d.get("footnotes", [])
            ],
            overview=[OverviewRow(**o) for o in d.get("overview", [])],
            facts=[Fact(**x) for x in d.get("facts", [])],
            warnings=[Warning(**w) for w in d.get("warnings", [])],
        )


def citation_dict(c: Citation) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "text": c.text,
        "date": c.date,
        "date_end": c.date_end,
        "people": [{"name": p.name, "role": p.role} for p in c.people],
        "organizations": list(c.organizations),
        "title": c.title,
        "outlet": c.outlet,
        "place": c.place,
        "pages": c.pages,
        "urls": list(c.urls),
        "un_symbols": list(c.un_symbols),
        "refers_to": deepcopy(c.refers_to),
        "source_id": c.source_id,
    }


def fact_dict(f: Fact) -> dict[str, Any]:
    return {
        "indicator": f.indicator,
        "value": deepcopy(f.value) if isinstance(f.value, list | dict) else f.value,
        "year": f.year,
        "date": f.date,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "section": f.section,
        "paragraph": f.paragraph,
        "sentence": f.sentence,
        "footnotes": list(f.footnotes),
    }


def _citation_from_dict(c: dict[str, Any]) -> Citation:
    c = dict(c)
    c["people"] = [Person(**p) for p in c.get("people", [])]
    known = Citation.__dataclass_fields__
    return Citation(**{k: v for k, v in c.items() if k in known})


def paragraph_anchor(section_ord: int, paragraph_ord: int) -> str:
    """The stable, citable anchor of a paragraph (0-based ords in, 1-based anchor out): `p-3-2`."""
    return f"p-{section_ord + 1}-{paragraph_ord + 1}"


def note_anchor(number: int) -> str:
    return f"fn-{number}"
