"""A seeded synthetic archive of country reports in the archived-page format, for benchmarks.

    python bench/gen_archive.py --n 5000 --out build/synth --seed 1

or, without touching disk: `from gen_archive import generate; for name, data in generate(5000, seed=1): ...`

Reports are 3-60 KB (about 18 KB on average) with 5-60 notes each, for every pycountry country and the
editions 1999-2020, in the page layouts of each era: upper-case titles (1999-2002, some 1999 pages without a
title and with lost headings), "Country, Landmine Monitor Report YEAR" (2003-2008), slug titles with a Key Data
box (2009) and country profiles with "Last Updated:" (2010-2013). The text is fiction assembled from
sentence templates with mine, clearance, casualty and funding vocabulary, so search benchmarks mean something.
Speed comes from building sentence and note pools once per seed and filling placeholders per report.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pycountry

EDITIONS = tuple(range(1999, 2021))  # 1999-2009 annual reports, then country profiles
MIN_SIZE, MAX_SIZE, MEAN_SIZE = 3_000, 60_000, 18_000
MIN_NOTES, MAX_NOTES = 5, 60
POOL_PER_TOPIC = 400
NOTE_POOL = 3000

CHROME = (
    "+   *    +     +     \nAbout Us \nThe Issues \nOur Research Products \nOrder Publications \n"
    "Multimedia \nPress Room \nResources for Monitor Researchers \nARCHIVES HOME PAGE \n    >\n \n"
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MODELS = [
    "PMN",
    "PMN-2",
    "POMZ-2",
    "POMZ-2M",
    "OZM-72",
    "MON-50",
    "MON-100",
    "PMD-6",
    "M14",
    "M16A1",
    "M409",
    "Type-72",
    "VS-50",
    "VS-MK2",
    "TS-50",
    "PROM-1",
    "PMA-2",
    "PMA-3",
    "R2M2",
    "MAI-75",
    "PRB-M35",
    "Model-15",
    "APP-M57",
]
ORGS = (
    "HALO Trust",
    "Mines Advisory Group",
    "Norwegian People's Aid",
    "Handicap International",
    "ICRC",
    "UNDP",
    "UNMAS",
    "UNICEF",
    "Swiss Foundation for Mine Action",
    "DanChurchAid",
    "Danish Demining Group",
    "GICHD",
    "the national Red Cross society",
    "the national mine action center",
)
DONORS = [
    "Japan",
    "Norway",
    "Canada",
    "Germany",
    "Netherlands",
    "Sweden",
    "Switzerland",
    "Australia",
    "Denmark",
    "Finland",
    "Ireland",
    "Belgium",
    "Italy",
    "Austria",
] + ["the United States", "the United Kingdom", "the European Commission"]
PLACES = (
    "the northern province",
    "the border districts",
    "the eastern highlands",
    "the coastal plain",
    "the former front line",
    "the capital's outskirts",
    "the southern valleys",
    "the river delta",
    "the mountain passes",
    "the central plateau",
)
FIRST = [
    "Ana",
    "Boris",
    "Chen",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Ines",
    "Jonas",
    "Karim",
    "Lena",
    "Marta",
    "Nadia",
    "Omar",
    "Pavel",
    "Rosa",
    "Samir",
    "Tomas",
    "Yuki",
]
LAST = [
    "Alvarez",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanov",
    "Jensen",
    "Kim",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
    "Perez",
    "Rossi",
    "Suzuki",
    "Tanaka",
    "Weber",
]
ROLES = (
    "Program Manager",
    "Director",
    "Technical Advisor",
    "Country Director",
    "Operations Officer",
    "Counselor",
    "Head of Mission",
    "Survey Coordinator",
)
OUTLETS = (
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "BBC News",
    "IRIN",
    "Xinhua",
    "The Daily Star",
)

TOPIC_TEMPLATES: dict[str, tuple[str, ...]] = {
    "ban_policy": (
        "{C} voted in favor of the pro-ban UN General Assembly Resolution {res} on {date}.",
        "{C} abstained on UNGA Resolution {res} in {month} {year}, as it had the year before.",
        "{C} was absent from the vote on UNGA Resolution {res} in {month} {year}.",
        "{C} attended the {nth} Meeting of States Parties in {city} in {month} {year} as an observer.",
        "{C} is a party to the Convention on Conventional Weapons and ratified Amended Protocol II on {date}.",
        "{C} is not a party to the Convention on Conventional Weapons.",
        "{C} is a member of the Conference on Disarmament.",
        "Officials said that accession to the Mine Ban Treaty remained under study by the ministry of defense.",
        "{C} submitted its Article 7 transparency report on {date}, covering calendar year {year}.",
        "A draft law implementing the treaty, with penal sanctions of up to {small} years, was sent to parliament in {month} {year}.",
        "The government stated that antipersonnel mines were still needed to protect {place}.",
    ),
    "production": (
        "{C} produced the {model} antipersonnel mine until {year}, according to a retired engineering officer.",
        "{C} states that it has never produced antipersonnel mines.",
        "A former state factory near {place} is reported to have made copies of the {model} fragmentation mine.",
        "Production of the {model} and {model2} mines is believed to have stopped in {year}.",
    ),
    "transfer": (
        "{C} is not known to have exported antipersonnel mines.",
        "{model} mines of foreign manufacture were found by deminers in {place} in {year}.",
        "{C} imported {model} blast mines and {model2} bounding mines in the {decade}s.",
        "Customs records show no transfer of mines since a moratorium declared in {year}.",
    ),
    "stockpiling": (
        "{C} declared a stockpile of {big} antipersonnel mines in its Article 7 report.",
        "The army destroyed {big} stockpiled antipersonnel mines in {month} {year}, leaving {mid} to be destroyed.",
        "{C} is retaining {mid} mines for training under Article 3.",
        "The size of the stockpile is a state secret, though a researcher estimated it at about {big} mines.",
        "Stockpile destruction was completed on {date}, ahead of the treaty deadline.",
    ),
    "use": (
        "There were no reports of new use of antipersonnel mines by government forces in {year}.",
        "Non-state armed groups reportedly laid {model} mines on roads in {place} in {year}.",
        "Villagers reported new minefields around military posts in {place} in {month} {year}.",
    ),
    "landmine_problem": (
        "An estimated {big} mines are emplaced in {place}, according to a survey completed in {year}.",
        "The Landmine Impact Survey identified {mid} mine-impacted communities in {small} provinces.",
        "About {area} square kilometers of land are suspected to contain mines and unexploded ordnance.",
        "Mines laid during the conflict of the {decade}s still block access to farmland in {place}.",
        "Heavy rains in {year} moved mines from known minefields into {place}.",
    ),
    "mine_action": (
        "In {year}, {org} cleared {area} square kilometers of land in {place}, destroying {mid} antipersonnel mines.",
        "The national mine action center was established in {month} {year} with support from {org}.",
        "Battle area clearance of {area} square kilometers was completed in {place} in {year}.",
        "{org} deployed {small} manual demining teams and {small} mine detection dog teams in {year}.",
        "Technical survey released {area} square kilometers of suspected hazardous area in {year}.",
        "{org} gave mine risk education sessions to {big} people in {place} in {year}.",
        "Risk education messages were broadcast by radio in {small} local languages.",
    ),
    "casualties": (
        "In {year}, {small} people were killed and {mid2} injured by mines and unexploded ordnance.",
        "A total of {mid} mine casualties were recorded between {year} and {year2}.",
        "Most casualties in {year} were men collecting firewood or herding livestock in {place}.",
        "Children accounted for {pct} percent of the casualties recorded in {year}.",
        "Many incidents in remote parts of {place} are never reported.",
    ),
    "survivor_assistance": (
        "The orthopedic center in {place} fitted {mid} prostheses in {year}, including {small} for mine survivors.",
        "{org} distributed {mid} pairs of crutches and {mid2} wheelchairs in {year}.",
        "There are an estimated {big} amputees in {C}, but rehabilitation services can assist only {mid} a year.",
        "A law on the rights of persons with disabilities was adopted in {month} {year}.",
        "Vocational training for {small} mine survivors was provided by {org} in {year}.",
    ),
    "funding": (
        "In {year}, {donor} provided US${money} for mine action in {C}.",
        "International funding for mine action totaled US${money} in {year}, down from US${money2} in {year2}.",
        "{donor} contributed US${money} to {org} for clearance in {place}.",
    ),
}
# Context sentences mixed into every section, for a wider vocabulary than the topic templates alone.
CONTEXT_TEMPLATES = (
    "{org} reported that access to {place} remained {adj} because of {noun} and {noun2}.",
    "According to {org}, {noun} in {place} delayed {activity} during {month} {year}.",
    "Local authorities in {place} asked {org} to prioritize {activity} near {site}.",
    "Researchers visited {place} in {month} {year} and found {adj} conditions around {site}.",
    "The {adj} state of {site} in {place} was cited as the main obstacle to {activity}.",
    "{donor} and {org} agreed in {month} {year} to coordinate {activity} in {place}.",
)
ADJ = [
    "difficult",
    "limited",
    "dangerous",
    "uncertain",
    "improved",
    "unstable",
    "restricted",
    "seasonal",
    "insecure",
    "fragile",
]
NOUNS = (
    "flooding",
    "insecurity",
    "poor roads",
    "fuel shortages",
    "landslides",
    "banditry",
    "drought",
    "staff turnover",
    "border closures",
    "heavy snowfall",
)
ACTIVITIES = (
    "technical survey",
    "marking of hazardous areas",
    "community liaison",
    "explosive ordnance disposal",
    "battle area clearance",
    "data collection on casualties",
    "resettlement of displaced families",
    "road verification",
)
SITES = (
    "irrigation canals",
    "grazing land",
    "a former army base",
    "the railway line",
    "village wells",
    "schools",
    "power pylons",
    "a border crossing",
)
HEADINGS: dict[str, tuple[str, ...]] = {
    "ban_policy": ("Mine Ban Policy",),
    "production": ("Production, Transfer, Stockpiling and Use", "Production, Transfer and Stockpiling"),
    "landmine_problem": ("Landmine Problem", "Landmine/ERW Problem", "Use and Landmine Problem"),
    "mine_action": ("Mine Action", "Mine Clearance", "Survey and Assessment", "Mine Risk Education"),
    "casualties": ("Landmine Casualties", "Casualties"),
    "survivor_assistance": ("Survivor Assistance", "Victim Assistance"),
    "funding": ("Funding", "Support for Mine Action"),
}
PRODUCTION_TOPICS = ("production", "transfer", "stockpiling", "use")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _countries() -> list[str]:
    names = [getattr(c, "common_name", None) or c.name for c in pycountry.countries]
    return sorted(n for n in names if "," not in n)


def _date(rng: random.Random, year: int | str) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def _fill(template: str, rng: random.Random) -> str:
    """Fill a template's placeholders with random values; years stay relative ({Y1} = edition - 1, {S1} = its
    UN session) and the country stays {C}: `_per_report` fills those."""
    k = rng.randint(1, 3)
    year = f"{{Y{k}}}"
    values = {
        "year": year,
        "year2": f"{{Y{k + 1}}}",
        "date": _date(rng, year),
        "month": rng.choice(MONTHS),
        "res": f"{{S{k}}}/{rng.randint(24, 90)}",
        "nth": rng.choice(("Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")),
        "city": rng.choice(("Geneva", "Managua", "Bangkok", "Zagreb", "Nairobi", "Amman", "Cartagena")),
        "model": rng.choice(MODELS),
        "model2": rng.choice(MODELS),
        "place": rng.choice(PLACES),
        "org": rng.choice(ORGS),
        "donor": rng.choice(DONORS),
        "decade": str(rng.choice((1960, 1970, 1980, 1990))),
        "small": str(rng.randint(2, 19)),
        "mid": f"{rng.randint(20, 990):,}",
        "mid2": str(rng.randint(3, 99)),
        "big": f"{rng.randint(1_000, 900_000):,}",
        "area": f"{rng.randint(1, 400) / 10:.1f}",
        "pct": str(rng.randint(5, 60)),
        "money": f"{rng.randint(50, 25_000) * 1000:,}",
        "money2": f"{rng.randint(50, 25_000) * 1000:,}",
        "adj": rng.choice(ADJ),
        "noun": rng.choice(NOUNS),
        "noun2": rng.choice(NOUNS),
        "activity": rng.choice(ACTIVITIES),
        "site": rng.choice(SITES),
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _note(rng: random.Random) -> str:
    # Sources run up to the edition's own first half ({Y0}), as in the real reports.
    k = rng.randint(0, 2)
    year, prev = f"{{Y{k}}}", f"{{Y{k + 1}}}"
    d = f"{rng.randint(1, 28)} {rng.choice(MONTHS[:6])} {year}" if k == 0 else _date(rng, year)
    p, org = _person(rng), rng.choice(ORGS)
    kind = rng.randrange(12)
    if kind == 0:
        return f"Landmine Monitor interview with {p}, {rng.choice(ROLES)}, {org}, {rng.choice(PLACES)}, {d}."
    if kind == 1:
        return f"Landmine Monitor telephone interview with {p}, {rng.choice(ROLES)}, {org}, {d}."
    if kind == 2:
        return f"Email from {p}, {rng.choice(ROLES)}, {org}, {d}."
    if kind == 3:
        return f"Letter to Landmine Monitor from {p}, {rng.choice(ROLES)}, Ministry of Defense, {d}."
    if kind == 4:
        return f"Statement by {p}, Standing Committee on Mine Clearance, Geneva, {d}."
    if kind == 5:
        return f"UN General Assembly, plenary meeting, {d} (A/{{S{k}}}/PV.{rng.randint(40, 90)}), p. {rng.randint(2, 30)}."
    if kind == 6:
        return f"\u201cMine blast injures {rng.randint(2, 9)} near {rng.choice(PLACES)},\u201d {rng.choice(OUTLETS)}, {d}."
    if kind == 7:
        return f"{org}, \u201cAnnual Report {prev},\u201d Geneva, {rng.choice(MONTHS)} {year}, p. {rng.randint(3, 120)}."
    if kind == 8:
        return f"Jane\u2019s Mines and Mine Clearance, {prev}-{year}, p. {rng.randint(10, 600)}."
    if kind == 9:
        return f"Mine Action Investments database, at http://www.mineaction.org/mai/{year}, accessed {d}."
    if kind == 10:
        return f"Article 7 Report, Form {rng.choice('BCDGHJ')}, {d}."
    return f"See Landmine Monitor Report {{E}}, p. {rng.randint(20, 1100)}."


class _Pools:
    """Sentences per topic and note texts, built once per seed."""

    def __init__(self, rng: random.Random) -> None:
        self.sentences = {
            topic: sorted({_fill(rng.choice(tpls), rng) for _ in range(POOL_PER_TOPIC)})
            for topic, tpls in (*TOPIC_TEMPLATES.items(), ("context", CONTEXT_TEMPLATES))
        }
        for pool in self.sentences.values():
            rng.shuffle(pool)  # then a slice of a pool is a cheap sample of distinct sentences
        self.notes = [_note(rng) for _ in range(NOTE_POOL)]
        self.countries = _countries()
        every = [x for pool in self.sentences.values() for x in pool]
        self.sentence_len = sum(map(len, every)) / len(every) + 1
        self.note_len = sum(map(len, self.notes)) / len(self.notes) + 6


def _target_size(rng: random.Random) -> int:
    # Clipped a little inside the 3-60 KB range: actual sizes land within a few percent of the target.
    return int(min(MAX_SIZE * 0.9, max(MIN_SIZE * 1.25, rng.lognormvariate(9.62, 0.62))))


def _sections(rng: random.Random, edition: int) -> list[tuple[str | None, tuple[str, ...]]]:
    """(heading, topics drawn from) in page order; heading None = lost heading (1999 style)."""
    lost = edition == 1999 and rng.random() < 0.3
    out: list[tuple[str | None, tuple[str, ...]]] = [("Mine Ban Policy", ("ban_policy",))]
    if lost:
        out += [(None, (t,)) for t in PRODUCTION_TOPICS]
    else:
        out.append((rng.choice(HEADINGS["production"]), PRODUCTION_TOPICS))
    for topic in ("landmine_problem", "mine_action", "casualties", "survivor_assistance", "funding"):
        out.append((rng.choice(HEADINGS[topic]), (topic,)))
    return out


def _header(rng: random.Random, country: str, edition: int) -> str:
    if edition == 1999 and rng.random() < 0.2:
        return CHROME + "Table of Contents\nCountry Reports\n\n"  # no title line at all
    if edition <= 2002:
        head = f"{CHROME}Table of Contents\nCountry Reports\n{country.upper()}, Landmine Monitor Report {edition}\n\n{country.upper()}\n\n"
    elif edition <= 2008:
        sep = " , " if edition == 2005 and rng.random() < 0.5 else ", "
        head = f"{CHROME}Table of Contents\nCountry Reports\n{country}{sep}Landmine Monitor Report {edition}\n\n{country}\n\n"
    elif edition == 2009:
        return (
            f"{CHROME}Sub-Sections:\n{country.replace(' ', '_')}\n\n{country}\n\n2008 Key Data\n\n"
            f"Casualties in 2008\n\n{rng.randint(0, 400)} (2007: {rng.randint(0, 400)})\n\nTen-Year Summary\n\n"
        )
    else:
        return f"{country}\n\nLast Updated: {_date(rng, edition)}\n\n"
    if edition > 1999:
        head += f"Key developments since May {edition - 1}: {{KD}}\n\n"
    return head


def _paragraphs(
    rng: random.Random, pools: _Pools, topics: tuple[str, ...], n_sentences: int
) -> list[list[str]]:
    paras: list[list[str]] = []
    while n_sentences > 0:
        k = min(n_sentences, rng.randint(2, 6))
        topic = rng.choice(topics)
        pool = pools.sentences[topic]
        start = rng.randrange(len(pool) - k)
        para = pool[start : start + k]
        if k > 2 and rng.random() < 0.5:
            para[rng.randrange(1, k)] = rng.choice(pools.sentences["context"])
        paras.append(para)
        n_sentences -= k
    return paras


def _report(rng: random.Random, pools: _Pools, country: str, edition: int) -> str:
    """One report near a random target size, always within MIN_SIZE..MAX_SIZE bytes."""
    size = _target_size(rng)
    n_notes = min(MAX_NOTES, max(MIN_NOTES, int(size / MEAN_SIZE * 22 * rng.uniform(0.6, 1.4))))
    n_sentences = max(12, int((size - 700 - n_notes * pools.note_len) / pools.sentence_len))
    while True:
        text = _compose(rng, pools, country, edition, n_sentences, n_notes)
        length = len(text.encode("utf-8"))
        if MIN_SIZE <= length <= MAX_SIZE:
            return text
        n_sentences += 6 if length < MIN_SIZE else -6


def _compose(
    rng: random.Random, pools: _Pools, country: str, edition: int, n_sentences: int, n_notes: int
) -> str:
    plan = _sections(rng, edition)
    share, extra = divmod(n_sentences, len(plan))
    body = [
        (heading, _paragraphs(rng, pools, topics, share + (j < extra)))
        for j, (heading, topics) in enumerate(plan)
    ]
    total = sum(len(p) for _, paras in body for p in paras)
    marked = set(rng.sample(range(total), min(n_notes, total)))
    out, i, note = [], 0, 0
    for heading, paras in body:
        out.append(f"{heading}\n\n" if heading else "\n")
        for para in paras:
            words = []
            for s in para:
                if i in marked:
                    note += 1
                    s = f"{s}[{note}]"
                words.append(s)
                i += 1
            out.append(" ".join(words) + "\n\n")
    notes = [
        f"[{n}] {'Ibid.' if n > 1 and rng.random() < 0.08 else rng.choice(pools.notes)}"
        for n in range(1, note + 1)
    ]
    kd = " ".join(rng.choice(pools.sentences[t]) for t in ("ban_policy", "mine_action", "casualties"))
    text = _header(rng, country, edition).replace("{KD}", kd) + "".join(out) + "\n" + "\n".join(notes) + "\n"
    return _per_report(text, country, edition)


def _per_report(text: str, country: str, edition: int) -> str:
    """Fill {C} (country), {Yk} (edition - k), {Sk} (UN session of that year), {E} (an earlier edition)."""
    text = text.replace("{C}", country).replace("{E}", str(max(1999, edition - 1)))
    for k in range(5):
        text = text.replace(f"{{Y{k}}}", str(edition - k)).replace(f"{{S{k}}}", str(edition - k - 1945))
    return text


def _slug(country: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", country.lower()).strip("_")


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """Yield n (relative file name, UTF-8 bytes) pairs, the same for the same seed; nothing is written."""
    rng = random.Random(seed)
    pools = _Pools(rng)
    for i in range(n):
        country = pools.countries[i % len(pools.countries)]
        # each country's editions differ until every edition is used, so (country, edition) pairs stay distinct
        edition = EDITIONS[(i // len(pools.countries) + i) % len(EDITIONS)]
        name = f"{edition}/{_slug(country)}-{i:05d}.txt"
        yield name, _report(rng, pools, country, edition).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic archive of country reports.")
    ap.add_argument("--n", type=int, default=5000, help="number of reports")
    ap.add_argument("--out", type=Path, default=Path("build/synth"), help="output folder")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    t0, total, sizes = time.perf_counter(), 0, []
    for name, data in generate(a.n, a.seed):
        path = a.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
        sizes.append(len(data))
    dt = time.perf_counter() - t0
    print(
        f"wrote {a.n} reports to {a.out}: {total / 1e6:.1f} MB, "
        f"{min(sizes, default=0) / 1e3:.1f}-{max(sizes, default=0) / 1e3:.1f} KB "
        f"(mean {total / max(a.n, 1) / 1e3:.1f} KB) in {dt:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
