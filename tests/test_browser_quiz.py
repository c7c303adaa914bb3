"""Quizzes in a real browser: answering, keyboard, saving, presenter view, trainer page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from browser_support import serve
from conftest import copy_root

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("quiz-src")
    copy_root("quiz", src)
    out = tmp_path_factory.mktemp("quiz-site")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def url(quiz_site):
    yield from serve(quiz_site)


@pytest.fixture
def page(browser, url):
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) and not r.url.startswith(("data:", "blob:")) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert outside == [] and errors == []


def _open(page, url):
    page.goto(f"{url}/docs/quiz-jorei.html")
    return page.locator("section.pb-quiz")


def _order(page, right: bool):
    selects = page.locator("fieldset[data-qid=jorei-03] select.pb-order-select")
    for i in range(selects.count()):
        select = selects.nth(i)
        index = int(select.get_attribute("data-index"))
        position = index + 1 if right else 3 - index
        select.select_option(str(position))


def test_answer_right_with_the_mouse(page, url):
    quiz = _open(page, url)
    quiz.get_by_label("保護条例第2条第2項").check()
    quiz.get_by_role("checkbox", name="目的を確認する").check()
    quiz.get_by_role("checkbox", name="記録する").check()
    _order(page, right=True)
    quiz.get_by_role("button", name="答え合わせ").click()
    assert quiz.locator(".pb-result").inner_text() == "3問中3問正解（100％）。合格です。"
    feedback = quiz.locator("fieldset[data-qid=jorei-01] .pb-feedback")
    assert feedback.is_visible() and "正解です。" in feedback.inner_text()
    # the explanation links to the exact provision
    assert feedback.locator("a", has_text="保護条例第2条第2項").first.get_attribute("href") == "../policies/jorei.html#Article_2-Paragraph_2"
    assert quiz.locator("fieldset[data-qid=jorei-01] .pb-option-comment").filter(has_text="そのとおりです。").is_visible()


def test_answer_wrong_shows_why(page, url):
    quiz = _open(page, url)
    quiz.get_by_label("保護条例第1条").check()
    quiz.get_by_role("checkbox", name="何もしない").check()
    _order(page, right=False)
    quiz.get_by_role("button", name="答え合わせ").click()
    assert quiz.locator(".pb-result").inner_text().startswith("3問中0問正解（0％）。合格の目安（60％）に届きませんでした。")
    assert quiz.locator("fieldset[data-qid=jorei-01] .pb-option-comment").filter(has_text="第1条は目的です。").is_visible()
    assert "正しい順：確認する → 記録する → 報告する" in quiz.locator("fieldset[data-qid=jorei-03]").inner_text()
    quiz.get_by_role("button", name="やり直す").click()
    assert not quiz.locator("fieldset[data-qid=jorei-01] .pb-feedback").is_visible()
    assert not quiz.get_by_label("保護条例第1条").is_checked()


def test_keyboard_only(page, url):
    _open(page, url)
    page.locator("fieldset[data-qid=jorei-01] input").first.focus()
    page.keyboard.press("ArrowDown")           # radio group: move to the second option and select it
    page.keyboard.press("Tab")                 # to the first checkbox of question 2
    page.keyboard.press("Space")               # 目的を確認する
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")               # 記録する
    selects = page.locator("fieldset[data-qid=jorei-03] select.pb-order-select")
    for i in range(selects.count()):
        page.keyboard.press("Tab")
        index = int(selects.nth(i).get_attribute("data-index"))
        for _ in range(index + 1):
            page.keyboard.press("ArrowDown")   # choose position index+1 in a closed select
    focused = ""
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if focused == "答え合わせ":
            break
    assert focused == "答え合わせ"
    page.keyboard.press("Enter")
    assert page.locator(".pb-result").inner_text() == "3問中3問正解（100％）。合格です。"


def test_progress_is_kept_across_reload(page, url):
    quiz = _open(page, url)
    quiz.get_by_label("保護条例第2条第2項").check()
    quiz.get_by_role("checkbox", name="記録する").check()
    page.reload()
    quiz = page.locator("section.pb-quiz")
    assert quiz.get_by_label("保護条例第2条第2項").is_checked()
    assert quiz.get_by_role("checkbox", name="記録する").is_checked()
    assert quiz.locator(".pb-result").inner_text() == "前回の回答を復元しました。"


def test_presenter_view(page, url):
    quiz = _open(page, url)
    quiz.get_by_role("button", name="研修用の表示").click()
    visible = quiz.locator("fieldset.pb-question:visible")
    assert visible.count() == 1 and "問1" in visible.locator("legend").inner_text()
    quiz.get_by_role("button", name="答えを表示").click()
    assert "正解：保護条例第2条第2項" in visible.locator(".pb-feedback").inner_text()
    quiz.get_by_label("挙手の数：保護条例第2条第2項").fill("12")
    quiz.get_by_role("button", name="次の問題").click()
    assert "問2" in quiz.locator("fieldset.pb-question:visible legend").inner_text()
    quiz.get_by_role("button", name="終了").click()
    summary = quiz.locator(".pb-present-summary")
    assert "研修のまとめ" in summary.inner_text() and "保護条例第2条第2項：12人" in summary.inner_text()


def _result(page, url, answers: dict, name: str) -> dict:
    quiz = _open(page, url)
    page.evaluate("localStorage.clear()")
    page.reload()
    quiz = page.locator("section.pb-quiz")
    for label in answers["labels"]:
        quiz.get_by_role("checkbox", name=label).or_(quiz.get_by_role("radio", name=label)).check()
    _order(page, right=answers["order"])
    quiz.locator(".pb-name").fill(name)
    quiz.get_by_role("button", name="答え合わせ").click()
    with page.expect_download() as info:
        quiz.get_by_role("button", name="結果ファイルを保存").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    code = quiz.locator(".pb-code").input_value()
    return {"file": info.value.path(), "data": data, "code": code}


def test_results_import_into_the_trainer_page(page, url, tmp_path):
    good = _result(page, url, {"labels": ["保護条例第2条第2項", "目的を確認する", "記録する"], "order": True}, "山田")
    bad = _result(page, url, {"labels": ["保護条例第1条"], "order": False}, "鈴木")
    assert good["data"]["score"] == 100 and good["data"]["passed"] and good["data"]["name"] == "山田"
    assert bad["data"]["score"] == 0 and set(bad["data"]["missed"]) == {"jorei-01", "jorei-02", "jorei-03"}
    assert good["code"].startswith("PB1.")
    page.goto(f"{url}/docs/trainer.html")
    trainer = page.locator(".pb-trainer")
    trainer.locator(".pb-trainer-files").set_input_files([good["file"], bad["file"]])
    out = trainer.locator(".pb-trainer-out")
    out.get_by_text("受講者数：2人").wait_for()
    assert out.get_attribute("data-pass-rate") == "50" and out.get_attribute("data-average") == "50"
    assert "条例の確認：個人情報を集めるときに確認する規定はどれですか。（1人）" in out.inner_text()
    # codes pasted by hand count the same way
    page.reload()
    trainer.locator(".pb-trainer-codes").fill(good["code"] + "\n" + bad["code"])
    trainer.get_by_role("button", name="結果コードを読み込む").click()
    assert out.get_attribute("data-count") == "2"
    with page.expect_download() as info:
        trainer.get_by_role("button", name="CSVで保存（研修実施報告用）").click()
    csv = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert csv[0] == "氏名等,クイズ,版,正解数,問題数,得点,合否,開始,終了"
    assert csv[1].startswith("山田,jorei,") and ",100,合格," in csv[1] and ",0,不合格," in csv[2]


def test_without_script_questions_read_as_a_list_and_answers_are_withheld(browser, url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}/docs/quiz-jorei.html")
    quiz = page.locator("section.pb-quiz")
    text = quiz.inner_text()
    assert "問1" in text and "保護条例第2条第2項" in text
    assert "正解：" not in text and "そのとおりです。" not in text and "解説" not in text
    assert not quiz.locator(".pb-quiz-controls").is_visible()
    context.close()


def test_selection_by_tag_and_cited_provision(page, url):
    page.goto(f"{url}/docs/selection.html")
    quizzes = page.locator("section.pb-quiz")
    assert quizzes.count() == 2
    assert quizzes.nth(0).locator("fieldset").count() == 1   # tag 記録: jorei-02
    assert quizzes.nth(1).locator("fieldset").count() == 2   # cites 第2条 (and its paragraphs): jorei-01, jorei-03
