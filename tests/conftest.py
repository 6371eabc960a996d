"""Shared fixtures. Frog-backed fixtures start one real Frog process per test session.

With KRONIEK_REQUIRE_FROG=1 (set by `make test` and CI) a missing Frog fails the
tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
SEED_TXT = SHARED / "seed" / "lavrov-2018-05.txt"
SEED_GOLD = SHARED / "seed" / "lavrov-2018-05.gold.json"


def frog_available() -> bool:
    return shutil.which("frog") is not None and Path("/usr/share/frog/nld/frog.cfg").exists()


def require_frog() -> None:
    if not frog_available():
        if os.environ.get("KRONIEK_REQUIRE_FROG") == "1":
            pytest.fail("Frog is required (KRONIEK_REQUIRE_FROG=1) but not installed")
        pytest.skip("Frog is not installed (apt-get install frog frogdata)")


@pytest.fixture(scope="session")
def frog():
    """One running FrogParser for the whole session."""
    require_frog()
    from kroniek.nlp.frog import FrogParser

    parser = FrogParser().start()
    yield parser
    parser.close()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED_TXT.exists():
        pytest.skip(f"seed data not found at {SEED_TXT}")
    return SEED_TXT


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kroniek.db"
