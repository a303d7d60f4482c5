"""The whole pipeline (decode, structure, citations, facts, rows) never fails on odd text but with InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from landmine_monitor import store
from landmine_monitor.errors import InputError
from landmine_monitor.parse import parse_bytes

# Words that wake every extractor, plus letters whose case folding is unusual (long s, dotted I, Kelvin sign).
WORDS = [
    "Freedonia",
    "signed",
    "ratified",
    "acceded",
    "the",
    "Mine",
    "Ban",
    "Treaty",
    "on",
    "3",
    "December",
    "1997",
    "voted",
    "in",
    "favor",
    "of",
    "UNGA",
    "Resolution",
    "60/80",
    "abstained",
    "absent",
    "CCW",
    "Amended",
    "Protocol",
    "II",
    "Conference",
    "Disarmament",
    "produced",
    "POMZ-2",
    "APP",
    "M-57",
    "exported",
    "stockpile",
    "some",
    "about",
    "at",
    "least",
    "hundreds",
    "thousands",
    "1,200",
    "US$515,000",
    "km2",
    "square",
    "kilometers",
    "cleared",
    "killed",
    "injured",
    "prostheses",
    "crutches",
    "wheelchairs",
    "amputees",
    "not",
    "no",
    "Ibid.",
    "Email",
    "from",
    "Statement",
    "by",
    "A/53/pv79",
    "“Title,”",
    "Times",
    "(Seoul),",
    "p.",
    "541",
    "ſome",
    "İ",
    "K",
    "\u00a0",
    "[1]",
    "[2 ]",
    ";",
    ",",
    ".",
    "—",
    "–",
    "\t",
    "\u200b",
    "\ufeff",
]
LINE = st.lists(st.sampled_from(WORDS), min_size=0, max_size=25).map(" ".join)
PAGE = st.lists(st.one_of(LINE, st.sampled_from(["", "Mine Ban Policy", "[1] Email from A B, 1 May 2004."])),
                min_size=1, max_size=30).map("\n".join)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
@example(
    "Mine Ban Policy\n\nFreedonia planted ſome 500 antipersonnel mines in 2003.[1]\n\n[1] Email from A B, 1 May 2004."
)
def test_any_page_parses_or_is_refused(text: str) -> None:
    try:
        report = parse_bytes(("Landmine Monitor Report 2004\n" + text).encode(), "random.txt")
    except InputError:
        return
    prepared = store.prepare(report)  # every row serialises
    assert prepared.rows["reports"][0][0] == prepared.rid
