"""Site build benchmark: policybook against plain Sphinx + MyST on the same Markdown.

For each corpus size the generator writes two trees that differ only in the rule list
(policybook's ``policy-index`` or an ordinary toctree). Both are built with the site's theme
and MyST settings; the plain tree without the policybook extension. Measured: full build
(-j 1 and -j 2), incremental rebuilds after editing one guidance page and one cited article,
peak memory, output size and the bytes of policybook's own scripts and styles per page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .generate import generate

# The real site's settings (conf.py) that matter for build cost, in both configurations.
_CONF = '''
from policybook.markdown import MYST_DISABLE_SYNTAX, MYST_EXTENSIONS
project = "合成サイト"
language = "ja"
extensions = {extensions}
exclude_patterns = ["_build", "quizzes/**"]
myst_enable_extensions = list(MYST_EXTENSIONS)
myst_disable_syntax = list(MYST_DISABLE_SYNTAX)
html_theme = "pydata_sphinx_theme"
html_copy_source = False
html_use_index = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {{"navigation_with_keys": True, "show_toc_level": 2, "secondary_sidebar_items": ["page-toc"]}}
html_context = {{"default_mode": "auto"}}
'''
POLICYBOOK = ["myst_parser", "sphinx_design", "policybook.sphinx"]
PLAIN = ["myst_parser", "sphinx_design"]

# Peak memory of a build: the largest resident set of the build and of any worker it forked.
_MEASURE = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
            "sys.stderr.write(r.stdout + r.stderr)\n")

# Sizes: pages in all (rules 30%, guidance 60%, quiz pages 10%), as a site grows.
SIZES = (100, 1000, 5000)


def layout(pages: int) -> dict:
    return {"rules": max(1, pages * 3 // 10), "pages": pages * 6 // 10, "quiz_banks": pages // 10}


def write_tree(root: Path, pages: int, plain: bool) -> dict:
    shutil.rmtree(root, ignore_errors=True)
    info = generate(root, citations_per_page=15, chapter_size=50, plain=plain, **layout(pages))
    (root / "conf.py").write_text(_CONF.format(extensions=PLAIN if plain else POLICYBOOK), encoding="utf-8")
    return info


def sphinx(src: Path, out: Path, jobs: int = 1, fresh: bool = True) -> dict:
    """One sphinx-build run: wall time, peak memory (MiB), and what Sphinx said it did."""
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "sphinx", "-b", "html", "-j", str(jobs),
               str(src), str(out)]
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
        command.insert(command.index("-b"), "-E")
    result = subprocess.run(command, capture_output=True, text=True)
    seconds, maxrss, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"sphinx-build failed on {src}:\n{result.stderr}")
    changed = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", result.stderr)
    return {"seconds": round(float(seconds), 2), "peak_rss_mib": round(int(maxrss) / 1024),
            "read": int(changed.group(1)) + int(changed.group(2)) if changed else None,
            "warnings": result.stderr.count("WARNING")}


def disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


_ASSET = re.compile(r'(?:src|href)="([^"?]*_static/(?:policybook[^"?]*|pbsearch/[^"?]*))')


def own_bytes_per_page(out: Path) -> dict:
    """Bytes of policybook's scripts and styles each page loads (before compression)."""
    sizes = []
    for page in out.rglob("*.html"):
        if "_static" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        assets = {(page.parent / rel).resolve() for rel in _ASSET.findall(html)}
        sizes.append(sum(a.stat().st_size for a in assets if a.is_file()))
    sizes.sort()
    return {"pages": len(sizes), "mean": round(sum(sizes) / len(sizes)), "max": sizes[-1],
            "median": sizes[len(sizes) // 2]}


def append_paragraph(page: Path) -> None:
    page.write_text(page.read_text(encoding="utf-8") + "\n追記した段落です。\n", encoding="utf-8")


def edit_guidance(root: Path) -> str:
    page = sorted(root.glob("docs/ch*/guide-*.md"))[0]
    append_paragraph(page)
    return str(page.relative_to(root))


def amend(rule: Path, article: int) -> None:
    """Reword the first paragraph of an article (as an amendment would)."""
    text = rule.read_text(encoding="utf-8")
    heading = re.search(rf"^#+ 第{article}条.*\n\n(.*)$", text, re.M)
    rule.write_text(text[:heading.start(1)] + heading.group(1) + "（改正）" + text[heading.end(1):], encoding="utf-8")


def edit_article(root: Path) -> str:
    """Amend 第1条 of the first rule (cited by generated pages)."""
    rule = sorted(root.glob("policies/rule-*.md"))[0]
    amend(rule, 1)
    return str(rule.relative_to(root))


def _median_run(runs: list[dict]) -> dict:
    """The run with the median time, with the largest peak memory of all runs."""
    chosen = dict(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])
    chosen["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    chosen["all_seconds"] = [r["seconds"] for r in runs]
    return chosen


def measure(work: Path, pages: int, repeat: int = 1) -> dict:
    """Full builds of both trees alternate (ours, plain, ours, …) so that a slow spell of
    the machine hits both; the overhead is the ratio of their medians."""
    result: dict = {"layout": layout(pages)}
    ours_src, plain_src = work / f"src-{pages}", work / f"plain-{pages}"
    result["corpus"] = write_tree(ours_src, pages, plain=False)
    write_tree(plain_src, pages, plain=True)
    out, plain_out = work / f"out-{pages}", work / f"plain-out-{pages}"
    result["ours_j2"] = sphinx(ours_src, out, jobs=2)
    ours, plain = [], []
    for _ in range(repeat):
        plain.append(sphinx(plain_src, plain_out, jobs=1))
        ours.append(sphinx(ours_src, out, jobs=1))
    result["ours_j1"], result["plain_j1"] = _median_run(ours), _median_run(plain)
    result["overhead"] = round(result["ours_j1"]["seconds"] / result["plain_j1"]["seconds"], 2)
    result["output_bytes"] = disk(out)
    result["plain_output_bytes"] = disk(plain_out)
    result["own_assets_per_page"] = own_bytes_per_page(out)
    result["html_pages"] = result["own_assets_per_page"]["pages"]
    result["edit_guidance"] = {"file": edit_guidance(ours_src), **sphinx(ours_src, out, fresh=False)}
    result["edit_article"] = {"file": edit_article(ours_src), **sphinx(ours_src, out, fresh=False)}
    result["plain_edit_guidance"] = {"file": edit_guidance(plain_src), **sphinx(plain_src, plain_out, fresh=False)}
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(plain_out, ignore_errors=True)
    return result


def real_site(root: Path, work: Path) -> dict:
    """Incremental rebuilds of the real site after editing one guide and one cited article."""
    src = work / "real-src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(root, src, ignore=shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "tests"))
    out = work / "real-out"
    result = {"full_j1": sphinx(src, out, jobs=1)}
    result["own_assets_per_page"] = own_bytes_per_page(out)
    result["output_bytes"] = disk(out)
    append_paragraph(src / "docs" / "tasks" / "angoka.md")
    result["edit_guidance"] = {"file": "docs/tasks/angoka.md", **sphinx(src, out, fresh=False)}
    amend(src / "policies" / "kojin-joho-hogo-jorei.md", 12)
    result["edit_article"] = {"file": "policies/kojin-joho-hogo-jorei.md 第12条", **sphinx(src, out, fresh=False)}
    shutil.rmtree(out, ignore_errors=True)
    return result


def table(results: dict) -> str:
    rows = ["| pages (rules / guides / quizzes) | policybook -j1 | plain Sphinx+MyST -j1 | overhead (median) | policybook -j2 | "
            "edit a guide | edit a cited article (pages re-read) | peak memory ours / plain | output ours / plain | "
            "own assets per page (mean / max) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, r in results.get("generated", {}).items():
        lay = r["layout"]
        rows.append(
            f"| {r['html_pages']} ({lay['rules']} / {lay['pages']} / {lay['quiz_banks']}) | {r['ours_j1']['seconds']} s | "
            f"{r['plain_j1']['seconds']} s | {r['overhead']}× | {r['ours_j2']['seconds']} s | "
            f"{r['edit_guidance']['seconds']} s | {r['edit_article']['seconds']} s ({r['edit_article']['read']}) | "
            f"{r['ours_j1']['peak_rss_mib']} / {r['plain_j1']['peak_rss_mib']} MiB | "
            f"{r['output_bytes'] // 2**20} / {r['plain_output_bytes'] // 2**20} MiB | "
            f"{r['own_assets_per_page']['mean'] / 1024:.1f} / {r['own_assets_per_page']['max'] / 1024:.1f} KiB |")
    if "real" in results:
        r = results["real"]
        rows.append(f"\nReal site: full build {r['full_j1']['seconds']} s, edit a guide {r['edit_guidance']['seconds']} s, "
                    f"edit a cited article {r['edit_article']['seconds']} s ({r['edit_article']['read']} pages re-read), "
                    f"own assets per page mean {r['own_assets_per_page']['mean'] / 1024:.1f} KiB, "
                    f"max {r['own_assets_per_page']['max'] / 1024:.1f} KiB (target: rebuilds < 5 s).")
    return "\n".join(rows)


def main(work: Path, root: Path, sizes=SIZES) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"real": real_site(root, work), "generated": {}}
    for size in sizes:
        start = time.perf_counter()
        # full builds are timed 3 times up to 1,000 pages (median); once at 5,000
        results["generated"][size] = measure(work, size, repeat=3 if size <= 1000 else 1)
        print(f"[bench] {size} pages measured in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        (work / "build-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[3] / "_build" / "bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    res = main(args.out, Path(__file__).resolve().parents[3], tuple(args.sizes))
    print(table(res))
