"""Search benchmark: our index against Sphinx's own, on the real site and a generated corpus."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..search.evaluate import first_query, load_queries, rates, run, run_stock
from .generate import generate, rule_name

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def build(src: Path, out: Path, ours: bool) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-E", "-q", "-b", "html",
                    "-D", f"policybook_search={int(ours)}", str(src), str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _serve(folder: Path):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass

    httpd = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def compare(src: Path, work: Path, queries: list[dict], probe: str) -> dict:
    from playwright.sync_api import sync_playwright

    ours_dir, stock_dir = work / "ours", work / "stock"
    result = {"build_seconds_ours": round(build(src, ours_dir, True), 1),
              "build_seconds_stock": round(build(src, stock_dir, False), 1)}
    result["index_bytes_on_disk_ours"] = disk(ours_dir / "_static" / "pbsearch")
    result["index_bytes_on_disk_stock"] = (stock_dir / "searchindex.js").stat().st_size
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, folder, runner in (("ours", ours_dir, run), ("stock", stock_dir, run_stock)):
            httpd, base = _serve(folder)
            page = browser.new_page()
            top1, top3 = rates(runner(page, base, queries))
            result[f"top1_{name}"], result[f"top3_{name}"] = round(top1, 3), round(top3, 3)
            if name == "ours":
                fresh = browser.new_page()
                result.update(first_query(fresh, base, probe))
                fresh.close()
            page.close()
            httpd.shutdown()
        browser.close()
    return result


def generated_queries(rules: int, count: int = 40) -> list[dict]:
    rng = random.Random(5)
    out = []
    for n in rng.sample(range(rules), count):
        title, short, _ = rule_name(n)
        out.append({"q": short if n % 2 else title, "a": [f"policies/rule-{n:05d}"]})
    return out


def main(work: Path, root: Path) -> dict:
    queries = load_queries(root / "tests" / "data" / "search-queries.yaml")
    results = {"real": compare(root, work / "search-real", queries, "個人情報保護条例")}
    corpus = work / "search-corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    generate(corpus, rules=500, pages=500, citations_per_page=10)
    (corpus / "conf.py").write_text((root / "tests" / "roots" / "test-basic" / "conf.py").read_text(encoding="utf-8")
                                    + "\nhtml_theme = 'pydata_sphinx_theme'\n", encoding="utf-8")
    results["generated_1000"] = compare(corpus, work / "search-gen", generated_queries(500), rule_name(7)[1])
    return results
