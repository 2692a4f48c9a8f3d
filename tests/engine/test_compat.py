"""The one door to python-liquid's insides: its version check and its class swap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import liquid
import pytest
from liquid.builtin.expressions.path import Path as LiquidPath
from liquid.builtin.expressions.primitive import RangeLiteral

from brazelint.compat import (
    TESTED_LIQUID_VERSIONS,
    UnsupportedDependency,
    check_liquid_version,
    expression_tokenizer,
    retype,
)
from brazelint.engine.paths import BareAttributePath
from brazelint.errors import BrazelintError
from brazelint.renderer import Renderer


def test_the_installed_python_liquid_is_a_tested_release() -> None:
    assert liquid.__version__ in TESTED_LIQUID_VERSIONS
    check_liquid_version(liquid.__version__)


@pytest.mark.parametrize("found", ["2.3.0", "2.3.7", "2.4.0", "1.13.0"])
def test_an_untested_python_liquid_is_one_clear_error(found: str) -> None:
    with pytest.raises(UnsupportedDependency) as caught:
        check_liquid_version(found)
    assert isinstance(caught.value, BrazelintError)
    assert str(caught.value) == (
        f"python-liquid {found} is installed, but brazelint is tested with python-liquid "
        "2.3.6 only (hint: pip install 'python-liquid==2.3.6')"
    )


def test_the_expression_tokenizer_table_is_python_liquids() -> None:
    # test_expression_tokens.py checks that tokens made from it match python-liquid's own
    table = expression_tokenizer()
    assert {"string", "word", "skip", "rangeexpression"} <= {kind for kind, _ in table.rules}
    assert {"and", "or", "contains", "limit", "offset", "reversed"} <= table.keywords


def test_retype_swaps_a_parsed_node_to_a_subclass_without_fields() -> None:
    template = Renderer().parse("{{ first_name }}")
    path = template.nodes[0].expression.left  # type: ignore[attr-defined]
    assert type(path) is BareAttributePath  # the tree pass swapped it
    plain = LiquidPath(path.token, list(path.path))
    retype(plain, BareAttributePath)
    assert type(plain) is BareAttributePath and plain.path == ["first_name"]


def test_retype_refuses_a_class_that_is_not_a_fieldless_subclass() -> None:
    plain = LiquidPath(None, ["x"])  # type: ignore[arg-type]

    class WithField(LiquidPath):
        __slots__ = ("extra",)

    with pytest.raises(TypeError, match="WithField cannot stand in for Path"):
        retype(plain, WithField)
    with pytest.raises(TypeError, match="BareAttributePath cannot stand in for RangeLiteral"):
        retype(RangeLiteral(None, plain, plain), BareAttributePath)  # type: ignore[arg-type]


def test_the_command_line_refuses_an_untested_python_liquid_with_one_error(tmp_path: Path) -> None:
    template = tmp_path / "t.liquid"
    template.write_text("{{ ${first_name} }}\n", encoding="utf-8")
    script = (
        "import sys, liquid\n"
        "liquid.__version__ = '2.3.0'  # as if that release were installed\n"
        "from brazelint.cli import main\n"
        f"sys.exit(main(['render', {str(template)!r}]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "error: python-liquid 2.3.0 is installed, but brazelint is tested with python-liquid "
        "2.3.6 only\n"
        " = hint: pip install 'python-liquid==2.3.6'\n"
    )
