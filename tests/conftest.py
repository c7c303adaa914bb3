from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).parent
PROJECT = TESTS.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """sphinx.testing looks for ``test-<name>`` projects here."""
    return TESTS / "roots"


def rule_text(front: str, body: str = "# 規程\n\n## 第1条\n\n本文。\n") -> str:
    return f"---\n{front.strip()}\n---\n\n{body}"
