"""Articles, paragraphs and items: stable anchors and numbering diagnostics."""

from __future__ import annotations

import pytest

from policybook.corpus import load_rule_text
from policybook.structure import classify_heading, item_number, paragraph_number

FRONT = "---\nid: x\ntitle: 規程\nkind: {kind}\nstatus: in-force\ntext_status: {text}\n---\n\n# 規程\n\n"


def load(body: str, kind: str = "規程", text: str = "全文"):
    return load_rule_text(FRONT.format(kind=kind, text=text) + body, "policies/x.md")


def anchors(body: str, **kw) -> list[str]:
    return [p.anchor for p in load(body, **kw).rule.walk()]


def codes(body: str, **kw) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in load(body, **kw).diagnostics]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("第12条", ("article", (12,), "", False)),
        ("第１２条（個人情報の適正な管理）", ("article", (12,), "個人情報の適正な管理", False)),
        ("第十二条　個人情報の適正な管理", ("article", (12,), "個人情報の適正な管理", False)),
        ("第八条の二", ("article", (8, 2), "", False)),
        ("第8条の2の3", ("article", (8, 2, 3), "", False)),
        ("第9条　削除", ("article", (9,), "", True)),
        ("第 40 条", ("article", (40,), "", False)),
        ("第3", ("article", (3,), "", False)),
        ("第3（個人情報管理責任者）", ("article", (3,), "個人情報管理責任者", False)),
        ("附則", ("suppl", (), "", False)),
        ("別表第1", ("appendix", (1,), "", False)),
        ("第1章　総則", None),
        ("第2節", None),
        ("はじめに", None),
    ],
)
def test_classify_heading(heading, expected):
    assert classify_heading(heading) == expected


def test_handbook_sections_only_in_handbooks():
    assert classify_heading("3　京都市個人情報保護条例の趣旨及び運用", "手引")[:2] == ("section", (3,))
    assert classify_heading("3　京都市個人情報保護条例の趣旨及び運用", "条例") is None


@pytest.mark.parametrize(("text", "expected"), [("２　前項の", (2, "２")), ("2 前項の", (2, "2")),
                                                ("2015年に", None), ("前項の", None)])
def test_paragraph_number(text, expected):
    assert paragraph_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("一　個人情報", (1, "一")), ("十二　職員", (12, "十二")),
                                                ("(3) 三つ目", (3, "(3)")), ("（４）　四つ目", (4, "（４）")),
                                                ("一般に", None)])
def test_item_number(text, expected):
    assert item_number(text) == expected


def test_anchors_follow_e_gov_style():
    body = ("## 第2条（定義）\n\n用語の意義。\n\n- 一　情報資産\n- 二　職員\n\n２　第2項。\n\n"
            "- 一　第2項の号\n\n## 第2条の2\n\n枝番。\n\n## 第3条　削除\n\n## 附則\n\n施行期日。\n")
    assert anchors(body) == [
        "Article_2", "Article_2-Paragraph_1", "Article_2-Paragraph_1-Item_1", "Article_2-Paragraph_1-Item_2",
        "Article_2-Paragraph_2", "Article_2-Paragraph_2-Item_1",
        "Article_2_2", "Article_2_2-Paragraph_1", "Article_3", "SupplProvision", "SupplProvision-Paragraph_1",
    ]
    rule = load(body).rule
    article3 = rule.by_anchor()["Article_3"]
    assert article3.deleted and article3.line == 26


def test_anchors_are_stable_when_other_articles_change():
    before = anchors("## 第1条\n\nA。\n\n## 第2条\n\nB。\n\n２　C。\n")
    after = anchors("## 第1条\n\nA をもっと長く。\n\n２　新しい項。\n\n## 第2条\n\nB。\n\n２　C。\n")
    assert set(before) <= set(after)
    assert "Article_2-Paragraph_2" in after


def test_yoko_numbering():
    body = "## 第3\n\n1　責任者を置く。\n\n2　責任者は指揮監督する。\n"
    assert anchors(body, kind="要綱", text="要旨") == ["Article_3", "Article_3-Paragraph_1", "Article_3-Paragraph_2"]


def test_unnumbered_continuation_stays_in_the_paragraph():
    rule = load("## 第1条\n\n第一文。\n\n第二文も同じ項。\n\n２　第2項。\n").rule
    first, second = rule.provisions[0].children
    assert first.text == "第一文。\n第二文も同じ項。" and second.number == (2,)


def test_ordered_list_items_use_their_marker():
    assert anchors("## 第1条\n\n次の号。\n\n1. 一つ目\n3. 三つ目\n", text="要旨")[-1] == "Article_1-Paragraph_1-Item_3"


def test_numbering_gap_is_an_error_in_full_text_only():
    body = "## 第1条\n\nA。\n\n## 第3条\n\nC。\n"
    assert codes(body) == [(15, "PB201")]
    assert codes(body, text="要旨") == []


def test_numbering_duplicate_and_order():
    body = "## 第1条\n\nA。\n\n## 第2条\n\nB。\n\n## 第2条\n\nB'。\n\n## 第1条の2\n\nC。\n"
    assert codes(body) == [(19, "PB202"), (23, "PB203")]


def test_paragraph_gap_and_item_duplicate():
    body = "## 第1条\n\nA。\n\n- 一　x\n- 一　y\n\n３　飛んだ項。\n"
    assert codes(body) == [(16, "PB202"), (18, "PB201")]


def test_branch_numbers_do_not_count_as_gaps():
    assert codes("## 第8条\n\nA。\n\n## 第8条の2\n\nB。\n\n## 第9条\n\nC。\n".replace("第8条", "第1条").replace("第9条", "第2条")) == []


def test_orphans_are_reported():
    assert codes("２　条の外の項。\n\n- 一　条の外の号\n") == [(9, "PB206"), (11, "PB204"), (13, "PB204")]


def test_title_must_match():
    loaded = load_rule_text(FRONT.format(kind="規程", text="要旨").replace("# 規程", "# 別の名前") + "## 第1条\n\nA。\n", "x.md")
    assert [(d.line, d.code) for d in loaded.diagnostics if d.code != "PB112"] == [(9, "PB205")]


def test_raw_html_is_reported():
    assert (13, "PB207") in codes("## 第1条\n\n<script>alert(1)</script>\n", text="要旨")
