"""Quick fixes and ``source.fixAll.brazelint`` from ``brazelint lsp``, over stdio."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import pytest
from lspkit import WEBHOOK_BROKEN, WEBHOOK_FIXED
from lsprotocol import types
from pytest_lsp import LanguageClient
from test_server_e2e import diagnostics_for, open_document, position_of, replace_all

pytestmark = pytest.mark.asyncio

FIX_ALL = "source.fixAll.brazelint"


def apply_text_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """``text`` with LSP ``edits`` made (the test texts are ASCII: columns are characters)."""
    lines = text.split("\n")

    def offset(where: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[: where.line]) + where.character

    spans = sorted((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits)
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: Optional[types.WorkspaceEdit], uri: str) -> list[types.TextEdit]:
    """The text edits of ``edit`` for ``uri`` (the client takes versioned document changes)."""
    assert edit is not None
    assert edit.document_changes is not None
    (change,) = edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.uri == uri
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


async def code_actions(
    client: LanguageClient,
    uri: str,
    where: types.Range,
    diagnostics: list[types.Diagnostic],
    only: Optional[list[str]] = None,
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=where,
            context=types.CodeActionContext(diagnostics=diagnostics, only=only),
        )
    )
    actions = result or []
    assert all(isinstance(a, types.CodeAction) for a in actions)
    return [a for a in actions if isinstance(a, types.CodeAction)]


async def test_quick_fix_for_a_trailing_comma_applied_through_apply_edit(
    client: LanguageClient, project: Path
) -> None:
    applied: list[types.WorkspaceEdit] = []

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        applied.append(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    uri = open_document(client, project / "hooks/tag.webhook.yaml", WEBHOOK_BROKEN, "yaml")
    (diagnostic,) = await diagnostics_for(client, uri)
    assert diagnostic.code == "BL401"

    actions = await code_actions(
        client, uri, diagnostic.range, [diagnostic], [types.CodeActionKind.QuickFix]
    )
    (action,) = actions
    assert action.title == "BL401: remove the trailing comma"
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.is_preferred is True
    assert list(action.diagnostics or []) == [diagnostic]
    comma = position_of(WEBHOOK_BROKEN, '",}', 1)
    after = types.Position(comma.line, comma.character + 1)
    assert edits_of(action.edit, uri) == [
        types.TextEdit(range=types.Range(comma, after), new_text="")
    ]

    done = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="brazelint.applyFix", arguments=[uri, diagnostic])
    )
    assert done is True
    assert applied == [action.edit]
    fixed = apply_text_edits(WEBHOOK_BROKEN, edits_of(applied[0], uri))
    assert fixed == WEBHOOK_FIXED

    replace_all(client, uri, fixed, 2)
    assert await diagnostics_for(client, uri) == []
    assert await code_actions(client, uri, diagnostic.range, []) == []


async def test_fix_all_makes_every_safe_fix_in_one_edit(
    client: LanguageClient, project: Path
) -> None:
    text = (
        "Hi {{first_name}}\n"
        "{{ custom_attribute.${points} }}\n"
        "{% comment %}brazelint: disable BL201{% endcomment %}\n"
    )
    uri = open_document(client, project / "templates/two.liquid", text)
    found = await diagnostics_for(client, uri)
    assert sorted(str(d.code) for d in found) == ["BL203", "BL207", "BL901"]

    start = types.Position(0, 0)
    actions = await code_actions(client, uri, types.Range(start, start), found, [FIX_ALL])
    (action,) = actions
    assert action.kind == FIX_ALL
    edits = edits_of(action.edit, uri)
    assert len(edits) == 1
    assert apply_text_edits(text, edits) == (
        "Hi {{${first_name}}}\n{{ custom_attribute.${points} }}\n"
    )  # the unsafe | default: '' for BL203 is left for the user to choose


async def test_an_unsafe_fix_is_offered_but_not_preferred(
    client: LanguageClient, project: Path
) -> None:
    text = "points: {{ custom_attribute.${points} }}\n"
    uri = open_document(client, project / "templates/points.liquid", text)
    (diagnostic,) = await diagnostics_for(client, uri)
    assert diagnostic.code == "BL203"

    (action,) = await code_actions(client, uri, diagnostic.range, [diagnostic])
    assert action.title == "BL203: add | default: '' (unsafe)"
    assert action.is_preferred is False
    assert list(action.diagnostics or []) == [diagnostic]
    assert apply_text_edits(text, edits_of(action.edit, uri)) == (
        "points: {{ custom_attribute.${points} | default: '' }}\n"
    )


async def test_no_action_for_a_diagnostic_without_a_fix(
    client: LanguageClient, project: Path
) -> None:
    text = "{{ 'x' | no_such_filter }}\n"
    uri = open_document(client, project / "templates/filter.liquid", text)
    found = await diagnostics_for(client, uri)
    assert found
    for diagnostic in found:
        assert (
            await code_actions(
                client, uri, diagnostic.range, [diagnostic], [types.CodeActionKind.QuickFix]
            )
            == []
        )
    start = types.Position(0, 0)
    assert await code_actions(client, uri, types.Range(start, start), found, [FIX_ALL]) == []


async def test_code_actions_and_the_apply_command_are_advertised(client: LanguageClient) -> None:
    result = client.initialize_result  # type: ignore[attr-defined]
    assert isinstance(result, types.InitializeResult)
    provider = result.capabilities.code_action_provider
    assert isinstance(provider, types.CodeActionOptions)
    assert list(provider.code_action_kinds or []) == [types.CodeActionKind.QuickFix, FIX_ALL]
    commands = result.capabilities.execute_command_provider
    assert commands is not None
    assert "brazelint.applyFix" in commands.commands
