"""The front-matter schema of a rule: one definition for validation, docs and editors.

``SCHEMA`` is plain JSON Schema (draft 2020-12). ``validate`` checks parsed front matter
against it and turns each error into a located, plain-words diagnostic; ``export`` writes
the same schema for editors (VS Code YAML, JetBrains) and ``fields_table`` documents it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import re

import jsonschema

from . import diagnostics as dx

# In the order the rule index lists them: the organisation's own rules first, national laws last.
KINDS = ("条例", "規則", "規程", "方針", "基準", "管理基準", "要綱", "要領", "手引", "通知", "仕様書",
         "ガイドライン", "解説書", "法律", "政令")
STATUSES = ("draft", "in-force", "amended", "superseded", "repealed")
STATUS_LABELS = {"draft": "案", "in-force": "施行中", "amended": "改正済み",
                 "superseded": "廃止（後継あり）", "repealed": "廃止"}
ROLES = ("職員", "課長等", "情報セキュリティ担当者", "個人情報管理責任者", "情報システム業務責任者",
         "情報化推進支援員", "情報セキュリティ統括者", "統括責任者", "情報化推進室", "実施機関", "委託先")
TEXT_STATUSES = ("全文", "要旨")
EXTERNAL_KINDS = ("法律", "政令")

_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE = {"type": "string", "pattern": _DATE_PATTERN, "format": "partial-date"}

SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "policybook:policy-front-matter",
    "title": "policybook rule front matter",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "kind", "status", "text_status"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$",
               "description": "Stable id: lowercase ASCII letters, digits and hyphens; the file name.",
               "x-label": "ID"},
        "title": {"type": "string", "minLength": 1, "description": "Official name of the rule.",
                  "x-label": "名称"},
        "kind": {"enum": list(KINDS), "description": "Kind of rule.", "x-label": "種別"},
        "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True,
                    "description": "Other names used when citing it (short forms 「以下「…」という。」).",
                    "x-label": "略称"},
        "parent": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$",
                   "description": "Id of the rule this one belongs to (a 管理基準's 基準).",
                   "x-label": "上位の規程"},
        "number": {"type": "integer", "minimum": 1,
                   "description": "Its number inside the parent (5 for ネットワーク管理基準).",
                   "x-label": "上位規程内の番号"},
        "owner": {"type": "string", "minLength": 1, "description": "Owning section (所管課).",
                  "x-label": "所管"},
        "effective": dict(_DATE, description="Date it took effect (施行日): YYYY-MM-DD, YYYY-MM or YYYY.",
                          **{"x-label": "施行日"}),
        "last_amended": dict(_DATE, description="Date of the last amendment (最終改正).",
                             **{"x-label": "最終改正"}),
        "review_due": dict(_DATE, description="Date by which it must be reviewed (見直し期限).",
                           **{"x-label": "見直し期限"}),
        "status": {"enum": list(STATUSES), "description": "draft, in-force, amended, superseded or repealed.",
                   "x-label": "状態"},
        "successor": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$",
                      "description": "Id of the rule that replaces a superseded or repealed one.",
                      "x-label": "後継"},
        "audience": {"type": "array", "items": {"enum": list(ROLES)}, "uniqueItems": True,
                     "description": "Roles the rule addresses.", "x-label": "対象者"},
        "text_status": {"enum": list(TEXT_STATUSES),
                        "description": "全文 (official text) or 要旨 (summary in our own words).",
                        "x-label": "本文の扱い"},
        "source": {"type": "string", "minLength": 1, "description": "Where the text or summary comes from.",
                   "x-label": "出典"},
        "url": {"type": "string", "pattern": r"^https?://",
                "description": "External rules only: where the official text is published.",
                "x-label": "公式の本文"},
        "summary": {"type": "string", "minLength": 1, "description": "One sentence for the rule index.",
                    "x-label": "概要"},
    },
    "allOf": [
        {"if": {"properties": {"status": {"const": "superseded"}}, "required": ["status"]},
         "then": {"required": ["successor"]}},
    ],
}


# Japanese descriptions for the author guide on the site.
DESCRIPTIONS_JA = {'id': '規程等の識別子。英小文字・数字・ハイフン。ファイル名と同じにする。',
    'title': '正式な名称。',
    'kind': '種別。',
    'aliases': '引用に使われる別の名称（「以下「…」という。」の略称など）。',
    'parent': '属する上位の規程等の id（管理基準の場合はその基準）。',
    'number': '上位の規程等の中での番号（ネットワーク管理基準なら 5）。',
    'owner': '所管課。',
    'effective': '施行日。YYYY-MM-DD、YYYY-MM 又は YYYY（出典にある精度で）。',
    'last_amended': '最終改正日。書き方は施行日と同じ。',
    'review_due': '見直し期限。',
    'status': '状態。',
    'successor': '廃止された規程等を置き換えた規程等の id。',
    'audience': '対象者（役割）。',
    'text_status': '本文の扱い。全文（正式な条文）又は要旨（自分の言葉でまとめたもの）。',
    'source': '本文又は要旨の出典。',
    'url': '国の法令など外部の規程等のみ。正式な本文の公開場所。',
    'summary': '規程等の一覧に表示する一文の説明。'}


def _check_partial_date(value: object) -> bool:
    if not isinstance(value, str) or not re.match(_DATE_PATTERN, value):
        return True  # the type and pattern keywords report these
    parse_date(value)
    return True


def parse_date(value: str) -> tuple[int, ...]:
    """Return (year[, month[, day]]) or raise ValueError with a readable reason."""
    if not re.match(_DATE_PATTERN, value):
        raise ValueError("write it as YYYY-MM-DD, YYYY-MM or YYYY")
    parts = tuple(int(p) for p in value.split("-"))
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month {parts[1]} does not exist")
    if len(parts) == 3:
        _dt.date(*parts)  # raises "day is out of range for month"
    return parts


_FORMATS = jsonschema.FormatChecker(formats=())
_FORMATS.checks("partial-date", raises=ValueError)(_check_partial_date)
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=_FORMATS)
PROPERTY_VALIDATORS = {key: jsonschema.Draft202012Validator(spec, format_checker=_FORMATS)
                       for key, spec in SCHEMA["properties"].items()}

_TYPE_WORDS = {"string": "text", "array": "a list", "integer": "a whole number", "object": "a mapping",
               "boolean": "true or false", "null": "empty"}


def _type_word(value: object) -> str:
    return {str: "text", list: "a list", dict: "a mapping", bool: "a boolean", int: "a number",
            float: "a number", type(None): "empty"}.get(type(value), type(value).__name__)


def validate(data: object, positions: dict, key_positions: dict, path: str,
             fm_line: int) -> list[dx.Diagnostic]:
    """Validate front matter; every diagnostic points at the offending key or value."""
    if not isinstance(data, dict):
        return [dx.Diagnostic(path, fm_line, 1, dx.WRONG_TYPE,
                              f"front matter must be a mapping of keys to values, got {_type_word(data)}")]
    out: list[dx.Diagnostic] = []
    for error in sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        out.extend(_explain(error, data, positions, key_positions, path, fm_line))
    return out


def _explain(error, data, positions, key_positions, path, fm_line):
    where = tuple(error.absolute_path)
    name = ".".join(str(p) for p in where) or "front matter"
    line, col = positions.get(where, (fm_line, 1))
    kind = error.validator
    if kind == "additionalProperties":
        known = list(SCHEMA["properties"])
        for key in data:
            if key in SCHEMA["properties"]:
                continue
            kline, kcol = key_positions.get((key,), (fm_line, 1))
            guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'?" if guess else "known keys: " + ", ".join(known)
            yield dx.Diagnostic(path, kline, kcol, dx.UNKNOWN_KEY, f"unknown key '{key}'", hint)
        return
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        for key in missing:
            if key == "successor":  # from the allOf rule: superseded needs a successor
                line, col = positions.get(("status",), (line, col))
                yield dx.Diagnostic(path, line, col, dx.MISSING_SUCCESSOR,
                                    "a superseded rule must name its successor", "add successor: <rule id>")
                continue
            yield dx.Diagnostic(path, line, col, dx.MISSING_KEY, f"required key '{key}' is missing",
                                SCHEMA["properties"][key]["description"])
        return
    if kind == "format":
        try:
            parse_date(error.instance)
            reason = "invalid date"
        except ValueError as exc:
            reason = str(exc)
        yield dx.Diagnostic(path, line, col, dx.INVALID_DATE,
                            f"'{name}' is not a valid date: {error.instance} ({reason})")
        return
    if kind == "pattern" and error.validator_value == _DATE_PATTERN:
        yield dx.Diagnostic(path, line, col, dx.INVALID_DATE,
                            f"'{name}' is not a valid date: {error.instance}",
                            "write it as YYYY-MM-DD, YYYY-MM or YYYY")
        return
    if kind == "type":
        expected = _TYPE_WORDS.get(error.validator_value, error.validator_value)
        hint = ""
        if error.validator_value == "array" and isinstance(error.instance, str):
            hint = f"write it as a list: [{error.instance}]"
        yield dx.Diagnostic(path, line, col, dx.WRONG_TYPE,
                            f"'{name}' must be {expected}, got {_type_word(error.instance)}", hint)
        return
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        guess = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.5)
        hint = f"did you mean '{guess[0]}'?" if guess else "allowed: " + ", ".join(allowed)
        yield dx.Diagnostic(path, line, col, dx.INVALID_VALUE,
                            f"'{name}' cannot be {error.instance!r}", hint)
        return
    if kind == "pattern":
        yield dx.Diagnostic(path, line, col, dx.INVALID_VALUE,
                            f"'{name}' has an invalid form: {error.instance!r}",
                            error.schema.get("description", ""))
        return
    if kind == "uniqueItems":
        yield dx.Diagnostic(path, line, col, dx.INVALID_VALUE, f"'{name}' lists the same entry twice")
        return
    if kind in ("minLength", "minimum"):
        yield dx.Diagnostic(path, line, col, dx.INVALID_VALUE, f"'{name}' must not be empty or below 1")
        return
    yield dx.Diagnostic(path, line, col, dx.INVALID_VALUE, f"'{name}': {error.message}")


def export() -> str:
    """The JSON Schema file for editors (``schema/policy.schema.json``)."""
    return json.dumps(SCHEMA, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def fields_table() -> list[tuple[str, str, str, str]]:
    """(key, label, required, description) rows for the author documentation."""
    required = set(SCHEMA["required"])
    rows = []
    for key, spec in SCHEMA["properties"].items():
        allowed = " / ".join(map(str, spec.get("enum", spec.get("items", {}).get("enum", []))))
        desc = DESCRIPTIONS_JA.get(key, spec["description"]) + (f"（{allowed}）" if allowed else "")
        rows.append((key, spec["x-label"], "yes" if key in required else "", desc))
    return rows
