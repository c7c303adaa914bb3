"""Nothing an author writes runs in the browser; the output is static-clean and reproducible."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_support import serve
from conftest import PROJECT, copy_root


def _sphinx(src: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(src), str(out)],
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def canary(tmp_path_factory):
    src = tmp_path_factory.mktemp("xss-src")
    copy_root("xss", src)
    out = tmp_path_factory.mktemp("xss-site")
    result = _sphinx(src, out)
    assert result.returncode == 0
    return out, result.stderr


def test_canary_warns_about_what_it_removed(canary):
    _, warnings = canary
    assert '"raw" directive disabled' in warnings
    assert warnings.count("WARNING: PB416") == 2  # the button and the card


@pytest.mark.browser
def test_canary_page_executes_nothing(canary, browser):
    out, _ = canary
    for url in serve(out):
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/docs/canary.html")
        quiz = page.locator("section.pb-quiz")
        quiz.locator("input").first.check()
        quiz.get_by_role("button", name="答え合わせ").click()
        page.wait_for_timeout(200)
        for link in page.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        assert page.evaluate("window.pwned") is None
        assert dialogs == []
        # payloads are shown as text, so the author sees what happened
        assert "<script>window.pwned='quiz-option'</script>" in quiz.inner_text()
        page.close()


def test_static_audit_of_the_real_site(site):
    """No inline event handlers, no javascript: URLs, no external script/style/font/image."""
    problems = []
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in html.find_all(True):
            for attr, value in tag.attrs.items():
                if attr.lower().startswith("on"):
                    problems.append(f"{path.name}: <{tag.name} {attr}>")
                if isinstance(value, str) and re.match(r"\s*javascript:", value, re.I):
                    problems.append(f"{path.name}: <{tag.name} {attr}={value}>")
    for asset in site.rglob("*"):
        if asset.suffix in (".css", ".js") and asset.is_file():
            text = asset.read_text(encoding="utf-8", errors="replace")
            for url in re.findall(r"url\(\s*['\"]?(https?:)?//", text):
                problems.append(f"{asset.name}: url(//…)")
    assert problems == []


def test_two_builds_are_byte_identical(tmp_path):
    """Serial in one folder, two processes in another, same commit: the same bytes."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000"}
    first = _sphinx(PROJECT, tmp_path / "a", "-E", env=env)
    second = _sphinx(PROJECT, tmp_path / "b", "-E", "-j", "2", env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    left, right = tmp_path / "a", tmp_path / "b"
    files = sorted(str(p.relative_to(left)) for p in left.rglob("*") if p.is_file() and ".doctrees" not in p.parts)
    assert files == sorted(str(p.relative_to(right)) for p in right.rglob("*") if p.is_file() and ".doctrees" not in p.parts)
    _, mismatch, errors = filecmp.cmpfiles(left, right, files, shallow=False)
    assert mismatch == [] and errors == []
