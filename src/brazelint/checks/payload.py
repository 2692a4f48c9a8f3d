"""A rendered JSON body, parsed, for the rules that judge it: its syntax problems, its
values, and (with a schema) what the schema rejects.

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
from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.positions import Reporter
    from brazelint.result import RenderResult

JsonPath = tuple[Union[str, int], ...]
Leaf = tuple[JsonPath, Union[str, int, None], Any]
"""A value in a body: the path of its container, its key or index there (None at the root),
and the value itself. The path of the value is made only when it is needed."""


class JsonVerdict:
    """One profile's body: did it parse, and which template offsets broke it."""

    __slots__ = ("broken_at", "parsed", "value")

    def __init__(
        self, parsed: bool, value: Any = None, broken_at: Optional[set[int]] = None
    ) -> None:
        self.parsed = parsed
        self.value = value
        self.broken_at: set[int] = set() if broken_at is None else broken_at


class JsonBody:
    """One profile's rendered body, parsed: what the JSON rules (``JSON_CHECKS``) read."""

    __slots__ = (
        "_leaves",
        "adversarial",
        "document",
        "known_breaks",
        "locator",
        "output",
        "profile",
        "schema",
        "schema_base",
    )

    def __init__(
        self,
        result: RenderResult,
        profile: str,
        *,
        schema: Optional[str],
        schema_base: Optional[str],
        adversarial: bool,
        known_breaks: frozenset[int],
    ) -> None:
        self.output = result.output
        self.profile = profile
        self.document: JsonDocument = parse_json(result.output)
        self.locator = OutputLocator(result.output, result.source_map)
        self.schema = schema
        self.schema_base = schema_base
        self.adversarial = adversarial
        """The generated hostile user's body: only what its values break counts."""
        self.known_breaks = known_breaks
        """Template offsets where another profile's body already broke."""
        self._leaves: Optional[list[Leaf]] = None

    @property
    def errors(self) -> list[JsonProblem]:
        """The syntax problems that make the body invalid JSON."""
        return [p for p in self.document.problems if p.severity == "error"]

    @property
    def leaves(self) -> list[Leaf]:
        """Every scalar of the body (none when nothing of it could be read)."""
        if self._leaves is None:
            value = self.document.value
            self._leaves = [] if value is None else _leaves(value)
        return self._leaves

    def origin(self, problem: JsonProblem) -> tuple[int, int]:
        """Template offset of a syntax problem, and a column shift (1 = just after it).

        A missing comma is found at the next member, but belongs after the previous value.
        """
        if problem.kind == "missing-comma":
            previous = len(self.output[: problem.start].rstrip()) - 1
            if previous >= 0:
                return self.locator.template_offset(previous), 1
        return self.locator.template_offset(problem.start), 0

    def report_value(
        self, reporter: Reporter, code: str, path: JsonPath, message: str, *, hint: str
    ) -> None:
        """Report ``code`` at the template text that wrote the value at ``path``."""
        span = self.document.span(path)
        if span is not None:
            reporter.at_offset(
                code,
                self.locator.value_offset(*span),
                message,
                profile=self.profile,
                hint=hint,
                excerpt=self.locator.excerpt(span[0]),
            )

    def schema_errors(self) -> list[ValidationError]:
        """What the schema rejects in a body that parses (none without a schema, and none
        for the adversarial user, whose body is judged only on its syntax)."""
        if self.schema is None or self.adversarial or not self.document.ok:
            return []
        from brazelint.schemas import fast_validator

        fast = fast_validator(self.schema)
        value = self.document.value
        if fast is not None and not _has_whole_float(self.leaves) and fast.is_valid(value):
            return []  # the common case; jsonschema explains only what is wrong
        validator = strict_validator(self.schema, self.schema_base)
        try:
            return [_specific(error) for error in validator.iter_errors(value)]
        except RecursionError:
            raise ConfigError(
                f"schema {self.schema}: its $refs loop back on themselves (a $ref cycle) or "
                "nest too deeply to check",
                hint="make every $ref cycle pass through a property or an array item",
            ) from None


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
    """Parse the output strictly and run the JSON rules on it (``JSON_CHECKS``: syntax,
    schema when it parses, and what a schema cannot say)."""
    body = JsonBody(
        result,
        profile,
        schema=schema,
        schema_base=schema_base,
        adversarial=adversarial,
        known_breaks=known_breaks,
    )
    document = body.document
    broken_at = {body.origin(problem)[0] for problem in body.errors}
    for check in reporter.rules.json_checks:
        check(body, reporter)
    return JsonVerdict(parsed=document.ok, value=document.value, broken_at=broken_at)


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


def _leaves(value: Any) -> list[Leaf]:
    """Every scalar in ``value``, depth first with the last member of a container first."""
    leaves: list[Leaf] = []
    stack: list[Leaf] = [((), None, value)]
    while stack:
        parent, step, current = stack.pop()
        if isinstance(current, dict):
            path = leaf_path(parent, step)
            stack.extend([(path, k, v) for k, v in current.items()])
        elif isinstance(current, list):
            path = leaf_path(parent, step)
            stack.extend([(path, i, v) for i, v in enumerate(current)])
        else:
            leaves.append((parent, step, current))
    return leaves


def leaf_path(parent: JsonPath, step: Union[str, int, None]) -> JsonPath:
    """The path of the value a ``Leaf`` names."""
    return parent if step is None else (*parent, step)


def _has_whole_float(leaves: list[Leaf]) -> bool:
    """Whether a float like 2592000.0 is among ``leaves`` (which BL410 judges)."""
    return any(isinstance(v, float) and v.is_integer() for _, _, v in leaves)


def json_path(path: JsonPath) -> str:
    """``$.a[0]['b c']``: where a value is, as the messages write it."""
    text = "$"
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}"
        else:
            text += f"[{part!r}]"
    return text
