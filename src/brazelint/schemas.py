"""Built-in JSON Schemas by id (``sessionm/tags``, ...); a file path works anywhere an id does.

The schemas live in the repository's top-level ``schemas/`` folder and ship inside the
package (``brazelint/schema_files``). Each one has the ``$id`` ``brazelint:<id>``.

``$ref`` is resolved offline, through a ``referencing.Registry`` that holds every built-in
schema under its ``$id``, its bare id and its file path (``braze/recipient``,
``braze/recipient.json``). Built-in schemas refer to each other by bare id; a user's
schema names a built-in by ``$id`` (``"$ref": "brazelint:braze/recipient"``) and its own
files by path relative to the referring file. A ``$ref`` to an http(s) URL is served by
the file of the same name beside the schema, never by the network.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Optional, Protocol, Union

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

SCHEMA_DIR = (Path(__file__).resolve().parent / "schema_files").resolve()
ID_PREFIX = "brazelint:"


@lru_cache(maxsize=1)
def _builtin_files() -> dict[str, Path]:
    return {
        path.relative_to(SCHEMA_DIR).with_suffix("").as_posix(): path
        for path in sorted(SCHEMA_DIR.rglob("*.json"))
    }


def schema_ids() -> list[str]:
    """Every built-in schema id, sorted."""
    return list(_builtin_files())


def schema_path(id_or_path: Union[str, Path], *, base: Optional[Path] = None) -> Path:
    """The file behind a schema id or path (relative paths resolve against ``base``)."""
    text = str(id_or_path)
    builtin = _builtin_files().get(text.removeprefix(ID_PREFIX))
    if builtin is not None:
        return builtin
    path = Path(text)
    if not path.is_absolute() and base is not None:
        path = base / path
    from brazelint.sources import is_readable_file

    if is_readable_file(path):
        return path
    raise ConfigError(
        f"unknown schema '{text}'",
        hint=f"use a file path or one of: {', '.join(schema_ids())}",
    )


def load_schema(id_or_path: Union[str, Path], *, base: Optional[Path] = None) -> Any:
    """The parsed schema for an id or path."""
    return _read_json(schema_path(id_or_path, base=base).resolve())


def describe(id_or_path: Union[str, Path], *, base: Optional[Path] = None) -> str:
    """One line about a schema: its ``title``, else the first sentence of its ``description``."""
    schema = load_schema(id_or_path, base=base)
    if not isinstance(schema, dict):
        return ""
    title = schema.get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    description = schema.get("description")
    if isinstance(description, str):
        text = " ".join(description.split())
        return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return ""


def validator_for(
    id_or_path: Union[str, Path], *, base: Optional[Path] = None
) -> Draft202012Validator:
    """A compiled draft 2020-12 validator whose ``$ref``s all resolved offline.

    Raises ``ConfigError`` (one line naming the file) for a file that is not JSON, not a
    valid 2020-12 schema, or has a ``$ref`` that cannot be resolved without the network.
    Compiled validators are cached by resolved path.
    """
    return _compile(schema_path(id_or_path, base=base).resolve())


def validation_errors(
    instance: Any, id_or_path: Union[str, Path], *, base: Optional[Path] = None
) -> list[str]:
    """Everything ``instance`` breaks in the schema, in plain words (``missing required
    `event```, ``"`ttl` must be an integer; got a string ("30 days")"``)."""
    from brazelint.checks.schema_messages import plain_message

    fast = fast_validator(str(id_or_path))
    if fast is not None and fast.is_valid(instance):
        return []
    validator = validator_for(id_or_path, base=base)
    try:
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    except RecursionError:
        raise ConfigError(
            f"{_shown(schema_path(id_or_path, base=base).resolve())}: the schema's $refs loop "
            "back on themselves (a $ref cycle) or nest too deeply to check",
            hint="make every $ref cycle pass through a property or an array item",
        ) from None
    return [plain_message(error) for error in errors]


# -- loading and checking files ------------------------------------------------------------


def _shown(path: Path) -> str:
    """A built-in as its ``$id``; a user file relative to the working directory if inside it."""
    try:
        return ID_PREFIX + path.relative_to(SCHEMA_DIR).with_suffix("").as_posix()
    except ValueError:
        pass
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@lru_cache(maxsize=128)
def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise ConfigError(f"{_shown(path)}: cannot read schema ({reason})") from None
    try:
        return json.loads(text)
    except ValueError as err:
        raise ConfigError(f"{_shown(path)}: schema is not valid JSON ({_one_line(err)})") from None
    except RecursionError:
        raise ConfigError(
            f"{_shown(path)}: the schema nests too deeply to read",
            hint="flatten it with $defs and $ref",
        ) from None


def _checked_schema(path: Path) -> Any:
    """The parsed schema, after checking it against the draft 2020-12 metaschema."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    schema = _read_json(path)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as err:
        raise ConfigError(
            f"{_shown(path)}: not a valid JSON Schema (draft 2020-12) at {err.json_path}: "
            f"{_one_line(err.message)}"
        ) from None
    return schema


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


