"""Compare throughput: two generated ~60 KB editions of a fictional country report (issue 7 target: < 1 s).

    python bench/bench_compare.py                 # prints sizes, change counts and the time per compare
    python bench/bench_compare.py --kb 120 --runs 5

Edition B is edition A perturbed: figures changed, sentences reworded, dropped, added and moved between
sections, so every alignment path is exercised.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from landmine_monitor.compare import compare_reports
from landmine_monitor.facts import extract_facts
from landmine_monitor.model import Country, Footnote, Paragraph, Report, Section

TOPICS = [
    ("Mine Ban Policy", ["ban_policy"]),
    ("Production, Transfer, Stockpiling and Use", ["production", "transfer", "stockpiling", "use"]),
    ("Landmine Problem", ["landmine_problem"]),
    ("Mine Action", ["mine_action"]),
    ("Casualties and Survivor Assistance", ["casualties", "survivor_assistance"]),
]
SUBJECTS = [
    "The army",
    "The ministry",
    "A local group",
    "The provincial office",
    "Freedonia",
    "The survey team",
]
VERBS = ["reported", "cleared", "destroyed", "recorded", "planned", "fitted", "surveyed", "registered"]
OBJECTS = [
    "antipersonnel mines", "hectares of farmland", "prostheses", "mine victims", "suspected areas",
    "stockpiled mines", "pairs of crutches", "villages near the frontier", "risk education sessions",
]  # fmt: skip
PLACES = [
    "Fredville",
    "the northern hills",
    "the Sylvanian frontier",
    "the river valley",
    "the eastern plain",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def sentence(rng: random.Random, note: int | None) -> str:
    s = (
        f"In {rng.choice(MONTHS)} {rng.randint(1995, 2001)}, {rng.choice(SUBJECTS).lower()} "
        f"{rng.choice(VERBS)} {rng.randint(2, 90000):,} {rng.choice(OBJECTS)} in {rng.choice(PLACES)}"
        f"{rng.choice(['', ' with help from abroad', ' after heavy rains', ' despite a lack of funds'])}."
    )
    s = s[0].upper() + s[1:]
    return s + (f"[{note}]" if note else "")


def edition_a(kb: int, rng: random.Random) -> Report:
    r = Report(kind="country_report", country=Country("XFD", "Freedonia"), edition=2001)
    r.sections = [Section(h, list(t)) for h, t in TOPICS]
    size, note = 0, 0
    while size < kb * 1024:
        sec = rng.choice(r.sections)
        sents = []
        for _ in range(rng.randint(3, 6)):
            note += 1 if rng.random() < 0.4 else 0
            sents.append(sentence(rng, note if rng.random() < 0.4 else None))
        text = " ".join(sents)
        sec.paragraphs.append(Paragraph(text, [int(n) for n in re.findall(r"\[(\d+)\]", text)]))
        size += len(text) + 2
    r.footnotes = [Footnote(n, f"Fictional source number {n}, Fredville, 2001.") for n in range(1, note + 1)]
    return r


def perturb(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.10:
        return re.sub(r"\d[\d,]*(?= )", lambda m: f"{rng.randint(2, 90000):,}", text, count=1)  # updated
    if roll < 0.18:
        return text.replace(" in ", " across ", 1).replace(" reported ", " announced ")  # reworded
    if roll < 0.23:
        return ""  # dropped
    if roll < 0.28:
        return text + " " + sentence(rng, None)  # new
    return text


def edition_b(a: Report, rng: random.Random) -> Report:
    b = Report(kind=a.kind, country=a.country, edition=2002, footnotes=list(a.footnotes))
    b.sections = [Section(s.heading, list(s.topics)) for s in a.sections]
    b.sections[2].heading = "Landmine/ERW Problem"  # renamed
    for i, sec in enumerate(a.sections):
        for p in sec.paragraphs:
            parts = re.split(r"(?<=[.\]])\s+(?=[A-Z])", p.text)
            text = " ".join(x for x in (perturb(s, rng) for s in parts) if x)
            target = b.sections[rng.randrange(len(b.sections))] if rng.random() < 0.05 else b.sections[i]
            target.paragraphs.append(Paragraph(text, list(p.footnotes)))  # 5% moved to another section
    return b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kb", type=int, default=60, help="size of each edition's text (KB)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    a = edition_a(args.kb, rng)
    b = edition_b(a, rng)
    size = [sum(len(p.text) for s in r.sections for p in s.paragraphs) for r in (a, b)]
    for r in (a, b):  # reports come from parse (or the database) with their facts already extracted
        r.facts = extract_facts(r)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = compare_reports(a, b)
        times.append(time.perf_counter() - t0)
    print(f"editions: {size[0] / 1024:.1f} KB and {size[1] / 1024:.1f} KB of text")
    print("changes:", result["summary"], "contradictions:", len(result["contradictions"]))
    print(
        f"compare_reports: best {min(times):.3f} s, worst {max(times):.3f} s over {args.runs} runs (target < 1 s)"
    )


if __name__ == "__main__":
    main()
