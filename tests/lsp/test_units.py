"""The language server's pure parts: what the cursor is on, hover and completion texts,
positions in UTF-16, the lint scheduler and when a file change rebuilds a project."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

import pytest
from lspkit import write_project
from lsprotocol import types

from brazelint.checks.diagnostic import Diagnostic
from brazelint.engine.filter_support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.lsp import code_actions, convert
from brazelint.lsp.completion import suggestions
from brazelint.lsp.cursor import Target, Typing, target_at, typing_at
from brazelint.lsp.filter_docs import FILTER_DOCS, filter_markdown
from brazelint.lsp.hover import attribute_markdown, block_markdown, rule_markdown
from brazelint.lsp.projects import Projects
from brazelint.lsp.scheduler import LintScheduler
from brazelint.profiles import Profile

PROFILES = [
    Profile("known", {"first_name": "Jane"}, {"custom_attribute": {"address": {"city": "Oslo"}}}),
    Profile("other", {}, {"custom_attribute": {"tier": "gold"}}),
]


def test_every_filter_braze_or_liquid_knows_has_a_hover_text() -> None:
    assert set(FILTER_DOCS) == set(FILTER_SUPPORT)
    for name in FILTER_SUPPORT:
        text = filter_markdown(name)
        assert text is not None and f"| {name}" in text
    for name in UNSUPPORTED_UNKNOWN:
        assert "not supported in Braze" in (filter_markdown(name) or "")
    assert "Braze does not support" in (filter_markdown("lstrip") or "")
    assert filter_markdown("no_such_filter") is None


def _at(text: str, needle: str, offset: int = 1) -> Optional[Target]:
    return target_at(text, text.index(needle) + offset)


@pytest.mark.parametrize(
    ("text", "needle", "kind", "name", "namespace"),
    [
        ("{{${first_name}}}", "first", "attribute", "first_name", ""),
        ("{{ custom_attribute.${zip code} }}", "zip", "attribute", "zip code", "custom_attribute"),
        (
            "{% if event_properties.${price} > 1 %}",
            "price",
            "attribute",
            "price",
            "event_properties",
        ),
        ("{{content_blocks.${footer}}}", "footer", "content_block", "footer", ""),
        ("{% assign a = {{${email_address}}} | md5 %}", "md5", "filter", "md5", ""),
        ("{{ 'now' | time_zone: ${time_zone} | date: '%s' }}", "date", "filter", "date", ""),
        (
            "{% comment %}brazelint: disable BL203 BL405{% endcomment %}",
            "BL405",
            "rule",
            "BL405",
            "",
        ),
        ("# brazelint: disable-next-line bl411", "bl411", "rule", "BL411", ""),
    ],
)
def test_what_the_cursor_is_on(
    text: str, needle: str, kind: str, name: str, namespace: str
) -> None:
    found = _at(text, needle)
    assert found is not None
    assert (found.kind, found.name, found.namespace) == (kind, name, namespace)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("price | 3 dollars", "3"),  # a pipe in plain text is not a filter
        ("{{ x }} | upcase", "upcase"),
        ("BL203 outside a suppression", "BL203"),
        ("{{ foo.${bar} }}", "bar"),  # not a Braze namespace
    ],
)
def test_nothing_under_the_cursor(text: str, needle: str) -> None:
    assert _at(text, needle) is None


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("{{${fir", Typing("attribute", "fir")),
        ("{% if ${", Typing("attribute", "")),
        ("{{custom_attribute.${lo", Typing("namespace_key", "lo", "custom_attribute")),
        ("{{api_trigger_properties.${", Typing("namespace_key", "", "api_trigger_properties")),
        ("{{canvas_entry_properties.${x", Typing("namespace_key", "x", "canvas_entry_properties")),
        ("{{content_blocks.${fo", Typing("content_block", "fo")),
        ("{{ name | down", Typing("filter", "down")),
        ("{% assign a = {{${email_address}}} | ", Typing("filter", "")),
        ("{%- ", Typing("tag", "")),
        (
            "{% connected_content https://x.example/a\n  :method post\n  :sa",
            Typing("connected_content_option", "sa"),
        ),
        ("{{ x }} :sa", None),
        ("plain | text", None),
        ("{% if a %}:sa", None),
    ],
)
def test_what_is_being_typed(before: str, expected: Optional[Typing]) -> None:
    assert typing_at(before + " rest %}", len(before)) == expected


def test_completion_offers_profile_keys_blocks_and_filters(tmp_path: Path) -> None:
    keys = suggestions(Typing("namespace_key", "", "custom_attribute"), PROFILES, None)
    assert [s.label for s in keys] == ["address", "tier"]
    (tmp_path / "footer.liquid").write_text("x")
    (tmp_path / "header.liquid").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    blocks = suggestions(Typing("content_block", "f"), [], tmp_path)
    assert [s.label for s in blocks] == ["footer"]
    escapes = [s.label for s in suggestions(Typing("filter", "json"), [], None)]
    assert escapes == ["json_escape", "json_parse"]
    assert [s.label for s in suggestions(Typing("connected_content_option", "ca"), [], None)] == [
        "cache_max_age"
    ]
    assert "connected_content" in [s.label for s in suggestions(Typing("tag", "con"), [], None)]


def test_completion_offers_braze_documented_sms_and_whatsapp_keys() -> None:
    """braze-docs sms/responding_to_sms_mms_keywords and whatsapp inbound messages:
    `sms.${inbound_message_body}` and friends are offered even when no profile sets them."""
    sms = suggestions(Typing("namespace_key", "inbound_m", "sms"), [], None)
    assert [s.label for s in sms] == ["inbound_message_body", "inbound_media_urls"]
    assert {s.detail for s in sms} == {"sms (Braze)"}
    whats_app = suggestions(Typing("namespace_key", "inbound_", "whats_app"), [], None)
    assert [s.label for s in whats_app] == [
        "inbound_message_body",
        "inbound_media_urls",
        "inbound_flow_response",
        "inbound_product_id",
        "inbound_catalog_id",
    ]
    assert suggestions(Typing("namespace_key", "", "custom_attribute"), [], None) == []


def test_hover_values_per_profile_with_paths_inside_the_braces() -> None:
    city = attribute_markdown("custom_attribute", "address.city", PROFILES)
    assert '| known | `"Oslo"` |' in city
    assert "| other | *unset* |" in city
    typo = attribute_markdown("", "first_nam", PROFILES)
    assert "not a standard Braze attribute" in typo


def test_hover_on_blocks_and_rules(tmp_path: Path) -> None:
    (tmp_path / "footer.liquid").write_text("".join(f"line {n}\n" for n in range(20)))
    shown = block_markdown("footer", tmp_path)
    assert "line 11" in shown and "line 12" not in shown and "8 more lines" in shown
    assert "not found" in block_markdown("../secrets", tmp_path)
    assert "BL403 unescaped-interpolation" in (rule_markdown("bl403") or "")
    assert "not a brazelint rule" in (rule_markdown("BL999") or "")


def test_positions_count_utf16_code_units() -> None:
    lines = convert.text_lines('{"emoji": "😀", "a": {{x}},}\r\nnext')
    diagnostic = Diagnostic("x", 1, 27, "BL401", "invalid-json", "error", "trailing comma")
    found = convert.to_lsp(diagnostic, lines, "file:///x", types.PositionEncodingKind.Utf16)
    assert found.range.start == types.Position(0, 27)  # 26 code points, the emoji counts twice
    assert found.range.end == types.Position(0, 28)  # an empty range widens to one character
    utf32 = convert.to_lsp(diagnostic, lines, "file:///x", types.PositionEncodingKind.Utf32)
    assert utf32.range.start == types.Position(0, 26)
    assert lines[0].endswith(",}")


def test_edit_offsets_become_utf16_positions() -> None:
    text = 'one\r\n{"emoji": "😀",}\n'
    comma = text.index(",}")
    utf16 = convert.offset_position(text, comma, types.PositionEncodingKind.Utf16)
    assert utf16 == types.Position(1, 14)  # 13 code points, the emoji counts twice
    assert convert.offset_position(text, comma, types.PositionEncodingKind.Utf32).character == 13
    assert convert.offset_position(text, len(text), "utf-16") == types.Position(2, 0)


@pytest.mark.parametrize(
    ("only", "kind", "expected"),
    [
        (None, "source.fixAll.brazelint", True),
        (["source"], "source.fixAll.brazelint", True),
        (["source.fixAll"], "source.fixAll.brazelint", True),
        (["source.fixAll.brazelint"], "quickfix", False),
        (["quickfix"], "quickfix", True),
        (["source.organizeImports"], "source.fixAll.brazelint", False),
        (["refactor"], "quickfix", False),
    ],
)
def test_which_action_kinds_a_request_asks_for(
    only: Optional[list[str]], kind: str, expected: bool
) -> None:
    assert code_actions.wants(only, kind) is expected


def test_a_newer_lint_supersedes_an_older_one() -> None:
    started = threading.Event()
    release = threading.Event()
    published: list[tuple[str, str]] = []

    def lint(text: str) -> str:
        if text == "slow":
            started.set()
            release.wait(10)
        return text.upper()

    texts = {"doc": "slow"}

    async def scenario() -> None:
        with ThreadPoolExecutor(max_workers=1) as worker:
            scheduler: LintScheduler[str, str] = LintScheduler(
                texts.get, lint, lambda uri, text, result: published.append((uri, result)), worker
            )
            scheduler.schedule("doc")
            await asyncio.get_running_loop().run_in_executor(None, started.wait, 10)
            texts["doc"] = "fast"
            scheduler.schedule("doc", 0.01)  # while the slow lint is still running
            release.set()
            while scheduler.pending():
                await asyncio.sleep(0.01)
            scheduler.schedule("doc", 5.0)  # pending when the document closes
            scheduler.forget("doc")
            await asyncio.sleep(0.05)

    asyncio.run(scenario())
    assert published == [("doc", "FAST")]


def test_which_file_changes_rebuild_a_project(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    projects = Projects()
    first = projects.for_document(root / "templates/hello.liquid")
    assert projects.for_document(root / "hooks/tag.webhook.yaml") is first
    assert projects.is_input(root / "profiles/known.yaml")
    assert projects.is_input(root / "brazelint.toml")
    assert projects.is_input(root / "content_blocks/footer.liquid")
    assert not projects.is_input(root / "templates/hello.liquid")
    assert not projects.is_input(root / "hooks/tag.webhook.yaml")
    projects.forget()
    assert projects.for_document(root / "templates/hello.liquid") is not first


def test_lsp_without_pygls_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None; from brazelint.cli import main; "
        "sys.exit(main(['lsp']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr == "brazelint lsp needs pygls and lsprotocol: pip install 'brazelint[lsp]'\n"


def test_open_preview_uses_a_running_serve_when_given_its_address(tmp_path: Path) -> None:
    from brazelint.lsp.preview import PreviewPages

    root = write_project(tmp_path / "project")
    pages = PreviewPages("http://127.0.0.1:8765/")
    url = pages.url_for(root / "templates/hello.liquid", root / "brazelint.toml")
    assert url == "http://127.0.0.1:8765/file/templates/hello.liquid"