# -- the registry and compiled validators ----------------------------------------------------


@lru_cache(maxsize=1)
def _builtin_registry() -> Registry[Any]:
    """Every built-in schema under its ``$id``, bare id and file path, plus the metaschemas."""
    from jsonschema_specifications import REGISTRY as METASCHEMAS  # type: ignore[import-untyped]
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    resources: list[tuple[str, Resource[Any]]] = []
    for schema_id, path in _builtin_files().items():
        # built-ins are checked against the metaschema by the test suite, not at each start
        resource = DRAFT202012.create_resource(_read_json(path))
        for uri in (ID_PREFIX + schema_id, schema_id, f"{schema_id}.json"):
            resources.append((uri, resource))
    registry: Registry[Any] = Registry().with_resources(resources).crawl()
    return registry.combine(METASCHEMAS)


class _Unreachable(Exception):
    """Why the loader found nothing for a URI; ``reason`` follows the ref in the message."""

    def __init__(self, uri: str, reason: str, hint: Optional[str] = None) -> None:
        super().__init__(reason)
        self.uri = uri
        self.reason = reason
        self.hint = hint


class _Loader:
    """Finds what a user's schema refers to, offline: files beside it, never the network."""

    def __init__(self, root: Path) -> None:
        self.folder = root.parent
        self.loaded: dict[str, Resource[Any]] = {}

    def __call__(self, uri: str) -> Resource[Any]:
        from referencing.jsonschema import DRAFT202012

        if uri not in self.loaded:
            path = self.file_for(uri)
            self.loaded[uri] = DRAFT202012.create_resource(_checked_schema(path.resolve()))
        return self.loaded[uri]

    def file_for(self, uri: str) -> Path:
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        parts = urlsplit(uri)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https"):
            name = PurePosixPath(parts.path).name
            if name and (self.folder / name).is_file():
                return self.folder / name
            beside = f" as {name}" if name else ""
            raise _Unreachable(uri, f" offline: add the file beside the schema{beside}")
        if scheme == "brazelint":
            raise _Unreachable(
                uri, ": no such built-in schema", hint=f"built-in ids: {', '.join(schema_ids())}"
            )
        if scheme == "file":
            candidate = Path(url2pathname(parts.path))
        elif not scheme:
            candidate = self.folder / url2pathname(parts.path)
        else:
            raise _Unreachable(uri, " offline: only files and built-in schemas can be referenced")
        if not candidate.is_file():
            raise _Unreachable(uri, f": no file {_shown(candidate)}")
        return candidate


@lru_cache(maxsize=128)
def _compile(path: Path) -> Draft202012Validator:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    builtin = path.is_relative_to(SCHEMA_DIR)
    schema = _read_json(path) if builtin else _checked_schema(path)
    if isinstance(schema, dict) and "$id" not in schema:
        schema = {"$id": path.as_uri(), **schema}
    loader = _Loader(path)
    # mypy's attrs support misses referencing's documented ``retrieve`` alias.
    registry: Registry[Any] = Registry(retrieve=loader).combine(  # type: ignore[call-arg]
        _builtin_registry()
    )
    try:
        root = registry.resolver().in_subresource(DRAFT202012.create_resource(schema))
        _resolve_refs(root, schema, set(), _shown(path))
    except RecursionError:
        raise ConfigError(
            f"{_shown(path)}: the schema nests too deeply to check",
            hint="flatten it with $defs and $ref",
        ) from None
    # Everything the refs reached is loaded now: validation never calls the loader again.
    registry = registry.with_resources(loader.loaded.items())
    return bounded_validator_class()(schema, registry=registry)


@lru_cache(maxsize=1)
def bounded_validator_class() -> type[Draft202012Validator]:
    """Draft 2020-12 with its regex keywords matched in bounded time (``bounded_regex``)."""
    from jsonschema import Draft202012Validator, validators

    from brazelint.schema_regex import additional_properties, pattern, pattern_properties

    extended: type[Draft202012Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        validators={
            "pattern": pattern,
            "patternProperties": pattern_properties,
            "additionalProperties": additional_properties,
        },
    )
    return extended


