"""``brazelint render`` with Connected Content: stubs, --show-requests, findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Callable

from brazelint.http.client import USER_AGENT

Run = Callable[..., subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parents[2]
WALLET = "https://connect.example.com/offers/api/2.0/offers/get_user_offers"


def test_bundled_offer_wallet_with_show_requests(run_cli: Run) -> None:
    proc = run_cli(
        "render",
        "templates/sessionm/offer_wallet.liquid",
        "--profile",
        "known_user",
        "--show-requests",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "Hi D'Arcy, you have 1,250 points and 2 offers waiting in your wallet.\n"
    lines = proc.stderr.splitlines()
    assert lines[:5] == [
        f"request 1 (line 18): POST {WALLET} -> 200",
        f"  User-Agent: {USER_AGENT}",
        "  Content-Type: application/json",
        "  Accept: application/json",
        "  Authorization: <redacted>",
    ]
    assert lines[5].startswith('  body: {"retailer_id":"7a0c1b52-3f4e-4d9a-9b1e-2c8f5d6e7a10"')
    assert "demo-connect" not in proc.stderr and "ZGVtby" not in proc.stderr


def test_json_format_redacts_and_lists_requests(run_cli: Run) -> None:
    proc = run_cli(
        "render",
        "templates/sessionm/offer_wallet.liquid",
        "--profile",
        "vip_user",
        "--format",
        "json",
    )
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["output"].startswith("Hi Zoë, you have 152,340 points")
    (request,) = data["requests"]
    assert request["headers"]["Authorization"] == "<redacted>"
    assert (request["method"], request["url"], request["status"]) == ("POST", WALLET, 200)
    assert data["problems"] == []


def test_missing_stub_is_reported_and_exits_1(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "t.liquid").write_text(
        "A{% connected_content https://api.example.com/v2/items :save items %}B{{ items.size }}",
        encoding="utf-8",
    )
    (tmp_path / "stubs.yaml").write_text(
        "- request: {url: 'https://api.example.com/v1/items'}\n  response: {json: {a: 1}}\n",
        encoding="utf-8",
    )
    proc = run_cli("render", "t.liquid", "--stubs", "stubs.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == "AB"
    assert proc.stderr.startswith(
        "error: t.liquid:1:5: no stub matches GET https://api.example.com/v2/items; "
        "closest stub: GET https://api.example.com/v1/items"
    )
    assert proc.stderr.rstrip().endswith("[connected-content-no-stub]")


def test_bad_stub_file_is_one_clear_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "t.liquid").write_text("x", encoding="utf-8")
    (tmp_path / "stubs.yaml").write_text(
        "- request: {url: 'https://a.test', metod: GET}\n", encoding="utf-8"
    )
    proc = run_cli("render", "t.liquid", "--stubs", "stubs.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "metod" in proc.stderr.splitlines()[0]
    assert "Traceback" not in proc.stderr


def test_missing_stubs_path_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "t.liquid").write_text("x", encoding="utf-8")
    proc = run_cli("render", "t.liquid", "--stubs", "nope.yaml", cwd=tmp_path)
    assert (proc.returncode, proc.stderr.splitlines()[0]) == (
        2,
        "error: nope.yaml: stubs file or directory not found",
    )
