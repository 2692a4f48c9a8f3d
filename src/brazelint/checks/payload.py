"""Checks on a rendered JSON body: syntax, schema, and what a schema cannot say.

Every finding points at the template: the output offset of the problem goes through the
render's source map to the text or ``{{ }}`` that wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from brazelint.checks.json_model import JsonDocument, JsonProblem
from brazelint.checks.json_syntax import parse_json
from brazelint.checks.positions import OutputLocator
from brazelint.checks.schema_messages import plain_message, unexpected_members
from brazelint.checks.source_scan import DOC_PLACEHOLDER
from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.positions import Reporter
    from brazelint.result import RenderResult

JsonPath = tuple[Union[str, int], ...]
Leaf = tuple[JsonPath, Union[str, int, None], Any]
"""A value in a body: the path of its container, its key or index there (None at the root),
and the value itself. The path of the value is made only when it is needed."""

MOVABLE_INK_EVENTS = frozenset(
    {"product_viewed", "category_viewed", "cart_add", "cart_remove", "conversion", "search"}
)
EMAIL = re.compile(r"^[^@\s\"]+@[^@\s\"]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?\d[\d\s().-]{7,}\d$")
DECIMAL = re.compile(r"-?\d+\.\d+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
NUMERIC = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
TIME_KEY = re.compile(r"time|date|_at$", re.I)
"""Keys whose digit strings are times, not phone numbers."""
CONTACT_KEY = re.compile(r"email|phone|mail", re.I)
"""Keys whose values are meant to be contact details (BL406 leaves them alone)."""
CONTAINER_RULES = frozenset({"required", "minProperties", "maxProperties", "dependentRequired"})
"""Schema rules about an object as a whole rather than one value in it."""
SECONDS = (10**9, 10**10)
"""Epoch seconds from 2001 to 2286: ten digits, where milliseconds have thirteen."""


class JsonVerdict:
    """One profile's body: did it parse, and which template offsets broke it."""

    __slots__ = ("broken_at", "parsed", "value")

    def __init__(
        self, parsed: bool, value: Any = None, broken_at: Optional[set[int]] = None
    ) -> None:
        self.parsed = parsed
        self.value = value
        self.broken_at: set[int] = set() if broken_at is None else broken_at


def check_json(
    result: RenderResult,
    profile: str,
    reporter: Reporter,
    *,
    schema: Optional[str],
    schema_base: Optional[str],
    adversarial: bool = False,
    known_breaks: frozenset[int] = frozenset(),
) -> JsonVerdict:
    """Parse the output strictly; validate it against ``schema`` when it parses."""
    document = parse_json(result.output)
    locator = OutputLocator(result.output, result.source_map)
    verdict = JsonVerdict(parsed=document.ok, value=document.value)
    new_breaks: list[tuple[JsonProblem, int, int]] = []
    for problem in document.problems:
        if problem.severity != "error":
            continue
        offset, after = _problem_origin(problem, result.output, locator)
        verdict.broken_at.add(offset)
        if adversarial:
            if offset not in known_breaks:
                new_breaks.append((problem, offset, after))
            continue
        line, column = reporter.index.position(offset)
        reporter.at(
            "BL401",
            line,
            column + after,
            problem.message,
            profile=profile,
            hint=problem.hint,
            excerpt=locator.excerpt(problem.start),
        )
    if new_breaks:
        _report_breaks(new_breaks, profile, reporter, locator)
    if adversarial or document.value is None:
        return verdict
    leaves = _leaves(document.value)
    if schema is not None and document.ok:
        _check_schema(document, leaves, schema, schema_base, profile, reporter, locator)
    # what a schema cannot say is judged on what the partner would read, even in a body
    # that is broken elsewhere (a seconds timestamp next to a trailing comma)
    _check_values(document, leaves, schema, profile, reporter, locator)
    return verdict


def _problem_origin(problem: JsonProblem, output: str, locator: OutputLocator) -> tuple[int, int]:
    """Template offset of a syntax problem, and a column shift (1 = just after it).

    A missing comma is found at the next member, but belongs after the previous value.
    """
    if problem.kind == "missing-comma":
        previous = len(output[: problem.start].rstrip()) - 1
        if previous >= 0:
            return locator.template_offset(previous), 1
    return locator.template_offset(problem.start), 0


