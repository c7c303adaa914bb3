"""Exports for learning-management systems and paper: Moodle XML, IMS QTI 2.1, handouts."""

from __future__ import annotations

import html
import io
import zipfile
from xml.etree import ElementTree as ET

from .model import MULTIPLE, ORDERING, SINGLE, TYPE_LABELS, Bank, Question, scrambled

# Moodle accepts only these grade fractions (percent) for answers.
_MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                     14.28571, 12.5, 11.11111, 10, 5)


def _fraction(share: float) -> str:
    best = min(_MOODLE_FRACTIONS, key=lambda f: abs(f - share))
    return f"{best:.5f}".rstrip("0").rstrip(".")


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>" if text else ""


def _feedback_html(q: Question, basis: list[str]) -> str:
    parts = []
    if q.explanation:
        parts.append(_p("解説：" + q.explanation))
    if basis:
        parts.append(_p("根拠条文：" + "、".join(basis)))
    return "".join(parts)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = value
    return el


def moodle_xml(banks: list[Bank], labels: dict[str, str] | None = None) -> bytes:
    """One Moodle XML file: a category per bank, true single/multiple answer types, per-answer
    and general feedback in Japanese, ordering questions as Moodle's ordering type."""
    labels = labels or {}
    root = ET.Element("quiz")
    for bank in banks:
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(category, "category", f"$course$/policybook/{bank.title}", fmt=None)
        for q in bank.questions:
            kind = "ordering" if q.type == ORDERING else "multichoice"
            el = ET.SubElement(root, "question", {"type": kind})
            _text(el, "name", f"{q.id} {q.text[:40]}", fmt=None)
            _text(el, "questiontext", _p(q.text) + _p(q.body))
            basis = [labels.get(t, t) for t in q.targets]
            _text(el, "generalfeedback", _feedback_html(q, basis))
            ET.SubElement(el, "defaultgrade").text = "1"
            ET.SubElement(el, "penalty").text = "0.3333333"
            ET.SubElement(el, "hidden").text = "0"
            ET.SubElement(el, "idnumber").text = q.id
            if q.type == ORDERING:
                ET.SubElement(el, "layouttype").text = "VERTICAL"
                ET.SubElement(el, "selecttype").text = "ALL"
                ET.SubElement(el, "selectcount").text = "0"
                ET.SubElement(el, "gradingtype").text = "ABSOLUTE_POSITION"
                ET.SubElement(el, "showgrading").text = "SHOW"
                for option in q.options:  # written in the right order
                    answer = ET.SubElement(el, "answer", {"fraction": "1.0000000", "format": "html"})
                    ET.SubElement(answer, "text").text = _p(option.text)
            else:
                ET.SubElement(el, "single").text = "true" if q.type == SINGLE else "false"
                ET.SubElement(el, "shuffleanswers").text = "true" if bank.options.get("shuffleAnswers") else "false"
                ET.SubElement(el, "answernumbering").text = "abc"
                right = [o for o in q.options if o.correct]
                wrong = [o for o in q.options if not o.correct]
                for option in q.options:
                    if q.type == SINGLE:
                        fraction = "100" if option.correct else "0"
                    elif option.correct:
                        fraction = _fraction(100 / len(right))
                    else:
                        fraction = "-" + _fraction(100 / len(wrong)) if wrong else "0"
                    answer = ET.SubElement(el, "answer", {"fraction": fraction, "format": "html"})
                    ET.SubElement(answer, "text").text = _p(option.text)
                    _text(answer, "feedback", _p(option.comment))
                _text(el, "correctfeedback", _p("正解です。"))
                _text(el, "partiallycorrectfeedback", _p("一部正解です。"))
                _text(el, "incorrectfeedback", _p("不正解です。"))
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"


