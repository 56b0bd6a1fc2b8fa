"""Shared fixtures: where the real plans and the examples live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def corpus_files() -> list[Path]:
    """The real plans, or an empty list when ../shared/corpus is absent."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.fixture
def corpus_dir() -> Path:
    """The corpus folder; skips the test when this checkout has no ../shared/corpus."""
    if not CORPUS.is_dir():
        if os.environ.get("KEHOACH_REQUIRE_CORPUS"):
            pytest.fail(f"KEHOACH_REQUIRE_CORPUS is set but {CORPUS} is missing")
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS
