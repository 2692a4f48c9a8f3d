"""The built-in JSON Schemas in ``schemas/`` checked against hand-written payloads.

Every built-in schema id has a file ``schemas/<id>.json`` and a fixture folder
``tests/fixtures/payloads/<id>/`` with ``valid/`` and ``invalid/`` examples. Each invalid
example breaks exactly one rule; ``EXPECTED_FAILURES`` names that rule as the JSON path of
the offending value and the JSON Schema keyword that rejects it, so a schema edit that
stops catching a mistake (or starts catching it for the wrong reason) fails here by name.
Payloads are validated through the registry (``brazelint.schemas.validator_for``), so the
``$ref``s between schema files are exercised too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from jsonschema import Draft202012Validator

from brazelint.schemas import schema_ids, validator_for

ROOT = Path(__file__).parents[1]
SCHEMA_DIR = ROOT / "schemas"
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "payloads"

BUILTIN_IDS = (
    "braze/api-identifier",
    "braze/connected-audience",
    "braze/recipient",
    "sessionm/tags",
    "sessionm/get-user-offers-request",
    "sessionm/get-user-offers-response",
    "sessionm/advanced-settings",
    "braze/campaign-trigger-send",
    "braze/canvas-trigger-send",
    "movable-ink/event",
)

# schema id -> invalid fixture file name -> (JSON path of the error, failing keyword[, name]).
# The optional third item is the property the message must name, for keywords whose path
# alone is ambiguous (required, dependentRequired, additionalProperties).
EXPECTED_FAILURES: dict[str, dict[str, tuple[str, ...]]] = {
    "braze/api-identifier": {
        "braced-guid.json": ("$", "pattern"),
        "doc-placeholder.json": ("$", "pattern"),
        "empty.json": ("$", "pattern"),
        "number.json": ("$", "type"),
    },
    "braze/connected-audience": {
        "and-empty.json": ("$.AND", "minItems"),
        "before-not-iso-date.json": ("$.custom_attribute.value", "pattern"),
        "empty-object.json": ("$", "minProperties"),
        "nested-filter-missing-comparison.json": (
            "$.OR[0].custom_attribute",
            "required",
            "comparison",
        ),
        "segment-filter.json": ("$", "additionalProperties", "segment"),
        "subscription-status-unknown.json": ("$.email_subscription_status.value", "enum"),
        "two-filters-in-one-object.json": ("$", "maxProperties"),
    },
    "braze/recipient": {
        "alias-missing-name.json": ("$.user_alias", "required", "alias_name"),
        "create-user-with-alias.json": ("$.user_alias", "not"),
        "email-not-an-address.json": ("$.email", "pattern"),
        "email-without-prioritization.json": ("$", "dependentRequired", "prioritization"),
        "external-id-and-braze-id.json": ("$", "oneOf"),
        "external-user-id-empty.json": ("$.external_user_id", "minLength"),
        "no-identifier.json": ("$", "oneOf"),
        "prioritization-unknown-value.json": ("$.prioritization[0]", "enum"),
    },
    "sessionm/tags": {
        "tag-empty-string.json": ("$.tags[1]", "minLength"),
        "tags-empty-array.json": ("$.tags", "minItems"),
        "tags-missing.json": ("$", "required", "tags"),
        "tags-not-array.json": ("$.tags", "type"),
        "tag-not-string.json": ("$.tags[1]", "type"),
        "ttl-as-string.json": ("$.ttl", "type"),
        "ttl-zero.json": ("$.ttl", "minimum"),
    },
    "sessionm/get-user-offers-request": {
        "culture-empty.json": ("$.culture", "pattern"),
        "include-pending-as-string.json": ("$.include_pending_extended_data", "type"),
        "retailer-id-missing.json": ("$", "required", "retailer_id"),
        "retailer-id-placeholder.json": ("$.retailer_id", "pattern"),
        "skip-as-string.json": ("$.skip", "type"),
        "take-zero.json": ("$.take", "minimum"),
        "user-id-empty.json": ("$.user_id", "minLength"),
    },
    "sessionm/get-user-offers-response": {
        "available-points-as-string.json": ("$.payload.available_points", "type"),
        "offer-group-missing-name.json": ("$.payload.offer_groups[0]", "required", "name"),
        "offer-id-not-guid.json": ("$.payload.user_offers[0].offer_id", "pattern"),
        "offer-name-not-string.json": ("$.payload.user_offers[0].name", "type"),
        "ok-without-payload.json": ("$", "required", "payload"),
        "status-missing.json": ("$", "required", "status"),
        "total-records-not-integer.json": ("$.payload.total_records", "type"),
    },
    "sessionm/advanced-settings": {
        "campaign-id-not-string.json": ("$.braze_campaign_id", "type"),
        "campaign-id-placeholder.json": ("$.braze_campaign_id", "pattern"),
        "canvas-id-empty.json": ("$.braze_canvas_id", "pattern"),
        "empty-object.json": ("$", "anyOf"),
        "target-key-misspelled.json": ("$", "anyOf"),
    },
    "braze/campaign-trigger-send": {
        "attachment-missing-url.json": ("$.attachments[0]", "required", "url"),
        "audience-filter-missing-value.json": (
            "$.audience.AND[0].custom_attribute",
            "required",
            "value",
        ),
        "broadcast-false-without-recipients.json": ("$.broadcast", "const"),
        "broadcast-with-attachments.json": ("$.attachments", "not"),
        "broadcast-with-recipients.json": ("$.recipients", "not"),
        "campaign-id-missing.json": ("$", "required", "campaign_id"),
        "campaign-id-placeholder.json": ("$.campaign_id", "pattern"),
        "create-user-with-alias.json": ("$.recipients[0].user_alias", "not"),
        "create-user-without-attributes.json": ("$.recipients[0]", "required", "attributes"),
        "email-without-prioritization.json": (
            "$.recipients[0]",
            "dependentRequired",
            "prioritization",
        ),
        "no-recipients-and-no-broadcast.json": ("$", "required", "broadcast"),
        "prioritization-identified-and-unidentified.json": (
            "$.recipients[0].prioritization",
            "not",
        ),
        "recipient-context.json": ("$.recipients[0]", "unevaluatedProperties", "context"),
        "recipient-two-identifiers.json": ("$.recipients[0]", "oneOf"),
        "recipients-empty.json": ("$.recipients", "minItems"),
        "recipients-over-50.json": ("$.recipients", "maxItems"),
        "send-id-non-ascii.json": ("$.send_id", "pattern"),
        "send-id-too-long.json": ("$.send_id", "maxLength"),
        "trigger-properties-as-string.json": ("$.trigger_properties", "type"),
        "unknown-key-canvas-id.json": ("$", "additionalProperties", "canvas_id"),
        "user-alias-missing-label.json": ("$.recipients[0].user_alias", "required", "alias_label"),
    },
    "braze/canvas-trigger-send": {
        "attachments-not-supported.json": ("$", "additionalProperties", "attachments"),
        "audience-two-filters.json": ("$.audience.OR[0]", "maxProperties"),
        "broadcast-with-recipients.json": ("$.recipients", "not"),
        "canvas-id-missing.json": ("$", "required", "canvas_id"),
        "canvas-id-placeholder.json": ("$.canvas_id", "pattern"),
        "context-as-string.json": ("$.context", "type"),
        "no-recipients-and-no-broadcast.json": ("$", "required", "broadcast"),
        "recipient-trigger-properties.json": (
            "$.recipients[0]",
            "unevaluatedProperties",
            "trigger_properties",
        ),
        "recipient-without-identifier.json": ("$.recipients[0]", "oneOf"),
        "send-id-not-supported.json": ("$", "additionalProperties", "send_id"),
    },
    "movable-ink/event": {
        "anonymous-id-empty.json": ("$.anonymous_id", "minLength"),
        "cart-add-without-id.json": ("$.properties", "required", "id"),
        "category-without-id.json": ("$.properties.categories[1]", "required", "id"),
        "conversion-product-without-id.json": ("$.properties.products[0]", "required", "id"),
        "conversion-products-empty.json": ("$.properties.products", "minItems"),
        "conversion-without-products.json": ("$.properties", "required", "products"),
        "identify-with-event.json": ("$.event", "not"),
        "identify-with-properties.json": ("$.properties", "not"),
        "identify-without-anonymous-id.json": ("$", "required", "anonymous_id"),
        "meta-as-string.json": ("$.properties.meta", "type"),
        "no-user-id-or-anonymous-id.json": ("$", "anyOf"),
        "price-as-string.json": ("$.properties.price", "type"),
        "product-id-as-number.json": ("$.properties.id", "type"),
        "product-url-relative.json": ("$.properties.url", "pattern"),
        "product-viewed-without-id.json": ("$.properties", "required", "id"),
        "quantity-zero.json": ("$.properties.quantity", "minimum"),
        "search-without-query.json": ("$.properties", "required", "query"),
        "timestamp-as-string.json": ("$.timestamp", "type"),
        "timestamp-in-microseconds.json": ("$.timestamp", "maximum"),
        "timestamp-in-seconds.json": ("$.timestamp", "minimum"),
        "timestamp-missing.json": ("$", "required", "timestamp"),
        "timezone-empty.json": ("$.timezone", "pattern"),
        "timezone-utc-offset.json": ("$.timezone", "pattern"),
        "track-without-event.json": ("$", "required", "event"),
        "track-without-properties.json": ("$", "required", "properties"),
        "type-capitalised.json": ("$.type", "enum"),
        "user-id-empty.json": ("$.user_id", "minLength"),
    },
}


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_file(schema_id: str) -> Path:
    return SCHEMA_DIR / f"{schema_id}.json"


def fixtures(kind: str) -> list[tuple[str, Path]]:
    found = []
    for schema_id in BUILTIN_IDS:
        folder = FIXTURE_DIR / schema_id / kind
        found.extend((schema_id, path) for path in sorted(folder.glob("*.json")))
    return found


def fixture_id(item: tuple[str, Path]) -> str:
    schema_id, path = item
    return f"{schema_id}:{path.name}"


def describe(errors: list[Any]) -> str:
    return "\n".join(f"  {e.json_path} [{e.validator}] {e.message}" for e in errors) or "  (none)"


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = (
    "items",
    "contains",
    "not",
    "if",
    "then",
    "else",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def subschemas(
    schema: Any, where: str = "#", *, skip: tuple[str, ...] = ()
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (location, subschema) in a schema, keyword-aware (property names are not keywords).

    Keywords in ``skip`` are not descended into.
    """
    if not isinstance(schema, dict):
        return
    yield where, schema
    for key in _SCHEMA_MAPS:
        for name, sub in schema.get(key, {}).items():
            yield from subschemas(sub, f"{where}/{key}/{name}", skip=skip)
    for key in _SCHEMA_LISTS:
        for index, sub in enumerate(schema.get(key, [])):
            yield from subschemas(sub, f"{where}/{key}/{index}", skip=skip)
    for key in _SCHEMA_VALUES:
        if key in schema and key not in skip:
            yield from subschemas(schema[key], f"{where}/{key}", skip=skip)


