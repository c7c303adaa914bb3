"""``make bench``: the checker, the search and the site build, on the real site and generated corpora.

Prints a Markdown table (pasted into docs/dev/benchmarks.md) and writes the raw figures to
_build/bench/results.json. Timings are wall-clock on the machine that runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import build
from .generate import generate

ROOT = Path(__file__).resolve().parents[3]


def _policybook() -> list[str]:
    exe = Path(sys.executable).with_name("policybook")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "policybook.cli"]


def timed(command: list[str], repeat: int) -> dict:
    """Median wall time over ``repeat`` runs, and the largest peak memory of any run."""
    times, peaks = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return {"seconds": round(statistics.median(times), 2), "runs": repeat,
            "peak_rss_mib": round(max(peaks) / 1024, 1), "last_line": result.stdout.strip().splitlines()[-1]}


def count_citations(root: Path) -> dict:
    from ..project import Project

    project = Project.load(root)
    provisions = [c for page in project.pages for c in page.citations]
    return {"rules": len(project.corpus.rules), "pages": len(project.pages), "citations": len(provisions),
            "citations_in_guidance": sum(len(p.citations) for p in project.pages if p.rule is None)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "bench")
    parser.add_argument("--rules", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=900)
    parser.add_argument("--citations-per-page", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-search", action="store_true", help="skip the search benchmark (needs Chromium)")
    parser.add_argument("--skip-build", action="store_true", help="skip the site build benchmark (the longest part)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(build.SIZES),
                        help="pages in each generated site for the build benchmark")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()}}

    results["checker_real_site"] = timed(_policybook() + ["check", "--root", str(ROOT)], repeat=5)
    results["checker_real_site"].update(count_citations(ROOT))

    corpus = args.out / "corpus-checker"
    shutil.rmtree(corpus, ignore_errors=True)
    generated = generate(corpus, args.rules, args.pages, args.citations_per_page)
    results["checker_generated"] = timed(_policybook() + ["check", "--root", str(corpus)], repeat=args.repeat)
    results["checker_generated"].update(count_citations(corpus))
    results["checker_generated"]["generator"] = generated

    if not args.skip_search:
        from . import search
        results["search"] = search.main(args.out, ROOT)
    if not args.skip_build:
        results["build"] = build.main(args.out, ROOT, tuple(args.sizes))

    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    real, big = results["checker_real_site"], results["checker_generated"]
    print("| run | rules | pages | citations | wall time | peak memory | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print(f"| `policybook check`, real site | {real['rules']} | {real['pages']} | {real['citations']} | "
          f"{real['seconds']} s | {real['peak_rss_mib']} MiB | < 1 s |")
    print(f"| `policybook check`, generated | {big['rules']} | {big['pages']} | {big['citations']} "
          f"({big['citations_in_guidance']} in guidance) | {big['seconds']} s | {big['peak_rss_mib']} MiB | "
          f"< 10 s, < 1 GiB |")
    print(f"\n(median of {big['runs']} runs; {results['machine']['cpus']} CPUs; Python {results['machine']['python']})")
    if "search" in results:
        print("\n| search | build (ours / stock) | index on disk (ours / stock) | first query: index bytes | latency cold / warm | top-1 ours / stock | top-3 ours / stock |")
        print("|---|---|---|---:|---|---|---|")
        for name, r in results["search"].items():
            print(f"| {name} | {r['build_seconds_ours']} s / {r['build_seconds_stock']} s | "
                  f"{r['index_bytes_on_disk_ours'] // 1024} KiB / {r['index_bytes_on_disk_stock'] // 1024} KiB | "
                  f"{r['index_bytes_first_query'] // 1024} KiB | {r['latency_ms_cold']} / {r['latency_ms_warm']} ms | "
                  f"{r['top1_ours']:.0%} / {r['top1_stock']:.0%} | {r['top3_ours']:.0%} / {r['top3_stock']:.0%} |")
    if "build" in results:
        print("\n" + build.table(results["build"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
