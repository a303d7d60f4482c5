"""Headings -> canonical topics (by pattern, every era) and topics inferred from paragraph content."""

from __future__ import annotations

import pytest

from landmine_monitor.topics import heading_topics, infer_topics


@pytest.mark.parametrize(
    ("heading", "topics"),
    [
        ("Mine Ban Policy", ["ban_policy"]),
        ("MINE BAN POLICY", ["ban_policy"]),
        ("Production, Transfer, Stockpiling and Use", ["production", "transfer", "stockpiling", "use"]),
        ("PRODUCTION, TRANSFER, AND USE", ["production", "transfer", "use"]),
        ("Use and Landmine Problem", ["use", "landmine_problem"]),
        ("Landmine/ERW Problem", ["landmine_problem"]),
        (
            "Landmine Problem, Casualties and Survivor Assistance",
            ["landmine_problem", "casualties", "survivor_assistance"],
        ),
        ("Mine Clearance", ["mine_action", "clearance"]),
        ("Mine Awareness", ["mine_action", "risk_education"]),
        ("Mine Risk Education", ["mine_action", "risk_education"]),
        ("Landmine Casualties", ["casualties"]),
        ("Victim Assistance", ["survivor_assistance"]),
        ("Funding", ["funding"]),
        ("Support for Mine Action", ["mine_action", "funding"]),
        ("Cluster munition remnants", ["cluster_munitions"]),
        ("BACKGROUND", ["background"]),
        ("Casualties in 2009[1]", ["casualties"]),
        ("Thailand", []),
        ("The weather was fine", []),
    ],
)
def test_heading_topics(heading: str, topics: list[str]) -> None:
    assert heading_topics(heading) == topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Atlantis produces two invented stake mine models at a state factory.", "production"),
        ("Atlantis is not known to have exported mines; it imported some long ago.", "transfer"),
        ("No information is available on the size of the stockpile of Atlantis.", "stockpiling"),
        ("Government forces planted mines along the invented border last year.", "use"),
        ("Three people were killed and five injured by mines in invented incidents.", "casualties"),
        ("The centre fitted 40 prostheses and runs a rehabilitation programme.", "survivor_assistance"),
        ("Atlantis has not signed the Mine Ban Treaty and abstained on the resolution.", "ban_policy"),
    ],
)
def test_infer_topics(text: str, topic: str) -> None:
    assert topic in infer_topics(text)


def test_infer_topics_without_vocabulary() -> None:
    assert infer_topics("Nothing to see here.") == ["other"]
