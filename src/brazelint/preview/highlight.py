"""Syntax highlighting for the preview: Braze Liquid, JSON and YAML, as escaped HTML lines.

Pygments escapes every character of the text it formats; the preview only ever inserts
its output, never raw template text.
"""

from __future__ import annotations

import html
import re
from typing import Any, ClassVar

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import RegexLexer, bygroups, include
from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Other,
    Punctuation,
    String,
    Text,
    Whitespace,
)

CSS_SCOPE = ".hl"


def _groups(*tokens: Any) -> Any:
    """``pygments.lexer.bygroups`` (typed)."""
    return bygroups(*tokens)  # type: ignore[no-untyped-call]


class BrazeLiquidLexer(RegexLexer):
    """Liquid with Braze's additions: ``${attribute}``, ``connected_content`` options,
    and ``{{ }}`` nested inside tags."""

    name = "Braze Liquid"
    aliases: ClassVar[list[str]] = ["braze-liquid"]
    filenames: ClassVar[list[str]] = ["*.liquid"]
    flags = re.DOTALL

    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (
                r"(\{%-?\s*comment\s*-?%\})(.*?)(\{%-?\s*endcomment\s*-?%\})",
                _groups(Comment.Preproc, Comment.Multiline, Comment.Preproc),
            ),
            (
                r"(\{%-?\s*raw\s*-?%\})(.*?)(\{%-?\s*endraw\s*-?%\})",
                _groups(Comment.Preproc, Text, Comment.Preproc),
            ),
            (r"(\{%-?)(\s*)([A-Za-z_]\w*)", _groups(Comment.Preproc, Whitespace, Keyword), "tag"),
            (r"\{\{-?", Comment.Preproc, "output"),
            (r"[^{]+", Other),
            (r"\{", Other),
        ],
        "tag": [
            (r"-?%\}", Comment.Preproc, "#pop"),
            include("expression"),
        ],
        "output": [
            (r"-?\}\}", Comment.Preproc, "#pop"),
            include("expression"),
        ],
        "expression": [
            (r"\s+", Whitespace),
            (r"\{\{-?", Comment.Preproc, "output"),
            (r"\$\{[^}]*\}", Name.Variable.Magic),
            (r"'[^']*'|\"[^\"]*\"", String),
            (r"https?://[^\s%}]+", String.Other),
            (r"(\|)(\s*)([A-Za-z_]\w*)", _groups(Operator, Whitespace, Name.Function)),
            (r":[A-Za-z_]\w*", Name.Attribute),
            (r"-?\d+(\.\d+)?", Number),
            (r"(and|or|contains|in|limit|offset|reversed)\b", Operator.Word),
            (r"(true|false|nil|null|blank|empty)\b", Keyword.Constant),
            (r"[A-Za-z_][\w-]*", Name.Variable),
            (r"==|!=|<>|<=|>=|[<>=]|\.\.", Operator),
            (r"[\[\]().,:]", Punctuation),
            (r".", Text),
        ],
    }


def highlight_lines(text: str, language: str) -> list[str]:
    """``text`` as one HTML string per line (``language``: liquid, json or yaml).

    Falls back to plainly escaped lines if the formatter's lines do not line up with the
    text's, so line numbers and diagnostics always match the file.
    """
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    lexer = _lexer(language)
    formatted = highlight(text.replace("\r\n", "\n"), lexer, HtmlFormatter(nowrap=True))
    result = formatted.split("\n")
    if result and result[-1] == "":
        result.pop()
    if len(result) != len(lines):
        return [html.escape(line) for line in lines]
    return result


def stylesheet() -> str:
    """The token colours, scoped under ``.hl``."""
    formatter = HtmlFormatter(style="default")
    return str(formatter.get_style_defs(CSS_SCOPE))  # type: ignore[no-untyped-call]


def _lexer(language: str) -> Any:
    from pygments.lexers import JsonLexer, TextLexer, YamlLexer

    options = {"stripnl": False, "ensurenl": True}
    if language == "liquid":
        return BrazeLiquidLexer(**options)
    if language == "json":
        return JsonLexer(**options)
    if language == "yaml":
        return YamlLexer(**options)
    return TextLexer(**options)
