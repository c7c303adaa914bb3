"""Quiz exports: Moodle XML, an IMS QTI 2.1 package, and printable handouts."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

from policybook.cli import main
from conftest import copy_root

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "site"
    copy_root("quiz", root)
    return root


def test_moodle_xml(project, tmp_path, capsys):
    out = tmp_path / "moodle.xml"
    assert main(["export", "moodle", "--root", str(project), "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [q.get("type") for q in questions] == ["category", "multichoice", "multichoice", "ordering"]
    single, multiple, ordering = questions[1:]
    assert single.findtext("single") == "true" and multiple.findtext("single") == "false"
    assert single.findtext("idnumber") == "jorei-01"
    assert [a.get("fraction") for a in single.findall("answer")] == ["0", "100", "0"]
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "-100", "50"]
    assert single.find("answer/feedback/text").text == "<p>第1条は目的です。</p>"
    general = single.find("generalfeedback/text").text
    assert "解説：集めるときは保護条例第2条第2項を確認します。" in general
    assert "根拠条文：テスト個人情報保護条例第2条第2項" in general
    assert [a.findtext("text") for a in ordering.findall("answer")] == ["<p>確認する</p>", "<p>記録する</p>", "<p>報告する</p>"]


def test_qti_package(project, tmp_path):
    out = tmp_path / "qti.zip"
    assert main(["export", "qti", "--root", str(project), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert [r.get("type") for r in resources] == ["imsqti_item_xmlv2p1"] * 3
        for resource in resources:
            item = ET.fromstring(archive.read(resource.get("href")))
            assert item.tag == f"{QTI}assessmentItem"
        first = ET.fromstring(archive.read("items/jorei-01.xml"))
        decl = first.find(f"{QTI}responseDeclaration")
        assert decl.get("cardinality") == "single"
        assert [v.text for v in decl.findall(f"{QTI}correctResponse/{QTI}value")] == ["C1"]
        assert first.find(f"{QTI}itemBody/{QTI}choiceInteraction").get("maxChoices") == "1"
        multiple = ET.fromstring(archive.read("items/jorei-02.xml"))
        assert multiple.find(f"{QTI}responseDeclaration").get("cardinality") == "multiple"
        ordering = ET.fromstring(archive.read("items/jorei-03.xml"))
        assert ordering.find(f"{QTI}responseDeclaration").get("cardinality") == "ordered"
        assert ordering.find(f"{QTI}itemBody/{QTI}orderInteraction") is not None


def test_handouts(project, tmp_path):
    out = tmp_path / "handouts"
    assert main(["export", "handouts", "--root", str(project), "-o", str(out), "--question", "jorei-01",
                 "--question", "jorei-03"]) == 0
    blank = (out / "jorei-mondai.html").read_text(encoding="utf-8")
    key = (out / "jorei-kaito.html").read_text(encoding="utf-8")
    assert "氏名" in blank and "問2　正しい順に並べてください。" in blank
    assert "解説" not in blank and "■" not in blank and "根拠条文" not in blank
    ordering = blank[blank.index("問2"):]
    shown = [ordering.index(f"） {t}<") for t in ("確認する", "記録する", "報告する")]
    assert shown != sorted(shown)  # the blank sheet does not give the order away
    assert "■ 保護条例第2条第2項" in key and "根拠条文：テスト個人情報保護条例第2条第2項" in key
    assert (out / "handout.css").exists() and "<style" not in blank


def test_export_refuses_broken_banks(project, capsys):
    bank = project / "quizzes" / "jorei.md"
    bank.write_text(bank.read_text(encoding="utf-8").replace("1. [x] 保護条例第2条第2項", "1. [ ] 保護条例第2条第2項"),
                    encoding="utf-8")
    assert main(["export", "moodle", "--root", str(project)]) == 1
    assert "PB402" in capsys.readouterr().out
