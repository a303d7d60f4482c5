"""Shared fixtures: the real pages in ../shared (skipped when absent) and the example archive."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "archive"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(
            f"real Monitor pages not available: {SHARED} has no seeds/ (they live beside the project)"
        )
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    d = shared_dir / "corpus"
    if not (d / "pages").is_dir():
        pytest.skip(f"corpus not available: {d}/pages is missing")
    return d


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
