"""Secrets never printed: credential values are hidden by value, tokens by name, everywhere.

Issue 21 (item 2) and issue 16 ("Secrets never printed"): a stub whose header does not
match used to print the real ``Authorization`` value in BL102's "closest stub" text, and a
``?token=`` in a Connected Content URL with no stub was printed in clear. Each test runs
the real CLI (or the real preview server, or a real local HTTP server for recording).
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
import yaml

from netblock import subprocess_env
from netblock.server import local_server

Run = Callable[..., subprocess.CompletedProcess[str]]

USERNAME = "api-user-4471"
PASSWORD = "Sup3r-Secret-Pw"
HEADER_TOKEN = "hdr-secret-99113"
ENV_PASSWORD = "envline-one-77\npassword-5512"  # a line break: it must not be echoed by any error
WEBHOOK_SECRET = "webhook-env-secret-8812"
URL_TOKEN = "plaintok12345"
BASIC = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
SECRETS = (PASSWORD, HEADER_TOKEN, URL_TOKEN, BASIC, WEBHOOK_SECRET, USERNAME)
FORMATS = ("text", "concise", "json", "github", "sarif", "junit")

TEMPLATE = (
    "{% connected_content https://api.example.com/offers :basic_auth partner :save r %}\n"
    "{% connected_content https://api.example.com/h :auth_credentials tok :save h %}\n"
    "{% connected_content https://api.example.com/t?token=" + URL_TOKEN + "&x=1 :save t %}\n"
    "{% connected_content https://api.example.com/env :basic_auth fromenv :save e %}\n"
    "Hi {{r.a}}{{h.b}}{{t.c}}{{e.d}}\n"
)
STUBS = """\
- request:
    url: https://api.example.com/offers
    headers: {Authorization: "Basic d3Jvbmc6d3Jvbmc="}
  response: {json: {a: 1}}
- request:
    url: https://api.example.com/h
    headers: {X-Access-Token: "other-value-1234"}
  response: {json: {b: 1}}
- request:
    url: https://api.example.com/env
    headers: {Authorization: "Basic bm9wZTpub3Bl"}
  response: {json: {d: 1}}
"""
CONFIG = f"""\
templates = ["templates"]
[credentials.partner]
username = "{USERNAME}"
password = "{PASSWORD}"
[credentials.tok]
headers = {{X-Access-Token = "{HEADER_TOKEN}"}}
"""
WEBHOOK = """\
url: https://api.example.com/hook
method: POST
headers:
  Content-Type: application/json
  X-Partner-Auth: "${env:PARTNER_SECRET}"
