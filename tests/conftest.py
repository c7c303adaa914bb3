from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).parent
PROJECT = TESTS.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """sphinx.testing looks for ``test-<name>`` projects here."""
    return TESTS / "roots"


def copy_root(name: str, dest: Path) -> Path:
    """A writable copy of the test project ``tests/roots/test-<name>``."""
    import shutil

    shutil.copytree(TESTS / "roots" / f"test-{name}", dest, dirs_exist_ok=True)
    return dest


def build_project(src: Path, out: Path, builder: str = "html", parallel: int = 1, fresh: bool = True) -> str:
    """Build a test project with sphinx.testing; returns the warnings without colour codes."""
    import re

    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=src, builddir=out, freshenv=fresh, parallel=parallel)
    try:
        app.build()
        return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    finally:
        app.cleanup()


def rule_text(front: str, body: str = "# 規程\n\n## 第1条\n\n本文。\n") -> str:
    return f"---\n{front.strip()}\n---\n\n{body}"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One strict build of the real site, shared by the tests that read its output.

    PB_SITE names an already built site instead (``make publish`` runs the gates on it).
    """
    import os

    if os.environ.get("PB_SITE"):
        return Path(os.environ["PB_SITE"])
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-q", "-b", "html", str(PROJECT), str(out)],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for every browser test."""
    from browser_support import launch

    yield from launch()


@pytest.fixture(scope="session")
def server(site: Path):
    """The real site served over HTTP on loopback."""
    from browser_support import serve

    yield from serve(site)
