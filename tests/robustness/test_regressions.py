"""Plain regression tests for the bugs the property tests and the pathological inputs found."""

from __future__ import annotations

from pathlib import Path

import pytest

import brazelint
from brazelint.config import load_config
from brazelint.engine.limits import Limits
from brazelint.profiles import MAX_DATA_DEPTH, load_profile
from brazelint.renderer import Renderer
from brazelint.report.codeframe import FRAME_WIDTH, format_error

NOW = "2026-01-01T00:00:00Z"


def _error(source: str, **kwargs: object) -> brazelint.BrazelintError:
    with pytest.raises(brazelint.BrazelintError) as info:
        brazelint.render(source, {}, now=NOW, stubs=[], **kwargs)  # type: ignore[arg-type]
    return info.value


# -- stock filters: Python exceptions escaped, or errors had no filter position ----------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'abc' | sum }}", "sum cannot handle str 'abc' (not a number it can compute with)"),
        ("{{ '1e400' | times: 0 }}", "times cannot handle str '1e400'"),
        ("{{ 'inf' | plus: '-inf' }}", "plus cannot handle str 'inf'"),
        ("{{ 'nan' | round }}", "round cannot handle str 'nan' (cannot convert float NaN"),
        ("{{ 'gA==' | base64_decode }}", "base64_decode cannot handle str 'gA==' ('utf-8' codec"),
        ("{{ 'é' | base64_decode }}", "base64_decode cannot handle str 'é'"),
        ("{{ 'YQ' | base64_decode }}", "base64_decode: invalid base64-encoded string"),
        ("{{ 1 | concat: 'x' }}", "concat needs an array argument, got str 'x'"),
        ("{{ 1 | concat }}", "concat needs an array argument, like {{ a | concat: b }}"),
        ("{{ a | compact: 0 }}", "compact cannot handle list [{'k': 1}] (0)"),
        (
            "{{ b | sort: 'k' }}",
            "sort cannot read property str 'k' of the items; with a property argument it "
            "needs an array of objects",
        ),
    ],
)
def test_filter_failures_are_render_errors_at_the_filter(source: str, message: str) -> None:
    err = _error(source, globals={"a": [{"k": 1}], "b": [1, 2]})
    assert isinstance(err, brazelint.TemplateRenderError)
    assert err.message.startswith(message), err.message
    name = err.message.split(" ", 1)[0].rstrip(":")
    assert (err.line, err.column) == (1, source.index(name) + 1)


def test_concat_still_concatenates() -> None:
    result = brazelint.render("{{ a | concat: b | join: ',' }}", globals={"a": [1], "b": [2, 3]})
    assert result.output == "1,2,3"


# -- lexer: a bare ${odd name} borrows a blank to keep its length -------------------------


@pytest.mark.parametrize(
    ("source", "at"),
    [
        ("{{ ${ a b }|upcas }}", "upcas"),  # a blank inside the braces
        # the blank before it (in a tag where a filter counts: an if condition drops it,
        # as Braze's lax parser does)
        ("{% assign y = ${a b}|upcas %}{{ y }}", "upcas"),
        ("{{ ${a b} |upcas }}", "upcas"),  # the blank after it (worked before)
    ],
)
def test_columns_after_a_bare_odd_name_are_exact(source: str, at: str) -> None:
    err = _error(source)
    assert (err.line, err.column) == (1, source.index(at) + 1)


def test_bare_odd_name_is_trimmed_like_braze() -> None:
    result = brazelint.render("{{ ${ a b } }}|{{${a b}}}", globals={"a b": "AB"})
    assert result.output == "AB|AB"


# -- block nesting names its limit ----------------------------------------------------------


def test_block_nesting_error_names_the_setting() -> None:
    err = _error("{% if true %}" * 40 + "{% endif %}" * 40)
    assert isinstance(err, brazelint.TemplateSyntaxError)
    assert err.message == (
        "block nesting limit reached: blocks nested deeper than limits.nesting_depth (30)"
    )


def test_unknown_limit_hint_uses_config_spelling() -> None:
    with pytest.raises(brazelint.ConfigError) as info:
        Limits.from_mapping({"loops": 1}, where="x.toml")
    assert info.value.hint is not None
    assert "loop-iterations" in info.value.hint and "loop_iterations" not in info.value.hint