body: |
  {"user": "{{${user_id}}}", "echo": "${env:PARTNER_SECRET}"}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "stubs").mkdir()
    (tmp_path / "brazelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "templates" / "calls.liquid").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "stubs" / "s.yaml").write_text(STUBS, encoding="utf-8")
    return tmp_path


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
        "BRAZELINT_CREDENTIAL_FROMENV_USERNAME": "env-user-3341",
        "BRAZELINT_CREDENTIAL_FROMENV_PASSWORD": ENV_PASSWORD,
        "PARTNER_SECRET": WEBHOOK_SECRET,
    }
    return subprocess.run(
        [sys.executable, "-m", "brazelint", *args],
        cwd=cwd,
        env=subprocess_env(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_no_secret(text: str) -> None:
    env_basic = base64.b64encode(f"env-user-3341:{ENV_PASSWORD}".encode()).decode()
    for secret in (*SECRETS, env_basic, *ENV_PASSWORD.splitlines(), repr(ENV_PASSWORD)[1:-1]):
        assert secret not in text, (secret, text[:3000])


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_secret_in_any_lint_format(project: Path, fmt: str) -> None:
    (project / "templates" / "hook.webhook.yaml").write_text(WEBHOOK, encoding="utf-8")
    proc = _run("lint", "--no-cache", "--format", fmt, cwd=project)
    assert proc.returncode == 1, proc.stderr
    # the findings are there, only their secrets are not
    assert "BL102" in proc.stdout and "api.example.com/t?token=" in proc.stdout
    _assert_no_secret(proc.stdout + proc.stderr)


def test_closest_stub_says_which_header_differs_without_values(project: Path) -> None:
    proc = _run("lint", "--no-cache", "--format", "concise", cwd=project)
    assert "header Authorization differs from the stub's (values not shown)" in proc.stdout
    assert "header X-Access-Token differs from the stub's (values not shown)" in proc.stdout
    assert "token=<redacted>" in proc.stdout


def test_no_secret_in_render_output_requests_or_findings(project: Path) -> None:
    text = _run("render", "templates/calls.liquid", "--show-requests", cwd=project)
    assert text.returncode == 1 and "no stub matches" in text.stderr
    _assert_no_secret(text.stdout + text.stderr)
    as_json = _run("render", "templates/calls.liquid", "--format", "json", cwd=project)
    assert '"requests"' in as_json.stdout
    _assert_no_secret(as_json.stdout + as_json.stderr)


def test_no_secret_in_the_cache_on_disk(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache-home"
    env_run = _run  # the cache is written by the same CLI run that reports
    os.environ["BRAZELINT_CACHE_DIR"] = str(cache)
    try:
        assert env_run("lint", "--format", "json", cwd=project).returncode == 1
    finally:
        del os.environ["BRAZELINT_CACHE_DIR"]
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files, "the lint wrote no cache entry"
    for path in files:
        _assert_no_secret(path.read_bytes().decode("utf-8", "replace"))


def test_no_secret_on_the_preview_page(project: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "preview"))
    from previewkit import call, running_server

    from brazelint.errors import ConfigError

    os.environ["BRAZELINT_CREDENTIAL_FROMENV_USERNAME"] = "env-user-3341"
    os.environ["BRAZELINT_CREDENTIAL_FROMENV_PASSWORD"] = ENV_PASSWORD
    try:
        with running_server(project) as server:
            page = call(server, "/file/templates/calls.liquid")
            index = call(server, "/")
    except ConfigError as err:  # pragma: no cover - a broken fixture, not a leak
        pytest.fail(str(err))
    finally:
        del os.environ["BRAZELINT_CREDENTIAL_FROMENV_USERNAME"]
        del os.environ["BRAZELINT_CREDENTIAL_FROMENV_PASSWORD"]
    assert page.status == 200 and "no stub matches" in page.text
    _assert_no_secret(page.text)
    assert index.status == 200
    _assert_no_secret(index.text)


def test_recorded_stub_files_hold_no_credential_store_value(tmp_path: Path) -> None:
    """A credential sent under a header name that does not look secret is still hidden."""
    (tmp_path / "brazelint.toml").write_text(
        '[credentials.odd]\nheaders = {X-Partner = "odd-header-secret-77"}\n', encoding="utf-8"
    )
    (tmp_path / "t.liquid").write_text(
        "{% connected_content {{base}}/echo :auth_credentials odd :save r %}{{r.seen}}",
        encoding="utf-8",
    )
    with local_server() as server:
        # the server echoes the credential back, as some partners do
        server.route("/echo", json={"seen": "odd-header-secret-77", "ok": True})
        base = server.url("").rstrip("/")
        out = tmp_path / "stubs" / "rec.yaml"
        proc = _run(
            "stubs", "record", "t.liquid", "--global", f"base={base}",
            "--allow-network", "-o", str(out), cwd=tmp_path,
        )  # fmt: skip
        sent = list(server.requests)
    assert proc.returncode == 0, proc.stderr
    assert sent[0].headers["X-Partner"] == "odd-header-secret-77"  # really sent
    text = out.read_text(encoding="utf-8")
    assert "odd-header-secret-77" not in text
    assert "odd-header-secret-77" not in proc.stdout + proc.stderr
    assert yaml.safe_load(text.split("\n", 5)[-1]) is not None


def test_the_same_header_names_are_secret_everywhere(tmp_path: Path, run_cli: Run) -> None:
    """X-Access-Token: flagged in a template's :headers and in a webhook file alike."""
    (tmp_path / "t.liquid").write_text(
        '{% connected_content https://api.example.com/x :headers {"X-Access-Token": '
        '"abcdef123456"} :save r %}{{r.a}}',
        encoding="utf-8",
    )
    (tmp_path / "w.webhook.yaml").write_text(
        'url: https://api.example.com/hook\nheaders:\n  X-Access-Token: "abcdef123456"\n'
        "body: '{}'\n",
        encoding="utf-8",
    )
    proc = run_cli("lint", "--no-cache", "--format", "concise", ".", cwd=tmp_path)
    flagged = {line.split(":")[0] for line in proc.stdout.splitlines() if "BL103" in line}
    assert flagged == {"t.liquid", "w.webhook.yaml"}, proc.stdout
    assert "abcdef123456" not in proc.stdout


def test_no_secret_when_rendering_a_webhook_file(project: Path) -> None:
    """A ${env:NAME} value is hidden by value, even under a header name that looks harmless."""
    (project / "templates" / "hook.webhook.yaml").write_text(
        WEBHOOK.replace("X-Partner-Auth", "X-Partner"), encoding="utf-8"
    )
    for fmt in ("text", "json"):
        proc = _run("render", "templates/hook.webhook.yaml", "--format", fmt, cwd=project)
        assert "https://api.example.com/hook" in proc.stdout, proc.stderr
        assert "X-Partner" in proc.stdout
        _assert_no_secret(proc.stdout + proc.stderr)
