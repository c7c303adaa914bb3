"""Front matter: every kind of bad input is a located diagnostic, never a traceback."""

from __future__ import annotations

import pytest

from policybook import metadata
from policybook.corpus import load_rule_text
from conftest import PROJECT

GOOD = """\
id: good
title: 規程
kind: 規程
status: in-force
text_status: 要旨
"""


def diags(front: str, body: str = "# 規程\n\n## 第1条\n\n本文。\n"):
    return load_rule_text(f"---\n{front}---\n\n{body}", "policies/x.md").diagnostics


def located(front: str, **kw):
    return [(d.line, d.column, d.code) for d in diags(front, **kw) if d.code != "PB112"]


def test_good_front_matter_is_clean():
    assert located(GOOD) == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        # 1. YAML syntax error: reported where the parser stopped
        (GOOD + "aliases: [unclosed\n", [(7, 19, "PB100")]),
        # 2. duplicate key: at the second occurrence
        (GOOD + "owner: 総務課\nowner: 人事課\n", [(8, 1, "PB101")]),
        # 3. YAML 1.1 boolean surprise
        (GOOD.replace("status: in-force", "status: no"), [(5, 9, "PB102"), (5, 9, "PB107")]),
        # 4. sexagesimal surprise
        (GOOD + "summary: 12:30\n", [(7, 10, "PB102")]),
        # 5. unknown key, with a did-you-mean
        (GOOD + "ownr: 総務課\n", [(7, 1, "PB103")]),
        # 6. wrong type: a string where a list is expected
        (GOOD + "audience: 職員\n", [(7, 11, "PB104")]),
        # 7. a date that does not exist
        (GOOD + "effective: 2026-02-30\n", [(7, 12, "PB105")]),
        # 8. a date in the wrong form
        (GOOD + "review_due: 2026/04/01\n", [(7, 13, "PB105")]),
        # 9. missing required key
        (GOOD.replace("kind: 規程\n", ""), [(2, 1, "PB106")]),
        # 10. value outside the allowed set
        (GOOD.replace("kind: 規程", "kind: 規定"), [(4, 7, "PB107")]),
        # 11. superseded without successor
        (GOOD.replace("status: in-force", "status: superseded"), [(5, 9, "PB110")]),
        # 12. an id with characters that break links
        (GOOD.replace("id: good", "id: Good Rule"), [(2, 5, "PB107")]),
        # 13. month out of range
        (GOOD + "last_amended: 2024-13\n", [(7, 15, "PB105")]),
        # 14. a number that is not a whole number
        (GOOD + "number: 五\n", [(7, 9, "PB104")]),
        # 15. not a mapping at all
        ("- a\n- b\n", [(1, 1, "PB104")]),
        # 16. unknown role in audience, with a did-you-mean
        (GOOD + "audience: [職員, 課長]\n", [(7, 16, "PB107")]),
    ],
    ids=["yaml-syntax", "duplicate-key", "bool-surprise", "base60-surprise", "unknown-key",
         "wrong-type", "impossible-date", "date-form", "missing-key", "bad-enum",
         "superseded-without-successor", "bad-id", "bad-month", "number-type", "not-mapping",
         "unknown-role"],
)
def test_bad_front_matter_is_located(front, expected):
    assert located(front) == expected


def test_messages_say_how_to_fix():
    by_code = {d.code: d for d in diags(GOOD + "ownr: 総務課\naudience: 職員\neffective: 2026-02-30\n")}
    assert by_code["PB103"].hint == "did you mean 'owner'?"
    assert "day is out of range" in by_code["PB105"].message
    assert by_code["PB104"].hint == "write it as a list: [職員]"
    text = by_code["PB103"].format_text()
    assert text.startswith("policies/x.md:7:1: PB103 unknown key 'ownr'")


def test_enum_suggestion():
    (d,) = [d for d in diags(GOOD.replace("status: in-force", "status: inforce")) if d.code != "PB112"]
    assert d.code == "PB107" and d.hint == "did you mean 'in-force'?"


def test_no_front_matter_and_unclosed_front_matter():
    assert [d.code for d in load_rule_text("# 規程\n\n## 第1条\n\n本文\n", "x.md").diagnostics] == ["PB109"]
    unclosed = load_rule_text("---\nid: x\n# 規程\n", "x.md").diagnostics
    assert [(d.line, d.code) for d in unclosed] == [(1, "PB100")]


def test_bad_front_matter_keeps_the_body():
    loaded = load_rule_text("---\nid: [\n---\n\n# 規程\n\n## 第1条\n\n本文。\n", "policies/kept.md")
    assert loaded.rule is not None
    assert loaded.rule.id == "kept"  # falls back to the file name
    assert [p.anchor for p in loaded.rule.walk()] == ["Article_1", "Article_1-Paragraph_1"]


def test_valid_fields_survive_next_to_invalid_ones():
    rule = load_rule_text("---\n" + GOOD + "owner: 総務課\neffective: 2026-02-30\n---\n\n# 規程\n", "x.md").rule
    assert rule.owner == "総務課" and rule.effective is None


def test_committed_json_schema_is_current():
    committed = (PROJECT / "schema" / "policy.schema.json").read_text(encoding="utf-8")
    assert committed == metadata.export(), "run 'make schema' and commit the result"


def test_partial_dates():
    assert metadata.parse_date("2014-08-08") == (2014, 8, 8)
    assert metadata.parse_date("2010-04") == (2010, 4)
    with pytest.raises(ValueError):
        metadata.parse_date("2026-02-30")


def test_every_key_and_code_is_documented_in_japanese():
    from policybook import diagnostics as dx
    assert set(metadata.DESCRIPTIONS_JA) == set(metadata.SCHEMA["properties"])
    assert set(dx.SUMMARIES_JA) == set(dx.CODES)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["---", "id: x", "title: 規程", "kind: 規程", "status: no", "text_status: 要旨",
                           "aliases: [a, a]", "effective: 2026-02-30", "  - 職員", "key: [", "key: {a: 1}",
                           ": :", "\t", "# 規程", "## 第1条", "２　項", "- 一　号", "```", "\ufeff", "&a *a", "!!python/x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20), st.text(max_size=40))
def test_loader_never_raises(lines, noise):
    loaded = load_rule_text("\n".join(lines) + noise, "policies/fuzz.md")
    for d in loaded.diagnostics:
        assert d.line >= 0 and d.code in __import__("policybook.diagnostics", fromlist=["CODES"]).CODES
