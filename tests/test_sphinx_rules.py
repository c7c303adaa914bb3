"""The Sphinx extension on small projects: rule pages, index, failures, parallel builds."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import copy_root


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def panel(page: BeautifulSoup) -> dict[str, str]:
    box = page.select_one(".pb-meta")
    names = [dt.get_text(strip=True).rstrip(":") for dt in box.select("dt")]
    values = [dd.get_text(" ", strip=True) for dd in box.select("dd")]
    return dict(zip(names, values))


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_basic_site_builds_without_warnings(app):
    app.build()
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_provisions_have_stable_anchors_and_numbers(app):
    app.build()
    page = soup(app, "policies/full-rule.html")
    for anchor in ("Article_1", "Article_2", "Article_2-Paragraph_1", "Article_2-Paragraph_1-Item_1",
                   "Article_2-Paragraph_1-Item_2", "Article_2-Paragraph_2", "Article_2-Paragraph_3",
                   "Article_2_2", "Article_3", "Article_4-Paragraph_1-Item_2", "SupplProvision"):
        assert page.find(id=anchor) is not None, anchor
    # paragraph numbers are printed full-width as rules are read, whatever the author typed
    para3 = page.find(id="Article_2-Paragraph_3")
    assert para3.select_one(".pb-para-num").get_text() == "３"
    assert para3.get_text().startswith("３\u3000半角の項番号も使える")
    item = page.find(id="Article_2-Paragraph_1-Item_1")
    assert item.select_one(".pb-item-num").get_text() == "一"
    assert "pb-deleted" in page.find(id="Article_3")["class"]
    # the local table of contents links to the same anchors
    assert page.select_one('a[href="#Article_2_2"]') is not None


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_metadata_panel(app):
    app.build()
    fields = panel(soup(app, "policies/full-rule.html"))
    assert fields["所管"] == "総務課"
    assert fields["施行日"] == "2020年4月1日（令和2年4月1日）"
    assert fields["最終改正"] == "2024年3月（令和6年3月）"
    assert fields["見直し期限"] == "出典に記載なし"
    assert fields["状態"] == "施行中"
    assert fields["対象者"] == "職員、課長等"
    assert fields["本文の扱い"] == "全文"
    assert fields["略称"] == "全文規程"
    child = panel(soup(app, "policies/child-kanri.html"))
    assert child["上位の規程等"].startswith("テスト対策基準") and child["上位の規程等"].endswith("（第5）")
    assert child["本文の扱い"].startswith("要旨")


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_status_banners(app):
    app.build()
    assert soup(app, "policies/full-rule.html").select(".pb-banner") == []
    draft = soup(app, "policies/draft-rule.html").select_one(".pb-banner-draft")
    assert draft is not None and "案" in draft.get_text()
    old = soup(app, "policies/old-rule.html").select_one(".pb-banner-superseded")
    assert old is not None and old.select_one('a[href="full-rule.html"]') is not None
    gone = soup(app, "policies/gone-rule.html").select_one(".pb-banner-repealed")
    assert gone is not None and "廃止" in gone.get_text()


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_rule_index_shows_the_tree(app):
    app.build()
    page = soup(app, "policies/index.html")
    kinds = [r.get_text() for r in page.select(".pb-index-kind > .rubric, .pb-index-kind > p.rubric")]
    assert kinds == ["規程", "基準", "要綱"]
    parent_entry = page.find("a", href="parent-kijun.html").find_parent("li")
    child_link = parent_entry.select_one(".pb-index-children a[href='child-kanri.html']")
    assert child_link is not None and child_link.get_text() == "5　テストネットワーク管理基準"
    # a sub-standard is listed under its parent only
    assert len(page.select(".pb-index a[href='child-kanri.html']")) == 1
    assert "［案］" in page.find("a", href="draft-rule.html").find_parent("li").get_text()
    # and the parent's own page lists it too
    assert soup(app, "policies/parent-kijun.html").select_one(".pb-children a[href='child-kanri.html']")


@pytest.mark.sphinx("text", testroot="basic", freshenv=True)
def test_text_builder_renders_rules(app):
    app.build()
    text = (Path(app.outdir) / "policies" / "full-rule.txt").read_text(encoding="utf-8")
    assert "所管" in text and "総務課" in text
    assert "２\u3000前項の規定にかかわらず" in text
    index = (Path(app.outdir) / "policies" / "index.txt").read_text(encoding="utf-8")
    assert "テストネットワーク管理基準" in index


def _build(srcdir: Path, outdir: Path, parallel: int) -> str:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=outdir, freshenv=True, parallel=parallel)
    try:
        app.build()
        return app.warning.getvalue()
    finally:
        app.cleanup()


def test_parallel_build_equals_serial(tmp_path):
    src = tmp_path / "src"
    copy_root("broken", src)
    serial = _build(src, tmp_path / "serial", 1)
    parallel = _build(src, tmp_path / "parallel", 2)
    # the same diagnostics, including corpus-wide ones found after merging
    norm = lambda text: sorted(re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines())  # noqa: E731
    assert norm(serial) == norm(parallel)
    assert "PB111" in serial
    left, right = tmp_path / "serial" / "html", tmp_path / "parallel" / "html"
    pages = sorted(p.relative_to(left) for p in left.rglob("*.html"))
    assert pages == sorted(p.relative_to(right) for p in right.rglob("*.html"))
    _, mismatch, errors = filecmp.cmpfiles(left, right, [str(p) for p in pages], shallow=False)
    assert mismatch == [] and errors == []


def test_incremental_build_follows_rule_changes(tmp_path):
    src = tmp_path / "src"
    copy_root("basic", src)
    out = tmp_path / "out"

    def build():
        app = SphinxTestApp("html", srcdir=src, builddir=out)
        try:
            app.build()
            return app.warning.getvalue()
        finally:
            app.cleanup()

    assert build() == ""
    child = src / "policies" / "child-kanri.md"
    child.write_text(child.read_text(encoding="utf-8").replace("number: 5", "number: 6"), encoding="utf-8")
    (src / "policies" / "gone-rule.md").unlink()
    assert build() == ""
    index = (out / "html" / "policies" / "index.html").read_text(encoding="utf-8")
    assert "6　テストネットワーク管理基準" in index
    assert "gone-rule.html" not in index
    parent = (out / "html" / "policies" / "parent-kijun.html").read_text(encoding="utf-8")
    assert "6　テストネットワーク管理基準" in parent


@pytest.mark.sphinx("html", testroot="broken", freshenv=True)
def test_broken_inputs_warn_with_file_and_line_and_the_build_goes_on(app):
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    found = set(re.findall(r"policies/([\w-]+\.md):(\d+): WARNING: (PB\d+)", warnings))
    expected = {
        ("bad-yaml.md", "4", "PB100"),
        ("bad-fields.md", "4", "PB107"),    # kind: 規定
        ("bad-fields.md", "5", "PB102"),    # status: no
        ("bad-fields.md", "7", "PB105"),    # 2026-02-30
        ("bad-fields.md", "8", "PB104"),    # audience: 職員
        ("bad-fields.md", "9", "PB103"),    # owners
        ("bad-fields.md", "11", "PB101"),   # owner twice
        ("bad-numbering.md", "15", "PB201"),
        ("bad-numbering.md", "19", "PB202"),
        ("bad-numbering.md", "23", "PB203"),
        ("bad-numbering.md", "27", "PB201"),
        ("bad-parent.md", "5", "PB111"),
        ("bad-parent.md", "6", "PB110"),    # superseded without successor
    }
    assert expected <= found, sorted(found)
    assert "[policybook.PB103]" in warnings  # each warning can be suppressed by its code
    # every page is still written, with the author's text
    assert (Path(app.outdir) / "policies" / "good.html").exists()
    assert "本文は残る。" in (Path(app.outdir) / "policies" / "bad-yaml.html").read_text(encoding="utf-8")
    assert "誤りがあっても本文は表示される。" in (Path(app.outdir) / "policies" / "bad-fields.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="broken", freshenv=True,
                    confoverrides={"suppress_warnings": ["policybook.PB201", "policybook.PB202"]})
def test_codes_can_be_suppressed(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "PB201" not in warnings and "PB202" not in warnings and "PB203" in warnings


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_navigation_follows_the_index_order(app):
    """The sidebar lists rules as the index does: by kind, sub-standards after their parent."""
    app.build()
    assert app.env.toctree_includes["policies/index"] == [
        "policies/full-rule", "policies/gone-rule", "policies/old-rule", "policies/draft-rule",
        "policies/parent-kijun", "policies/child-kanri", "policies/yoko",
    ]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_line_breaks_between_japanese_characters_are_joined(app):
    app.build()
    text = soup(app, "policies/yoko.html").find(id="Article_3-Paragraph_1").get_text()
    assert text == "１\u3000管理責任者は、文書管理責任者をもって充てる。"
