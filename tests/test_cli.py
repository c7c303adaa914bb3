"""The ``policybook`` command, run in-process."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from policybook.cli import main
from conftest import TESTS, copy_root


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "site"
    copy_root("broken", root)
    return root


@pytest.fixture
def clean(tmp_path):
    root = tmp_path / "site"
    copy_root("basic", root)
    return root


def test_clean_tree_exits_zero(clean, capsys):
    assert main(["check", "--root", str(clean)]) == 0
    assert capsys.readouterr().out == "0 error(s), 0 warning(s), 7 info (-v lists them)\n"
    assert main(["check", "--root", str(clean), "-v"]) == 0
    assert "PB310 no guidance page or quiz cites 「テスト全文規程」 [info]" in capsys.readouterr().out


def test_findings_exit_one_with_file_line_col(broken, capsys):
    assert main(["check", "--root", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "policies/bad-fields.md:9:1: PB103 unknown key 'owners' (did you mean 'owner'?) [error]" in out
    assert "policies/bad-numbering.md:19:1: PB202 article 3 appears twice (first at line 15)" in out


def test_json_and_sarif(broken, capsys):
    main(["check", "--root", str(broken), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)
    assert {"path": "policies/bad-fields.md", "line": 7, "column": 12, "code": "PB105"}.items() <= \
        next(f for f in findings if f["code"] == "PB105").items()
    main(["check", "--root", str(broken), "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings)
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith("policies/") and first["region"]["startLine"] >= 1


def test_select_and_ignore(broken, capsys):
    assert main(["check", "--root", str(broken), "--select", "PB2"]) == 1
    out = capsys.readouterr().out
    assert "PB201" in out and "PB103" not in out
    assert main(["check", "--root", str(broken), "--ignore", "PB1", "--ignore", "PB2"]) == 0


def test_ignore_from_pyproject(broken, capsys):
    (broken / "pyproject.toml").write_text('[tool.policybook]\nignore = ["PB1", "PB2"]\n', encoding="utf-8")
    assert main(["check", "--root", str(broken)]) == 0


def test_paths_limit_the_report(broken, capsys):
    main(["check", "--root", str(broken), str(broken / "policies" / "bad-yaml.md")])
    out = capsys.readouterr().out
    assert "bad-yaml.md" in out and "bad-fields.md" not in out


def test_usage_errors_exit_two(capsys):
    assert main(["check", "--format", "xml"]) == 2
    assert main(["check", "--select", "XX9"]) == 2
    assert main([]) == 2


def test_schema_export(tmp_path):
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["properties"]["status"]["enum"] == ["draft", "in-force", "amended", "superseded", "repealed"]


CITATIONS = TESTS / "roots" / "test-citations"


@pytest.fixture
def cited(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(CITATIONS, root)
    return root


def test_check_reports_each_broken_citation_at_its_line(cited, capsys):
    assert main(["check", "--root", str(cited)]) == 1
    out = capsys.readouterr().out
    for line, code in ((6, "PB302"), (7, "PB303"), (8, "PB304"), (9, "PB305"), (10, "PB306"), (11, "PB301"), (13, "PB308")):
        assert re.search(rf"^docs/guide\.md:{line}:4: {code} ", out, re.M), (line, code)
    main(["check", "--root", str(cited), "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    regions = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in sarif["runs"][0]["results"]}
    assert ("PB304", 8) in regions and ("PB308", 13) in regions


def test_refs_parse_json(tmp_path, capsys, monkeypatch):
    text = tmp_path / "passage.txt"
    text.write_text("京都市個人情報保護条例（以下「個人情報保護条例」という。）第40条第1項及び同条第3項\n"
                    "同条例第6条、第8条\n", encoding="utf-8")
    from conftest import PROJECT
    assert main(["refs", "parse", str(text), "--root", str(PROJECT)]) == 0
    found = json.loads(capsys.readouterr().out)
    rows = [(f["text"], f["line"], f["document"], f["article"], f["paragraph"], f["target"], f["status"]) for f in found]
    assert rows == [
        ("京都市個人情報保護条例（以下「個人情報保護条例」という。）第40条第1項", 1, "京都市個人情報保護条例", "40", 1,
         "kojin-joho-hogo-jorei#Article_40-Paragraph_1", "resolved"),
        ("同条第3項", 1, "京都市個人情報保護条例", "40", 3, "kojin-joho-hogo-jorei#Article_40-Paragraph_3", "resolved"),
        ("同条例第6条", 2, "京都市個人情報保護条例", "6", None, "kojin-joho-hogo-jorei#Article_6", "resolved"),
        ("第8条", 2, "京都市個人情報保護条例", "8", None, "kojin-joho-hogo-jorei#Article_8", "resolved"),
    ]
    assert all(set(f) == {"text", "start", "end", "line", "document", "article", "paragraph", "item", "part",
                          "target", "status"} for f in found)


def test_refs_parse_stdin(capsys, monkeypatch):
    import io
    from conftest import PROJECT
    monkeypatch.setattr("sys.stdin", io.StringIO("地方自治法第199条第2項"))
    assert main(["refs", "parse", "-", "--root", str(PROJECT)]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert found["status"] == "external" and found["start"] == 0 and found["end"] == 13


def test_refs_impact(cited, capsys):
    assert main(["refs", "impact", "jorei#Article_2", "--root", str(cited)]) == 0
    out = capsys.readouterr().out
    assert "docs/guide.md:3: 保護条例第2条第2項 -> jorei#Article_2-Paragraph_2" in out
    assert "policies/jorei.md" in out  # 第4条 cites 第2条第2項
    assert main(["refs", "impact", "保護条例第2条", "--root", str(cited)]) == 0
    assert capsys.readouterr().out.startswith("jorei#Article_2: cited")
    assert main(["refs", "impact", "未知の規程第1条", "--root", str(cited)]) == 2


def test_drift_is_reported_until_accepted(cited, capsys):
    guide = cited / "docs" / "guide.md"
    guide.write_text("# ガイド\n\n保護条例第2条第2項を確認します。\n", encoding="utf-8")
    assert main(["refs", "accept", "--root", str(cited)]) == 0
    capsys.readouterr()
    assert main(["check", "--root", str(cited), "--select", "PB309"]) == 0
    rule = cited / "policies" / "jorei.md"
    rule.write_text(rule.read_text(encoding="utf-8").replace("第2項の要旨。", "第2項の新しい要旨。"), encoding="utf-8")
    assert main(["check", "--root", str(cited), "--select", "PB309"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^docs/guide\.md:3:0: PB309 「保護条例第2条第2項」 cites jorei#Article_2-Paragraph_2", out, re.M)
    # editing another article does not disturb it
    assert main(["refs", "accept", "--root", str(cited)]) == 0
    rule.write_text(rule.read_text(encoding="utf-8").replace("目的の要旨。", "目的の新しい要旨。"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(cited), "--select", "PB309"]) == 0


def test_review_dates(clean, capsys):
    rule = clean / "policies" / "yoko.md"
    rule.write_text(rule.read_text(encoding="utf-8").replace("status: in-force", "status: in-force\nreview_due: 2026-12-31"),
                    encoding="utf-8")
    assert main(["check", "--root", str(clean), "--today", "2026-06-01"]) == 0
    assert main(["check", "--root", str(clean), "--today", "2026-11-01"]) == 0
    assert "PB312 review is due on 2026-12-31, within 90 days" in capsys.readouterr().out
    assert main(["check", "--root", str(clean), "--today", "2027-01-01"]) == 1
    assert "PB311 review was due on 2026-12-31" in capsys.readouterr().out
