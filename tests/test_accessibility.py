"""WCAG 2.1 A/AA in a real browser: axe-core on every page, and keyboard-only use.

JIS X 8341-3 asks for WCAG level AA. axe-core (pinned in package-lock.json) runs on every
page of the built site, in the light and dark colour modes, and on the states a page only
reaches through use (search results, checked quiz, presenter view, ticked checklist). The
keyboard tests walk every page with Tab and operate each kind of control without a mouse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import axe_problems, serve_axe, site_pages, tab_to

pytestmark = pytest.mark.browser

QUIZ_PAGE = "docs/quizzes/angoka-password.html"
CHECKLIST_PAGE = "docs/checklists/shokuin.html"


@pytest.fixture()
def context(browser):
    context = browser.new_context(accept_downloads=True)
    serve_axe(context)
    yield context
    context.close()


def test_every_page_has_no_serious_wcag_violation(context, server, site):
    page = context.new_page()
    problems = []
    for rel in site_pages(site):
        page.goto(f"{server}/{rel}")
        problems += [f"{rel}: {p}" for p in axe_problems(page, server)]
    assert problems == [], "\n".join(problems)


def test_dark_mode_keeps_contrast(browser, server, site):
    """The theme follows the reader's system setting; dark mode must pass too."""
    context = browser.new_context(color_scheme="dark")
    serve_axe(context)
    page = context.new_page()
    problems = []
    for rel in site_pages(site):
        page.goto(f"{server}/{rel}")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        problems += [f"{rel}: {p}" for p in axe_problems(page, server)]
    context.close()
    assert problems == [], "\n".join(problems)


def test_states_reached_through_use_have_no_serious_violation(context, server):
    page = context.new_page()
    page.goto(f"{server}/search.html?q=USB%20持ち出し")
    page.locator(".pb-search-results li").first.wait_for()
    problems = [f"search results: {p}" for p in axe_problems(page, server)]

    page.goto(f"{server}/{QUIZ_PAGE}")
    quiz = page.locator("section.pb-quiz")
    quiz.get_by_role("button", name="答え合わせ").click()      # nothing answered: every question wrong
    assert quiz.locator(".pb-feedback").first.is_visible()
    problems += [f"checked quiz: {p}" for p in axe_problems(page, server)]
    quiz.get_by_role("button", name="研修用の表示").click()
    quiz.get_by_role("button", name="答えを表示").click()
    problems += [f"presenter view: {p}" for p in axe_problems(page, server)]

    page.goto(f"{server}/{CHECKLIST_PAGE}")
    page.locator("section.pb-checklist input[type=checkbox]").first.check()
    problems += [f"ticked checklist: {p}" for p in axe_problems(page, server)]
    assert problems == [], "\n".join(problems)


# Everything a keyboard can reach, marked so the walk below can tell which ones it visited.
_MARK_CONTROLS = """() => {
  const found = [];
  document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')
    .forEach((el, i) => {
      if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [hidden]')) return;
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') return;
      el.dataset.pbKey = String(i);
      found.push({key: String(i), group: el.type === 'radio' ? el.name : null,
                  what: el.outerHTML.slice(0, 120)});
    });
  return found;
}"""

# The focused element, and whether a focus indicator is drawn on it (or on its ::after,
# which is how a stretched card link shows the ring around the whole card).
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const drawn = st => (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
  return {key: el.dataset.pbKey || null, ring: drawn(getComputedStyle(el)) || drawn(getComputedStyle(el, '::after')),
          what: el.outerHTML.slice(0, 120)};
}"""


def test_tab_reaches_every_control_with_a_visible_focus_ring(browser, server, site):
    page = browser.new_page()
    problems = []
    for rel in site_pages(site):
        page.goto(f"{server}/{rel}")
        controls = page.evaluate(_MARK_CONTROLS)
        reached, first = set(), None
        for _ in range(2 * len(controls) + 10):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED)
            if focused is None:
                continue
            if focused["key"] is not None and focused["key"] == first:
                break                                   # round the page once
            first = first or focused["key"]
            reached.add(focused["key"])
            if not focused["ring"]:
                problems.append(f"{rel}: no visible focus on {focused['what']}")
        groups = {c["group"] for c in controls if c["key"] in reached and c["group"]}
        problems += [f"{rel}: Tab never reaches {c['what']}" for c in controls
                     if c["key"] not in reached and not (c["group"] and c["group"] in groups)]
    page.close()
    assert problems == [], "\n".join(problems[:40])


def _follow_focused_link(page) -> None:
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_skip_link_then_a_task_card_by_keyboard(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.skip-link') !== null")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    tab_to(page, "a.sd-stretched-link")
    _follow_focused_link(page)
    page.close()


def test_search_by_keyboard_from_the_home_page(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/index.html")
    tab_to(page, "#pb-home-search")
    page.keyboard.type("USB 持ち出し")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.locator(".pb-search-results li a").first.wait_for()
    tab_to(page, ".pb-search-results li a")
    _follow_focused_link(page)
    assert "search.html" not in page.url
    page.close()


def test_search_shortcut_opens_the_search_dialog(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/docs/tasks/index.html")
    page.keyboard.press("Control+k")
    # the dialog opens and takes focus (waits up to Playwright's default timeout)
    page.wait_for_function("document.activeElement && document.activeElement.matches('input[type=search]')")
    page.keyboard.type("不審なメール")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    assert page.locator(".pb-search-results li a").first.is_visible()
    page.close()


def test_colour_mode_switch_by_keyboard(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/index.html")
    tab_to(page, "button.theme-switch-button")
    page.keyboard.press("Enter")                  # opens the menu
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.dataset.mode") == "dark":
            break
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.close()


def test_checklist_by_keyboard(context, server):
    page = context.new_page()
    page.goto(f"{server}/{CHECKLIST_PAGE}")
    page.evaluate("localStorage.clear()")
    page.reload()
    checklist = page.locator("section.pb-checklist").first
    tab_to(page, "section.pb-checklist input[type=checkbox]")
    page.keyboard.press("Space")
    assert checklist.locator("input[type=checkbox]").first.is_checked()
    assert checklist.locator(".pb-checklist-status").inner_text().endswith("中1項目を確認済み")
    tab_to(page, "section.pb-checklist button")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert Path(info.value.path()).read_text(encoding="utf-8-sig").startswith("番号,確認項目,確認,日時")
    page.close()


def test_presenter_view_by_keyboard(context, server):
    page = context.new_page()
    page.goto(f"{server}/{QUIZ_PAGE}")
    quiz = page.locator("section.pb-quiz")
    for name in ("研修用の表示", "答えを表示", "次の問題"):
        tab_to(page, "section.pb-quiz button", name)
        page.keyboard.press("Enter")
    assert "問2" in quiz.locator("fieldset.pb-question:visible legend").inner_text()
    page.close()


def test_dropdown_by_keyboard(context, server):
    """sphinx-design dropdowns (the survey tables on role pages) open with Enter."""
    page = context.new_page()
    page.goto(f"{server}/docs/roles/kacho.html")
    dropdown = page.locator("details.sd-dropdown").first
    assert not dropdown.locator("table").is_visible()
    tab_to(page, "details.sd-dropdown > summary")
    page.keyboard.press("Enter")
    assert dropdown.locator("table").is_visible()
    assert axe_problems(page, server) == []
    page.close()
