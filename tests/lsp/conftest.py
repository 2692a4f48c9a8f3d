"""A scratch project and a real LSP client (pytest-lsp) talking to ``brazelint lsp``."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

pytest.importorskip("pytest_lsp")

from lspkit import write_project
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from netblock import subprocess_env


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")


def server_config() -> ClientServerConfig:
    env = subprocess_env({**os.environ, "NO_COLOR": "1"})
    return ClientServerConfig(
        server_command=[sys.executable, "-m", "brazelint", "lsp"], server_env=env
    )


@pytest_asyncio.fixture
async def client(project: Path) -> AsyncIterator[LanguageClient]:
    """A client that has initialised the server as VS Code would, rooted at ``project``."""
    lsp = await server_config().start()
    assert isinstance(lsp, LanguageClient)
    registrations: list[types.Registration] = []

    @lsp.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    lsp.registrations = registrations  # type: ignore[attr-defined]
    lsp.initialize_result = await lsp.initialize_session(  # type: ignore[attr-defined]
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=project.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
        )
    )
    yield lsp
    await lsp.shutdown_session()
    await lsp.stop()
