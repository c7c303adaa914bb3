"""The ``policybook`` command, run in-process."""

from __future__ import annotations

import json
import shutil

import pytest

from policybook.cli import main
from conftest import TESTS


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(TESTS / "roots" / "test-broken", root)
    return root


@pytest.fixture
def clean(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(TESTS / "roots" / "test-basic", root)
    return root


def test_clean_tree_exits_zero(clean, capsys):
    assert main(["check", "--root", str(clean)]) == 0
    assert capsys.readouterr().out == "0 error(s), 0 warning(s), 0 info\n"


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
