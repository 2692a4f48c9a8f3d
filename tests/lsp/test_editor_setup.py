"""The editor setups we ship and document load: the README's snippets parse, the VS Code
extension starts ``brazelint lsp`` (under Node, with stand-ins for VS Code), and a real
Neovim, headless, shows the server's diagnostics and hover."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lspkit import write_project

from netblock import subprocess_env

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
HERE = Path(__file__).resolve().parent / "editors"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def editor_section() -> str:
    return README.split("## In your editor", 1)[1].split("\n## ", 1)[0]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", editor_section(), re.S)


def test_the_readme_helix_setup_is_the_shipped_languages_toml() -> None:
    shipped = tomllib.loads((EDITORS / "helix/languages.toml").read_text())
    (documented,) = [tomllib.loads(block) for block in blocks("toml")]
    assert documented == shipped
    assert shipped["language-server"]["brazelint"] == {"command": "brazelint", "args": ["lsp"]}
    servers = {lang["name"]: lang["language-servers"] for lang in shipped["language"]}
    assert "brazelint" in servers["liquid"] and "brazelint" in servers["yaml"]


def test_the_readme_json_settings_parse_and_start_brazelint_lsp() -> None:
    settings = [json.loads(block) for block in blocks("json")]
    zed = next(s for s in settings if "lsp" in s)
    assert zed["lsp"]["brazelint"]["binary"]["arguments"] == ["lsp"]
    generic = next(s for s in settings if "glspc.server.command" in s)
    assert generic["glspc.server.commandArguments"] == ["lsp"]


def test_the_readme_neovim_setups_start_brazelint_lsp() -> None:
    lua = [block for block in blocks("lua") if "source.fixAll" not in block]
    assert len(lua) == 2  # vim.lsp.config (0.11+) and nvim-lspconfig
    assert all('{ "brazelint", "lsp" }' in block for block in lua)
    assert lua[0].strip() in (EDITORS / "neovim/brazelint.lua").read_text()


def test_the_readme_fix_on_save_settings_name_the_fix_all_kind() -> None:
    settings = [json.loads(block) for block in blocks("json")]
    vscode = next(s for s in settings if "editor.codeActionsOnSave" in s)
    assert vscode["editor.codeActionsOnSave"] == {"source.fixAll.brazelint": "explicit"}
    (neovim,) = [block for block in blocks("lua") if "source.fixAll" in block]
    assert 'only = { "source.fixAll.brazelint" }' in neovim


def test_the_zed_extension_declares_the_server() -> None:
    manifest = tomllib.loads((EDITORS / "zed/extension.toml").read_text())
    assert manifest["language_servers"]["brazelint"]["languages"] == ["Liquid", "YAML"]
    assert '"lsp".to_string()' in (EDITORS / "zed/src/lib.rs").read_text()


def test_the_vscode_package_manifest() -> None:
    package = json.loads((EDITORS / "vscode/package.json").read_text())
    assert (EDITORS / "vscode" / package["main"]).is_file()
    assert "vscode-languageclient" in package["dependencies"]
    commands = {c["command"] for c in package["contributes"]["commands"]}
    assert commands == {"brazelint.preview", "brazelint.restart"}
    assert set(package["contributes"]["configuration"]["properties"]) == {
        "brazelint.path",
        "brazelint.args",
        "brazelint.previewUrl",
    }
    assert (EDITORS / "vscode/README.md").is_file()


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
@pytest.mark.parametrize("preview_url", ["", "http://127.0.0.1:8765"])
def test_the_vscode_extension_starts_brazelint_lsp(preview_url: str) -> None:
    done = subprocess.run(
        ["node", str(HERE / "vscode_harness.js"), str(EDITORS / "vscode/extension.js")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "PREVIEW_URL": preview_url},
    )
    seen = json.loads(done.stdout)
    (client,) = seen["clients"]
    assert client["serverOptions"]["run"] == {"command": "brazelint", "args": ["lsp"]}
    patterns = [
        s.get("pattern") or s.get("language") for s in client["clientOptions"]["documentSelector"]
    ]
    assert "liquid" in patterns and "**/*.webhook.yaml" in patterns
    expected = {"previewUrl": preview_url} if preview_url else {}
    assert client["clientOptions"]["initializationOptions"] == expected
    assert seen["started"] == 1
    assert seen["commands"] == ["brazelint.preview", "brazelint.restart"]
    assert seen["requests"] == [
        {
            "method": "workspace/executeCommand",
            "params": {"command": "brazelint.openPreview", "arguments": ["file:///p/t.liquid"]},
        }
    ]


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_headless_neovim_shows_diagnostics_and_hover(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    template = project / "templates/broken.liquid"
    template.write_text(
        '{"name": "{{ ${first_nam} | json_escape }}",\n'
        ' "tier": "{{ custom_attribute.${loyalty_tier} | upcase }}",}\n'
    )
    out = tmp_path / "seen.json"
    setup = (
        f"lua _G.BRAZELINT_TARGET={json.dumps(str(template))}; "
        f"_G.BRAZELINT_OUT={json.dumps(str(out))}; "
        f"_G.BRAZELINT_CMD={{{json.dumps(sys.executable)}, '-m', 'brazelint', 'lsp'}}; "
        "_G.BRAZELINT_HOVER={1, 52}"
    )
    subprocess.run(
        [
            "nvim",
            "--headless",
            "--clean",
            "-u",
            "NONE",
            "--cmd",
            setup,
            "-c",
            f"luafile {HERE / 'nvim_client.lua'}",
        ],
        cwd=project,
        env=subprocess_env({**os.environ, "NO_COLOR": "1"}),
        timeout=120,
        check=True,
        capture_output=True,
    )
    seen = json.loads(out.read_text())
    found = {(d["lnum"], d["col"], d["code"]) for d in seen["diagnostics"]}
    assert found == {(0, 13, "BL201"), (1, 58, "BL401")}
    assert "text | upcase" in seen["hover"]
