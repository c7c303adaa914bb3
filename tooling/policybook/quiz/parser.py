"""Read a quiz bank in the quizdown dialect, with line numbers; never raises on bad input.

The structure follows quizdown-js (src/parser.ts): a heading starts a question; paragraphs are
its text, blockquotes its hint, the first list its options (ordered task list = one right
answer, bullet task list = several, plain ordered list = ordering). policybook's extensions
live where quizdown-js ignores them: the YAML header and HTML comments.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from .. import diagnostics as dx
from .. import yamlload
from ..metadata import ROLES
from .model import MULTIPLE, ORDERING, SINGLE, Bank, Option, Question

QUIZDOWN_OPTIONS = {"shuffleQuestions": bool, "shuffleAnswers": bool, "nQuestions": int, "passingGrade": int,
                    "primaryColor": str, "secondaryColor": str, "textColor": str, "locale": str}
BANK_KEYS = {"id": str, "title": str, "topic": str, "audience": list, "description": str}
EXTENSIONS = ("id", "explanation", "cites", "tags")
_COMMENT = re.compile(r"^<!--\s*(?P<key>[A-Za-z_-]+)\s*:\s*(?P<value>.*?)\s*-->\s*$", re.S)
_TASK = re.compile(r"^\[(?P<mark>[ xX])\]\s+(?P<text>.*)$", re.S)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark, as quizdown-js's marked reads it; HTML comments stay html_block tokens
    return MarkdownIt("commonmark").use(front_matter_plugin)


def load_bank(path: str | Path, root: str | Path | None = None) -> tuple[Bank | None, list[dx.Diagnostic]]:
    p = Path(path)
    shown = p.relative_to(root).as_posix() if root else str(p)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [dx.Diagnostic(shown, 1, 1, dx.YAML_SYNTAX, f"file is not UTF-8 ({exc.reason})")]
    return parse_bank(text, shown)


def parse_bank(text: str, path: str) -> tuple[Bank, list[dx.Diagnostic]]:
    diags: list[dx.Diagnostic] = []
    tokens = _markdown().parse(text)
    lines = text.split("\n")
    bank = Bank(id=Path(path).stem, path=path, title=Path(path).stem)
    start = 0
    if tokens and tokens[0].type == "front_matter":
        _header(tokens[0], bank, path, diags)
        start = 1
    elif text.startswith("---"):
        diags.append(dx.Diagnostic(path, 1, 1, dx.YAML_SYNTAX, "quiz header is not closed", "end it with ---"))
    if not _ID.match(bank.id):
        diags.append(dx.Diagnostic(path, 1, 1, dx.QUIZ_BAD_VALUE, f"bank id '{bank.id}' must be lowercase ASCII, digits and hyphens"))
    question: Question | None = None
    seen_list = False
    i = start
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            if question is not None:
                _finish(question, path, diags)
            line = tok.map[0] + 1
            question = Question(id="", type=SINGLE, text=tokens[i + 1].content.strip(), line=line)
            bank.questions.append(question)
            seen_list = False
            i += 3
            continue
        if question is None:
            if tok.type not in ("html_block",) and tok.map is not None and tok.level == 0:
                diags.append(dx.Diagnostic(path, tok.map[0] + 1, 1, dx.QUIZ_BAD_VALUE,
                                           "text before the first question is ignored by quizdown-js",
                                           "start each question with a '# ' heading"))
            i += 1
            continue
        if tok.level != 0:
            i += 1
            continue
        if tok.type == "html_block":
            _extension(tok, question, path, diags)
        elif tok.type == "paragraph_open":
            question.body = (question.body + "\n\n" + tokens[i + 1].content).strip()
        elif tok.type == "blockquote_open":
            question.hint = (question.hint + "\n" + _quoted(tokens, i)).strip()
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            if seen_list:
                diags.append(dx.Diagnostic(path, tok.map[0] + 1, 1, dx.QUIZ_BLANK_LINE,
                                           "a second list in one question: quizdown-js reads only the first",
                                           "remove blank lines between options, or the extra list"))
            else:
                i = _options(tokens, i, question, lines, path, diags)
                seen_list = True
                continue
        i += 1
    if question is not None:
        _finish(question, path, diags)
    if not bank.questions:
        diags.append(dx.Diagnostic(path, 1, 1, dx.QUIZ_NO_OPTIONS, "the bank has no questions",
                                   "start each question with a '# ' heading"))
    return bank, diags


def _header(token, bank: Bank, path: str, diags: list[dx.Diagnostic]) -> None:
    located = yamlload.load(token.content, path, first_line=token.map[0] + 2)
    diags.extend(located.diagnostics)
    data = located.data
    if data is None:
        return
    if not isinstance(data, dict):
        diags.append(dx.Diagnostic(path, 2, 1, dx.WRONG_TYPE, "the quiz header must be a mapping of options"))
        return
    import difflib
    known = {**QUIZDOWN_OPTIONS, **BANK_KEYS}
    for key, value in data.items():
        line, col = located.key_positions.get((key,), (2, 1))
        if key not in known:
            guess = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            diags.append(dx.Diagnostic(path, line, col, dx.QUIZ_UNKNOWN_OPTION, f"unknown quiz option '{key}'",
                                       f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(known)))
            continue
        expected = known[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            diags.append(dx.Diagnostic(path, line, col, dx.QUIZ_BAD_VALUE,
                                       f"quiz option '{key}' must be {expected.__name__}, got {value!r}"))
            continue
        if key == "audience":
            unknown = [r for r in value if r not in ROLES]
            if unknown:
                diags.append(dx.Diagnostic(path, line, col, dx.INVALID_VALUE,
                                           f"unknown role(s) in audience: {', '.join(map(str, unknown))}",
                                           "roles: " + ", ".join(ROLES)))
                value = [r for r in value if r in ROLES]
            bank.audience = value
        elif key == "passingGrade" and not 0 <= value <= 100:
            diags.append(dx.Diagnostic(path, line, col, dx.QUIZ_BAD_VALUE, "passingGrade is a percentage, 0 to 100"))
        elif key in BANK_KEYS:
            setattr(bank, key, value)
        else:
            bank.options[key] = value
    if "title" not in data:
        bank.title = bank.topic or bank.id


def _quoted(tokens, i: int) -> str:
    """The text of a blockquote starting at token i."""
    parts = []
    depth = 0
    for tok in tokens[i:]:
        if tok.type == "blockquote_open":
            depth += 1
        elif tok.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                break
        elif tok.type == "inline":
            parts.append(tok.content)
    return "\n".join(parts)


def _options(tokens, i: int, question: Question, lines: list[str], path: str, diags) -> int:
    """Read the option list starting at token i; return the index after it."""
    open_tok = tokens[i]
    ordered = open_tok.type == "ordered_list_open"
    close_type = open_tok.type.replace("_open", "_close")
    depth = 0
    items: list[tuple[int, str, str]] = []   # (line, text, comment)
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.type == open_tok.type:
            depth += 1
        elif tok.type == close_type:
            depth -= 1
            if depth == 0:
                break
        elif tok.type == "list_item_open" and depth == 1:
            item_line = tok.map[0] + 1
            text, comment = "", ""
            k = j + 1
            while tokens[k].type != "list_item_close" or tokens[k].level != tok.level:
                if tokens[k].type == "inline" and tokens[k].level == tok.level + 2 and not text:
                    text = tokens[k].content
                elif tokens[k].type == "blockquote_open" and tokens[k].level == tok.level + 1:
                    comment = _quoted(tokens, k)
                k += 1
            items.append((item_line, text, comment))
        j += 1
    # blank lines between options (quizdown-js issue #21)
    for (a, _, _), (b, _, _) in zip(items, items[1:]):
        if any(not lines[n - 1].strip() for n in range(a + 1, b)):
            diags.append(dx.Diagnostic(path, b, 1, dx.QUIZ_BLANK_LINE, "blank line between options",
                                       "remove it: quizdown-js breaks the question on it"))
            break
    tasks = [bool(_TASK.match(text)) for _, text, _ in items]
    if any(tasks) and not all(tasks):
        line = items[tasks.index(not tasks[0])][0]
        diags.append(dx.Diagnostic(path, line, 1, dx.QUIZ_MIXED_ITEMS,
                                   "options mix [x]/[ ] items and plain items", "mark every option, or none"))
    is_task = bool(items) and tasks[0]
    question.type = (SINGLE if is_task else ORDERING) if ordered else MULTIPLE
    for line, text, comment in items:
        m = _TASK.match(text)
        correct = bool(m and m["mark"] in "xX")
        question.options.append(Option(text=(m["text"] if m else text).strip(), correct=correct, comment=comment.strip()))
    if not ordered and not is_task and items:
        diags.append(dx.Diagnostic(path, items[0][0], 1, dx.QUIZ_MIXED_ITEMS,
                                   "bullet options need [x] or [ ]", "write '- [x] right' and '- [ ] wrong'"))
    return j + 1


def _extension(tok, question: Question, path: str, diags) -> None:
    m = _COMMENT.match(tok.content.strip())
    line = tok.map[0] + 1
    if m is None:
        return  # an ordinary comment
    key, value = m["key"], m["value"].strip()
    if key not in EXTENSIONS:
        diags.append(dx.Diagnostic(path, line, 1, dx.QUIZ_UNKNOWN_OPTION, f"unknown question extension '{key}'",
                                   "known: " + ", ".join(EXTENSIONS)))
        return
    if key == "id":
        if not _ID.match(value):
            diags.append(dx.Diagnostic(path, line, 1, dx.QUIZ_BAD_VALUE, f"question id '{value}' must be lowercase ASCII, digits and hyphens"))
        question.id = value
    elif key == "explanation":
        question.explanation, question.explanation_line = value, line
    elif key == "cites":
        question.cites = [c.strip() for c in re.split(r"[,、，]\s*(?![^（(]*[)）])", value) if c.strip()]
        question.cites_line = line
    elif key == "tags":
        question.tags = [t.strip() for t in re.split(r"[,、，]", value) if t.strip()]


def _finish(question: Question, path: str, diags: list[dx.Diagnostic]) -> None:
    if not question.options:
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_NO_OPTIONS, f"question 「{question.text}」 has no options",
                                   "add a list of options under it"))
    elif question.type == SINGLE and len(question.right) != 1:
        found = len(question.right)
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_SINGLE_ANSWER,
                                   f"single-answer question has {found} right answers",
                                   "mark exactly one option [x], or use '- [x]' for several"))
    elif question.type == MULTIPLE and not question.right:
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_NO_RIGHT_ANSWER, "no option is marked [x]"))
    if not question.id:
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_NO_ID, "question has no id",
                                   "add <!-- id: bank-01 --> under the heading"))
    if not question.explanation:
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_NO_EXPLANATION, "question has no explanation",
                                   "add <!-- explanation: … --> after the options"))
    if not question.cites:
        diags.append(dx.Diagnostic(path, question.line, 1, dx.QUIZ_NO_CITES, "question names no provision it tests",
                                   "add <!-- cites: 規程等の名称第N条 -->"))
