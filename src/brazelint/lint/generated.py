"""Profiles brazelint makes up: a user with nothing set, a user with everything the
template reads, and a user with hostile text.

The complete user is made per template from what it reads (``analysis/reads.py``), so the
parts behind guards such as ``{% if ${user_id} == blank %}{% abort_message %}`` are
checked even with no profiles at all. The adversarial user has the keys of every real
profile, with every free-text value replaced by text that breaks naive interpolation:
quotes, a backslash, a line break, a closing script tag, non-ASCII letters, an emoji,
and a long tail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping, Sequence

from brazelint.analysis.reads import ARRAY, BOOLEAN, NUMBER, OBJECT, STRING, TIME, Key, Reads, Use
from brazelint.profiles import STANDARD_ATTRIBUTES, Profile

EMPTY = "empty"
ADVERSARIAL = "adversarial"
COMPLETE = "complete"
GENERATED = frozenset({EMPTY, COMPLETE, ADVERSARIAL})
HOSTILE_TEXT = 'Zoë "Q" O\'Brien \\ line\nbreak\t</script><b>&amp;</b> 😀 ' + "ü" * 300
KEEP_ATTRIBUTES = frozenset(
    {
        "user_id",
        "braze_id",
        "email_address",
        "phone_number",
        "time_zone",
        "language",
        "date_of_birth",
        "gender",
        "random_bucket_number",
        "last_used_app_date",
        "most_recent_app_version",
        "most_recent_locale",
    }
)
"""Attributes with a fixed shape in Braze: they keep a real profile's value."""


def empty_profile() -> Profile:
    return Profile(name=EMPTY)


def adversarial_profile(profiles: Sequence[Profile]) -> Profile:
    """Every key any real profile has; free text made hostile, shaped values kept."""
    attributes: dict[str, Any] = {}
    namespaces: dict[str, dict[str, Any]] = {}
    for profile in profiles:
        for key, value in profile.attributes.items():
            if key in KEEP_ATTRIBUTES:
                attributes.setdefault(key, value)
            else:
                attributes[key] = _hostile(value)
        for namespace, values in profile.namespaces.items():
            merged = namespaces.setdefault(namespace, {})
            for key, value in values.items():
                merged[key] = _hostile(value)
    return Profile(name=ADVERSARIAL, attributes=attributes, namespaces=namespaces)