def _report_breaks(
    breaks: list[tuple[JsonProblem, int, int]],
    profile: str,
    reporter: Reporter,
    locator: OutputLocator,
) -> None:
    """One BL403 per value whose hostile text broke the body, not one per parse problem.

    A hostile value (quotes, a line break) derails the parser for the rest of the body,
    so only the first problem inside each printed value counts; the others are echoes.
    When no problem lies inside a printed value, the first one stands for them all.
    """
    by_value: dict[int, tuple[JsonProblem, int, int]] = {}
    for problem, _offset, _after in sorted(breaks, key=lambda item: item[0].start):
        printed = locator.printed_at(problem.start)
        if printed is not None and printed not in by_value:
            by_value[printed] = (problem, printed, 0)
    chosen = list(by_value.values()) or [min(breaks, key=lambda item: item[0].start)]
    for problem, offset, after in chosen:
        _report_break(problem, offset, after, profile, reporter, locator)


def _report_break(
    problem: JsonProblem,
    offset: int,
    after: int,
    profile: str,
    reporter: Reporter,
    locator: OutputLocator,
) -> None:
    line, column = reporter.index.position(offset)
    reporter.at(
        "BL403",
        line,
        column + after,
        f"a value with quotes, backslashes or line breaks breaks the JSON here ({problem.message})",
        profile=profile,
        hint="escape values spliced into JSON strings: {{ … | json_escape }}",
        excerpt=locator.excerpt(problem.start),
    )


def _check_schema(
    document: JsonDocument,
    leaves: list[Leaf],
    schema: str,
    schema_base: Optional[str],
    profile: str,
    reporter: Reporter,
    locator: OutputLocator,
) -> None:
    from brazelint.schemas import fast_validator

    fast = fast_validator(schema)
    if fast is not None and not _has_whole_float(leaves) and fast.is_valid(document.value):
        return  # the common case; jsonschema explains only what is wrong
    validator = strict_validator(schema, schema_base)
    try:
        errors = list(validator.iter_errors(document.value))
    except RecursionError:
        raise ConfigError(
            f"schema {schema}: its $refs loop back on themselves (a $ref cycle) or nest "
            "too deeply to check",
            hint="make every $ref cycle pass through a property or an array item",
        ) from None
    for error in errors:
        _report_schema_error(_specific(error), document, profile, reporter, locator)


@lru_cache(maxsize=64)
def strict_validator(schema: str, base: Optional[str]) -> Any:
    """The schema's compiled validator, with ``integer`` meaning an integer token.

    Draft 2020-12 counts ``2592000.0`` as an integer; partner APIs parsing into integer
    fields do not, so a float never passes as one here (and BL410 explains it).
    """
    from jsonschema import Draft202012Validator, validators

    from brazelint.schemas import validator_for

    compiled = validator_for(schema, base=Path(base) if base else None)
    checker = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
    )
    strict = validators.extend(type(compiled), type_checker=checker)  # type: ignore[no-untyped-call]
    registry = getattr(compiled, "_registry")  # noqa: B009 - jsonschema keeps it private
    return strict(compiled.schema, registry=registry)


