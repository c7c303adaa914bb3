"""Search: one tokenizer on both sides, and the real queries through the real search page."""

from __future__ import annotations

from pathlib import Path

import pytest

from policybook.search import index as search_index
from policybook.search.evaluate import load_queries, rates, run
from policybook.search.tokens import normalize, shard_of, tokens
from conftest import PROJECT, copy_root

QUERIES = load_queries(PROJECT / "tests" / "data" / "search-queries.yaml")
SAMPLES = ["個人情報保護条例", "持ち出し", "取り扱い", "ＵＳＢ　メモリ", "LANケーブル", "鍵", "ログ", "ﾊﾟｽﾜｰﾄﾞ",
           "第８条の２", "情報セキュリティ対策基準 5 ネットワーク管理基準", "申し込み書", "e-mail 送信", "𠮷野家"]


def test_okurigana_variants_meet():
    assert tokens(normalize("持ち出し")) == tokens(normalize("持出し"))
    assert tokens(normalize("取り扱い")) == tokens(normalize("取扱い"))
    assert tokens(normalize("ＵＳＢ")) == ["usb"]


def test_index_weights_titles_above_bodies():
    pages = [search_index.Entry(url="a.html", title="持出し", kind="ガイド", text="持出しの手順。"),
             search_index.Entry(url="b.html", title="その他", kind="ガイド", text="持出し " * 30)]
    meta, shards = search_index.build(pages, [])
    postings = dict(p.split(":") for p in shards[shard_of("持出")]["持出"].split(","))
    assert int(postings["0"], 16) > int(postings["1"], 16)
    assert meta["pages"][0][:3] == ["a.html", "持出し", "ガイド"]


def test_queries_file_is_big_enough():
    assert len(QUERIES) >= 60
    kinds = {"compound": "個人情報保護条例", "space": "USB 持ち出し", "citation": "個人情報保護条例第12条"}
    assert all(any(q["q"] == v for q in QUERIES) for v in kinds.values())


@pytest.fixture(scope="module")
def search_page(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/search.html?q=テスト")  # a first query loads the index metadata
    page.wait_for_function("window.pbSearchDone !== undefined")
    page.evaluate("window.pbSearchDone")
    yield page
    page.close()


@pytest.mark.browser
def test_browser_tokens_equal_python_tokens(search_page):
    for text in SAMPLES:
        js = search_page.evaluate("(t) => { const n = PBSearch.normalize(t); return [n, PBSearch.tokens(n, false), "
                                  "PBSearch.tokens(n, true)] }", text)
        assert js == [normalize(text), tokens(normalize(text)), tokens(normalize(text), unigrams=True)], text
        for token in tokens(normalize(text), unigrams=True):
            assert search_page.evaluate("(t) => PBSearch.shardOf(t)", token) == shard_of(token), token


@pytest.mark.browser
def test_staff_queries_find_the_right_page(browser, server):
    page = browser.new_page()
    results = run(page, server, QUERIES)
    page.close()
    top1, top3 = rates(results)
    misses = [r for r in results if not r["rank"] or r["rank"] > 3]
    assert top3 >= 0.90, misses
    assert top1 >= 0.70


@pytest.mark.browser
def test_citation_query_goes_straight_to_the_article(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/search.html?q=個人情報保護条例第12条第2項")
    page.wait_for_function("window.pbSearchDone !== undefined")
    page.evaluate("window.pbSearchDone")
    first = page.locator("#pb-search-results li").first
    assert first.locator("a").inner_text() == "個人情報保護条例第12条第2項"
    assert first.locator("a").get_attribute("href").endswith("policies/kojin-joho-hogo-jorei.html#Article_12-Paragraph_2")
    # filters by kind
    page.goto(f"{server}/search.html?q=パスワード&kind=クイズ")
    page.wait_for_function("window.pbSearchDone !== undefined")
    page.evaluate("window.pbSearchDone")
    details = page.locator(".pb-search-detail").all_inner_texts()
    assert details and all(d.startswith("クイズ") for d in details)
    assert page.locator("mark").count() >= 1
    page.close()


def _pages_with(out: Path, word: str) -> set[str]:
    """Pages whose entry in the built index holds every bigram of ``word``."""
    import json

    folder = out / "_static" / "pbsearch"
    meta = json.loads((folder / "meta.js").read_text(encoding="utf-8")[len("PBSearch.meta("):-3])
    found = None
    for token in tokens(normalize(word)):
        text = (folder / f"shard-{shard_of(token):03d}.js").read_text(encoding="utf-8")
        shard = json.loads(text[text.index(",") + 1:-3])
        pages = {meta["pages"][int(p.split(":")[0], 16)][0] for p in shard.get(token, "").split(",") if p}
        found = pages if found is None else found & pages
    return found or set()


def test_incremental_builds_keep_every_page_in_the_index(tmp_path):
    """Entries are collected when a page is written and kept beside the environment: an
    incremental build that rewrites one page still indexes the others; a lost store means
    a full re-index, never a partial one."""
    
    from conftest import build_project
    from policybook.sphinx import search as site_search

    def build_again():
        site_search._ENTRIES.clear()       # each build is a new process in real use
        build_project(src, out, fresh=False)

    src = tmp_path / "src"
    copy_root("basic", src)
    (src / "guide.md").write_text("# 手引\n\n鍵付き書庫に保管します。\n", encoding="utf-8")
    (src / "other.md").write_text("# 別の手引\n\n廃棄は溶解処理とします。\n", encoding="utf-8")
    index = src / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("policies/index", "policies/index\nguide\nother"),
                     encoding="utf-8")
    out = tmp_path / "out"
    build_project(src, out)
    html = out / "html"
    assert _pages_with(html, "鍵付き書庫") == {"guide.html"}
    assert _pages_with(html, "溶解処理") == {"other.html"}

    (src / "guide.md").write_text("# 手引\n\n耐火金庫に保管します。\n", encoding="utf-8")
    build_again()
    assert _pages_with(html, "耐火金庫") == {"guide.html"}
    assert _pages_with(html, "鍵付き書庫") == set()
    assert _pages_with(html, "溶解処理") == {"other.html"}      # not rewritten, still found

    (out / "doctrees" / "policybook-search.pickle").unlink()
    (src / "guide.md").write_text("# 手引\n\n施錠できる場所に保管します。\n", encoding="utf-8")
    build_again()
    assert _pages_with(html, "溶解処理") == {"other.html"}
    assert _pages_with(html, "施錠") == {"guide.html"}

    # a build with Sphinx's own search writes pages the store never saw: it is dropped
    from sphinx.testing.util import SphinxTestApp

    (src / "guide.md").write_text("# 手引\n\n保管庫に入れます。\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=False, confoverrides={"policybook_search": False})
    try:
        app.build()
    finally:
        app.cleanup()
    assert not (out / "doctrees" / "policybook-search.pickle").exists()
    build_again()
    assert _pages_with(html, "保管庫") == {"guide.html"}
    assert _pages_with(html, "溶解処理") == {"other.html"}