def _hostile(value: Any) -> Any:
    if isinstance(value, str):
        return value if _looks_like_code(value) else HOSTILE_TEXT
    if isinstance(value, Mapping):
        return {key: _hostile(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_hostile(item) for item in value]
    return value


def _looks_like_code(value: str) -> bool:
    """Ids, URLs, dates and enum-like words are not free text."""
    if value.startswith(("http://", "https://")) or not value:
        return True
    return (
        " " not in value
        and not any(ch.isupper() for ch in value[1:])
        and (any(ch.isdigit() for ch in value) or "_" in value or "-" in value or len(value) <= 3)
    )


# -- the complete user -------------------------------------------------------------------

STANDARD_VALUES: Mapping[str, Any] = {
    "user_id": "complete-user-0001",
    "braze_id": "65f1c0de8b1a4c43a9573c0c",
    "first_name": "Alex",
    "last_name": "Rivera",
    "email_address": "alex.rivera@example.com",
    "phone_number": "+14155550123",
    "time_zone": "America/New_York",
    "language": "en",
    "country": "US",
    "city": "New York",
    "gender": "F",
    "random_bucket_number": 4321,
    "most_recent_app_version": "4.2.0",
    "most_recent_locale": "en_US",
    "most_recent_location": "40.7128,-74.0060",
}
"""Standard attributes with a fixed shape in Braze keep this value whatever the use."""
ARRAY_LENGTH = 3
_NAMED_TEXT = (
    ("email", "alex.rivera@example.com"),
    ("phone", "+14155550123"),
    ("url", "https://www.example.com/complete"),
    ("link", "https://www.example.com/complete"),
    ("time_zone", "America/New_York"),
    ("timezone", "America/New_York"),
    ("currency", "USD"),
    ("country", "US"),
    ("language", "en"),
    ("locale", "en_US"),
    ("name", "Alex"),
)
_MONEY_WORDS = ("price", "amount", "total", "revenue", "balance", "cost")


def complete_profile(reads: Reads, now: datetime) -> tuple[Profile, dict[str, Any]]:
    """The ``complete`` user for a template, and the Connected Content answers it assumes.

    Every value the template reads gets a plausible value typed from its use (see
    :func:`plausible`). Values read from a Connected Content answer are returned apart,
    as globals: a stubbed call assigns its real answer over them, an unstubbed one leaves
    these in place so the template after it is still checked.
    """
    tree: dict[Any, Any] = {}
    for key in sorted(reads.uses, key=len):
        _place(tree, key, reads.uses[key], now)
    attributes: dict[str, Any] = {}
    namespaces: dict[str, dict[str, Any]] = {}
    answers: dict[str, Any] = {}
    for root, value in tree.items():
        if root in STANDARD_ATTRIBUTES:
            use = reads.uses.get((root,))
            opening = _opening_value(use) if use is not None else _UNSET
            attributes[root] = opening if opening is not _UNSET else _standard(root, value, now)
        elif root in reads.saved:
            answers[root] = _answer(value)
        elif isinstance(value, dict):
            namespaces[root] = value
    return Profile(name=COMPLETE, attributes=attributes, namespaces=namespaces), answers


def plausible(key: Key, use: Use, now: datetime) -> Any:
    """A value for one leaf: the compared literal that opens a branch, else typed from use.

    Times where ``date``/``time_zone`` read it (the run's clock), arrays where ``for``,
    ``contains``, ``size`` or ``first`` do, numbers for arithmetic and numeric comparison,
    ``true`` where it stands bare in a condition, text otherwise.
    """
    opening = _opening_value(use)
    if opening is not _UNSET:
        return opening
    kinds = use.kinds
    name = str(next((part for part in reversed(key) if isinstance(part, str)), ""))
    if TIME in kinds:
        return now
    if ARRAY in kinds:
        return [_text(name, index + 1) for index in range(ARRAY_LENGTH)]
    if OBJECT in kinds:
        return {"name": _text(name, 0)}  # printed as JSON (as_json_string): an object
    if NUMBER in kinds:
        return 19.99 if any(word in name.lower() for word in _MONEY_WORDS) else 3
    if BOOLEAN in kinds and STRING not in kinds:
        return True
    return _text(name, 0)


_UNSET = object()


def _opening_value(use: Use) -> Any:
    """The value that makes the first comparison true (``== 'gold'`` → ``'gold'``)."""
    for operator, literal in use.comparisons:
        if operator == "contains":
            return [literal, *(f"item {n}" for n in range(2, ARRAY_LENGTH + 1))]
        if operator == "==":
            return literal
        if isinstance(literal, bool) or not isinstance(literal, (int, float)):
            continue
        step = 1 if isinstance(literal, int) else 0.5
        if operator in (">=", "<="):
            return literal
        if operator == ">":
            return literal + step
        if operator == "<":
            return literal - step
    return _UNSET


def _place(tree: dict[Any, Any], key: Key, use: Use, now: datetime) -> None:
    """Put a plausible value at ``key``; containers are made (or reshaped) on the way."""
    node: Any = tree
    for position, segment in enumerate(key[:-1]):
        empty: Any = [] if isinstance(key[position + 1], int) else {}
        node = _container(node, segment, empty)
        if node is None:
            return
    last = key[-1]
    value = plausible(key, use, now)
    if isinstance(node, dict) and isinstance(last, str):
        node.setdefault(last, value)
    elif isinstance(node, list) and isinstance(last, int):
        _grow(node, last)
        node[last] = value


def _container(node: Any, segment: Any, empty: Any) -> Any:
    """The container at ``node[segment]``; a value typed from a shallower use gives way.

    Every item of an array is the same container, so a loop renders each one alike.
    """
    if isinstance(node, dict) and isinstance(segment, str):
        current = node.get(segment)
        if type(current) is not type(empty):
            current = node[segment] = empty
        return current
    if isinstance(node, list) and isinstance(segment, int):
        _grow(node, segment)
        if type(node[segment]) is not type(empty):
            node[:] = [empty] * len(node)
        return node[segment]
    return None


def _grow(items: list[Any], index: int) -> None:
    while len(items) < max(index + 1, ARRAY_LENGTH):
        items.append(items[-1] if items else None)


def _standard(name: str, value: Any, now: datetime) -> Any:
    if name in STANDARD_VALUES and not isinstance(value, (dict, list)):
        return STANDARD_VALUES[name]
    if name == "date_of_birth":
        return f"1990-{now.month:02d}-{now.day:02d}"  # a birthday today opens birthday branches
    if name == "last_used_app_date":
        return now
    return value


def _answer(value: Any, *, top: bool = True) -> Any:
    """A Connected Content answer is JSON: times as text; an object answer has status 200."""
    if isinstance(value, dict):
        answer = {key: _answer(item, top=False) for key, item in value.items()}
        if top:
            answer.setdefault("__http_status_code__", 200)
        return answer
    if isinstance(value, list):
        return [_answer(item, top=False) for item in value]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


def _text(name: str, number: int) -> str:
    lowered = name.lower()
    for word, value in _NAMED_TEXT:
        if word in lowered:
            return value
    if lowered == "id" or lowered.endswith(("_id", "id")):
        return f"{lowered.replace('_', '-')}-{number or 1:04d}"
    words = name.replace("_", " ").strip() or "value"
    return f"sample {words}" + (f" {number}" if number else "")
