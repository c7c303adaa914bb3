"""Corpus-wide checks, on rules built in memory."""

from __future__ import annotations

from policybook import checks
from policybook.model import Rule


def rule(id_, **kw):
    return Rule(id=id_, path=f"policies/{id_}.md", title=kw.pop("title", id_), kind=kw.pop("kind", "規程"), **kw)


def codes(rules):
    return sorted((d.path, d.code) for d in checks.corpus_checks(rules))


def test_duplicate_ids():
    a, b = rule("a"), rule("a", title="other")
    b.path = "policies/z.md"
    assert codes([a, b]) == [("policies/z.md", "PB108")]


def test_ambiguous_alias():
    assert codes([rule("a", aliases=("略称",)), rule("b", aliases=("略称",))]) == [("policies/b.md", "PB114")]


def test_unknown_parent_and_successor():
    assert codes([rule("a", parent="x", successor="y")]) == [("policies/a.md", "PB111"), ("policies/a.md", "PB111")]


def test_parent_cycle():
    assert codes([rule("a", parent="b"), rule("b", parent="a")]) == [("policies/a.md", "PB116"), ("policies/b.md", "PB116")]


def test_duplicate_number_in_parent():
    rules = [rule("p"), rule("a", parent="p", number=5), rule("b", parent="p", number=5)]
    assert codes(rules) == [("policies/b.md", "PB115")]


def test_date_order():
    assert codes([rule("a", effective="2020-04-01", last_amended="2019-01")]) == [("policies/a.md", "PB113")]
    assert codes([rule("a", effective="2020-04", last_amended="2020-04-15")]) == []
