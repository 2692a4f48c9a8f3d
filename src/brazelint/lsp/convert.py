"""brazelint positions and findings as LSP types.

brazelint counts 1-based lines and columns in code points; LSP counts 0-based lines and
columns in the code units the client negotiated (UTF-16 unless it asked otherwise).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from lsprotocol import types

from brazelint.lsp import RULES_DOCS_URL

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.lsp.completion import Suggestion

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SUGGESTION_KINDS = {
    "variable": types.CompletionItemKind.Variable,
    "field": types.CompletionItemKind.Field,
    "module": types.CompletionItemKind.Module,
    "function": types.CompletionItemKind.Function,
    "keyword": types.CompletionItemKind.Keyword,
    "property": types.CompletionItemKind.Property,
}
SOURCE = "brazelint"


def code_units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` (``utf-8``, ``utf-16``, ``utf-32``) ``text`` takes."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def position(lines: Sequence[str], line: int, column: int, encoding: str) -> types.Position:
    """The LSP position of a 1-based brazelint ``line``/``column`` (clamped to the text)."""
    row = min(max(line, 1), max(len(lines), 1)) - 1
    text = lines[row] if row < len(lines) else ""
    return types.Position(row, code_units(text[: max(column - 1, 0)], encoding))


def offset_position(text: str, offset: int, encoding: str) -> types.Position:
    """The LSP position of the code-point ``offset`` of ``text``."""
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(text.count("\n", 0, offset), code_units(text[start:offset], encoding))


def text_lines(text: str) -> list[str]:
    """Lines as brazelint counts them: split at ``\\n`` only, ``\\r`` dropped."""
    return [line.rstrip("\r") for line in text.split("\n")]


def to_lsp(
    diagnostic: Diagnostic, lines: Sequence[str], uri: str, encoding: str
) -> types.Diagnostic:
    """One LSP diagnostic: code with a docs link, profiles, hint, and the rendered value."""
    start = position(lines, diagnostic.line, diagnostic.column, encoding)
    end = position(lines, diagnostic.end_line, diagnostic.end_column, encoding)
    if (end.line, end.character) <= (start.line, start.character):
        row = lines[start.line] if start.line < len(lines) else ""
        column = min(diagnostic.column, len(row))  # one character, where there is one
        end = position(lines, diagnostic.line, column + 1, encoding)
    where = types.Range(start, end)
    message = diagnostic.message
    if diagnostic.profiles:
        message += f"\nprofiles: {', '.join(diagnostic.profiles)}"
    if diagnostic.hint:
        message += f"\nhint: {diagnostic.hint}"
    related = None
    if diagnostic.excerpt:
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=where),
                message=f"rendered: {diagnostic.excerpt}",
            )
        ]
    return types.Diagnostic(
        range=where,
        message=message,
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=RULES_DOCS_URL),
        source=SOURCE,
        related_information=related,
        data={
            "name": diagnostic.name,
            "profiles": list(diagnostic.profiles),
            "hint": diagnostic.hint,
            "excerpt": diagnostic.excerpt,
        },
    )


def problem(message: str) -> types.Diagnostic:
    """A diagnostic at the top of the file for a problem outside it (a broken config)."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def completion_item(suggestion: Suggestion, replace: types.Range) -> types.CompletionItem:
    documentation = (
        types.MarkupContent(kind=types.MarkupKind.Markdown, value=suggestion.documentation)
        if suggestion.documentation
        else None
    )
    return types.CompletionItem(
        label=suggestion.label,
        kind=SUGGESTION_KINDS[suggestion.kind],
        detail=suggestion.detail or None,
        documentation=documentation,
        text_edit=types.TextEdit(range=replace, new_text=suggestion.label),
    )
