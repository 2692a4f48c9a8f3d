"""The schema registry: ids, descriptions, compiled validators and offline ``$ref`` resolution."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from brazelint.errors import ConfigError
from brazelint.schemas import (
    describe,
    schema_ids,
    schema_path,
    validation_errors,
    validator_for,
)

RECIPIENT = {"external_user_id": "4d10cf62-e3b1-4ecb-addc-b651ad637afd"}


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data)
    path.write_text(text, encoding="utf-8")
    return path


def errors(instance: Any, schema: str | Path) -> list[tuple[str, str]]:
    return [(e.json_path, e.validator) for e in validator_for(schema).iter_errors(instance)]


def config_error(schema: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        validator_for(schema)
    return str(caught.value)


def test_ids_list_every_builtin_schema() -> None:
    assert schema_ids() == [
        "braze/api-identifier",
        "braze/campaign-trigger-send",
        "braze/canvas-trigger-send",
        "braze/connected-audience",
        "braze/recipient",
        "movable-ink/event",
        "sessionm/advanced-settings",
        "sessionm/get-user-offers-request",
        "sessionm/get-user-offers-response",
        "sessionm/tags",
    ]


def test_id_dollar_id_and_path_name_the_same_file() -> None:
    by_id = schema_path("sessionm/tags")
    assert schema_path("brazelint:sessionm/tags") == by_id
    assert schema_path(by_id) == by_id
    assert by_id.name == "tags.json"


def test_unknown_id_lists_the_ids_in_the_hint() -> None:
    with pytest.raises(ConfigError) as caught:
        schema_path("sessionm/tag")
    assert caught.value.message == "unknown schema 'sessionm/tag'"
    assert caught.value.hint == "use a file path or one of: " + ", ".join(schema_ids())


def test_describe_is_the_title() -> None:
    assert (
        describe("sessionm/tags") == "SessionM Core create-or-increment customer tags request body"
    )
    assert describe("movable-ink/event") == (
        "Movable Ink Customer Data API behavioral event (track and identify)"
    )


def test_describe_falls_back_to_the_first_sentence(tmp_path: Path) -> None:
    no_title = write(
        tmp_path / "offer.json",
        {
            "description": "An offer v1.2 body.  Sent by the\nwallet service. More.",
            "type": "object",
        },
    )
    assert describe(no_title) == "An offer v1.2 body."
    assert describe(write(tmp_path / "bare.json", {"type": "object"})) == ""


def test_every_builtin_compiles_and_has_a_description() -> None:
    for schema_id in schema_ids():
        assert validator_for(schema_id) is validator_for(f"brazelint:{schema_id}")
        assert describe(schema_id)


def test_builtin_refs_resolve_across_files() -> None:
    body = {
        "campaign_id": "{{CAMPAIGN ID}}",
        "recipients": [{**RECIPIENT, "context": {}}],
        "audience": {"AND": []},
    }
    assert sorted(errors(body, "braze/campaign-trigger-send")) == [
        ("$.audience.AND", "minItems"),
        ("$.campaign_id", "pattern"),
        ("$.recipients[0]", "unevaluatedProperties"),
    ]


def test_user_schema_refers_to_a_sibling_file_and_a_builtin(tmp_path: Path) -> None:
    order = write(
        tmp_path / "order.json",
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "required": ["item", "recipient", "send"],
            "properties": {
                "item": {"$ref": "parts/item.json"},
                "recipient": {"$ref": "brazelint:braze/recipient"},
                "send": {"$ref": "brazelint:sessionm/advanced-settings"},
            },
        },
    )
    # The sibling refers on, relative to its own folder.
    write(tmp_path / "parts" / "item.json", {"properties": {"sku": {"$ref": "../sku.json"}}})
    write(tmp_path / "sku.json", {"type": "string", "minLength": 3})

    good = {
        "item": {"sku": "A-100"},
        "recipient": RECIPIENT,
        "send": {"braze_campaign_id": "bef4e168-fbdc-4d91-8515-ea43dc794290"},
    }
    assert errors(good, order) == []
    bad = {"item": {"sku": "A"}, "recipient": {"email": "x@example.com"}, "send": {}}
    assert sorted(errors(bad, order)) == [
        ("$.item.sku", "minLength"),
        ("$.recipient", "dependentRequired"),
        ("$.send", "anyOf"),
    ]
    assert validation_errors(bad, order) == [
        "`item.sku` must be at least 3 characters long; got 1",
        "`recipient` has `email`, which needs `prioritization` too",
        "`send` matches none of the shapes the schema allows; got an object",
    ]


def test_remote_ref_is_served_by_the_file_beside_the_schema(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "profile.json",
        {
            "$id": "https://schemas.example.com/crm/profile.json",
            "properties": {
                "home": {"$ref": "address.json"},
                "work": {"$ref": "https://schemas.example.com/crm/address.json"},
            },
        },
    )
    write(tmp_path / "address.json", {"required": ["zip"]})
    assert errors({"home": {}, "work": {"zip": "02110"}}, schema) == [("$.home", "required")]


def test_unresolvable_remote_ref_is_one_line_and_never_fetched(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "event.json",
        {"properties": {"user": {"$ref": "https://schemas.example.com/crm/user.json#/$defs/id"}}},
    )
    assert config_error(schema) == (
        f"{schema}: cannot resolve $ref 'https://schemas.example.com/crm/user.json#/$defs/id' "
        "offline: add the file beside the schema as user.json"
    )


def test_relative_ref_under_a_remote_id_names_both(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "event.json",
        {"$id": "https://schemas.example.com/crm/event.json", "$ref": "user.json"},
    )
    assert config_error(schema) == (
        f"{schema}: cannot resolve $ref 'user.json' (https://schemas.example.com/crm/user.json) "
        "offline: add the file beside the schema as user.json"
    )


def test_missing_sibling_file(tmp_path: Path) -> None:
    schema = write(tmp_path / "event.json", {"$ref": "defs/user.json"})
    assert config_error(schema) == (
        f"{schema}: cannot resolve $ref 'defs/user.json': no file {tmp_path / 'defs/user.json'}"
    )


def test_pointer_to_nowhere(tmp_path: Path) -> None:
    schema = write(tmp_path / "event.json", {"$ref": "brazelint:braze/recipient#/$defs/alias"})
    assert config_error(schema) == (
        f"{schema}: cannot resolve $ref 'brazelint:braze/recipient#/$defs/alias': "
        "nothing at that location"
    )


def test_unknown_builtin_in_a_ref(tmp_path: Path) -> None:
    schema = write(tmp_path / "event.json", {"$ref": "brazelint:sessionm/tag"})
    with pytest.raises(ConfigError) as caught:
        validator_for(schema)
    assert caught.value.message == (
        f"{schema}: cannot resolve $ref 'brazelint:sessionm/tag': no such built-in schema"
    )
    assert caught.value.hint == "built-in ids: " + ", ".join(schema_ids())


def test_schema_that_is_not_json(tmp_path: Path) -> None:
    schema = write(tmp_path / "tags.json", '{"type": "object",\n "required": }')
    assert config_error(schema) == (
        f"{schema}: schema is not valid JSON (Expecting value: line 2 column 14 (char 32))"
    )


def test_schema_that_is_not_a_2020_12_schema(tmp_path: Path) -> None:
    schema = write(tmp_path / "tags.json", {"properties": {"ttl": {"type": "int"}}})
    assert config_error(schema) == (
        f"{schema}: not a valid JSON Schema (draft 2020-12) at $.properties.ttl.type: "
        "'int' is not valid under any of the given schemas"
    )


def test_broken_sibling_names_the_sibling(tmp_path: Path) -> None:
    schema = write(tmp_path / "event.json", {"$ref": "user.json"})
    sibling = write(tmp_path / "user.json", {"minLength": -1})
    assert config_error(schema) == (
        f"{sibling}: not a valid JSON Schema (draft 2020-12) at $.minLength: "
        "-1 is less than the minimum of 0"
    )


def test_compiled_validators_are_cached_by_resolved_path(tmp_path: Path) -> None:
    schema = write(tmp_path / "sub" / "tags.json", {"$ref": "brazelint:sessionm/tags"})
    first = validator_for(schema)
    assert validator_for("sub/tags.json", base=tmp_path) is first
    assert validator_for(tmp_path / "sub" / ".." / "sub" / "tags.json") is first


def test_fast_validator_agrees_with_jsonschema_on_every_fixture() -> None:
    """The jsonschema-rs fast path must accept exactly what jsonschema accepts."""
    from brazelint import schemas

    fixtures = Path(__file__).parent / "fixtures" / "payloads"
    checked = 0
    for schema_id in schemas.schema_ids():
        fast = schemas.fast_validator(schema_id)
        slow = schemas.validator_for(schema_id)
        assert fast is not None, schema_id
        for path in sorted((fixtures / schema_id).glob("*/*.json")):
            instance = json.loads(path.read_text(encoding="utf-8"))
            assert fast.is_valid(instance) == slow.is_valid(instance), path
            assert fast.is_valid(instance) == (path.parent.name == "valid"), path
            checked += 1
    assert checked > 50
