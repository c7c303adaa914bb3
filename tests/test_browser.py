"""The built site in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations


import pytest


pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_and_stays_inside_the_site(browser, server, site):
    from browser_support import site_pages

    pages = site_pages(site)
    assert len(pages) > 30
    problems: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    current = {"url": ""}
    page.on("console", lambda m: problems.append(f"{current['url']}: console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{current['url']}: page error: {e}"))
    page.on("request", lambda r: problems.append(f"{current['url']}: outside request {r.url}")
            if not r.url.startswith(server) and not r.url.startswith("data:") else None)
    page.on("response", lambda r: problems.append(f"{current['url']}: {r.status} {r.url}")
            if r.status >= 400 else None)
    from browser_support import CSP

    for rel in pages:
        current["url"] = rel
        response = page.goto(f"{server}/{rel}", wait_until="load")
        # every page is loaded under the strict policy: a violation is a console error above
        assert response.headers["content-security-policy"] == CSP
    context.close()
    assert problems == [], "\n".join(problems)


def test_citation_anchor_is_reachable(browser, server):
    """A link to a paragraph lands on it: the anchor exists and is scrolled into view."""
    page = browser.new_page()
    page.goto(f"{server}/policies/kojin-joho-hogo-jorei.html#Article_12-Paragraph_2")
    target = page.locator("#Article_12-Paragraph_2")
    assert target.count() == 1
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "Article_12-Paragraph_2"
    page.close()


def test_readable_on_a_phone(browser, server):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(f"{server}/policies/kojin-joho-hogo-jorei.html")
    # no horizontal scrolling on a narrow screen
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.close()
