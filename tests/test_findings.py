"""Survey charts from data files, and self-inspection checklists."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_support import serve
from policybook.cli import main
from conftest import TESTS, build_project

ROOT = TESTS / "roots" / "test-findings"


def _build(src: Path, out: Path, builder: str = "html") -> str:
    return build_project(src, out, builder)


@pytest.fixture
def site(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    return src


def _bars(out: Path) -> dict[str, str]:
    page = BeautifulSoup((out / "html" / "docs" / "findings.html").read_text(encoding="utf-8"), "html.parser")
    svg = page.select_one("svg.pb-chart-svg")
    return {r["data-value"]: r["width"] for r in svg.select("rect")}


def test_chart_and_table_come_from_the_data_file(site, tmp_path):
    assert _build(site, tmp_path / "a") == ""
    page = BeautifulSoup((tmp_path / "a" / "html" / "docs" / "findings.html").read_text(encoding="utf-8"), "html.parser")
    svg = page.select_one("svg.pb-chart-svg")
    assert svg["role"] == "img" and svg.select_one("title").get_text() == "個人情報の執務室外への持出しの有無"
    assert "ある 59.2％、ない 40.8％" in svg.select_one("desc").get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("table.pb-chart-table tbody tr")]
    assert rows == [["ある", "213", "59.2％"], ["ない", "147", "40.8％"]]
    assert "回答数：360課等" in page.select_one(".pb-chart-caption").get_text()
    assert _bars(tmp_path / "a") == {"59.2": "195.4", "40.8": "134.6"}
    # change a value in the data file: the chart follows
    data = site / "docs" / "data" / "mochidashi.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("percent: 59.2", "percent: 75.0"), encoding="utf-8")
    _build(site, tmp_path / "b")
    assert _bars(tmp_path / "b")["75"] == "247.5"


def test_bad_data_is_reported_with_file_and_line_by_build_and_checker(site, tmp_path, capsys):
    data = site / "docs" / "data" / "mochidashi.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("respondents: 360", "respondents: 三百六十")
                    .replace("    count: 147", "    count: many"), encoding="utf-8")
    warnings = _build(site, tmp_path / "out")
    assert re.search(r"docs/data/mochidashi\.yaml:4: WARNING: PB415 'respondents'", warnings)
    assert main(["check", "--root", str(site)]) == 1
    out = capsys.readouterr().out
    assert "docs/data/mochidashi.yaml:4:14: PB415 'respondents' (回答数) must be a whole number" in out


def test_text_builder_shows_the_table(site, tmp_path):
    _build(site, tmp_path / "out", "text")
    text = (tmp_path / "out" / "text" / "docs" / "findings.txt").read_text(encoding="utf-8")
    assert "213" in text and "59.2％" in text
    checks = (tmp_path / "out" / "text" / "docs" / "check.txt").read_text(encoding="utf-8")
    assert "□ 目的を確認してから集めている（保護条例第1条）" in checks


def test_checklist_items_cite_their_rules(site, tmp_path, capsys):
    page = site / "docs" / "check.md"
    # a second list without options: its second item is on line 11
    page.write_text(page.read_text(encoding="utf-8").replace("（保護条例第1条）", "（保護条例第8条）")
                    + "\n```{checklist} second\n- 一つ目（保護条例第1条）\n- 二つ目（保護条例第7条）\n```\n", encoding="utf-8")
    warnings = _build(site, tmp_path / "out")
    assert re.search(r"docs/check\.md:5: WARNING: PB302 citation 「保護条例第8条」", warnings)
    assert re.search(r"docs/check\.md:11: WARNING: PB302 citation 「保護条例第7条」", warnings)
    main(["check", "--root", str(site)])
    out = capsys.readouterr().out
    assert re.search(r"^docs/check\.md:5:\d+: PB302 citation 「保護条例第8条」", out, re.M)
    assert re.search(r"^docs/check\.md:11:\d+: PB302 citation 「保護条例第7条」", out, re.M)


@pytest.mark.browser
def test_checklist_ticks_survive_reload_and_export_csv(browser, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    out = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)], check=True)
    for url in serve(out):
        page = browser.new_page()
        page.goto(f"{url}/docs/check.html")
        checklist = page.locator("section.pb-checklist")
        checklist.get_by_label("集めるときは第2項を確認している（保護条例第2条第2項）").check()
        assert checklist.locator(".pb-checklist-status").inner_text() == "2項目中1項目を確認済み"
        page.reload()
        assert checklist.locator("#checklist-test-2").is_checked()
        assert not checklist.locator("#checklist-test-1").is_checked()
        with page.expect_download() as info:
            checklist.get_by_role("button", name="CSVで保存").click()
        rows = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()
        assert rows[0] == "番号,確認項目,確認,日時"
        assert rows[1].startswith('1,"目的を確認してから集めている（保護条例第1条）",未,')
        assert rows[2].startswith('2,"集めるときは第2項を確認している（保護条例第2条第2項）",済,')
        page.close()
