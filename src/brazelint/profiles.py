"""Mock user profiles: loading, validation, and the Liquid data they provide.

A profile is YAML or JSON in the format of DESIGN.md. Standard attributes become
top-level variables (``{{${first_name}}}``); each namespace key becomes the Liquid
namespace Braze uses (``custom_attributes`` -> ``custom_attribute.${x}``). An absent key
is an unset attribute and renders empty, as in Braze.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from brazelint.errors import ConfigError
from brazelint.send_values import made_up_values

STANDARD_ATTRIBUTES = frozenset(
    {
        "braze_id",
        "city",
        "country",
        "date_of_birth",
        "email_address",
        "first_name",
        "gender",
        "language",
        "last_name",
        "last_used_app_date",
        "most_recent_app_version",
        "most_recent_locale",
        "most_recent_location",
        "phone_number",
        "random_bucket_number",
        "time_zone",
        "user_id",
        "set_user_to_unsubscribed_url",
        "set_user_to_subscribed_url",
        "set_user_to_opted_in_url",
        "unsubscribe_url",
    }
)
"""Attributes Braze documents as ``${name}``; ``user_id`` is the external id."""

NAMESPACES: Mapping[str, str] = {
    "custom_attributes": "custom_attribute",
    "event_properties": "event_properties",
    "api_trigger_properties": "api_trigger_properties",
    "canvas_entry_properties": "canvas_entry_properties",
    "context": "context",
    "campaign": "campaign",
    "canvas": "canvas",
    "subscribed_state": "subscribed_state",
    "most_recently_used_device": "most_recently_used_device",
    "targeted_device": "targeted_device",
    "app": "app",
    "card": "card",
    "sms": "sms",
    "whats_app": "whats_app",
}
"""Profile key -> the Liquid namespace it fills."""

PROFILE_KEYS = frozenset({"name", "attributes", *NAMESPACES})
PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Profile:
    """A validated mock user."""

    name: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    namespaces: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Keyed by Liquid namespace name (``custom_attribute``, ``event_properties``, ...)."""
    path: Optional[str] = None

    @classmethod
    def from_dict(
        cls, data: Any, *, where: str = "<profile>", default_name: str = "profile"
    ) -> Profile:
        """Validate ``data``; ``where`` names the file in error messages."""
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise ConfigError(
                f"{where}: a profile must be a mapping of keys, got {_type_name(data)}",
                hint="start with 'attributes:' (see README, Profiles)",
            )
        for key in data:
            if key not in PROFILE_KEYS:
                raise ConfigError(
                    f"{where}: unknown key '{key}'",
                    hint=_did_you_mean(
                        str(key), PROFILE_KEYS, fallback=", ".join(sorted(PROFILE_KEYS))
                    ),
                )
        name = data.get("name", default_name)
        if not isinstance(name, str) or not name:
            raise ConfigError(f"{where}: 'name' must be a non-empty string, got {_type_name(name)}")
        attributes = data.get("attributes") or {}
        if not isinstance(attributes, Mapping):
            raise ConfigError(
                f"{where}: 'attributes' must be a mapping, got {_type_name(attributes)}"
            )
        for key in attributes:
            if key not in STANDARD_ATTRIBUTES:
                raise ConfigError(
                    f"{where}: unknown standard attribute 'attributes.{key}'",
                    hint=_did_you_mean(
                        str(key),
                        STANDARD_ATTRIBUTES,
                        fallback="custom attributes go under 'custom_attributes'",
                    ),
                )
        time_zone = attributes.get("time_zone")
        if time_zone is not None and not isinstance(time_zone, str):
            raise ConfigError(
                f"{where}: 'attributes.time_zone' must be a string such as America/New_York, "
                f"got {_type_name(time_zone)}"
            )
        namespaces: dict[str, Mapping[str, Any]] = {}
        for key, liquid_name in NAMESPACES.items():
            value = data.get(key)
            if value is None:
                value = {}
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: '{key}' must be a mapping, got {_type_name(value)}")
            namespaces[liquid_name] = dict(value)
        return cls(name=name, attributes=dict(attributes), namespaces=namespaces)

    def liquid_data(self) -> dict[str, Any]:
        """Top-level variables for rendering: attributes at the root plus every namespace.

        Canvas entry properties are also context variables (Braze's newer docs spell them
        ``context.${x}``); a ``context:`` key of the same name wins. Values Braze has for
        every user and send are made up when the profile does not set them.
        """
        attributes, campaign = made_up_values(self)
        data: dict[str, Any] = dict(self.namespaces)
        entry = data.get("canvas_entry_properties")
        if entry:
            data["context"] = {**entry, **data.get("context", {})}
        data["campaign"] = {**campaign, **data.get("campaign", {})}
        data.update(attributes)
        data.update(self.attributes)
        return data