class _Resolver(Protocol):
    """What ``_resolve_refs`` uses of a ``referencing`` resolver (which it does not export)."""

    def lookup(self, ref: str) -> Any: ...

    def in_subresource(self, subresource: Resource[Any]) -> _Resolver: ...


def _resolve_refs(resolver: _Resolver, schema: Any, seen: set[int], where: str) -> None:
    """Follow every ``$ref`` reachable from ``schema`` once, so a broken one fails now."""
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT202012

    if not isinstance(schema, dict) or id(schema) in seen:
        return
    seen.add(id(schema))
    ref = schema.get("$ref")
    if isinstance(ref, str):
        try:
            resolved = resolver.lookup(ref)
        except Unresolvable as err:
            raise _ref_error(where, ref, err) from None
        _resolve_refs(resolved.resolver, resolved.contents, seen, where)
    for subschema in DRAFT202012.subresources_of(schema):
        if isinstance(subschema, dict):
            inner = resolver.in_subresource(DRAFT202012.create_resource(subschema))
            _resolve_refs(inner, subschema, seen, where)


def _ref_error(where: str, ref: str, err: BaseException) -> ConfigError:
    """One line naming the schema file and the ``$ref`` as written."""
    cause: Optional[BaseException] = err
    while cause is not None and not isinstance(cause, (ConfigError, _Unreachable)):
        cause = cause.__cause__
    if isinstance(cause, ConfigError):
        return cause  # a referenced file is itself broken: that file is named
    if isinstance(cause, _Unreachable):
        remote = cause.uri.startswith(("http:", "https:")) and not ref.startswith(cause.uri)
        target = f" ({cause.uri})" if remote else ""
        return ConfigError(
            f"{where}: cannot resolve $ref '{ref}'{target}{cause.reason}", hint=cause.hint
        )
    return ConfigError(f"{where}: cannot resolve $ref '{ref}': nothing at that location")


# -- the fast path ---------------------------------------------------------------------------


@lru_cache(maxsize=32)
def fast_validator(schema_id: str) -> Optional[Any]:
    """A compiled jsonschema-rs validator for a built-in schema (``None`` without the library).

    It only answers "valid or not", hundreds of times faster than ``jsonschema``; the
    checks ask ``jsonschema`` for the details when it says no. Built-in ``$ref``s are
    written as bare ids, which only our registry resolves, so they are made absolute here.
    """
    files = _builtin_files()
    if schema_id not in files:
        try:  # the file of a built-in schema, as configuration stores it
            schema_id = Path(schema_id).resolve().relative_to(SCHEMA_DIR).with_suffix("").as_posix()
        except (ValueError, OSError):
            return None
        if schema_id not in files:
            return None
    try:
        import jsonschema_rs
    except ImportError:
        return None

    def retrieve(uri: str) -> Any:
        name = uri[len(ID_PREFIX) :] if uri.startswith(ID_PREFIX) else uri
        name = name[: -len(".json")] if name.endswith(".json") else name
        if name not in files:
            raise ValueError(f"no built-in schema {uri}")
        return _absolute_refs(_read_json(files[name]))

    return jsonschema_rs.Draft202012Validator(
        _absolute_refs(_read_json(files[schema_id])), retriever=retrieve
    )


def _absolute_refs(node: Any) -> Any:
    if isinstance(node, dict):
        copied = {key: _absolute_refs(value) for key, value in node.items()}
        ref = copied.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#") and ":" not in ref.split("#")[0]:
            copied["$ref"] = ID_PREFIX + ref
        return copied
    if isinstance(node, list):
        return [_absolute_refs(item) for item in node]
    return node


def referenced_files(path: Path) -> list[Path]:
    """``path`` and every user file its ``$ref``s reach, transitively (built-ins and refs
    that resolve to nothing are left out): what a verdict against it depends on."""
    found: list[Path] = []
    pending = [path]
    seen: set[Path] = set()
    while pending:
        current = pending.pop()
        key = current.resolve()
        if key in seen or not current.is_file():
            continue
        seen.add(key)
        found.append(current)
        try:
            schema = json.loads(current.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        loader = _Loader(current)
        for ref in _refs(schema):
            document = ref.split("#", 1)[0]
            if not document or document.startswith(ID_PREFIX):
                continue
            try:
                pending.append(loader.file_for(document))
            except _Unreachable:
                continue
    return found


def _refs(schema: Any) -> list[str]:
    """Every ``$ref`` string anywhere in ``schema`` (walked without recursion)."""
    refs: list[str] = []
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                refs.append(ref)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return refs
