"""Quizzes in the Sphinx build: warnings located in the bank, other builders, backlinks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_project, copy_root



def _build(src: Path, out: Path, builder: str = "html") -> str:
    return build_project(src, out, builder)


@pytest.fixture
def site(tmp_path):
    src = tmp_path / "src"
    copy_root("quiz", src)
    return src


def test_clean_quiz_site_builds_without_warnings(site, tmp_path):
    assert _build(site, tmp_path / "out") == ""


def test_bank_problems_are_warned_at_the_bank_line(site, tmp_path):
    bank = site / "quizzes" / "jorei.md"
    text = bank.read_text(encoding="utf-8")
    text = text.replace("1. [x] 保護条例第2条第2項", "1. [ ] 保護条例第2条第2項")          # PB402 at the heading
    text = text.replace("<!-- cites: 保護条例第1条 -->", "<!-- cites: 保護条例第9条 -->")  # PB302
    bank.write_text(text, encoding="utf-8")
    warnings = _build(site, tmp_path / "out")
    assert re.search(r"quizzes/jorei\.md:9: WARNING: PB402 single-answer question has 0 right answers", warnings)
    assert re.search(r"quizzes/jorei\.md:34: WARNING: PB302 citation 「保護条例第9条」", warnings)


def test_articles_list_the_questions_that_test_them(site, tmp_path):
    _build(site, tmp_path / "out")
    rule = BeautifulSoup((tmp_path / "out" / "html" / "policies" / "jorei.html").read_text(encoding="utf-8"), "html.parser")
    entries = [li.get_text() for li in rule.find(id="Article_2").select(".pb-backlinks li")]
    assert "条例クイズ（クイズ：個人情報を集めるときに確認する規定はどれですか。）" in entries
    link = rule.find(id="Article_2").select_one(".pb-backlinks a[href*='quiz-jorei.html#q-jorei-01']")
    assert link is not None


def test_quiz_index_lists_banks_with_counts(site, tmp_path):
    _build(site, tmp_path / "out")
    page = BeautifulSoup((tmp_path / "out" / "html" / "docs" / "quizzes.html").read_text(encoding="utf-8"), "html.parser")
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in page.select("table.pb-quiz-index tbody tr")]
    assert rows == [["条例の確認", "個人情報の保護", "職員、課長等", "3"]]
    assert page.select_one("table.pb-quiz-index a")["href"] == "quiz-jorei.html"


def test_text_builder_reads_questions_without_answers(site, tmp_path):
    _build(site, tmp_path / "out", "text")
    text = (tmp_path / "out" / "text" / "docs" / "quiz-jorei.txt").read_text(encoding="utf-8")
    assert "問1　個人情報を集めるときに確認する規定はどれですか。" in text
    assert "保護条例第2条第2項" in text and "どれでもない" in text
    assert "正解" not in text and "そのとおりです。" not in text


def test_unknown_bank_in_a_page(site, tmp_path):
    (site / "docs" / "selection.md").write_text("# 選択\n\n```{quiz} nothing\n```\n", encoding="utf-8")
    warnings = _build(site, tmp_path / "out")
    assert re.search(r"docs/selection\.md:3: WARNING: PB412 unknown quiz bank 'nothing'", warnings)
