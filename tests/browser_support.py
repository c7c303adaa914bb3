"""Shared helpers for browser tests: a static server and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


# The policy an intranet deployment should send (docs/dev/deployment.md); every browser test
# runs under it, so a violation shows up as a console error and fails the test.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser may drop a connection it no longer needs


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, relative to it."""
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "_static" not in p.parts)


def serve(folder: Path):
    """Serve ``folder`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def launch():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required for browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()




# axe-core from npm (package-lock.json pins it); the page fetches it from its own origin, so
# the strict policy above still applies while it runs.
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serve_axe(context) -> None:
    """Answer the page's request for axe-core from the pinned copy in node_modules."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run 'npm ci' (make test does)")
    source = AXE.read_text(encoding="utf-8")
    context.route(f"**{AXE_PATH}", lambda route: route.fulfill(body=source, content_type="text/javascript"))


def axe_problems(page, base: str, impacts=("serious", "critical")) -> list[str]:
    """WCAG 2.1 A/AA violations of the given impacts on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(url=base + AXE_PATH)
    violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                               ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                               " nodes: v.nodes.map(n => n.target.join(' '))})))", WCAG_A_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'][:5])}"
            for v in violations if v["impact"] in impacts]


def tab_to(page, selector: str, text: str | None = None, limit: int = 300) -> None:
    """Press Tab until the focused element matches ``selector`` (and shows ``text``), as a
    keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("([s, t]) => { const el = document.activeElement;"
                         " return !!el && el.matches(s) && (t === null || el.textContent.trim() === t); }",
                         [selector, text]):
            return
    raise AssertionError(f"{selector} {text or ''} is not reachable with Tab on {page.url}")
