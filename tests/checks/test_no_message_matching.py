"""No module decides anything by reading the text of an error or a message.

Errors carry a kind from where they are raised (``brazelint.errors.ErrorKind``). This test
reads the source tree and fails on the shapes text matching takes: ``'x' in str(err)``,
``err.message.startswith(...)``, ``hint == ...``, ``PATTERN.search(err.message)``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import brazelint

SOURCE = Path(brazelint.__file__).parent
ERROR_NAMES = frozenset({"err", "error", "exc", "exception", "e"})
TEXT_METHODS = frozenset(
    {"startswith", "endswith", "find", "rfind", "index", "count", "split", "partition"}
)
REGEX_METHODS = frozenset({"search", "match", "fullmatch", "findall", "finditer"})
ALLOWED = {
    # third-party errors that say what happened only in their text
    ("bounded_regex.py", 'ValidationError (jsonschema-rs): "backtrack" in error.message'),
    ("checks/schema_messages.py", "jsonschema names a missing required member only in text"),
    # a fix that reads its finding's message: the finding carries no structured type yet
    ("fixes/payload_fixes.py", "BL404 finding's message names the boolean type"),
}
"""(module, why) for the places that still read text, each for a reason outside brazelint."""


def _is_error_text(node: ast.AST) -> bool:
    """``x.message``, ``x.args[i]``, ``x.hint``, ``hint`` or ``str(err)``."""
    if isinstance(node, ast.Attribute) and node.attr in ("message", "hint"):
        return True
    if isinstance(node, ast.Name) and node.id in ("message", "hint"):
        return True
    if isinstance(node, ast.Subscript):
        value = node.value
        return isinstance(value, ast.Attribute) and value.attr == "args"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str":
        return (
            len(node.args) == 1
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in ERROR_NAMES
        )
    return False


def _reads_text(node: ast.AST) -> bool:
    return any(_is_error_text(inner) for inner in ast.walk(node))


def _violations(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            texts = [_reads_text(operand) for operand in operands]
            # comparing two texts for sameness (a finding before and after a fix) decides
            # nothing about what kind of problem either is
            if any(texts) and not all(texts):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method = node.func.attr
            if method in TEXT_METHODS and _is_error_text(node.func.value):
                if method != "split" or node.args:  # " ".join(text.split()) only tidies
                    lines.append(node.lineno)
            elif method in REGEX_METHODS and any(_reads_text(arg) for arg in node.args):
                lines.append(node.lineno)
    return sorted(lines)


def test_no_module_decides_by_matching_error_or_message_text() -> None:
    allowed = {module for module, _ in ALLOWED}
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        module = path.relative_to(SOURCE).as_posix()
        lines = _violations(ast.parse(path.read_text(encoding="utf-8")))
        if lines and module not in allowed:
            found[module] = lines
    assert found == {}


def test_the_scan_finds_each_shape_of_text_matching() -> None:
    shapes = [
        "if 'not subscriptable' in str(err): pass",
        "if err.message.startswith('expected tag end'): pass",
        "if hint == f'did you mean {name}?': pass",
        "found = _UNEXPECTED_TAG.search(error.message)",
        "code = 'BL302' if any(word in error.message for word in WORDS) else 'BL301'",
        "if err.args[0] == 'x': pass",
        "message = err.message.split(': ', 1)[1]",
    ]
    for shape in shapes:
        assert _violations(ast.parse(shape)) == [1], shape
    assert _violations(ast.parse("same = now.message != target.message")) == []
    assert _violations(ast.parse("code = CODES.get(error.kind, 'BL001')")) == []
    assert _violations(ast.parse("text = ' '.join(str(err).split())")) == []


def test_every_allowed_module_still_needs_its_allowance() -> None:
    for module, why in ALLOWED:
        path = SOURCE / module
        assert _violations(ast.parse(path.read_text(encoding="utf-8"))), (module, why)