def _qti_item(q: Question, bank: Bank, basis: list[str]) -> bytes:
    ET.register_namespace("", QTI)
    item = ET.Element(f"{{{QTI}}}assessmentItem", {"identifier": q.id, "title": q.text[:80], "adaptive": "false",
                                                   "timeDependent": "false", "xml:lang": "ja"})
    cardinality = {SINGLE: "single", MULTIPLE: "multiple", ORDERING: "ordered"}[q.type]
    decl = ET.SubElement(item, f"{{{QTI}}}responseDeclaration",
                         {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": "identifier"})
    correct = ET.SubElement(decl, f"{{{QTI}}}correctResponse")
    for i in q.right:
        ET.SubElement(correct, f"{{{QTI}}}value").text = f"C{i}"
    ET.SubElement(item, f"{{{QTI}}}outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    ET.SubElement(item, f"{{{QTI}}}outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "single",
                                                        "baseType": "identifier"})
    body = ET.SubElement(item, f"{{{QTI}}}itemBody")
    if q.body:
        ET.SubElement(body, f"{{{QTI}}}p").text = q.body
    tag = "orderInteraction" if q.type == ORDERING else "choiceInteraction"
    attrs = {"responseIdentifier": "RESPONSE", "shuffle": "true" if q.type == ORDERING or bank.options.get("shuffleAnswers") else "false"}
    if q.type != ORDERING:
        attrs["maxChoices"] = "1" if q.type == SINGLE else "0"
    interaction = ET.SubElement(body, f"{{{QTI}}}{tag}", attrs)
    ET.SubElement(interaction, f"{{{QTI}}}prompt").text = q.text
    for i, option in enumerate(q.options):
        ET.SubElement(interaction, f"{{{QTI}}}simpleChoice", {"identifier": f"C{i}"}).text = option.text
    ET.SubElement(item, f"{{{QTI}}}responseProcessing",
                  {"template": "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"})
    feedback = " ".join(filter(None, ["解説：" + q.explanation if q.explanation else "",
                                      "根拠条文：" + "、".join(basis) if basis else ""]))
    if feedback:
        modal = ET.SubElement(item, f"{{{QTI}}}modalFeedback", {"outcomeIdentifier": "FEEDBACK", "showHide": "hide",
                                                               "identifier": "NONE"})
        modal.text = feedback
    ET.indent(item)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(item, encoding="utf-8")


def qti_package(banks: list[Bank], labels: dict[str, str] | None = None) -> bytes:
    """An IMS QTI 2.1 content package (zip): one item per question and imsmanifest.xml."""
    labels = labels or {}
    buffer = io.BytesIO()
    ET.register_namespace("", CP)
    manifest = ET.Element(f"{{{CP}}}manifest", {"identifier": "policybook-quizzes"})
    metadata = ET.SubElement(manifest, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "IMS Content"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.1.3"
    ET.SubElement(manifest, f"{{{CP}}}organizations")
    resources = ET.SubElement(manifest, f"{{{CP}}}resources")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for bank in banks:
            for q in bank.questions:
                href = f"items/{q.id}.xml"
                archive.writestr(href, _qti_item(q, bank, [labels.get(t, t) for t in q.targets]))
                resource = ET.SubElement(resources, f"{{{CP}}}resource",
                                         {"identifier": f"R-{q.id}", "type": "imsqti_item_xmlv2p1", "href": href})
                ET.SubElement(resource, f"{{{CP}}}file", {"href": href})
        ET.register_namespace("", CP)
        ET.indent(manifest)
        archive.writestr("imsmanifest.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(manifest, encoding="utf-8"))
    return buffer.getvalue()


HANDOUT_CSS = """body { font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 2rem; line-height: 1.7; }
h1 { font-size: 1.5rem; } .meta { border: 1px solid #000; padding: 0.5rem; }
.q { break-inside: avoid; margin: 1.2rem 0; } .q h2 { font-size: 1.05rem; margin: 0; }
.opts { list-style: none; padding-left: 1rem; } .right { font-weight: bold; }
.key { border-left: 4px solid #444; padding-left: 0.6rem; }
@page { size: A4; margin: 18mm; }
"""


def handout_html(banks: list[Bank], answers: bool, labels: dict[str, str] | None = None, title: str = "") -> str:
    """A printable sheet: blank (for learners) or an answer key with explanations and 根拠条文."""
    labels = labels or {}
    title = title or "・".join(b.title for b in banks)
    out = ['<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}（{'解答・解説' if answers else '問題'}）</title>",
           '<link rel="stylesheet" href="handout.css"></head><body>',
           f"<h1>{html.escape(title)}（{'解答・解説' if answers else '問題'}）</h1>"]
    if not answers:
        out.append('<p class="meta">所属：＿＿＿＿＿＿＿＿　氏名：＿＿＿＿＿＿＿＿　実施日：＿＿＿＿＿＿</p>')
    number = 0
    for bank in banks:
        for q in bank.questions:
            number += 1
            out.append(f'<div class="q"><h2>問{number}　{html.escape(q.text)}</h2>')
            out.append(f"<p>（{TYPE_LABELS[q.type]}）</p>")
            if q.body:
                out.append(f"<p>{html.escape(q.body)}</p>")
            out.append('<ul class="opts">')
            shown = scrambled(len(q.options), q.id) if q.type == ORDERING and not answers else range(len(q.options))
            for i in shown:
                option = q.options[i]
                mark = "（　）" if q.type == ORDERING else "□"
                if answers:
                    mark = f"（{i + 1}）" if q.type == ORDERING else ("■" if option.correct else "□")
                cls = ' class="right"' if answers and (option.correct or q.type == ORDERING) else ""
                out.append(f"<li{cls}>{mark} {html.escape(option.text)}</li>")
            out.append("</ul>")
            if answers:
                out.append('<div class="key">')
                if q.explanation:
                    out.append(f"<p>解説：{html.escape(q.explanation)}</p>")
                if q.targets:
                    out.append("<p>根拠条文：" + "、".join(html.escape(labels.get(t, t)) for t in q.targets) + "</p>")
                out.append("</div>")
            out.append("</div>")
    out.append("</body></html>\n")
    return "\n".join(out)