EVIDENCE_TAG = re.compile(r"\[(BZ|SM|MI|3P|INF)\]")
"""The evidence tags of partner-payloads.md: vendor-documented ([BZ], [SM], [MI]),
third-party ([3P]) or inferred ([INF])."""


def documented_places(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schema itself, every property definition and every ``$defs`` entry.

    Property lists inside ``if`` only select a branch, so they are not definitions.
    """
    yield "#", schema
    for where, sub in subschemas(schema, skip=("if",)):
        for key in ("properties", "$defs"):
            for name, entry in sub.get(key, {}).items():
                yield f"{where}/{key}/{name}", entry


def cross_file_refs(schema: Any) -> Iterator[str]:
    for _where, sub in subschemas(schema):
        ref = sub.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            yield ref


@pytest.mark.parametrize("schema_id", BUILTIN_IDS)
def test_schema_file_is_valid_draft_2020_12(schema_id: str) -> None:
    path = schema_file(schema_id)
    assert path.is_file(), f"missing schema file {path.relative_to(ROOT)}"
    schema = load_json(path)
    Draft202012Validator.check_schema(schema)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("$id") == f"brazelint:{schema_id}"
    assert isinstance(schema.get("title"), str) and schema["title"].strip()
    assert isinstance(schema.get("description"), str) and schema["description"].strip()


@pytest.mark.parametrize("schema_id", BUILTIN_IDS)
def test_schema_uses_pattern_not_format(schema_id: str) -> None:
    # "format" only annotates in draft 2020-12 unless assertion is switched on, so it
    # would look like a check while rejecting nothing.
    schema = load_json(schema_file(schema_id))
    offenders = [where for where, sub in subschemas(schema) if "format" in sub]
    assert not offenders, f"{schema_id}: use pattern instead of format at {offenders}"


def test_schema_folder_holds_only_builtin_ids() -> None:
    on_disk = {
        path.relative_to(SCHEMA_DIR).with_suffix("").as_posix()
        for path in SCHEMA_DIR.rglob("*.json")
    }
    assert on_disk == set(BUILTIN_IDS)
    assert schema_ids() == sorted(BUILTIN_IDS)


@pytest.mark.parametrize("schema_id", BUILTIN_IDS)
def test_every_constraint_says_what_it_is_and_where_it_comes_from(schema_id: str) -> None:
    # The schema, each property and each shared definition carries a description (what)
    # and a $comment citing its evidence: a vendor document or an inference ([INF]).
    schema = load_json(schema_file(schema_id))
    missing = []
    for where, entry in documented_places(schema):
        if not (isinstance(entry.get("description"), str) and entry["description"].strip()):
            missing.append(f"{where}: no description")
        comment = entry.get("$comment")
        if not (isinstance(comment, str) and EVIDENCE_TAG.search(comment)):
            missing.append(f"{where}: no $comment citing [BZ]/[SM]/[MI]/[3P]/[INF]")
    assert not missing, f"{schema_id}:\n" + "\n".join(missing)


def test_schemas_share_definitions_across_files() -> None:
    # Built-ins refer to each other by bare id (resolved by the registry), so shared
    # shapes (recipient, audience, API identifier) are written once.
    refs = {
        (schema_id, ref.split("#")[0])
        for schema_id in BUILTIN_IDS
        for ref in cross_file_refs(load_json(schema_file(schema_id)))
    }
    assert {
        ("braze/campaign-trigger-send", "braze/recipient"),
        ("braze/canvas-trigger-send", "braze/recipient"),
        ("braze/campaign-trigger-send", "braze/connected-audience"),
        ("braze/canvas-trigger-send", "braze/connected-audience"),
        ("sessionm/advanced-settings", "braze/api-identifier"),
        ("sessionm/get-user-offers-response", "sessionm/get-user-offers-request"),
    } <= refs
    assert {target for _source, target in refs} <= set(BUILTIN_IDS)


@pytest.mark.parametrize("schema_id", BUILTIN_IDS)
def test_each_schema_has_enough_fixtures(schema_id: str) -> None:
    valid = list((FIXTURE_DIR / schema_id / "valid").glob("*.json"))
    invalid = list((FIXTURE_DIR / schema_id / "invalid").glob("*.json"))
    assert len(valid) >= 2, f"{schema_id}: want at least 2 valid payloads, found {len(valid)}"
    assert len(invalid) >= 3, f"{schema_id}: want at least 3 invalid payloads, found {len(invalid)}"


def test_expected_failures_table_matches_fixture_files() -> None:
    on_disk = {(schema_id, path.name) for schema_id, path in fixtures("invalid")}
    in_table = {
        (schema_id, name) for schema_id, names in EXPECTED_FAILURES.items() for name in names
    }
    missing_entries = sorted(on_disk - in_table)
    missing_files = sorted(in_table - on_disk)
    assert not missing_entries, (
        f"invalid fixtures with no EXPECTED_FAILURES entry: {missing_entries}"
    )
    assert not missing_files, f"EXPECTED_FAILURES entries with no fixture file: {missing_files}"


@pytest.mark.parametrize("item", fixtures("valid"), ids=fixture_id)
def test_valid_payload_passes(item: tuple[str, Path]) -> None:
    schema_id, path = item
    errors = list(validator_for(schema_id).iter_errors(load_json(path)))
    assert not errors, f"{path.relative_to(ROOT)} should satisfy {schema_id}:\n{describe(errors)}"


@pytest.mark.parametrize("item", fixtures("invalid"), ids=fixture_id)
def test_invalid_payload_fails_on_its_one_rule(item: tuple[str, Path]) -> None:
    schema_id, path = item
    expected = EXPECTED_FAILURES.get(schema_id, {}).get(path.name)
    assert expected is not None, f"add {path.name!r} under {schema_id!r} in EXPECTED_FAILURES"
    errors = list(validator_for(schema_id).iter_errors(load_json(path)))
    assert len(errors) == 1, (
        f"{path.relative_to(ROOT)} should break exactly one rule of {schema_id} "
        f"(expected {expected[0]} [{expected[1]}]), got {len(errors)}:\n{describe(errors)}"
    )
    error = errors[0]
    got = (error.json_path, error.validator)
    assert got == tuple(expected[:2]), (
        f"{path.relative_to(ROOT)}: expected {expected[0]} [{expected[1]}], "
        f"got {got[0]} [{got[1]}]: {error.message}"
    )
    if len(expected) > 2:
        assert f"'{expected[2]}'" in error.message, (
            f"{path.relative_to(ROOT)}: the {expected[1]} error should name {expected[2]!r}, "
            f"got: {error.message}"
        )
