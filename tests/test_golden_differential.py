"""Differential test: ``BrazeLexer`` vs python-liquid's stock lexer on golden-liquid.

golden-liquid (vendored in ``tests/golden/``, see its README) is a conformance suite
for *standard* Liquid. For standard Liquid the Braze lexer must be a drop-in
replacement, so for every case we check that

* both lexers produce the same tokens (kind, value, start_index), or both raise
  ``LiquidSyntaxError``;
* a plain ``liquid.Environment`` whose tokenizer is ``BrazeLexer`` renders exactly like
  a stock ``liquid.Environment`` (same output, or the same exception class and message).

golden-liquid's expected ``result`` is deliberately *not* asserted: python-liquid itself
fails a few cases, and the point here is stock vs Braze agreement. Like python-liquid's
own ``tests/test_compliance.py``, every case runs in one default (strict) environment,
whatever its golden-liquid ``tags``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from liquid import DictLoader, Environment
from liquid.exceptions import LiquidSyntaxError
from liquid.lex import get_lexer
from liquid.mode import Mode
from liquid.token import Token

from brazelint.engine.lexer import BrazeLexer

GOLDEN = Path(__file__).parent / "golden" / "golden_liquid.json"

CASES: list[dict[str, Any]] = json.loads(GOLDEN.read_text(encoding="utf-8"))["tests"]
PARAMS = [pytest.param(case, id=case["name"]) for case in CASES]

_STOCK_LEXER = get_lexer()
_BRAZE_LEXER = BrazeLexer()


class _BrazeLexerEnvironment(Environment):
    """A stock environment in every respect except its template lexer."""

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        return _BRAZE_LEXER


def _tokens(lexer: Callable[[str], Iterator[Token]], source: str) -> object:
    try:
        return [(t.kind, t.value, t.start_index) for t in lexer(source)]
    except LiquidSyntaxError:
        return LiquidSyntaxError


def _render(env_class: type[Environment], case: dict[str, Any]) -> tuple[str, str]:
    """``("ok", output)`` or ``(exception class name, message)``."""
    env = env_class(tolerance=Mode.STRICT, loader=DictLoader(case.get("templates") or {}))
    try:
        template = env.from_string(case["template"])
        return "ok", template.render(**copy.deepcopy(case.get("data") or {}))
    except Exception as exc:  # any exception: class and message must match
        return type(exc).__qualname__, str(exc)


def test_every_case_is_collected() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)) > 1000


@pytest.mark.parametrize("case", PARAMS)
def test_tokens_match_stock_lexer(case: dict[str, Any]) -> None:
    assert _tokens(_BRAZE_LEXER, case["template"]) == _tokens(_STOCK_LEXER, case["template"])


@pytest.mark.parametrize("case", PARAMS)
def test_render_matches_stock_lexer(case: dict[str, Any]) -> None:
    assert _render(_BrazeLexerEnvironment, case) == _render(Environment, case)


# Standard-Liquid lexer edge cases golden-liquid does not cover (found by fuzzing it).
EXTRA_TEMPLATES: dict[str, str] = {
    "empty output": "{{}}",
    "whitespace-only output": "{{ }}",
    "whitespace-only output, trim right": "{{ -}}",
    "whitespace-only output, tab": "{{\t}}",
    "empty tag": "{% %}",
    "empty tag with trim": "{%- -%}",
    "tag without markup": "{%echo%}",
    "inline comment, no text": "{%#%}",
    "unclosed output": "{{ x",
    "unclosed tag": "{% if x %}{% endif",
    "unclosed raw": "{% raw %}{% endraw",
    "raw with trim": "{%- raw -%} {{ }} {%- endraw -%}",
    "doc with trim": "{%- doc -%} x {%- enddoc -%}",
    "closing delimiter in string": '{{ "}}" }}',
    "opening delimiter in string": "{{ '{{' }}",
    "tag delimiter in string": '{% assign x = "%}" %}',
    "CRLF": "a\r\n{{ x }}",
}


@pytest.mark.parametrize(
    "template", [pytest.param(t, id=name) for name, t in EXTRA_TEMPLATES.items()]
)
def test_extra_tokens_match_stock_lexer(template: str) -> None:
    assert _tokens(_BRAZE_LEXER, template) == _tokens(_STOCK_LEXER, template)
    case = {"template": template}
    assert _render(_BrazeLexerEnvironment, case) == _render(Environment, case)
