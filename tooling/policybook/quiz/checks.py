"""Quiz checks that need the whole project: citations, and ids unique across banks."""

from __future__ import annotations

from pathlib import Path

from .. import diagnostics as dx
from ..citations import Context, CorpusIndex, scan
from ..citations.diagnose import diagnose
from ..citations.scanner import BROKEN, Citation
from .model import Bank
from .parser import load_bank


def quiz_files(root: Path, quizzes_dir: str = "quizzes") -> list[Path]:
    folder = root / quizzes_dir
    return sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md") if folder.is_dir() else []


def load_banks(root: Path, quizzes_dir: str = "quizzes") -> tuple[list[Bank], list[dx.Diagnostic]]:
    banks, diags = [], []
    for path in quiz_files(root, quizzes_dir):
        bank, found = load_bank(path, root)
        diags.extend(found)
        if bank is not None:
            banks.append(bank)
    diags.extend(duplicate_ids(banks))
    return banks, diags


def duplicate_ids(banks: list[Bank]) -> list[dx.Diagnostic]:
    out = []
    seen_banks: dict[str, Bank] = {}
    seen: dict[str, tuple[Bank, int]] = {}
    for bank in banks:
        if bank.id in seen_banks:
            out.append(dx.Diagnostic(bank.path, 1, 1, dx.QUIZ_DUPLICATE_ID,
                                     f"bank id '{bank.id}' is also used by {seen_banks[bank.id].path}"))
        seen_banks.setdefault(bank.id, bank)
        for q in bank.questions:
            if not q.id:
                continue
            if q.id in seen:
                other, line = seen[q.id]
                out.append(dx.Diagnostic(bank.path, q.line, 1, dx.QUIZ_DUPLICATE_ID,
                                         f"question id '{q.id}' is also used at {other.path}:{line}"))
            else:
                seen[q.id] = (bank, q.line)
    return out


def question_citations(bank: Bank, index: CorpusIndex) -> list[tuple[object, Citation]]:
    """(question, citation) for every citation in explanations and cites; fills ``targets``."""
    out = []
    for q in bank.questions:
        context = Context()
        if q.explanation:
            for c in scan(q.explanation, index, context, line=q.explanation_line):
                out.append((q, c))
        if q.cites:
            ids = [c for c in q.cites if "#" in c or c.isascii()]
            written = [c for c in q.cites if c not in ids]
            found = scan("、".join(written), index, context, line=q.cites_line) if written else []
            offset = 0
            for entry in written:  # each entry must be a citation of something
                if not any(offset <= c.start < offset + len(entry) for c in found):
                    found.append(Citation(text=entry, start=offset, end=offset + len(entry), line=q.cites_line,
                                          document=entry, rule_id=None, status="unknown-document"))
                offset += len(entry) + 1
            for entry in ids:  # provision ids such as kojin-joho-hogo-jorei#Article_12
                rule_id, _, anchor = entry.partition("#")
                ok = rule_id in index.rules and (not anchor or anchor in index.anchors[rule_id])
                found.append(Citation(text=entry, start=0, end=len(entry), line=q.cites_line, document=rule_id,
                                      rule_id=rule_id if rule_id in index.rules else None, target=entry if ok else None,
                                      status="resolved" if ok else ("unknown-article" if rule_id in index.rules
                                                                    else "unknown-document")))
            q.targets = list(dict.fromkeys(c.target for c in found if c.target and c.status not in BROKEN))
            out.extend((q, c) for c in found)
        else:
            q.targets = []
    return out


def check_citations(bank: Bank, index: CorpusIndex) -> list[dx.Diagnostic]:
    out = []
    for _, c in question_citations(bank, index):
        found = diagnose(c, bank.path)
        if found is not None:
            out.append(found)
    return out
