"""``brazelint lsp`` over stdio, driven by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lspkit import WEBHOOK_BROKEN, WEBHOOK_FIXED
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio

WAIT = 60.0
"""Seconds to wait for the server before the test fails (a bound, not a measurement)."""


def open_document(client: LanguageClient, path: Path, text: str, language: str = "liquid") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


async def diagnostics_for(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics published for ``uri``."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(wait(), WAIT)


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The 0-based position of ``needle`` (plus ``offset`` characters) in ``text``."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line, index - (text.rfind("\n", 0, index) + 1))


async def test_webhook_diagnostics_at_the_exact_place_then_cleared(
    client: LanguageClient, project: Path
) -> None:
    uri = open_document(client, project / "hooks/tag.webhook.yaml", WEBHOOK_BROKEN, "yaml")
    found = await diagnostics_for(client, uri)

    assert [d.code for d in found] == ["BL401"]
    (diagnostic,) = found
    comma = position_of(WEBHOOK_BROKEN, '",}', 1)
    assert diagnostic.range.start == comma
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "brazelint"
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("#rules")
    assert "profiles: known, other" in diagnostic.message
    assert diagnostic.related_information is not None
    assert diagnostic.related_information[0].message == 'rendered: {"tier": "gold",}'

    replace_all(client, uri, WEBHOOK_FIXED, 2)
    assert await diagnostics_for(client, uri) == []


async def test_closing_a_document_clears_its_diagnostics(
    client: LanguageClient, project: Path
) -> None:
    uri = open_document(client, project / "hooks/tag.webhook.yaml", WEBHOOK_BROKEN, "yaml")
    assert await diagnostics_for(client, uri)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await diagnostics_for(client, uri) == []


async def test_lints_the_buffer_not_the_file_on_disk(client: LanguageClient, project: Path) -> None:
    text = "Hi {{ ${first_nam} }}\n"  # the file on disk is clean; this buffer is not
    uri = open_document(client, project / "templates/hello.liquid", text)
    found = await diagnostics_for(client, uri)
    assert "BL201" in [d.code for d in found]
    unknown = next(d for d in found if d.code == "BL201")
    assert unknown.range.start == position_of(text, "${first_nam}")


async def test_a_changed_profile_relints_open_documents(
    client: LanguageClient, project: Path
) -> None:
    text = "points: {{ custom_attribute.${points} }}\n"
    uri = open_document(client, project / "templates/points.liquid", text)
    assert [d.code for d in await diagnostics_for(client, uri)] == ["BL203"]  # other has none

    other = project / "profiles/other.yaml"
    other.write_text(
        "name: other\nattributes: {first_name: Ana, user_id: u-2}\n"
        "custom_attributes: {loyalty_tier: silver, points: 5}\n",
        encoding="utf-8",
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=other.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert await diagnostics_for(client, uri) == []


async def test_hover_on_a_filter_and_on_attributes(client: LanguageClient, project: Path) -> None:
    text = (
        "{{ ${first_name} | default: 'x' | json_escape }}\n"
        "{{ custom_attribute.${loyalty_tier} }}\n"
        "{{content_blocks.${footer}}}\n"
        "{% comment %}brazelint: disable BL203{% endcomment %}\n"
    )
    uri = open_document(client, project / "templates/hover.liquid", text)
    await diagnostics_for(client, uri)

    async def hover(needle: str, offset: int = 1) -> str:
        result = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=position_of(text, needle, offset),
            )
        )
        assert result is not None
        assert isinstance(result.contents, types.MarkupContent)
        return result.contents.value

    json_escape = await hover("json_escape")
    assert "text | json_escape" in json_escape
    assert "Supported by Braze" in json_escape

    first_name = await hover("${first_name}")
    assert '| known | `"Jane"` |' in first_name
    assert '| other | `"Ana"` |' in first_name

    tier = await hover("loyalty_tier")
    assert '| known | `"gold"` |' in tier
    assert '| other | `"silver"` |' in tier

    assert "Thanks for shopping with us." in await hover("footer")
    assert "BL203 attribute-missing" in await hover("BL203")


async def test_completion_after_dollar_brace_custom_attribute_and_content_blocks(
    client: LanguageClient, project: Path
) -> None:
    text = "{{${fir}}}\n{{custom_attribute.${}}}\n{{content_blocks.${}}}\n{{ 'a' | url_p }}\n"
    uri = open_document(client, project / "templates/complete.liquid", text)
    await diagnostics_for(client, uri)

    async def labels(needle: str, offset: int) -> list[str]:
        result = await client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=position_of(text, needle, offset),
            )
        )
        assert isinstance(result, types.CompletionList)
        return [item.label for item in result.items]

    assert await labels("${fir", 5) == ["first_name"]
    assert await labels("custom_attribute.${", 19) == [
        "favourite_colour",
        "loyalty_tier",
        "points",
    ]
    assert await labels("content_blocks.${", 17) == ["footer", "legal"]
    assert await labels("url_p", 5) == ["url_param_escape"]


async def test_definition_of_a_content_block(client: LanguageClient, project: Path) -> None:
    text = "{{content_blocks.${footer}}}\n"
    uri = open_document(client, project / "templates/block.liquid", text)
    await diagnostics_for(client, uri)
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, "footer"),
        )
    )
    assert isinstance(result, types.Location)
    assert (
        Path(result.uri.removeprefix("file://")).resolve()
        == (project / "content_blocks/footer.liquid").resolve()
    )


async def test_preview_request_renders_the_buffer_per_profile(
    client: LanguageClient, project: Path
) -> None:
    text = (
        "{% if ${first_name} == 'Ana' %}{% abort_message('no Ana') %}{% endif %}"
        "Hi {{ ${first_name} }}, {{ custom_attribute.${loyalty_tier} }}"
    )
    uri = open_document(client, project / "templates/preview.liquid", text)
    await diagnostics_for(client, uri)

    # the client hands a custom method's result over as namedtuples
    answer = await client.protocol.send_request_async("brazelint/render", {"uri": uri})
    renders = {r.profile: r for r in answer.renders}
    assert answer.error is None
    assert renders["known"].output == "Hi Jane, gold"
    assert renders["known"].aborted is False
    assert renders["other"].aborted is True
    assert renders["other"].abort_reason == "no Ana"

    one = await client.protocol.send_request_async(
        "brazelint/render", {"uri": uri, "profile": "known"}
    )
    assert [r.profile for r in one.renders] == ["known"]


async def test_open_preview_serves_the_document_and_asks_the_editor_to_show_it(
    client: LanguageClient, project: Path
) -> None:
    import urllib.request

    uri = open_document(client, project / "templates/hello.liquid", "Hi {{ ${first_name} }}\n")
    await diagnostics_for(client, uri)
    url = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="brazelint.openPreview", arguments=[uri])
    )
    assert isinstance(url, str)
    assert url.startswith("http://127.0.0.1:") and url.endswith("/file/templates/hello.liquid")
    assert [shown.uri for shown in client.shown_documents] == [url]
    assert client.shown_documents[0].external is True

    def fetch() -> tuple[int, str]:
        with urllib.request.urlopen(url, timeout=WAIT) as answer:
            return answer.status, answer.read().decode("utf-8")

    status, page = await asyncio.get_running_loop().run_in_executor(None, fetch)
    assert status == 200
    assert "hello.liquid" in page


async def test_the_server_asks_to_watch_project_files(client: LanguageClient) -> None:
    async def registered() -> list[types.Registration]:
        while not client.registrations:  # type: ignore[attr-defined]
            await asyncio.sleep(0.05)
        return list(client.registrations)  # type: ignore[attr-defined]

    (registration,) = await asyncio.wait_for(registered(), WAIT)
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [w["globPattern"] for w in registration.register_options["watchers"]]
    assert "**/brazelint.toml" in globs and "**/*.{yaml,yml,json}" in globs


async def test_a_broken_configuration_is_shown_then_recovered_from(
    client: LanguageClient, project: Path
) -> None:
    text = "Hi {{ ${first_nam} }}\n"
    uri = open_document(client, project / "templates/hello.liquid", text)
    assert [d.code for d in await diagnostics_for(client, uri)] == ["BL201"]

    config = project / "brazelint.toml"
    good = config.read_text()

    def changed() -> None:
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )

    config.write_text(good + "colour = 'red'\n")
    changed()
    (problem,) = await diagnostics_for(client, uri)
    assert problem.range.start == types.Position(0, 0)
    assert "unknown setting 'colour'" in problem.message

    config.write_text(good)
    changed()
    assert [d.code for d in await diagnostics_for(client, uri)] == ["BL201"]


async def test_a_saved_body_file_relints_its_open_webhook(
    client: LanguageClient, project: Path
) -> None:
    body = project / "hooks/body.liquid"
    body.write_text('{"colour": "{{custom_attribute.${favourite_colour} | json_escape}}"}\n')
    webhook = (
        'url: "https://api.example.com/v1/colours/{{custom_attribute.${favourite_colour}}}/x"\n'
        "method: POST\nheaders:\n  Content-Type: application/json\nbody-file: body.liquid\n"
    )
    uri = open_document(client, project / "hooks/file.webhook.yaml", webhook, "yaml")
    (empty_segment,) = await diagnostics_for(client, uri)
    assert empty_segment.code == "BL411"  # "known" has no favourite colour
    assert "profiles: known" in empty_segment.message

    # the body now aborts for users without a colour, so Braze sends "known" nothing
    body.write_text(
        "{% if custom_attribute.${favourite_colour} == blank %}"
        "{% abort_message('no colour') %}{% endif %}" + body.read_text()
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=body.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert await diagnostics_for(client, uri) == []
