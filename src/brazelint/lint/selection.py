"""Which rules run: select, extend-select, ignore and per-file-ignores (ruff's model)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from brazelint.errors import ConfigError
from brazelint.lint.globs import matches
from brazelint.rules.registry import RULES, codes_matching


def expand(selectors: Iterable[str], where: str) -> set[str]:
    """Codes for selectors (codes, prefixes, names, ALL); an unknown selector is an error."""
    codes: set[str] = set()
    for selector in selectors:
        found = codes_matching(selector)
        if not found:
            raise ConfigError(
                f"{where}: unknown rule selector '{selector}'",
                hint="use a code (BL401), a prefix (BL4) or a rule name; see `brazelint rules`",
            )
        codes.update(found)
    return codes


@dataclass(frozen=True)
class Layer:
    """One source of rule choices (the configuration file, then the command line)."""

    select: Optional[Iterable[str]] = None
    extend_select: Iterable[str] = ()
    ignore: Iterable[str] = ()
    where: str = "command line"
    """The file the choices come from, or ``"command line"`` (for error messages)."""

    def origin(self, key: str) -> str:
        """Where ``key`` was set: ``--select`` or ``brazelint.toml: 'select'``."""
        if self.where == "command line":
            return f"--{key}"
        return f"{self.where}: '{key}'"


class Selection:
    __slots__ = ("enabled_codes", "per_file_ignores", "root")

    def __init__(
        self,
        enabled_codes: frozenset[str],
        per_file_ignores: Optional[dict[str, frozenset[str]]] = None,
        root: Path = Path("."),
    ) -> None:
        self.enabled_codes = enabled_codes
        self.per_file_ignores: dict[str, frozenset[str]] = (
            {} if per_file_ignores is None else per_file_ignores
        )
        self.root = root

    @classmethod
    def build(
        cls,
        *,
        select: Optional[Iterable[str]],
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        per_file_ignores: Optional[dict[str, list[str]]] = None,
        root: Path = Path("."),
        where: str = "command line",
    ) -> Selection:
        return cls.layered(
            [Layer(select, extend_select, ignore, where)],
            per_file_ignores=per_file_ignores,
            root=root,
            where=where,
        )

    @classmethod
    def layered(
        cls,
        layers: Iterable[Layer],
        *,
        per_file_ignores: Optional[dict[str, list[str]]] = None,
        root: Path = Path("."),
        where: str = "command line",
    ) -> Selection:
        """Apply ``layers`` in order, as ruff does: a layer's ``select`` replaces everything
        the layers before it chose (their ignores too); ``extend-select`` and ``ignore``
        adjust the set so far. Every rule is on before the first layer."""
        chosen = {r.code for r in RULES}
        for layer in layers:
            if layer.select is not None:
                chosen = expand(layer.select, layer.origin("select"))
            chosen |= expand(layer.extend_select, layer.origin("extend-select"))
            chosen -= expand(layer.ignore, layer.origin("ignore"))
        ignores = {
            pattern: frozenset(expand(codes, f"{where}: 'per-file-ignores'"))
            for pattern, codes in (per_file_ignores or {}).items()
        }
        return cls(frozenset(chosen), ignores, root)

    def enabled(self, code: str, path: Optional[Path]) -> bool:
        if code not in self.enabled_codes:
            return False
        if path is None or not self.per_file_ignores:
            return True
        return not any(
            code in codes and matches(pattern, path, self.root)
            for pattern, codes in self.per_file_ignores.items()
        )

    def codes(self) -> list[str]:
        return sorted(self.enabled_codes)
