"""Code actions: a quick fix per fixable diagnostic, and ``source.fixAll.brazelint``.

Fixes are computed from the buffer's text and proven by a re-lint the way ``--fix``
proves them (:mod:`brazelint.fixes`): a fix the re-lint refuses is not offered. Unsafe
fixes are offered too, titled so, and never preferred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from lsprotocol import types

from brazelint.lsp import convert
from brazelint.lsp.linting import has_fix

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.registry import Fix
    from brazelint.lsp.documents import Buffer
    from brazelint.lsp.linting import ProjectLinter

FIX_ALL_KIND = "source.fixAll.brazelint"
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL_KIND]
Key = tuple[str, int, int, int, int]
"""A diagnostic as both sides see it: code and range."""


class Editing:
    """How edits to one buffer are written for this client."""

    def __init__(self, buffer: Buffer, encoding: str, *, versioned: bool) -> None:
        self.buffer = buffer
        self.encoding = encoding
        self.versioned = versioned

    def text_edit(self, start: int, end: int, replacement: str) -> types.TextEdit:
        text = self.buffer.text
        return types.TextEdit(
            range=types.Range(
                convert.offset_position(text, start, self.encoding),
                convert.offset_position(text, end, self.encoding),
            ),
            new_text=replacement,
        )

    def workspace_edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        """The edits as one WorkspaceEdit: tied to the buffer's version when the client can."""
        if self.versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(
                uri=self.buffer.uri, version=self.buffer.version
            )
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
            )
        return types.WorkspaceEdit(changes={self.buffer.uri: edits})


def wants(only: Optional[Sequence[str]], kind: str) -> bool:
    """Whether a request limited to ``only`` kinds asks for actions of ``kind``."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _key(diagnostic: types.Diagnostic) -> Key:
    start, end = diagnostic.range.start, diagnostic.range.end
    return (str(diagnostic.code), start.line, start.character, end.line, end.character)


def _fixable(diagnostic: types.Diagnostic) -> bool:
    data = diagnostic.data
    name = data.get("name") if isinstance(data, dict) else None
    return diagnostic.source == convert.SOURCE and isinstance(name, str) and has_fix(name)


def quick_fixes(
    project: ProjectLinter, editing: Editing, diagnostics: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    """A quick fix for each of ``diagnostics`` whose finding has a proven fix."""
    asked: dict[Key, list[types.Diagnostic]] = {}
    for diagnostic in diagnostics:
        if _fixable(diagnostic):
            asked.setdefault(_key(diagnostic), []).append(diagnostic)
    if not asked:
        return []
    buffer = editing.buffer
    lines = convert.text_lines(buffer.text)

    def key_of(finding: Diagnostic) -> Key:
        return _key(convert.to_lsp(finding, lines, buffer.uri, editing.encoding))

    actions = []
    for fix in project.fixes(buffer.path, buffer.text, lambda d: key_of(d) in asked):
        actions.append(_action(fix, asked[key_of(fix.diagnostic)], editing))
    return actions


def _action(fix: Fix, resolves: list[types.Diagnostic], editing: Editing) -> types.CodeAction:
    edits = [editing.text_edit(e.start, e.end, e.replacement) for e in sorted(fix.edits)]
    code = fix.diagnostic.code
    return types.CodeAction(
        title=f"{code}: {fix.title}" + ("" if fix.safe else " (unsafe)"),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=resolves,
        is_preferred=fix.safe,
        edit=editing.workspace_edit(edits),
    )


def fix_all(project: ProjectLinter, editing: Editing) -> Optional[types.CodeAction]:
    """Every safe fix of the buffer as one edit of the changed region (``None``: nothing)."""
    text = editing.buffer.text
    fixed = project.fix_all(editing.buffer.path, text)
    if fixed == text:
        return None
    start = 0
    limit = min(len(text), len(fixed))
    while start < limit and text[start] == fixed[start]:
        start += 1
    end = 0
    while end < limit - start and text[-1 - end] == fixed[-1 - end]:
        end += 1
    edit = editing.text_edit(start, len(text) - end, fixed[start : len(fixed) - end])
    return types.CodeAction(
        title="brazelint: fix all safe findings",
        kind=FIX_ALL_KIND,
        edit=editing.workspace_edit([edit]),
    )
