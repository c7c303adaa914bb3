"""Quizzes in pages: the ``quiz`` directive renders questions as a real form at build time.

HTML gets fieldset/legend, native radio and checkbox inputs and labelled order selectors;
the right answers travel only as a data attribute for ``policybook-quiz.js``. Comments and
explanations are ``hidden`` until answered, so a page printed or read without script is a
blank question sheet. Other builders get the questions as lists, answers withheld.
"""

from __future__ import annotations

import base64
import json

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from .. import diagnostics as dx
from ..citations import Context, scan
from ..citations.scanner import BROKEN
from ..model import target_label
from ..quiz.model import ORDERING, SINGLE, TYPE_LABELS, scrambled
from .logging import logger
from .state import state_for
from .nodes import needs_script

QUIZ_SCRIPT = "policybook-quiz.js"


class quiz_bank(nodes.General, nodes.Element):
    pass


class quiz_question(nodes.General, nodes.Element):
    pass


class quiz_legend(nodes.TextElement):
    pass


class quiz_options(nodes.General, nodes.Element):
    pass


class quiz_option(nodes.General, nodes.Element):
    pass


class quiz_hidden(nodes.General, nodes.Element):
    """Shown by the script after answering (comments, explanations)."""


class quiz_hint(nodes.General, nodes.Element):
    pass


class quiz_controls(nodes.General, nodes.Element):
    pass


# --- selection ------------------------------------------------------------------------------
def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace("、", ",").split(",") if v.strip()]


