"""The pygls wiring: which LSP message calls which brazelint module.

Handlers stay thin. Linting and rendering run on one worker thread (``LintScheduler``),
hover, completion and definition read the project's profiles and Content Blocks on the
event loop. Any error in a handler is logged and answered as an LSP error (pygls does
that for exceptions; ``RobustProtocol`` for requests that do not even decode), so one bad
message never ends the session.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from brazelint._version import __version__
from brazelint.errors import BrazelintError
from brazelint.lsp import code_actions, convert
from brazelint.lsp.completion import suggestions
from brazelint.lsp.cursor import target_at, typing_at
from brazelint.lsp.definition import definition_of
from brazelint.lsp.documents import Buffer, document_path, lintable_path
from brazelint.lsp.hover import hover_markdown
from brazelint.lsp.linting import is_webhook_file
from brazelint.lsp.preview import PreviewPages
from brazelint.lsp.projects import Projects
from brazelint.lsp.protocol import RobustProtocol
from brazelint.lsp.render_request import RENDER_METHOD, render_answer, render_params
from brazelint.lsp.scheduler import LintScheduler
from brazelint.lsp.watching import register_watchers

if TYPE_CHECKING:
    from brazelint.lsp.linting import ProjectLinter
    from brazelint.profiles import Profile

logger = logging.getLogger(__name__)

CHANGE_DELAY = 0.15
"""Seconds of quiet after an edit before the buffer is linted (typing stays smooth)."""
OPEN_PREVIEW_COMMAND = "brazelint.openPreview"
APPLY_FIX_COMMAND = "brazelint.applyFix"
TRIGGER_CHARACTERS = ["{", "|", ".", ":", "%", " "]


class BrazelintLanguageServer(LanguageServer):
    """pygls's server plus the projects, the lint scheduler and the preview pages."""

    def __init__(self) -> None:
        super().__init__("brazelint", __version__, protocol_cls=RobustProtocol)
        self.projects = Projects()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brazelint-lint")
        self.scheduler: LintScheduler[Buffer, list[types.Diagnostic]] = LintScheduler(
            self.snapshot, self.lint_buffer, self.publish, self.worker
        )
        self.previews = PreviewPages()

    # -- documents -----------------------------------------------------------------------

    def snapshot(self, uri: str) -> Optional[Buffer]:
        path = lintable_path(uri)
        if path is None or uri not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(uri)
        return Buffer(uri, path, document.source, document.version)

    def lint_buffer(self, buffer: Buffer) -> list[types.Diagnostic]:
        """Runs on the worker thread: the buffer's findings as LSP diagnostics."""
        encoding = str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        try:
            found = self.projects.for_document(buffer.path).lint(buffer.path, buffer.text)
        except BrazelintError as err:
            return [convert.problem(f"brazelint: {err.message}")]
        except Exception as err:  # a bug in a check must not end the session
            logger.exception("lint of %s failed", buffer.path)
            return [convert.problem(f"brazelint: internal error: {err.__class__.__name__}: {err}")]
        lines = convert.text_lines(buffer.text)
        return [convert.to_lsp(d, lines, buffer.uri, encoding) for d in found]

    def publish(self, uri: str, buffer: Buffer, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=buffer.version)
        )

    def relint_open_documents(self, *, webhooks_only: bool = False) -> None:
        for uri in list(self.workspace.text_documents):
            path = lintable_path(uri)
            if path is not None and (not webhooks_only or is_webhook_file(path)):
                self.scheduler.schedule(uri)

    def editing(self, buffer: Buffer) -> tuple[Optional[ProjectLinter], code_actions.Editing]:
        """The buffer's project (``None`` when broken) and how to write edits to it."""
        encoding = str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        capabilities = self.client_capabilities.workspace
        edits = capabilities.workspace_edit if capabilities else None
        versioned = bool(edits and edits.document_changes and buffer.version is not None)
        editing = code_actions.Editing(buffer, encoding, versioned=versioned)
        try:
            return self.projects.for_document(buffer.path), editing
        except BrazelintError:
            return None, editing

    # -- reading the cursor --------------------------------------------------------------

    def cursor(self, uri: str, where: types.Position) -> tuple[str, int]:
        """The document's text and the code-point offset of ``where`` in it."""
        document = self.workspace.get_text_document(uri)
        return document.source, document.offset_at_position(where)

    def project_facts(self, uri: str) -> tuple[list[Profile], Optional[Path]]:
        """The profiles and Content Block folder of the document's project (none if broken)."""
        path = document_path(uri)
        if path is None:
            return [], None
        try:
            project = self.projects.for_document(path)
        except BrazelintError:
            return [], None
        return project.profiles, project.content_blocks


