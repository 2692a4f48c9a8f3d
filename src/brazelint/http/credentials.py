"""Connected Content credentials: from configuration, else from the environment.

Templates only name a credential (``:basic_auth sessionm``); its values never live in
the template. For a credential called ``sessionm`` brazelint reads
``[tool.brazelint.credentials.sessionm]`` (``username``, ``password``, or ``headers``
and ``domain`` for ``:auth_credentials``), then the environment variables
``BRAZELINT_CREDENTIAL_SESSIONM_USERNAME``, ``..._PASSWORD`` and ``..._HEADERS`` (a JSON
object), which win over the file so secrets can stay out of it.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Iterator, Mapping, Optional

from brazelint.errors import ConfigError
from brazelint.http.client import Credential

_KEYS = {"username", "password", "headers", "domain"}


def env_prefix(name: str) -> str:
    return "BRAZELINT_CREDENTIAL_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper() + "_"


def parse_credential(name: str, data: Any, *, where: str) -> Credential:
    """Validate one configured credential."""
    if isinstance(data, Credential):
        return data
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: credential '{name}' must be a table")
    for key in data:
        if key not in _KEYS:
            raise ConfigError(
                f"{where}: credential '{name}' has unknown key '{key}'",
                hint=f"known keys: {', '.join(sorted(_KEYS))}",
            )
    headers = data.get("headers") or {}
    if not isinstance(headers, Mapping):
        raise ConfigError(f"{where}: credential '{name}': 'headers' must be a table")
    return Credential(
        username=_text(data.get("username")),
        password=_text(data.get("password")),
        headers={str(k): str(v) for k, v in headers.items()},
        domain=_text(data.get("domain")),
    )


class CredentialStore(Mapping[str, Credential]):
    """Configured credentials, overlaid with ``BRAZELINT_CREDENTIAL_<NAME>_*`` variables."""

    def __init__(
        self,
        configured: Optional[Mapping[str, Any]] = None,
        *,
        environ: Optional[Mapping[str, str]] = None,
        where: str = "credentials",
    ) -> None:
        self._configured = {
            name: parse_credential(name, data, where=where)
            for name, data in (configured or {}).items()
        }
        self._environ = os.environ if environ is None else environ

    def __getitem__(self, name: str) -> Credential:
        base = self._configured.get(name, Credential())
        prefix = env_prefix(name)
        username = self._environ.get(prefix + "USERNAME", base.username)
        password = self._environ.get(prefix + "PASSWORD", base.password)
        headers: Mapping[str, str] = base.headers
        raw_headers = self._environ.get(prefix + "HEADERS")
        if raw_headers is not None:
            try:
                parsed = json.loads(raw_headers)
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict):
                raise ConfigError(f"{prefix}HEADERS must be a JSON object of header values")
            headers = {str(k): str(v) for k, v in parsed.items()}
        credential = Credential(username, password, headers, base.domain)
        if credential == Credential():
            raise KeyError(name)
        return credential

    def __iter__(self) -> Iterator[str]:
        return iter(self._configured)

    def secret_values(self) -> list[str]:
        """Every value this store can hand out, for redaction by value (``http.redact``):
        usernames, passwords, header values, the ``Basic`` tokens built from them, and every
        ``BRAZELINT_CREDENTIAL_*`` variable, whether or not a template names it."""
        from brazelint.http.redact import basic_token

        values: list[str] = []
        names = set(self._configured)
        for variable, value in self._environ.items():
            if variable.startswith("BRAZELINT_CREDENTIAL_"):
                values.append(value)
                name = variable[len("BRAZELINT_CREDENTIAL_") :]
                for part in ("_USERNAME", "_PASSWORD", "_HEADERS"):
                    if name.endswith(part):
                        names.add(name[: -len(part)])  # as a template may name it
        for name in sorted(names):
            try:
                credential = self[name]
            except (KeyError, ConfigError):
                continue
            values += [v for v in (credential.username, credential.password) if v]
            values += list(credential.headers.values())
            if credential.username is not None and credential.password is not None:
                values.append(basic_token(credential.username, credential.password))
        for variable, value in self._environ.items():
            if variable.startswith("BRAZELINT_CREDENTIAL_") and variable.endswith("_HEADERS"):
                try:
                    parsed = json.loads(value)
                except ValueError:
                    continue
                if isinstance(parsed, dict):
                    values += [str(v) for v in parsed.values()]
        return values

    def __len__(self) -> int:
        return len(self._configured)


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)
