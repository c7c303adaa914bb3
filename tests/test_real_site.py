"""The real site: the strict build passes, every rule and every cited provision exists."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from policybook.corpus import load_corpus
from conftest import PROJECT

SEED_CITATIONS = sorted((PROJECT / "tests" / "data" / "seed_citations").glob("*.yaml"))


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(PROJECT)


def test_checker_reports_nothing(corpus):
    assert [d.format_text() for d in corpus.diagnostics] == []


REQUIRED_RULES = {
    "京都市個人情報保護条例", "京都市情報公開・個人情報保護審議会条例",
    "京都市高度情報化推進のための情報システムの適正な利用等に関する規程", "京都市公文書取扱規程",
    "京都市情報セキュリティ対策基準", "電子情報等の保護に関する管理基準", "情報システム運用管理基準",
    "情報システム利用者管理基準", "情報システム室管理基準", "ネットワーク管理基準", "ネットワーク利用基準",
    "コンピュータウイルス等の脅威に関する対策基準", "情報システムの委託に関する管理基準",
    "情報セキュリティ教育実施基準", "情報セキュリティに関する点検及び監査実施基準",
    "京都市個人情報の保護に関する事務取扱要綱", "情報化推進支援員設置要綱",
    "京都市における高度情報化推進に関する体制を整備するための要綱", "イントラネット利用の手引",
    "京都市クラウド活用の手引", "電子計算機による事務処理等の委託契約に係る共通仕様書",
    "電子計算機による事務処理等の契約に係るガイドライン", "個人情報保護事務の手引",
    "情報セキュリティに関する解説書", "文書等の持出し等に関する事務の変更について",
    "地方自治法", "個人情報の保護に関する法律", "サイバーセキュリティ基本法",
    "不正アクセス行為の禁止等に関する法律", "行政手続における特定の個人を識別するための番号の利用等に関する法律",
}


def test_every_rule_of_the_report_has_a_page(corpus, site):
    titles = {r.title: r for r in corpus.rules}
    assert REQUIRED_RULES <= set(titles)
    for rule in corpus.rules:
        assert (site / "policies" / f"{rule.id}.html").is_file()
        assert rule.text_status == "要旨" or rule.url, rule.id  # nothing claims to be official text


def _anchor(entry: dict) -> str:
    article = str(entry["article"])
    if article.startswith("別表"):
        anchor = "AppdxTable_" + article.removeprefix("別表第")
    else:
        anchor = "Article_" + article.replace("の", "_")
    return anchor


@pytest.mark.parametrize("data", SEED_CITATIONS, ids=lambda p: p.stem)
def test_every_provision_the_report_cites_exists(corpus, data):
    """tests/data/seed_citations lists each citation in the seed report, resolved by hand."""
    rules = corpus.by_id()
    missing = []
    for entry in yaml.safe_load(data.read_text(encoding="utf-8")):
        rule = rules.get(entry["document"])
        if rule is None:
            missing.append(f"line {entry['line']}: no rule {entry['document']}")
            continue
        if entry.get("article") is None:
            continue
        index = rule.by_anchor()
        anchor = _anchor(entry)
        if anchor not in index and f"Section_{entry['article']}" in index:
            anchor = f"Section_{entry['article']}"
        if entry.get("paragraph"):
            anchor += f"-Paragraph_{entry['paragraph']}"
        found = anchor in index
        if found and entry.get("item"):
            found = any(k.startswith(anchor) and k.endswith(f"-Item_{entry['item']}") for k in index)
        if not found:
            missing.append(f"line {entry['line']}: {entry['text']!r} -> {rule.id}#{anchor}")
        elif not index[anchor].deleted:
            text = " ".join(p.text for p in index[anchor].walk())
            assert "要旨" in text or "出典に記載" in text, f"{rule.id}#{anchor} has no 要旨"
    assert missing == []


def test_no_external_resources(site):
    """Scripts, styles, fonts and images all come from the site itself."""
    offenders = []
    for page in site.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"),
                          ("iframe", "src"), ("video", "src"), ("audio", "src")):
            for node in html.find_all(tag):
                value = node.get(attr, "")
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload"} & set(node.get("rel", [])):
                    continue
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{page.name}: <{tag} {attr}={value}>")
    for asset in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = asset.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", text):
            offenders.append(f"{asset.name}: {url}")
    assert offenders == []


def test_rule_pages_show_panel_and_japanese_ui(site):
    page = BeautifulSoup((site / "policies" / "kojin-joho-hogo-jorei.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "ja"
    assert page.select_one(".pb-meta") is not None
    assert page.find(id="Article_12-Paragraph_2") is not None
    index = BeautifulSoup((site / "policies" / "index.html").read_text(encoding="utf-8"), "html.parser")
    parent = index.select_one(".pb-index a[href='joho-security-taisaku-kijun.html']").find_parent("li")
    children = [a.get_text() for a in parent.select(".pb-index-children a")]
    assert "5　ネットワーク管理基準" in children and "1　電子情報等の保護に関する管理基準" in children


def test_in_page_links_reach_their_anchors(site):
    """Every #anchor link (page TOC, citations) points at an element of the same page."""
    broken = []
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = {t["id"] for t in html.find_all(id=True)}
        for a in html.find_all("a", href=True):
            href = a["href"]
            if href.startswith("#") and len(href) > 1 and href[1:] not in ids:
                broken.append(f"{page.relative_to(site)}: {href}")
    assert broken == []


def test_interface_text_is_japanese(site):
    """Labels a screen reader announces (titles, aria-labels, placeholders, the theme's
    buttons and navigation) are not left in English by Sphinx or the theme."""
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    english = re.compile(r"[A-Za-z]{3,}")
    found = set()
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            for attribute in ("title", "aria-label", "placeholder", "alt"):
                value = element.get(attribute)
                if value and english.search(value) and not japanese.search(value):
                    found.add(f"{attribute}={value!r}")
        for element in soup.select("button, label, nav a, .sidebar-primary-item span"):
            if element.find_parent("article"):
                continue  # the author's words (a quiz option may well be 'FAX')
            text = element.get_text(" ", strip=True)
            if english.search(text) and not japanese.search(text):
                found.add(f"{element.name}: {text!r}")
    assert sorted(found) == []
