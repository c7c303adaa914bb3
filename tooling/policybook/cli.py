"""The ``policybook`` command: check the source tree and query citations, without Sphinx."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from pathlib import Path

from . import __version__, config, metadata, report
from . import diagnostics as dx


def _date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policybook", description="Check and query a policybook site.")
    parser.add_argument("--version", action="version", version=f"policybook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="run every consistency check on the source tree")
    check.add_argument("paths", nargs="*", type=Path,
                       help="files to report on (default: the whole project)")
    check.add_argument("--root", type=Path, default=None, help="project folder (default: found from cwd)")
    check.add_argument("--format", choices=sorted(report.FORMATS), default="text")
    check.add_argument("--select", action="append", default=[], metavar="CODE",
                       help="report only these codes or prefixes (repeatable)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODE",
                       help="do not report these codes or prefixes (repeatable)")
    check.add_argument("--today", type=_date, default=None, help="date for review-date checks (YYYY-MM-DD)")
    check.add_argument("--verbose", "-v", action="store_true", help="also list info findings in text output")

    refs = sub.add_parser("refs", help="citations: parse text, find what cites a provision, accept changes")
    refs_sub = refs.add_subparsers(dest="refs_command", required=True, metavar="ACTION")
    parse = refs_sub.add_parser("parse", help="list the citations in a text file or standard input")
    parse.add_argument("path", nargs="?", default="-", help="a text file, or - for standard input")
    parse.add_argument("--format", choices=("json", "text"), default="json")
    parse.add_argument("--root", type=Path, default=None)
    impact = refs_sub.add_parser("impact", help="every page, quiz and rule that cites a provision")
    impact.add_argument("target", help="rule-id#Article_12-Paragraph_2, or a citation such as 個人情報保護条例第12条")
    impact.add_argument("--root", type=Path, default=None)
    impact.add_argument("--format", choices=("json", "text"), default="text")
    accept = refs_sub.add_parser("accept", help="record the current text of every cited provision as reviewed")
    accept.add_argument("--root", type=Path, default=None)

    export = sub.add_parser("export", help="quizzes for an LMS (Moodle XML, QTI 2.1) or paper (handouts)")
    export.add_argument("format", choices=("moodle", "qti", "handouts"))
    export.add_argument("--bank", action="append", default=[], metavar="ID", help="only these banks (repeatable)")
    export.add_argument("--question", action="append", default=[], metavar="ID", help="only these questions")
    export.add_argument("--output", "-o", type=Path, default=None,
                        help="file (moodle, qti) or folder (handouts); default: _build/export/")
    export.add_argument("--root", type=Path, default=None)

    schema = sub.add_parser("schema", help="write the front-matter JSON Schema for editors")
    schema.add_argument("--output", "-o", type=Path, default=None, help="file to write (default: stdout)")

    rules = sub.add_parser("rules", help="list rules with their provision counts")
    rules.add_argument("--root", type=Path, default=None)

    sub.add_parser("codes", help="list every diagnostic code")
    return parser


def _root(args) -> Path:
    return (args.root or config.find_root(Path.cwd())).resolve()


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
    if args.command == "check":
        return _check(args)
    if args.command == "export":
        return _export(args)
    if args.command == "refs":
        return {"parse": _refs_parse, "impact": _refs_impact, "accept": _refs_accept}[args.refs_command](args)
    if args.command == "rules":
        from .corpus import load_corpus
        for rule in load_corpus(_root(args), config.load(_root(args)).policies_dir).rules:
            counts: dict[str, int] = {}
            for p in rule.walk():
                counts[p.kind] = counts.get(p.kind, 0) + 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"{rule.id}\t{rule.kind}\t{rule.title}\t{detail}")
        return 0
    return 2


def _check(args) -> int:
    from .project import Project

    unknown = [c for c in (*args.select, *args.ignore) if not any(k.startswith(c) for k in dx.CODES)]
    if unknown:
        print(f"policybook: unknown code(s): {', '.join(unknown)} (see 'policybook codes')", file=sys.stderr)
        return 2
    root = _root(args)
    project = Project.load(root, today=args.today)
    for problem in project.settings.problems:
        print(problem, file=sys.stderr)
    found = project.diagnostics
    if args.paths:
        wanted = {str(Path(p).resolve()) for p in args.paths}
        found = [d for d in found if str((root / d.path).resolve()) in wanted]
    found = dx.select(found, ignore=(*project.settings.ignore, *args.ignore),
                      select_codes=tuple(args.select) or project.settings.select)
    if args.format == "text":
        sys.stdout.write(report.text(found, show_info=args.verbose))
    else:
        sys.stdout.write(report.FORMATS[args.format](found))
    return 1 if any(d.severity >= dx.Severity.ERROR for d in found) else 0


def _refs_parse(args) -> int:
    from .citations import CorpusIndex, scan
    from .corpus import load_corpus

    root = _root(args)
    try:
        text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"policybook: cannot read {args.path}: {exc}", file=sys.stderr)
        return 2
    index = CorpusIndex.build(load_corpus(root, config.load(root).policies_dir).rules)
    found = scan(text, index)
    if args.format == "json":
        print(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
    else:
        for c in found:
            print(f"{c.line}:{c.start}-{c.end}\t{c.text}\t{c.status}\t{c.target or ''}")
    return 0


def _resolve_target(project, target: str) -> str | None:
    rule_id = target.partition("#")[0]
    if rule_id in project.index.rules:
        return target
    from .citations import scan
    found = [c for c in scan(target, project.index) if c.target]
    return found[0].target if found else None


def _refs_impact(args) -> int:
    from .project import Project

    project = Project.load(_root(args))
    target = _resolve_target(project, args.target)
    if target is None:
        print(f"policybook: '{args.target}' is not a rule, a provision or a citation that resolves", file=sys.stderr)
        return 2
    hits = project.citing(target)
    if args.format == "json":
        print(json.dumps({"target": target, "citations": [
            {"path": page.path, "line": c.line, "text": c.text, "target": c.target,
             "kind": "rule" if page.rule else "page"} for page, c in hits]}, ensure_ascii=False, indent=2))
    else:
        print(f"{target}: cited {len(hits)} time(s)")
        for page, c in hits:
            print(f"{page.path}:{c.line}: {c.text} -> {c.target}")
    return 0


def _export(args) -> int:
    import copy

    from .citations import CorpusIndex
    from .corpus import load_corpus
    from .model import target_label
    from .quiz import export
    from .quiz.checks import check_citations, load_banks

    root = _root(args)
    settings = config.load(root)
    index = CorpusIndex.build(load_corpus(root, settings.policies_dir).rules)
    banks, problems = load_banks(root, settings.quizzes_dir)
    errors = [d for d in problems if d.severity >= dx.Severity.ERROR]
    if errors:
        sys.stdout.write(report.text(errors))
        print("policybook: fix the quiz errors above before exporting", file=sys.stderr)
        return 1
    for bank in banks:
        check_citations(bank, index)  # resolves each question's cited provisions
    if args.bank:
        unknown = set(args.bank) - {b.id for b in banks}
        if unknown:
            print(f"policybook: unknown bank(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        banks = [b for b in banks if b.id in args.bank]
    if args.question:
        chosen = []
        for bank in banks:
            subset = copy.copy(bank)
            subset.questions = [q for q in bank.questions if q.id in args.question]
            if subset.questions:
                chosen.append(subset)
        banks = chosen
    if not banks:
        print("policybook: nothing to export", file=sys.stderr)
        return 2
    labels = {t: target_label(index.rules, t) for b in banks for q in b.questions for t in q.targets}
    out_dir = root / "_build" / "export"
    if args.format == "moodle":
        target = args.output or out_dir / "policybook-moodle.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(export.moodle_xml(banks, labels))
    elif args.format == "qti":
        target = args.output or out_dir / "policybook-qti21.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(export.qti_package(banks, labels))
    else:
        target = args.output or out_dir / "handouts"
        target.mkdir(parents=True, exist_ok=True)
        (target / "handout.css").write_text(export.HANDOUT_CSS, encoding="utf-8")
        for bank in banks:
            for answers, suffix in ((False, "mondai"), (True, "kaito")):
                (target / f"{bank.id}-{suffix}.html").write_text(export.handout_html([bank], answers, labels),
                                                                  encoding="utf-8")
    count = sum(len(b.questions) for b in banks)
    print(f"exported {count} question(s) from {len(banks)} bank(s) to {target}")
    return 0


def _refs_accept(args) -> int:
    from . import drift
    from .project import Project

    project = Project.load(_root(args))
    count = drift.write(project)
    print(f"recorded {count} cited provision(s) in {project.settings.lock_file}")
    return 0


def run() -> None:
    """Console entry point. Exits without tearing down the heap: freeing millions of small
    objects one by one takes seconds on large trees, and the process is ending anyway
    (mypy does the same)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
