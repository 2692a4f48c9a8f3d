"""A scratch project and a real LSP client (pytest-lsp) talking to ``brazelint lsp``."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

pytest.importorskip("pytest_lsp")

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from netblock import subprocess_env

WEBHOOK_BROKEN = """\
url: "https://api.example.com/v1/users/{{${user_id} | default: 'anon' | url_param_escape}}/tags"
method: POST
headers:
  Content-Type: application/json
body: |
  {"tier": "{{custom_attribute.${loyalty_tier} | default: 'none' | json_escape}}",}
"""
WEBHOOK_FIXED = WEBHOOK_BROKEN.replace('}}",}', '}}"}')

PROJECT_FILES = {
    "brazelint.toml": 'profiles = "profiles"\ncontent-blocks = "content_blocks"\n'
    'now = "2026-01-01T09:00:00Z"\ngenerated-profiles = false\n',
    "profiles/known.yaml": "name: known\nattributes: {first_name: Jane, user_id: u-1}\n"
    "custom_attributes: {loyalty_tier: gold, points: 120}\nevent_properties: {price: 1.99}\n",
    "profiles/other.yaml": "name: other\nattributes: {first_name: Ana, user_id: u-2}\n"
    "custom_attributes: {loyalty_tier: silver, favourite_colour: blue}\n",
    "content_blocks/footer.liquid": "Thanks for shopping with us.\n"
    "{% assign footer_seen = true %}\n",
    "content_blocks/legal.liquid": "Terms apply.\n",
    "hooks/tag.webhook.yaml": WEBHOOK_BROKEN,
    "templates/hello.liquid": "Hi {{ ${first_name} | default: 'there' }}\n",
}


def write_project(root: Path) -> Path:
    for name, text in PROJECT_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


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
