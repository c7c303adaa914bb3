"""Our parser and quizdown-js itself read every bank the same way.

quizdown-js (npm ``quizdown``, pinned in package-lock.json) is loaded from node_modules into
Debian's Chromium; its ``parseQuizdown`` runs on each bank and its questions, types, options,
comments and right answers are compared with ours.
"""

from __future__ import annotations

import json
import re

import pytest

from policybook.quiz.model import MULTIPLE, ORDERING, SINGLE
from policybook.quiz.parser import load_bank
from conftest import PROJECT, TESTS

pytestmark = pytest.mark.browser

BUNDLE = PROJECT / "node_modules" / "quizdown" / "public" / "build" / "quizdown.js"
BANKS = sorted((PROJECT / "quizzes").glob("*.md")) + sorted((TESTS / "roots" / "test-quiz" / "quizzes").glob("*.md"))
TYPES = {"SingleChoice": SINGLE, "MultipleChoice": MULTIPLE, "Sequence": ORDERING}
_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    return _TAG.sub("", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').strip()


@pytest.fixture(scope="module")
def quizdown(browser):
    if not BUNDLE.exists():
        pytest.fail("quizdown-js is missing: run 'npm ci' (make test does it)")
    page = browser.new_page()
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(BUNDLE))
    yield page
    page.close()


def test_banks_exist():
    assert len(BANKS) >= 2


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_quizdown_js_reads_the_bank_as_we_do(quizdown, path):
    ours, problems = load_bank(path)
    assert not [d for d in problems if d.code in ("PB401", "PB402", "PB403", "PB404")], problems
    theirs = json.loads(quizdown.evaluate(
        """(src) => JSON.stringify(quizdown.parseQuizdown(src, {}).questions.map(q => ({
              text: q.text, type: q.quizType,
              answers: q.answers.map(a => ({id: a.id, html: a.html, correct: !!a.correct, comment: a.comment || ""}))})))""",
        path.read_text(encoding="utf-8")))
    assert len(theirs) == len(ours.questions)
    for q, t in zip(ours.questions, theirs):
        assert _plain(t["text"]) == q.text
        assert TYPES[t["type"]] == q.type, q.id
        answers = sorted(t["answers"], key=lambda a: a["id"])  # quizdown-js shuffles ordering answers
        assert [_plain(a["html"]) for a in answers] == [o.text for o in q.options], q.id
        assert [_plain(a["comment"]) for a in answers] == [o.comment for o in q.options], q.id
        if q.type != ORDERING:
            assert [a["id"] for a in answers if a["correct"]] == q.right, q.id
