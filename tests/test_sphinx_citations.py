"""Citations in the built site: links, backlinks, the same findings as the checker."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from policybook.cli import main
from conftest import TESTS

ROOT = TESTS / "roots" / "test-citations"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _html(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_citations_become_links_to_the_exact_provision(app):
    app.build()
    guide = _html(app, "docs/guide.html")
    links = {a.get_text(): a["href"] for a in guide.select(".pb-cite a")}
    assert links["保護条例第2条第2項"] == "../policies/jorei.html#Article_2-Paragraph_2"
    assert links["同条例第1条"] == "../policies/jorei.html#Article_1"
    assert links["第2条第1号"] == "../policies/jorei.html#Article_2-Paragraph_1-Item_1"
    # the link text stays as written, and code is never linked
    assert "保護条例第99条" not in links
    # relative references on a rule page: 前条 of 第2条 is 第1条
    rule = _html(app, "policies/jorei.html")
    assert rule.find("a", string="前条")["href"] == "#Article_1"


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_articles_list_the_pages_citing_them(app):
    app.build()
    rule = _html(app, "policies/jorei.html")
    article2 = rule.find(id="Article_2")
    box = article2.select_one(".pb-backlinks")
    assert box.select_one(".rubric").get_text() == "この条を引用しているページ"
    entries = [li.get_text() for li in box.select("li")]
    # a paragraph or item citation counts for its article; each citation is listed with its text
    assert entries == ["用語集（保護条例第2条第1号）", "職員向けガイド（保護条例第2条第2項）", "職員向けガイド（第2条第1号）"]
    assert box.select("a")[1]["href"].startswith("../docs/guide.html#pb-cite-")
    assert article2.select_one(".pb-backlinks a")["href"].split("#")[1] in \
        {tag.get("id") for tag in _html(app, "docs/guide.html").find_all(id=True)}
    assert rule.find(id="Article_4").select_one(".pb-backlinks") is None  # cited only by its own page


def _check_findings(root: Path, capsys) -> set[tuple[str, int, str]]:
    main(["check", "--root", str(root), "--format", "json"])
    import json
    return {(f["path"], f["line"], f["code"]) for f in json.loads(capsys.readouterr().out) if f["severity"] != "info"}


def _build(src: Path, out: Path, parallel: int = 1, fresh: bool = True) -> str:
    app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=fresh, parallel=parallel)
    try:
        app.build()
        return ANSI.sub("", app.warning.getvalue())
    finally:
        app.cleanup()


def _warnings(text: str, src: Path) -> set[tuple[str, int, str]]:
    found = set()
    for path, line, code in re.findall(r"^(.+?):(\d+): WARNING: (PB\d+)", text, re.M):
        found.add((Path(path).relative_to(src).as_posix(), int(line), code))
    return found


def test_build_warns_exactly_what_the_checker_reports(tmp_path, capsys):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    expected = _check_findings(src, capsys)
    assert {code for _, _, code in expected} == {"PB301", "PB302", "PB303", "PB304", "PB305", "PB306", "PB308"}
    assert _warnings(_build(src, tmp_path / "out"), src) == expected


def test_parallel_build_gives_the_same_links_and_backlinks(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    serial = _build(src, tmp_path / "serial", 1)
    parallel = _build(src, tmp_path / "parallel", 2)
    assert _warnings(serial, src) == _warnings(parallel, src)
    for page in ("docs/guide.html", "policies/jorei.html"):
        assert (tmp_path / "serial" / "html" / page).read_bytes() == (tmp_path / "parallel" / "html" / page).read_bytes()


def test_changing_a_cited_article_rewrites_the_citing_page(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    out = tmp_path / "out"
    first = _build(src, out, fresh=True)
    assert "guide.md:6: WARNING: PB302" in first
    rule = src / "policies" / "jorei.md"
    # add 第9条 (fixes one citation) and delete 第1条 (breaks another)
    text = rule.read_text(encoding="utf-8").replace("## 第1条\n\n目的の要旨。", "## 第1条　削除")
    rule.write_text(text + "\n## 第9条\n\n追加した条。\n", encoding="utf-8")
    second = _build(src, out, fresh=False)
    assert "guide.md:6: WARNING: PB302" not in second
    assert "guide.md:4: WARNING: PB305" in second
    guide = (out / "html" / "docs" / "guide.html").read_text(encoding="utf-8")
    assert 'href="../policies/jorei.html#Article_9"' in guide


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_first_use_of_a_glossary_term_links_to_its_entry(app):
    app.build()
    guide = _html(app, "docs/guide.html")
    terms = [(a.get_text(), a["href"].split("#")[0]) for a in guide.select("a.pb-term")]
    assert terms == [("個人情報", "glossary.html"), ("ログ", "glossary.html")]
    glossary = _html(app, "docs/glossary.html")
    assert glossary.select("a.pb-term") == []          # not on the glossary itself
    assert glossary.select_one(".pb-cite a")["href"] == "../policies/jorei.html#Article_2-Paragraph_1-Item_1"