# -- code frames ----------------------------------------------------------------------------


def test_code_frame_shows_the_line_the_position_counts() -> None:
    # splitlines() also splits at \f and \u2028: the frame showed "b" instead of line 2
    err = _error("a\x0cb\u2028c\n{{ x | upcas }}")
    assert (err.line, err.column) == (2, 8)
    assert "2 | {{ x | upcas }}" in format_error(err)


def test_code_frame_of_a_crlf_file_has_no_carriage_return() -> None:
    err = _error("a\r\nb\r\n  {{ x | upcas }}\r\n")
    assert (err.line, err.column) == (3, 10)
    frame = format_error(err)
    assert "3 |   {{ x | upcas }}\n" in frame
    assert "\r" not in frame


def test_code_frame_of_a_long_line_is_a_window_around_the_caret() -> None:
    source = '{"a": 1, ' * 5000 + "{{ x | upcas }}" + ', "b": 2' * 5000
    frame = format_error(_error(source))
    lines = frame.split("\n")
    assert all(len(line) < FRAME_WIDTH + 20 for line in lines), frame
    text, caret = lines[3], lines[4]
    assert text[caret.index("^") :].startswith("upcas")


# -- data files -----------------------------------------------------------------------------


def test_deep_profile_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"custom_attributes": {"a": ' + "[" * 5000 + "]" * 5000 + "}}")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(path)
    assert info.value.message == f"{path}: data nested more than {MAX_DATA_DEPTH} levels deep"


def test_yaml_alias_bomb_is_a_config_error(tmp_path: Path) -> None:
    lines = ["custom_attributes:", '  a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 8):
        refs = ",".join([f"*a{level - 1}"] * 10)
        lines.append(f"  a{level}: &a{level} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(path)
    assert "expands to more than 1,000,000 values" in info.value.message


def test_recursive_yaml_alias_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("custom_attributes:\n  a: &a [1, *a]\n")
    with pytest.raises(brazelint.ConfigError, match="nested more than"):
        load_profile(path)


def test_shared_yaml_values_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text("custom_attributes:\n  a: &a {x: 1}\n  b: *a\n  c: *a\n")
    assert load_profile(path).namespaces["custom_attribute"]["c"] == {"x": 1}


def test_profile_with_bom_and_non_utf8_profile(tmp_path: Path) -> None:
    bom = tmp_path / "bom.json"
    bom.write_bytes(b'\xef\xbb\xbf{"attributes": {"first_name": "B"}}')
    assert load_profile(bom).attributes == {"first_name": "B"}
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"attributes:\n  first_name: \xe9\n")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(latin)
    assert info.value.message == f"{latin}: not UTF-8 text (byte 0xe9 at offset 26)"


def test_config_file_encoding(tmp_path: Path) -> None:
    (tmp_path / "brazelint.toml").write_bytes(b'\xef\xbb\xbfprofiles = "people"\n')
    assert load_config(start=tmp_path).profiles == tmp_path / "people"
    (tmp_path / "brazelint.toml").write_bytes(b'profiles = "\xe9"\n')
    with pytest.raises(brazelint.ConfigError, match=r"not UTF-8 text \(byte 0xe9 at offset 12\)"):
        load_config(start=tmp_path)


def test_non_utf8_pyproject_without_brazelint_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.other]\nname = "\xe9"\n')
    assert load_config(start=tmp_path).path is None


def test_unknown_schema_in_a_rule_names_the_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "brazelint.toml"
    config.write_text('[[connected-content]]\nurl-pattern = "x"\nresponse-schema = "nope.json"\n')
    with pytest.raises(brazelint.ConfigError) as info:
        load_config(start=tmp_path)
    assert info.value.message == (
        f"{config}: connected-content #1: 'response-schema': unknown schema 'nope.json'"
    )


def test_content_block_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "footer.liquid").write_bytes(b"caf\xe9")
    renderer = Renderer(content_blocks=tmp_path)
    with pytest.raises(brazelint.ConfigError, match="not UTF-8 text"):
        renderer.render("{{content_blocks.${footer}}}")