def load_profile(path: Union[str, Path]) -> Profile:
    """Load and validate one profile file."""
    path = Path(path)
    data = load_data_file(path)
    profile = Profile.from_dict(data, where=str(path), default_name=path.stem)
    return Profile(profile.name, profile.attributes, profile.namespaces, path=str(path))


def load_profiles(directory: Union[str, Path]) -> list[Profile]:
    """Every profile file in ``directory``, sorted by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(f"{directory}: profiles directory not found")
    return [
        load_profile(path)
        for path in sorted(directory.iterdir())
        if path.suffix.lower() in PROFILE_SUFFIXES and path.is_file()
    ]


def find_profile(name: str, directory: Union[str, Path]) -> Profile:
    """The profile called ``name`` (its ``name:`` or file stem) in ``directory``."""
    profiles = load_profiles(directory)
    for profile in profiles:
        if profile.name == name or (profile.path and Path(profile.path).stem == name):
            return profile
    names = sorted(p.name for p in profiles)
    raise ConfigError(
        f"profile '{name}' not found in {directory}",
        hint=_did_you_mean(name, names, fallback="available: " + (", ".join(names) or "none")),
    )


MAX_DATA_DEPTH = 100
"""Deepest nesting a profile, stub or catalog file may have."""
MAX_DATA_VALUES = 1_000_000
"""Most values such a file may expand to (YAML aliases can repeat one value many times)."""


def load_data_file(path: Path) -> Any:
    """Parse a YAML or JSON file, turning syntax errors into one positioned line."""
    from brazelint.sources import read_text

    text = read_text(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ConfigError(
                f"invalid JSON: {err.msg}",
                path=str(path),
                line=err.lineno,
                column=err.colno,
                source=text,
            ) from None
        except RecursionError:
            raise ConfigError(_too_deep(path)) from None
        _check_shape(data, path, len(text))
        return data
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10x faster
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(
            f"invalid YAML: {problem}",
            path=str(path),
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            source=text,
        ) from None
    except RecursionError:
        raise ConfigError(_too_deep(path)) from None
    _check_shape(data, path, len(text))
    return data


def _too_deep(path: Path) -> str:
    return f"{path}: data nested more than {MAX_DATA_DEPTH} levels deep"


def _check_shape(data: Any, path: Path, size: int) -> None:
    """Refuse data nested too deeply or expanding to too many values (a YAML alias bomb).

    Without aliases a file holds fewer values than characters, so a large file of many
    stubs passes; only data that expands past both ``MAX_DATA_VALUES`` and its own
    ``size`` in characters is refused.
    """
    seen: dict[int, tuple[int, int]] = {}
    limit = max(MAX_DATA_VALUES, size)

    def measure(value: Any, depth: int) -> tuple[int, int]:
        """(values, height) of ``value``; shared values are measured once."""
        if not isinstance(value, (dict, list)):
            return 1, 0
        if depth > MAX_DATA_DEPTH:
            raise ConfigError(_too_deep(path))
        known = seen.get(id(value))
        if known is None:
            values, height = 1, 0
            for item in value.values() if isinstance(value, dict) else value:
                item_values, item_height = measure(item, depth + 1)
                values += item_values
                height = max(height, item_height + 1)
                if values > limit:
                    raise ConfigError(
                        f"{path}: data expands to more than {limit:,} values, more than the "
                        "file has characters: YAML aliases repeat aliases",
                        hint="write the values out instead of nesting aliases (&name, *name)",
                    )
            known = seen[id(value)] = (values, height)
        if depth + known[1] > MAX_DATA_DEPTH:
            raise ConfigError(_too_deep(path))
        return known

    measure(data, 0)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def _did_you_mean(word: str, choices: Any, *, fallback: str) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else fallback
