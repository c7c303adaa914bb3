"""The fast reader gives exactly what the full MyST parser gives, whenever it accepts a file."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policybook import fastmd, structure
from policybook.bench.generate import write_rule
from policybook.citations.blocks import blocks_from_tokens
from policybook.markdown import parser
from conftest import PROJECT


def outputs(tokens):
    provisions, title, title_line, diags = structure.parse(tokens, "x.md", "規程", full_text=True)
    flat = [(p.kind, p.number, p.label, p.anchor, p.line, p.caption, p.deleted, p.text)
            for top in provisions for p in top.walk()]
    blocks = [(b.text, b.line) for b in blocks_from_tokens(tokens)]
    return flat, title, title_line, [(d.line, d.code, d.message) for d in diags], blocks


def assert_same(text: str) -> bool:
    fast = fastmd.parse(text)
    if fast is None:
        return False
    assert outputs(fast) == outputs(parser().parse(text))
    fm_fast = [t for t in fast if t.type == "front_matter"]
    fm_full = [t for t in parser().parse(text) if t.type == "front_matter"]
    assert [(t.content, t.map[0]) for t in fm_fast] == [(t.content, t.map[0]) for t in fm_full]
    return True


SOURCES = sorted(p for pattern in ("policies/*.md", "docs/**/*.md", "tests/roots/**/*.md")
                 for p in PROJECT.glob(pattern))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_real_files(path):
    assert_same(path.read_text(encoding="utf-8"))


def test_most_rule_files_take_the_fast_path():
    rules = sorted((PROJECT / "policies").glob("*.md"))
    fast = [p for p in rules if fastmd.parse(p.read_text(encoding="utf-8")) is not None]
    assert len(fast) >= len(rules) * 0.7


def test_generated_rules():
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(0, 12000, 997):
            write_rule(Path(folder), n, rng)
        for path in Path(folder).glob("*.md"):
            assert assert_same(path.read_text(encoding="utf-8"))


LINE = st.sampled_from([
    "", "", "# 規程", "## 第1条", "## 第2条（定義）", "### 第3条　削除", "## 附則", "## 第3", "本文です。",
    "２　第2項です。", "3 半角の項。", "- 一　号です。", "- (2) 号です。", "* 別の記号", "1. 順序", "3) 別の区切り",
    "第一文に続けて", "  字下げ", "> 引用", "```", "| a | b |", "=== ", "---", "***", "本文に*強調*", "`コード`",
    "[リンク](x)", "<b>", "#見出しでない", "1.2 数字", "- ", "-- 二つ", ":::{note}", "(ラベル)=", "- 項目\n  続き",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=25), st.booleans())
def test_random_documents(lines, front):
    text = ("---\nid: x\n---\n" if front else "") + "\n".join(lines) + "\n"
    assert_same(text)