def build_server() -> BrazelintLanguageServer:
    """A server with every feature registered."""
    server = BrazelintLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: BrazelintLanguageServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        external = options.get("previewUrl") if isinstance(options, dict) else None
        if isinstance(external, str) and external:
            ls.previews = PreviewPages(external)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: BrazelintLanguageServer, params: types.InitializedParams) -> None:
        await register_watchers(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(
        ls: BrazelintLanguageServer, params: types.DidOpenTextDocumentParams
    ) -> None:
        ls.scheduler.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(
        ls: BrazelintLanguageServer, params: types.DidChangeTextDocumentParams
    ) -> None:
        ls.scheduler.schedule(params.text_document.uri, CHANGE_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(
        ls: BrazelintLanguageServer, params: types.DidSaveTextDocumentParams
    ) -> None:
        ls.scheduler.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(
        ls: BrazelintLanguageServer, params: types.DidCloseTextDocumentParams
    ) -> None:
        uri = params.text_document.uri
        ls.scheduler.forget(uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files_changed(
        ls: BrazelintLanguageServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        paths = [p for p in (document_path(c.uri) for c in params.changes) if p is not None]
        if any(ls.projects.is_input(path) for path in paths):
            ls.projects.forget()
            ls.relint_open_documents()
        elif any(path.suffix.lower() == ".liquid" for path in paths):
            ls.relint_open_documents(webhooks_only=True)  # a body file read from disk

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: BrazelintLanguageServer, params: types.HoverParams) -> Optional[types.Hover]:
        text, offset = ls.cursor(params.text_document.uri, params.position)
        target = target_at(text, offset)
        if target is None:
            return None
        profiles, blocks = ls.project_facts(params.text_document.uri)
        markdown = hover_markdown(target, profiles, blocks)
        if markdown is None:
            return None
        document = ls.workspace.get_text_document(params.text_document.uri)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown),
            range=types.Range(
                document.client_position_at_offset(target.start),
                document.client_position_at_offset(target.end),
            ),
        )

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS),
    )
    def completion(
        ls: BrazelintLanguageServer, params: types.CompletionParams
    ) -> Optional[types.CompletionList]:
        text, offset = ls.cursor(params.text_document.uri, params.position)
        typing = typing_at(text, offset)
        if typing is None:
            return None
        profiles, blocks = ls.project_facts(params.text_document.uri)
        document = ls.workspace.get_text_document(params.text_document.uri)
        replace = types.Range(
            document.client_position_at_offset(offset - len(typing.prefix)), params.position
        )
        items = [convert.completion_item(s, replace) for s in suggestions(typing, profiles, blocks)]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(
        ls: BrazelintLanguageServer, params: types.DefinitionParams
    ) -> Optional[types.Location]:
        text, offset = ls.cursor(params.text_document.uri, params.position)
        target = target_at(text, offset)
        if target is None:
            return None
        _, blocks = ls.project_facts(params.text_document.uri)
        found = definition_of(target, blocks)
        if found is None:
            return None
        start = types.Position(0, 0)
        return types.Location(uri=from_fs_path(str(found)) or "", range=types.Range(start, start))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=code_actions.KINDS),
    )
    async def code_action(
        ls: BrazelintLanguageServer, params: types.CodeActionParams
    ) -> Optional[list[types.CodeAction]]:
        only = params.context.only
        quick = code_actions.wants(only, types.CodeActionKind.QuickFix)
        automatic = params.context.trigger_kind == types.CodeActionTriggerKind.Automatic
        # a light bulb on every cursor move asks for no kind: fix-all waits to be asked
        every = code_actions.wants(only, code_actions.FIX_ALL_KIND) and not (
            automatic and only is None
        )
        buffer = ls.snapshot(params.text_document.uri)
        if buffer is None or not (quick or every):
            return None
        diagnostics = params.context.diagnostics if quick else []

        def compute() -> list[types.CodeAction]:
            project, editing = ls.editing(buffer)
            if project is None:
                return []
            actions = code_actions.quick_fixes(project, editing, diagnostics)
            whole = code_actions.fix_all(project, editing) if every else None
            return actions + ([whole] if whole is not None else [])

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ls.worker, compute) or None

    @server.command(APPLY_FIX_COMMAND)
    async def apply_fix(
        ls: BrazelintLanguageServer, uri: str, diagnostic: types.Diagnostic
    ) -> bool:
        """Apply the proven fix of ``diagnostic`` through ``workspace/applyEdit``."""
        buffer = ls.snapshot(uri)
        if buffer is None:
            raise JsonRpcInvalidParams(f"{APPLY_FIX_COMMAND}: {uri} is not an open template")

        def compute() -> list[types.CodeAction]:
            project, editing = ls.editing(buffer)
            return (
                [] if project is None else code_actions.quick_fixes(project, editing, [diagnostic])
            )

        loop = asyncio.get_running_loop()
        found = await loop.run_in_executor(ls.worker, compute)
        if not found or found[0].edit is None:
            return False
        answer = await ls.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=found[0].edit, label=found[0].title)
        )
        return answer.applied

    @server.feature(RENDER_METHOD)
    async def render(ls: BrazelintLanguageServer, params: Any) -> dict[str, Any]:
        uri, profile = render_params(params)
        buffer = ls.snapshot(uri)
        if buffer is None:
            raise JsonRpcInvalidParams(f"{RENDER_METHOD}: {uri} is not an open template")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ls.worker, render_answer, ls.projects, buffer, profile)

    @server.command(OPEN_PREVIEW_COMMAND)
    async def open_preview(ls: BrazelintLanguageServer, uri: str) -> str:
        path = document_path(uri)
        if path is None:
            raise JsonRpcInvalidParams(f"{OPEN_PREVIEW_COMMAND}: {uri} is not a file")
        loop = asyncio.get_running_loop()
        url = await loop.run_in_executor(
            None, ls.previews.url_for, path, ls.projects.config_file(path)
        )
        if _supports_show_document(ls):
            await ls.window_show_document_async(types.ShowDocumentParams(uri=url, external=True))
        return url

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: BrazelintLanguageServer, params: None) -> None:
        ls.previews.close()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def _supports_show_document(ls: BrazelintLanguageServer) -> bool:
    window = ls.client_capabilities.window
    return bool(window and window.show_document and window.show_document.support)


def start() -> None:
    """Serve on stdin/stdout until the client says exit."""
    build_server().start_io()
