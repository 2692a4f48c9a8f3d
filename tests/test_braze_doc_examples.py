"""Braze's published examples render as Braze documents them (issue 17, "Done when").

The cases live in ``tests/braze_docs/*.yaml``, each file naming the braze-docs page and
commit it copies from. Every case must render without an internal error: its output (with
runs of whitespace collapsed, as the pages show it), its abort reason, or, for a published
typo, a positioned ``TemplateSyntaxError``. Connected Content cases also check each
request Braze would send.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import brazelint

DOCS = Path(__file__).parent / "braze_docs"


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((DOCS / name).read_text(encoding="utf-8"))
    by_id = {case["id"]: case for case in cases}
    for case in cases:
        if "template_of" in case:
            case["template"] = by_id[case["template_of"]]["template"]
    return cases


def _params(name: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in _cases(name)]


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _check(case: dict[str, Any]) -> brazelint.RenderResult | None:
    expect = case["expect"]
    render = lambda: brazelint.render(  # noqa: E731
        case["template"],
        case.get("profile") or {},
        now=case.get("now", "2024-03-01T12:00:00Z"),
        stubs=case.get("stubs") or [],
        content_blocks=case.get("content_blocks"),
        credentials=case.get("credentials"),
    )
    if "syntax_error" in expect:
        with pytest.raises(brazelint.TemplateSyntaxError) as info:
            render()
        assert [info.value.line, info.value.column] == expect["syntax_error"]
        return None
    result = render()
    if "aborted" in expect:
        assert (result.aborted, result.abort_reason) == (True, expect["aborted"])
    else:
        assert not result.aborted, result.abort_reason
        assert _collapsed(result.output) == expect["output"]
    return result


@pytest.mark.parametrize("case", _params("liquid_use_cases.yaml"))
def test_liquid_use_case_library(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _params("connected_content.yaml"))
def test_connected_content_pages(case: dict[str, Any]) -> None:
    result = _check(case)
    assert result is not None
    assert [p.message for p in result.problems if p.severity == "error"] == []
    if "requests" in case["expect"]:
        sent = [[r.method, r.url, r.body] for r in result.requests]
        assert sent == case["expect"]["requests"]