def _specific(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf failures, the sub-error that explains the most."""
    if error.context:
        from jsonschema.exceptions import best_match

        return best_match(error.context) or error
    return error


def _report_schema_error(
    error: ValidationError,
    document: JsonDocument,
    profile: str,
    reporter: Reporter,
    locator: OutputLocator,
) -> None:
    path = tuple(error.absolute_path)
    span = document.span(path) or document.span(()) or (0, 0)
    offset = locator.value_offset(*span)
    if error.validator in CONTAINER_RULES:
        # about the object as a whole: its opening brace, or what printed it
        printed = locator.printed_at(span[0])
        offset = printed if printed is not None else locator.template_offset(span[0])
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        extra = unexpected_members(error)
        key = document.key_span((*path, extra[0])) if extra else None
        if key is not None:  # point at the member that is not allowed
            offset = locator.value_offset(*key)
    where = _json_path(path)
    if path and "timestamp" in str(path[-1]).lower() and _is_seconds(error.instance):
        return  # BL405 says it better
    instance = error.instance
    if isinstance(instance, str) and DOC_PLACEHOLDER.search(instance):
        return  # BL408 says it better
    excerpt = locator.excerpt(span[0])
    expected = _expected_types(error)
    code, message, hint = "BL402", plain_message(error), None
    if error.validator == "type" and isinstance(instance, float) and instance.is_integer():
        if "integer" in expected:
            code = "BL410"
            message = (
                f"{where} is {instance!r}, written with a fraction; the partner wants an integer"
            )
            hint = f"print it without the fraction: {int(instance)} (| round or | floor)"
    elif (
        error.validator == "type"
        and isinstance(instance, str)
        and expected & {"number", "integer", "boolean"}
        and locator.printed_within(span[0] + 1, span[1] - 1)
    ):
        code = "BL404"
        wanted = "a boolean" if expected == {"boolean"} else "a number"
        message = f"{where} is a string; the schema wants {wanted}"
        hint = "remove the quotes around the placeholder (and give it a default)"
    elif instance == "" and error.validator in ("minLength", "pattern", "enum", "format", "const"):
        code = "BL407"
        message = f"{where} is empty for this profile; the schema requires a value"
        hint = "the attribute is unset: give it a default, or abort_message when it is blank"
    elif error.validator == "required":
        hint = "add the missing member to the body"
    reporter.at_offset(code, offset, message, profile=profile, hint=hint, excerpt=excerpt)


def _expected_types(error: ValidationError) -> set[str]:
    wanted: Any = error.validator_value if error.validator == "type" else ()
    return {wanted} if isinstance(wanted, str) else {str(w) for w in wanted or ()}


def _check_values(
    document: JsonDocument,
    leaves: list[Leaf],
    schema: Optional[str],
    profile: str,
    reporter: Reporter,
    locator: OutputLocator,
) -> None:
    def report(code: str, path: JsonPath, message: str, *, hint: str) -> None:
        span = document.span(path)
        if span is not None:
            reporter.at_offset(
                code,
                locator.value_offset(*span),
                message,
                profile=profile,
                hint=hint,
                excerpt=locator.excerpt(span[0]),
            )

    # paths and spans are made only for a value that is reported: most bodies report nothing
    for parent, step, value in leaves:
        key = step if isinstance(step, str) else ""
        if "timestamp" in key.lower() and _is_seconds(value):
            path = _path(parent, step)
            report(
                "BL405",
                path,
                f"{_json_path(path)} is a time in seconds; the partner expects milliseconds",
                hint='multiply by 1000: {{ "now" | date: "%s" | times: 1000 }}',
            )
        if not isinstance(value, str):
            continue
        kind = (
            "email address"
            if "@" in value and EMAIL.match(value)
            else "phone number"
            if _is_phone(value) and not TIME_KEY.search(key)
            else None
        )
        if kind is None or CONTACT_KEY.search(key):  # the key last: few values look like one
            continue
        path = _path(parent, step)
        article = "an" if kind[0] == "e" else "a"
        report(
            "BL406",
            path,
            f"{_json_path(path)} sends {article} {kind} in clear text",
            hint="hash it before it leaves Braze: | md5 or | sha2",
        )
    if schema == "movable-ink/event" and isinstance(document.value, dict):
        event = document.value.get("event")
        unknown = isinstance(event, str) and event and event not in MOVABLE_INK_EVENTS
        span = document.span(("event",)) if unknown else None
        if span is not None:
            reporter.at_offset(
                "BL409",
                locator.value_offset(*span),
                f"'{event}' is not a documented Movable Ink event",
                profile=profile,
                hint=f"use one of {', '.join(sorted(MOVABLE_INK_EVENTS))}, or agree the name "
                f"with Movable Ink",
            )


def _leaves(value: Any) -> list[Leaf]:
    """Every scalar in ``value``, depth first with the last member of a container first."""
    leaves: list[Leaf] = []
    stack: list[Leaf] = [((), None, value)]
    while stack:
        parent, step, current = stack.pop()
        if isinstance(current, dict):
            path = _path(parent, step)
            stack.extend([(path, k, v) for k, v in current.items()])
        elif isinstance(current, list):
            path = _path(parent, step)
            stack.extend([(path, i, v) for i, v in enumerate(current)])
        else:
            leaves.append((parent, step, current))
    return leaves


def _path(parent: JsonPath, step: Union[str, int, None]) -> JsonPath:
    return parent if step is None else (*parent, step)


def _is_phone(value: str) -> bool:
    """Phone-shaped text with 7 to 15 digits (E.164 allows 15), so ids of digits and
    dashes, such as an all-zero GUID, are not taken for one."""
    if not PHONE.match(value):
        return False
    if DATE.match(value) or DECIMAL.fullmatch(value):
        return False  # 2024-03-31 and 24.989999 are not phone numbers
    return 7 <= sum(ch.isdigit() for ch in value) <= 15


def _has_whole_float(leaves: list[Leaf]) -> bool:
    """Whether a float like 2592000.0 is among ``leaves`` (which BL410 judges)."""
    return any(isinstance(v, float) and v.is_integer() for _, _, v in leaves)


def _is_seconds(value: Any) -> bool:
    if isinstance(value, str) and NUMERIC.match(value):
        value = float(value)
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and SECONDS[0] <= value < SECONDS[1]
    )


def _json_path(path: tuple[str | int, ...]) -> str:
    text = "$"
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}"
        else:
            text += f"[{part!r}]"
    return text
