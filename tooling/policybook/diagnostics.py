"""Diagnostics: one registry of codes shared by the CLI checker and the Sphinx build."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:  # used in text and JSON output
        return self.name.lower()


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    summary: str


_CODES: dict[str, Code] = {}


def _code(code: str, name: str, severity: Severity, summary: str) -> str:
    _CODES[code] = Code(code, name, severity, summary)
    return code


# Front matter (PB1xx)
YAML_SYNTAX = _code("PB100", "yaml-syntax", Severity.ERROR, "The front matter is not valid YAML.")
DUPLICATE_KEY = _code("PB101", "duplicate-key", Severity.ERROR, "A key appears twice in the front matter; YAML would silently keep the last one.")
YAML_SURPRISE = _code("PB102", "yaml-surprise", Severity.ERROR, "An unquoted value that YAML 1.1 reads as something else (`no` as false, `12:30` as 750).")
UNKNOWN_KEY = _code("PB103", "unknown-key", Severity.ERROR, "A front-matter key that the schema does not define (often a typo).")
WRONG_TYPE = _code("PB104", "wrong-type", Severity.ERROR, "A front-matter value of the wrong type (a string where a list is expected …).")
INVALID_DATE = _code("PB105", "invalid-date", Severity.ERROR, "A date that does not exist or is not written YYYY-MM-DD, YYYY-MM or YYYY.")
MISSING_KEY = _code("PB106", "missing-key", Severity.ERROR, "A required front-matter key is missing.")
INVALID_VALUE = _code("PB107", "invalid-value", Severity.ERROR, "A value outside the allowed set or pattern (unknown status, kind, role …).")
DUPLICATE_ID = _code("PB108", "duplicate-id", Severity.ERROR, "Two rules share one id.")
NO_FRONT_MATTER = _code("PB109", "no-front-matter", Severity.ERROR, "A rule file without YAML front matter.")
MISSING_SUCCESSOR = _code("PB110", "missing-successor", Severity.ERROR, "A superseded rule does not name its successor.")
UNKNOWN_REFERENCE = _code("PB111", "unknown-rule-reference", Severity.ERROR, "`parent` or `successor` names a rule id that does not exist.")
ID_MISMATCH = _code("PB112", "id-file-mismatch", Severity.WARNING, "The front-matter id differs from the file name.")
DATE_ORDER = _code("PB113", "date-order", Severity.WARNING, "The last amendment is dated before the rule took effect.")
AMBIGUOUS_ALIAS = _code("PB114", "ambiguous-alias", Severity.ERROR, "Two rules claim the same name or alias, so a citation of it cannot be resolved.")
PARENT_CYCLE = _code("PB116", "parent-cycle", Severity.ERROR, "Rules name each other as parent in a loop.")
DUPLICATE_NUMBER_IN_PARENT = _code("PB115", "duplicate-parent-number", Severity.ERROR, "Two sub-standards share one number inside their parent.")

# Structure and numbering (PB2xx)
NUMBER_GAP = _code("PB201", "numbering-gap", Severity.ERROR, "A full-text rule skips a number (第3条 follows 第1条).")
NUMBER_DUPLICATE = _code("PB202", "numbering-duplicate", Severity.ERROR, "The same article, paragraph or item number appears twice.")
NUMBER_ORDER = _code("PB203", "numbering-order", Severity.ERROR, "Numbers go backwards (第5条 after 第7条).")
ORPHAN_PROVISION = _code("PB204", "orphan-provision", Severity.ERROR, "A numbered paragraph or item outside any article.")
NO_TITLE = _code("PB205", "no-title", Severity.ERROR, "The rule has no level-1 heading, or it differs from the front-matter title.")
NO_ARTICLES = _code("PB206", "no-provisions", Severity.WARNING, "A rule with no articles, sections or provisions at all.")
RAW_HTML = _code("PB207", "raw-html", Severity.ERROR, "Raw HTML in Markdown; it is shown as text, never run.")

# Citations (PB3xx)
CITE_UNKNOWN_DOCUMENT = _code("PB301", "unknown-document", Severity.ERROR, "A citation names a document that is not in the corpus.")
CITE_UNKNOWN_ARTICLE = _code("PB302", "unknown-article", Severity.ERROR, "A citation points to an article the document does not have.")
CITE_UNKNOWN_PARAGRAPH = _code("PB303", "unknown-paragraph", Severity.ERROR, "A citation points to a paragraph the article does not have.")
CITE_UNKNOWN_ITEM = _code("PB304", "unknown-item", Severity.ERROR, "A citation points to an item the paragraph does not have.")
CITE_DELETED = _code("PB305", "cites-deleted", Severity.ERROR, "A citation points to a deleted (削除) article.")
CITE_WITHDRAWN = _code("PB306", "cites-withdrawn", Severity.ERROR, "A citation points to a repealed or superseded rule.")
CITE_AMBIGUOUS = _code("PB307", "ambiguous-citation", Severity.ERROR, "A citation uses a name that two rules claim.")
CITE_UNRESOLVED_ANAPHORA = _code("PB308", "unresolved-anaphora", Severity.ERROR, "同条例, 同条 … with no earlier document or article to refer to.")
CITE_DRIFT = _code("PB309", "citation-drift", Severity.ERROR, "A cited provision's text changed since the citing page was last reviewed.")
NEVER_CITED = _code("PB310", "never-cited", Severity.INFO, "A rule that no guidance page or quiz cites.")
REVIEW_OVERDUE = _code("PB311", "review-overdue", Severity.ERROR, "The rule's review date has passed.")
REVIEW_SOON = _code("PB312", "review-soon", Severity.WARNING, "The rule's review date is within 90 days.")

# Quizzes (PB4xx)
QUIZ_NO_OPTIONS = _code("PB401", "quiz-no-options", Severity.ERROR, "A question without answer options.")
QUIZ_SINGLE_ANSWER = _code("PB402", "quiz-single-answer", Severity.ERROR, "A single-answer question (1. [x]) without exactly one right answer.")
QUIZ_MIXED_ITEMS = _code("PB403", "quiz-mixed-items", Severity.ERROR, "Options mix task items ([x]/[ ]) and plain items.")
QUIZ_BLANK_LINE = _code("PB404", "quiz-blank-line", Severity.ERROR, "A blank line between options (it breaks the quiz in quizdown-js).")
QUIZ_DUPLICATE_ID = _code("PB405", "quiz-duplicate-id", Severity.ERROR, "Two questions (or two banks) share one id.")
QUIZ_NO_EXPLANATION = _code("PB406", "quiz-no-explanation", Severity.WARNING, "A question without an explanation.")
QUIZ_UNKNOWN_OPTION = _code("PB407", "quiz-unknown-option", Severity.ERROR, "An unknown option in the quiz header.")
QUIZ_NO_ID = _code("PB408", "quiz-no-id", Severity.ERROR, "A question without an id comment.")
QUIZ_BAD_VALUE = _code("PB409", "quiz-bad-value", Severity.ERROR, "A header option or extension with a value of the wrong form.")
QUIZ_NO_RIGHT_ANSWER = _code("PB410", "quiz-no-right-answer", Severity.ERROR, "A multiple-answer question with no right answer.")
QUIZ_SELECTION = _code("PB412", "quiz-selection", Severity.ERROR, "A quiz directive names an unknown bank or question, or selects nothing.")
QUIZ_UNPLACED = _code("PB413", "quiz-unplaced", Severity.WARNING, "A quiz bank that no page embeds.")
CHECKLIST_ITEM = _code("PB414", "checklist-item", Severity.ERROR, "A checklist line that is not an item, or a checklist without items.")
SURVEY_DATA = _code("PB415", "survey-data", Severity.ERROR, "A survey data file that is missing, unreadable or of the wrong shape.")
UNSAFE_LINK = _code("PB416", "unsafe-link", Severity.ERROR, "A link whose address would run script (javascript: …).")
TRANSLATIONS = _code("PB417", "translations-eval", Severity.WARNING, "Sphinx's translations could not be installed without eval.")
QUIZ_NO_CITES = _code("PB411", "quiz-no-cites", Severity.WARNING, "A question that names no provision it tests.")

CODES = _CODES

# Plain-Japanese summaries for the author guide on the site (the build log stays English).
SUMMARIES_JA = {
    "PB100": "前付け（YAML）の書き方に誤りがあります。",
    "PB101": "同じキーが二度書かれています（後の値だけが黙って使われてしまいます）。",
    "PB102": "引用符のない値が別の意味に読まれます（no が false、12:30 が 750 など）。引用符で囲んでください。",
    "PB103": "定義されていないキーです（多くは綴りの誤り）。",
    "PB104": "値の型が違います（一覧にすべき所が文字列など）。",
    "PB105": "存在しない日付、又は YYYY-MM-DD・YYYY-MM・YYYY 以外の書き方です。",
    "PB106": "必須のキーがありません。",
    "PB107": "決められた値以外です（状態・種別・対象者など）。",
    "PB108": "二つの規程等が同じ id を使っています。",
    "PB109": "規程等のファイルに前付けがありません。",
    "PB110": "廃止（後継あり）の規程等に後継（successor）がありません。",
    "PB111": "parent 又は successor に存在しない id が書かれています。",
    "PB112": "id とファイル名が違います。",
    "PB113": "最終改正日が施行日より前です。",
    "PB114": "二つの規程等が同じ名称・略称を名乗っており、引用を解決できません。",
    "PB115": "上位の基準の中で同じ番号の基準が二つあります。",
    "PB116": "上位の規程等の関係が循環しています。",
    "PB201": "全文の規程等で番号が飛んでいます（第1条の次が第3条など）。",
    "PB202": "同じ条・項・号の番号が二度あります。",
    "PB203": "番号が逆順です（第7条の後に第5条など）。",
    "PB204": "条の外に項番号・号番号があります。",
    "PB205": "表題（# 見出し）がないか、前付けの title と違います。",
    "PB206": "全文の規程等に条も節もありません。",
    "PB207": "Markdown の中に生の HTML があります（文字として表示され、実行されません）。",
    "PB301": "引用している規程等が登録されていません。",
    "PB302": "引用している条が、その規程等にありません。",
    "PB303": "引用している項が、その条にありません。",
    "PB304": "引用している号が、その項にありません。",
    "PB305": "削除された条を引用しています。",
    "PB306": "廃止された規程等を引用しています。",
    "PB307": "二つの規程等が名乗る名称で引用しており、どちらか決まりません。",
    "PB308": "「同条例」「同条」などが指す規程等・条が、それより前にありません。",
    "PB309": "引用している条項の本文が変わりました。引用しているページを見直し、policybook refs accept で確認済みにしてください。",
    "PB310": "どのガイドやクイズからも引用されていない規程等です（情報）。",
    "PB311": "見直し期限を過ぎています。",
    "PB312": "見直し期限まで90日以内です。",
    "PB401": "選択肢のない問題です。",
    "PB402": "一つだけ正解の問題（1. [x]）で、正解が一つではありません。",
    "PB403": "選択肢に [x]・[ ] 付きのものと付かないものが混ざっています。",
    "PB404": "選択肢の間に空行があります（quizdown-js では問題が壊れます）。",
    "PB405": "二つの問題（又はクイズ）が同じ id を使っています。",
    "PB406": "解説（explanation）のない問題です（警告）。",
    "PB407": "クイズの前付けに定義されていない設定があります。",
    "PB408": "問題に id のコメントがありません。",
    "PB409": "設定や拡張の値の形が誤っています。",
    "PB410": "複数正解の問題に正解がありません。",
    "PB411": "問題が確かめる条項（cites）がありません（警告）。",
    "PB412": "quiz の指定が、存在しないクイズや問題を指しているか、一問も選んでいません。",
    "PB413": "どのページにも載っていないクイズです（警告）。",
    "PB414": "チェックシートに「- 」で始まらない行があるか、項目がありません。",
    "PB415": "調査データのファイルがないか、読めないか、形が誤っています。",
    "PB416": "スクリプトを実行するアドレス（javascript: など）へのリンクです。リンクは外されます。",
    "PB417": "Sphinx の翻訳ファイルを eval なしで組み込めませんでした（警告）。",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, located in a source file (line and column are 1-based; 0 = unknown)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str = field(default="", compare=False)

    @property
    def severity(self) -> Severity:
        return _CODES[self.code].severity

    @property
    def name(self) -> str:
        return _CODES[self.code].name

    def format_text(self) -> str:
        location = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        text = f"{location}: {self.code} {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


def select(diagnostics, ignore=(), select_codes=()):
    """Filter diagnostics by code prefixes (``PB1`` ignores every front-matter code)."""
    out = []
    for d in diagnostics:
        if select_codes and not any(d.code.startswith(s) for s in select_codes):
            continue
        if any(d.code.startswith(i) for i in ignore):
            continue
        out.append(d)
    return out