class QuizDirective(SphinxDirective):
    """Embed a quiz: a whole bank, or questions chosen by id, tag or cited provision.

    ```{quiz} mochidashi
    :questions: mochidashi-01, mochidashi-03
    :tags: 暗号化
    :cites: 電子情報等の保護に関する管理基準第7条
    :title: 持出しの確認
    ```
    """

    optional_arguments = 1
    option_spec = {"questions": directives.unchanged, "tags": directives.unchanged,
                   "cites": directives.unchanged, "title": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        state = state_for(self.env)
        banks = state.banks or {}
        if self.arguments:
            bank = banks.get(self.arguments[0])
            if bank is None:
                logger.warning(f"{dx.QUIZ_SELECTION} unknown quiz bank '{self.arguments[0]}' (known: {', '.join(sorted(banks))})",
                               type="policybook", subtype=dx.QUIZ_SELECTION, location=self.get_location())
                return []
            pool = [(bank, q) for q in bank.questions]
        else:
            pool = [(b, q) for b in banks.values() for q in b.questions]
        wanted_ids = _split(self.options.get("questions", ""))
        if wanted_ids:
            by_id = {q.id: (b, q) for b, q in pool}
            for qid in wanted_ids:
                if qid not in by_id:
                    logger.warning(f"{dx.QUIZ_SELECTION} unknown question id '{qid}'", type="policybook", subtype=dx.QUIZ_SELECTION,
                                   location=self.get_location())
            pool = [by_id[q] for q in wanted_ids if q in by_id]
        tags = set(_split(self.options.get("tags", "")))
        if tags:
            pool = [(b, q) for b, q in pool if tags & set(q.tags)]
        if "cites" in self.options:
            found = [c.target for c in scan(self.options["cites"], state.index, Context()) if c.target]
            pool = [(b, q) for b, q in pool
                    if any(t == f or t.startswith(f + "-") or f.startswith(t + "-") for t in q.targets for f in found)]
        if not pool:
            logger.warning(f"{dx.QUIZ_SELECTION} the quiz selects no question", type="policybook", subtype=dx.QUIZ_SELECTION,
                           location=self.get_location())
            return []
        first_bank = pool[0][0]
        title = self.options.get("title") or (first_bank.title if self.arguments else "確認クイズ")
        serial = self.env.new_serialno("policybook-quiz")
        node = build_quiz(pool, title, f"quiz-{serial}", state)
        domain = self.env.get_domain("policy")
        for bank, q in pool:
            for target in q.targets:
                domain.add_citation(self.env.docname, target, f"q-{q.id}", f"クイズ：{q.text}")
        whole = bool(self.arguments) and not (wanted_ids or tags or "cites" in self.options)
        domain.note_quiz(self.env.docname, [q.id for _, q in pool], list({b.id: None for b, _ in pool}), whole)
        return [node]


def _explanation(text: str, index) -> nodes.paragraph:
    """The explanation with its citations linked to the provisions."""
    para = nodes.paragraph(classes=["pb-explanation"])
    para += nodes.strong("解説：", "解説：")
    pos = 0
    for c in scan(text, index, Context()):
        if not c.target or c.status in BROKEN or c.start < pos:
            continue
        if c.start > pos:
            para += nodes.Text(text[pos:c.start])
        xref = addnodes.pending_xref("", refdomain="policy", reftype="ref", reftarget=c.target,
                                     refexplicit=True, refwarn=False)
        xref += nodes.inline(c.text, c.text)
        para += xref
        pos = c.end
    para += nodes.Text(text[pos:])
    return para


def build_quiz(pool, title: str, quiz_id: str, state) -> nodes.Node:
    banks = {b.id: b for b, _ in pool}
    bank = next(iter(banks.values()))
    key = {q.id: q.right for _, q in pool}
    # pb-no-cite: quiz text is checked from the bank file, not as prose of the page
    node = quiz_bank(ids=[quiz_id], classes=["pb-quiz", "pb-no-cite"])
    node["bank"] = bank.id if len(banks) == 1 else "+".join(sorted(banks))
    node["version"] = "-".join(b.version for b in banks.values())
    node["passing"] = bank.passing_grade
    node["shuffle_answers"] = bool(bank.options.get("shuffleAnswers", False))
    node["shuffle_questions"] = bool(bank.options.get("shuffleQuestions", False))
    node["n_questions"] = int(bank.options.get("nQuestions", 0) or 0)
    node["key"] = base64.b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()
    node["title"] = title
    node += nodes.rubric(title, title, classes=["pb-quiz-title"])
    node += needs_script(script=QUIZ_SCRIPT)
    intro = f"全{len(pool)}問。合格の目安は{bank.passing_grade}％です。"
    node += nodes.paragraph(intro, intro, classes=["pb-quiz-intro"])
    for number, (_, q) in enumerate(pool, 1):
        question = quiz_question(ids=[f"q-{q.id}"], classes=["pb-question", f"pb-{q.type}"])
        question["qid"], question["qtype"], question["name"] = q.id, q.type, f"{quiz_id}-{q.id}"
        label = f"問{number}　{q.text}"
        question += quiz_legend(label, label)
        how = f"（{TYPE_LABELS[q.type]}）"
        question += nodes.paragraph(how, how, classes=["pb-question-type"])
        if q.body:
            question += nodes.paragraph(q.body, q.body, classes=["pb-question-body"])
        if q.hint:
            hint = quiz_hint(classes=["pb-hint"])
            hint += nodes.paragraph(q.hint, q.hint)
            question += hint
        options = quiz_options(classes=["pb-options"])
        options["qtype"] = q.type
        order = scrambled(len(q.options), q.id) if q.type == ORDERING else range(len(q.options))
        for i in order:
            option = q.options[i]
            item = quiz_option()
            item += nodes.Text(option.text)
            item["index"], item["qtype"], item["name"], item["count"] = i, q.type, question["name"], len(q.options)
            if option.comment and q.type != ORDERING:
                comment = quiz_hidden(classes=["pb-option-comment"])
                comment += nodes.paragraph(option.comment, option.comment)
                item += comment
            options += item
        question += options
        feedback = quiz_hidden(classes=["pb-feedback"])
        if q.type == ORDERING:
            order = "正しい順：" + " → ".join(o.text for o in q.options)
            feedback += nodes.paragraph(order, order, classes=["pb-right-order"])
        else:
            right = "正解：" + "、".join(o.text for o in q.options if o.correct)
            feedback += nodes.paragraph(right, right, classes=["pb-right-answer"])
        if q.explanation:
            feedback += _explanation(q.explanation, state.index)
        if q.targets:
            basis = nodes.paragraph(classes=["pb-basis"])
            basis += nodes.strong("根拠条文：", "根拠条文：")
            for j, target in enumerate(q.targets):
                if j:
                    basis += nodes.Text("、")
                label = target_label(state.index.rules, target)
                xref = addnodes.pending_xref("", refdomain="policy", reftype="ref", reftarget=target,
                                             refexplicit=True, refwarn=False)
                xref += nodes.inline(label, label)
                basis += xref
            feedback += basis
        question += feedback
        node += question
    node += quiz_controls()
    return node


# --- HTML -------------------------------------------------------------------------------------
def visit_bank_html(self, node):
    self.body.append(self.starttag(
        node, "section", **{"data-bank": node["bank"], "data-version": node["version"],
                            "data-pass": node["passing"], "data-key": node["key"],
                            "data-shuffle-answers": int(node["shuffle_answers"]),
                            "data-shuffle-questions": int(node["shuffle_questions"]),
                            "data-n-questions": node["n_questions"], "data-title": node["title"],
                            "aria-label": f"クイズ：{node['title']}"}))
    self.body.append('<form class="pb-quiz-form" action="#" novalidate>')


def depart_bank_html(self, node):
    self.body.append("</form></section>\n")


def visit_question_html(self, node):
    self.body.append(self.starttag(node, "fieldset", **{"data-qid": node["qid"], "data-type": node["qtype"]}))


def depart_question_html(self, node):
    self.body.append("</fieldset>\n")


def visit_legend_html(self, node):
    self.body.append(self.starttag(node, "legend", CLASS="pb-legend"))


def depart_legend_html(self, node):
    self.body.append("</legend>\n")


def visit_options_html(self, node):
    tag = "ol" if node["qtype"] == ORDERING else "ul"
    self.body.append(self.starttag(node, tag))
    node["html_tag"] = tag


def depart_options_html(self, node):
    self.body.append(f"</{node['html_tag']}>\n")


def visit_option_html(self, node):
    from html import escape
    i, name = node["index"], node["name"]
    self.body.append(self.starttag(node, "li", CLASS="pb-option", **{"data-index": i}))
    if node["qtype"] == ORDERING:
        choices = "".join(f'<option value="{n}">{n}</option>' for n in range(1, node["count"] + 1))
        text = escape(node.astext(), quote=True)
        self.body.append(f'<label class="pb-order"><select name="{escape(name)}-{i}" class="pb-order-select" '
                         f'data-index="{i}" aria-label="「{text}」の順番"><option value="">順番</option>{choices}'
                         f'</select> ')
    else:
        kind = "radio" if node["qtype"] == SINGLE else "checkbox"
        self.body.append(f'<label><input type="{kind}" name="{escape(name)}" value="{i}"> ')


def depart_option_html(self, node):
    if not node.get("label_closed"):
        self.body.append("</label>")
    self.body.append("</li>\n")


def visit_hidden_html(self, node):
    if isinstance(node.parent, quiz_option) and not node.parent.get("label_closed"):
        self.body.append("</label>")  # an option's comment sits after its label
        node.parent["label_closed"] = True
    self.body.append(self.starttag(node, "div", hidden="hidden"))


def depart_hidden_html(self, node):
    self.body.append("</div>\n")


def visit_hint_html(self, node):
    self.body.append(self.starttag(node, "details") + "<summary>ヒント</summary>")


def depart_hint_html(self, node):
    self.body.append("</details>\n")


def visit_controls_html(self, node):
    self.body.append('<div class="pb-quiz-controls" hidden>'
                     '<button type="button" class="pb-check">答え合わせ</button>'
                     '<button type="button" class="pb-retry" hidden>やり直す</button>'
                     '<button type="button" class="pb-present">研修用の表示</button>'
                     '<button type="button" class="pb-download" hidden>結果ファイルを保存</button>'
                     '<label class="pb-name-box">氏名・所属（任意・結果に記録）'
                     '<input class="pb-name" autocomplete="name" size="16"></label>'
                     '<span class="pb-code-box" hidden>結果コード：<input class="pb-code" readonly size="24" '
                     'aria-label="結果コード（コピーして研修担当者に渡してください）"></span>'
                     '</div><p class="pb-result" role="status" aria-live="polite"></p>'
                     '<noscript><p class="pb-noscript">答え合わせにはJavaScriptが必要です。'
                     '問題は印刷して使うこともできます。</p></noscript>')
    raise nodes.SkipNode


# --- other builders: a readable list, answers withheld ------------------------------------------
def _visit_pass(self, node):
    pass


def _depart_pass(self, node):
    pass


def _skip(self, node):
    raise nodes.SkipNode


def _visit_option_text(self, node):
    pass


class QuizIndexDirective(SphinxDirective):
    """Every bank by topic, with its audience and question count, linked to its page."""

    def run(self):
        node = quiz_index()
        self.set_source_info(node)
        self.env.get_domain("policy").note_index_page(self.env.docname)
        return [node]


class quiz_index(nodes.General, nodes.Element):
    pass


class QuizTrainerDirective(SphinxDirective):
    """The trainer's page: import learners' result files or codes; no server involved."""

    def run(self):
        import json as _json

        banks = state_for(self.env).banks or {}
        texts = {q.id: f"{b.title}：{q.text}" for b in banks.values() for q in b.questions}
        html = ('<div class="pb-trainer" data-questions="{q}">'
                '<div class="pb-trainer-form" hidden>'
                '<p><label>結果ファイル（複数選択可）：<input type="file" class="pb-trainer-files" accept=".json,application/json" multiple></label></p>'
                '<p><label for="pb-trainer-codes">結果コード（1行に1つ）：</label><br>'
                '<textarea id="pb-trainer-codes" class="pb-trainer-codes" rows="5" cols="60"></textarea></p>'
                '<p><button type="button" class="pb-trainer-read">結果コードを読み込む</button> '
                '<button type="button" class="pb-trainer-csv">CSVで保存（研修実施報告用）</button></p></div>'
                '<div class="pb-trainer-out" role="status" aria-live="polite"></div>'
                '<noscript><p>このページはJavaScriptが必要です。</p></noscript></div>')
        from html import escape
        raw = nodes.raw("", html.format(q=escape(_json.dumps(texts, ensure_ascii=False), quote=True)), format="html")
        note = nodes.paragraph("", "（この機能はウェブ版のみで使えます。）", classes=["pb-only-print"])
        return [raw, note, needs_script(script=QUIZ_SCRIPT)]


def fill_quiz_index(app, doctree, fromdocname):
    from sphinx.util.nodes import make_refnode

    domain = app.env.get_domain("policy")
    banks = state_for(app.env).banks or {}
    for node in list(doctree.findall(quiz_index)):
        table = nodes.table(classes=["pb-quiz-index"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (30, 25, 35, 10):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for text in ("クイズ", "テーマ", "対象者", "問題数"):
            row += nodes.entry("", nodes.paragraph(text, text))
        head += row
        group += head
        body = nodes.tbody()
        for bank in sorted(banks.values(), key=lambda b: (b.topic, b.title)):
            row = nodes.row()
            pages = domain.quiz_pages(bank.id)
            title = nodes.paragraph()
            if pages:
                title += make_refnode(app.builder, fromdocname, pages[0], "", nodes.inline(bank.title, bank.title), bank.title)
            else:
                title += nodes.Text(bank.title)
            row += nodes.entry("", title)
            for text in (bank.topic, "、".join(bank.audience) or "全職員", str(len(bank.questions))):
                row += nodes.entry("", nodes.paragraph(text, text))
            body += row
        group += body
        node.replace_self(table)


def warn_unplaced_banks(app, env):
    domain = env.get_domain("policy")
    for bank in (state_for(env).banks or {}).values():
        if not domain.quiz_pages(bank.id):
            logger.warning(f"{dx.QUIZ_UNPLACED} quiz bank '{bank.id}' is not embedded in any page (add ```{{quiz}} {bank.id}``` to a page)",
                           type="policybook", subtype=dx.QUIZ_UNPLACED, location=f"{env.srcdir}/{bank.path}:1")


def setup_quiz(app) -> None:
    app.add_node(quiz_index, **{b: (_skip, None) for b in ("html", "latex", "text", "man", "texinfo")})
    app.add_directive("quiz-index", QuizIndexDirective)
    app.add_directive("quiz-trainer", QuizTrainerDirective)
    app.connect("doctree-resolved", fill_quiz_index)
    app.connect("env-check-consistency", warn_unplaced_banks)
    other = ("latex", "text", "man", "texinfo")
    app.add_node(quiz_bank, html=(visit_bank_html, depart_bank_html), **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_question, html=(visit_question_html, depart_question_html),
                 **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_legend, html=(visit_legend_html, depart_legend_html),
                 **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_options, html=(visit_options_html, depart_options_html),
                 **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_option, html=(visit_option_html, depart_option_html),
                 **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_hidden, html=(visit_hidden_html, depart_hidden_html), **{b: (_skip, None) for b in other})
    app.add_node(quiz_hint, html=(visit_hint_html, depart_hint_html), **{b: (_visit_pass, _depart_pass) for b in other})
    app.add_node(quiz_controls, html=(visit_controls_html, None), **{b: (_skip, None) for b in other})
    app.add_directive("quiz", QuizDirective)
