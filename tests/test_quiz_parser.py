"""The quiz parser: the quizdown dialect, our extensions, every diagnostic at its line."""

from __future__ import annotations

import pytest

from policybook.quiz.checks import check_citations, duplicate_ids
from policybook.quiz.model import MULTIPLE, ORDERING, SINGLE
from policybook.quiz.parser import parse_bank
from citation_corpus import build_index

HEADER = "---\nid: bank\ntitle: テスト\naudience: [職員]\npassingGrade: 80\n---\n\n"


def parse(body: str, header: str = HEADER):
    return parse_bank(header + body, "quizzes/bank.md")


def codes(body: str, header: str = HEADER) -> list[tuple[int, str]]:
    return sorted((d.line, d.code) for d in parse(body, header)[1])


GOOD = """# 一つ選ぶ問題

<!-- id: bank-01 -->

> ヒント

1. [ ] いいえ
   > 違います。
1. [x] はい

<!-- explanation: 個人情報保護条例第12条第2項のとおりです。 -->
<!-- cites: 個人情報保護条例第12条第2項 -->
<!-- tags: a, b -->

# 全て選ぶ問題

<!-- id: bank-02 -->

- [x] 一
- [ ] 二
- [x] 三

<!-- explanation: 説明。 -->
<!-- cites: 公文書取扱規程第48条 -->

# 並べる問題

<!-- id: bank-03 -->

1. 最初
2. 次
3. 最後

<!-- explanation: 説明。 -->
<!-- cites: jorei#Article_12 -->
"""


def test_good_bank():
    bank, diags = parse(GOOD)
    assert diags == []
    assert (bank.id, bank.title, bank.audience, bank.passing_grade) == ("bank", "テスト", ["職員"], 80)
    one, many, order = bank.questions
    assert (one.type, one.right, one.hint, one.options[0].comment, one.tags) == (SINGLE, [1], "ヒント", "違います。", ["a", "b"])
    assert (many.type, many.right) == (MULTIPLE, [0, 2])
    assert (order.type, order.right, [o.text for o in order.options]) == (ORDERING, [0, 1, 2], ["最初", "次", "最後"])
    assert one.line == 8 and one.explanation_line == 18


def test_version_changes_with_content():
    a, _ = parse(GOOD)
    b, _ = parse(GOOD.replace("1. [x] はい", "1. [x] はい、そうです"))
    assert a.version != b.version and a.version == parse(GOOD)[0].version


@pytest.mark.parametrize(("body", "expected"), [
    ("# 問\n\n<!-- id: b-1 -->\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(8, "PB401")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [ ] a\n1. [ ] b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(8, "PB402")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n1. [x] b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(8, "PB402")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n1. b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(13, "PB403")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n\n1. [ ] b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(14, "PB404")]),
    ("# 問\n\n1. [x] a\n1. [ ] b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(8, "PB408")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n1. [ ] b\n\n<!-- cites: c -->\n", [(8, "PB406")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n- [ ] a\n- [ ] b\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(8, "PB410")]),
    ("# 問\n\n<!-- id: b-1 -->\n<!-- answer: a -->\n\n1. [x] a\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", [(11, "PB407")]),
    ("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n\n<!-- explanation: x -->\n", [(8, "PB411")]),
], ids=["no-options", "single-zero-right", "single-two-right", "mixed-items", "blank-line", "no-id",
        "no-explanation", "multiple-none-right", "unknown-extension", "no-cites"])
def test_diagnostics_at_their_line(body, expected):
    assert codes(body) == expected


def test_unknown_and_bad_header_options():
    header = "---\nid: bank\nshuffleAnswer: true\npassingGrade: high\naudience: [職員, 係長]\n---\n\n"
    found = codes("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", header)
    assert found == [(3, "PB407"), (4, "PB409"), (5, "PB107")]
    _, diags = parse("# 問\n", header)
    assert next(d for d in diags if d.code == "PB407").hint == "did you mean 'shuffleAnswers'?"


def test_yaml_problems_in_the_header_are_located():
    header = "---\nid: bank\nid: again\nshuffleAnswers: yes\n---\n\n"
    found = codes("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n\n<!-- explanation: x -->\n<!-- cites: c -->\n", header)
    assert (3, "PB101") in found and (4, "PB102") in found


def test_duplicate_ids_across_banks():
    a, _ = parse_bank(HEADER + GOOD, "quizzes/a.md")
    b, _ = parse_bank(HEADER.replace("id: bank", "id: other") + GOOD, "quizzes/b.md")
    found = duplicate_ids([a, b])
    assert [(d.path, d.line, d.code) for d in found] == [("quizzes/b.md", 8, "PB405"), ("quizzes/b.md", 22, "PB405"),
                                                         ("quizzes/b.md", 33, "PB405")]


def test_cited_provisions_resolve_or_are_reported():
    index = build_index()
    bank, _ = parse("# 問\n\n<!-- id: b-1 -->\n\n1. [x] a\n\n<!-- explanation: 個人情報保護条例第99条による。 -->\n"
                    "<!-- cites: 個人情報保護条例第12条第2項, 同条例第6条, jorei#Article_77, 存在しない規程 -->\n")
    found = sorted((d.line, d.code) for d in check_citations(bank, index))
    assert found == [(14, "PB302"), (15, "PB301"), (15, "PB302")]
    assert bank.questions[0].targets == ["jorei#Article_12-Paragraph_2", "jorei#Article_6"]


def test_never_raises_on_garbage():
    for text in ["", "---\n", "# \n", "- [x]\n", "1. [x]\n1.", "<!-- id: -->", "# a\n> \n> \n1. [", "\x00\x01"]:
        parse_bank(text, "quizzes/x.md")
