"""Profiles load from YAML or JSON and bad ones get one clear error."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import brazelint
from brazelint.profiles import find_profile, load_profile


def test_yaml_profile_renders(tmp_path: Path) -> None:
    path = tmp_path / "jane.yaml"
    path.write_text(
        "attributes:\n  first_name: Jane\n  date_of_birth: 1990-05-17 08:00:00\n"
        "custom_attributes: {loyalty_tier: gold}\n",
        encoding="utf-8",
    )
    result = brazelint.render(
        "{{${first_name}}} {{custom_attribute.${loyalty_tier}}} {{${date_of_birth}}}", path
    )
    assert result.output == "Jane gold 1990-05-17 08:00:00 UTC"
    assert result.profile == "jane"


def test_json_profile_and_name(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"name": "vip", "attributes": {"user_id": "u-1"}}', encoding="utf-8")
    profile = load_profile(path)
    assert (profile.name, profile.attributes["user_id"]) == ("vip", "u-1")


def test_find_profile_by_name_or_stem(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: alpha\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("{}\n", encoding="utf-8")
    assert find_profile("alpha", tmp_path).name == "alpha"
    assert find_profile("b", tmp_path).name == "b"
    with pytest.raises(brazelint.ConfigError) as info:
        find_profile("alpah", tmp_path)
    assert info.value.hint == "did you mean 'alpha'?"


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("atributes: {}\n", "unknown key 'atributes'", "did you mean 'attributes'?"),
        (
            "custom_attribute: {}\n",
            "unknown key 'custom_attribute'",
            "did you mean 'custom_attributes'?",
        ),
        ("attributes: [1]\n", "'attributes' must be a mapping, got a list", None),
        (
            "attributes: {frist_name: x}\n",
            "unknown standard attribute 'attributes.frist_name'",
            "did you mean 'first_name'?",
        ),
        (
            "attributes: {loyalty: x}\n",
            "unknown standard attribute 'attributes.loyalty'",
            "custom attributes go under 'custom_attributes'",
        ),
        ("event_properties: 3\n", "'event_properties' must be a mapping, got int", None),
        (
            "attributes: {time_zone: 5}\n",
            "'attributes.time_zone' must be a string such as America/New_York, got int",
            None,
        ),
        (
            "- a\n",
            "a profile must be a mapping of keys, got a list",
            "start with 'attributes:' (see README, Profiles)",
        ),
        ("name: 3\n", "'name' must be a non-empty string, got int", None),
    ],
)
def test_invalid_profiles(tmp_path: Path, text: str, message: str, hint: str | None) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(path)
    assert info.value.message == f"{path}: {message}"
    assert info.value.hint == hint


def test_yaml_syntax_error_has_a_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("attributes:\n  first_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(path)
    assert (info.value.path, info.value.line) == (str(path), 3)


def test_json_syntax_error_has_a_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"attributes": {"a": 1,}}', encoding="utf-8")
    with pytest.raises(brazelint.ConfigError) as info:
        load_profile(path)
    assert (info.value.line, info.value.column) == (1, 24)


def test_profile_dict_is_validated_too() -> None:
    with pytest.raises(brazelint.ConfigError) as info:
        brazelint.render("x", {"attribute": {}})
    assert info.value.message == "<profile>: unknown key 'attribute'"


def test_fixed_clock_accepts_iso_and_datetime() -> None:
    from brazelint.clock import parse_now

    assert parse_now("2024-03-01T12:00:00Z") == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    assert parse_now(datetime(2024, 3, 1, 12)) == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    with pytest.raises(brazelint.ConfigError):
        parse_now("yesterday")
