"""Strict YAML for front matter: positions for every value, no silent surprises.

PyYAML composes the node tree (with line and column marks); we construct Python values
ourselves so that duplicate keys, YAML 1.1 booleans such as ``no`` and sexagesimal numbers
such as ``12:30`` become diagnostics instead of silently changed data. Dates stay strings:
the schema validates them, so ``2026-02-30`` is reported rather than raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from . import diagnostics as dx

_TRUE_FALSE = {"true", "false"}
# libyaml when present (same marks and tags, several times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


@dataclass
class Located:
    """Parsed front matter with the source position of every key and value."""

    data: object
    positions: dict = field(default_factory=dict)  # path -> (line, col), 1-based, file-relative
    key_positions: dict = field(default_factory=dict)  # path of a mapping entry -> key position
    diagnostics: list = field(default_factory=list)


def load(text: str, path: str, first_line: int) -> Located:
    """Parse ``text`` (the YAML between the ``---`` fences) that starts at file line ``first_line``."""
    result = Located(data=None)
    try:
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            # the pure-Python parser words and places errors better; use it to report them
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        col = mark.column + 1 if mark else 1
        problem = exc.problem or str(exc)
        if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            problem += f" ({exc.context} at line {first_line + exc.context_mark.line})"
        result.diagnostics.append(
            dx.Diagnostic(path, line, col, dx.YAML_SYNTAX, f"invalid YAML: {problem}",
                          "check indentation and quote values containing ':' or '#'"))
        return result
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        result.diagnostics.append(
            dx.Diagnostic(path, first_line, 1, dx.YAML_SYNTAX, f"invalid YAML: {exc}"))
        return result
    if node is None:
        result.data = {}
        return result

    def pos(n):
        return (first_line + n.start_mark.line, n.start_mark.column + 1)

    def build(n, at: tuple):
        result.positions[at] = pos(n)
        if isinstance(n, yaml.MappingNode):
            out = {}
            for key_node, value_node in n.value:
                key = scalar(key_node, at + ("<key>",)) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    line, col = pos(key_node)
                    result.diagnostics.append(dx.Diagnostic(
                        path, line, col, dx.WRONG_TYPE, f"keys must be plain text, got {key_node.value!r}"))
                    continue
                if key in out:
                    line, col = pos(key_node)
                    first = result.key_positions[at + (key,)]
                    result.diagnostics.append(dx.Diagnostic(
                        path, line, col, dx.DUPLICATE_KEY,
                        f"key '{key}' is repeated (first at line {first[0]})",
                        "keep one; YAML would silently use the last"))
                    continue
                result.key_positions[at + (key,)] = pos(key_node)
                out[key] = build(value_node, at + (key,))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(child, at + (i,)) for i, child in enumerate(n.value)]
        return scalar(n, at)

    def scalar(n, at):
        value = n.value
        if n.style:  # quoted or block scalar: always a string
            return value
        tag = n.tag
        line, col = pos(n)
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            if value.lower() in _TRUE_FALSE:
                return value.lower() == "true"
            result.diagnostics.append(dx.Diagnostic(
                path, line, col, dx.YAML_SURPRISE,
                f"'{value}' would be read as the boolean {value.lower() in ('yes', 'y', 'on')!s}; "
                "it is kept as text", f"write \"{value}\" in quotes"))
            return value
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and _SEXAGESIMAL.match(value):
            result.diagnostics.append(dx.Diagnostic(
                path, line, col, dx.YAML_SURPRISE,
                f"'{value}' would be read as a base-60 number; it is kept as text",
                f"write \"{value}\" in quotes"))
            return value
        if tag == "tag:yaml.org,2002:int":
            try:
                return int(value.replace("_", ""), 0) if value.lower().startswith(("0x", "0o")) else int(value.replace("_", ""))
            except ValueError:
                return value
        if tag == "tag:yaml.org,2002:float":
            try:
                return float(value)
            except ValueError:
                return value
        # str, timestamp (validated later as a date) and anything else stay text
        return value

    result.data = build(node, ())
    return result
