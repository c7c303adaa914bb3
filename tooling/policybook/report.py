"""Output formats for diagnostics: text (file:line:col), JSON and SARIF 2.1.0."""

from __future__ import annotations

import json

from . import __version__
from . import diagnostics as dx


def text(diagnostics: list[dx.Diagnostic], show_info: bool = True) -> str:
    lines = [f"{d.format_text()} [{d.severity}]" for d in diagnostics
             if show_info or d.severity > dx.Severity.INFO]
    counts = {s: 0 for s in dx.Severity}
    for d in diagnostics:
        counts[d.severity] += 1
    lines.append(f"{counts[dx.Severity.ERROR]} error(s), {counts[dx.Severity.WARNING]} warning(s), "
                 f"{counts[dx.Severity.INFO]} info" + ("" if show_info or not counts[dx.Severity.INFO] else " (-v lists them)"))
    return "\n".join(lines) + "\n"


def as_json(diagnostics: list[dx.Diagnostic]) -> str:
    return json.dumps([
        {"path": d.path, "line": d.line, "column": d.column, "code": d.code, "name": d.name,
         "severity": str(d.severity), "message": d.message, "hint": d.hint or None}
        for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


_SARIF_LEVEL = {dx.Severity.ERROR: "error", dx.Severity.WARNING: "warning", dx.Severity.INFO: "note"}


def sarif(diagnostics: list[dx.Diagnostic]) -> str:
    rules = [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
              "defaultConfiguration": {"level": _SARIF_LEVEL[c.severity]}}
             for c in dx.CODES.values()]
    index = {c: i for i, c in enumerate(dx.CODES)}
    results = []
    for d in diagnostics:
        region = {"startLine": max(d.line, 1)}
        if d.column:
            region["startColumn"] = d.column
        results.append({
            "ruleId": d.code, "ruleIndex": index[d.code], "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": d.path, "uriBaseId": "SRCROOT"},
                                                "region": region}}]})
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "policybook", "version": __version__,
                                         "rules": rules}},
                     "results": results}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": text, "json": as_json, "sarif": sarif}
