"""The ``policybook`` command: check the source tree without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, config, corpus, metadata, report
from . import diagnostics as dx


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policybook", description="Check and export a policybook site.")
    parser.add_argument("--version", action="version", version=f"policybook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="run every consistency check on the source tree")
    check.add_argument("paths", nargs="*", type=Path,
                       help="rule files to report on (default: every rule under the project)")
    check.add_argument("--root", type=Path, default=None, help="project folder (default: found from cwd)")
    check.add_argument("--format", choices=sorted(report.FORMATS), default="text")
    check.add_argument("--select", action="append", default=[], metavar="CODE",
                       help="report only these codes or prefixes (repeatable)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODE",
                       help="do not report these codes or prefixes (repeatable)")

    schema = sub.add_parser("schema", help="write the front-matter JSON Schema for editors")
    schema.add_argument("--output", "-o", type=Path, default=None, help="file to write (default: stdout)")

    rules = sub.add_parser("rules", help="list rules with their provision counts")
    rules.add_argument("--root", type=Path, default=None)

    sub.add_parser("codes", help="list every diagnostic code")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "schema":
        text = metadata.export()
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if args.command == "codes":
        for code in dx.CODES.values():
            print(f"{code.code}  {code.name:<26} {code.severity!s:<8} {code.summary}")
        return 0
    root = (args.root or config.find_root(Path.cwd())).resolve()
    settings = config.load(root)
    for problem in settings.problems:
        print(problem, file=sys.stderr)
    loaded = corpus.load_corpus(root, settings.policies_dir)
    if args.command == "rules":
        for rule in loaded.rules:
            counts = {}
            for p in rule.walk():
                counts[p.kind] = counts.get(p.kind, 0) + 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"{rule.id}\t{rule.kind}\t{rule.title}\t{detail}")
        return 0
    found = loaded.diagnostics
    if args.paths:
        wanted = {str(Path(p).resolve()) for p in args.paths}
        found = [d for d in found if str((root / d.path).resolve()) in wanted]
    unknown = [c for c in (*args.select, *args.ignore) if not any(k.startswith(c) for k in dx.CODES)]
    if unknown:
        print(f"policybook: unknown code(s): {', '.join(unknown)} (see 'policybook codes')", file=sys.stderr)
        return 2
    found = dx.select(found, ignore=(*settings.ignore, *args.ignore),
                      select_codes=tuple(args.select) or settings.select)
    sys.stdout.write(report.FORMATS[args.format](found))
    return 1 if any(d.severity >= dx.Severity.ERROR for d in found) else 0


if __name__ == "__main__":
    raise SystemExit(main())
