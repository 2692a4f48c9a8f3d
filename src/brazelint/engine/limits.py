"""Resource limits for one render, so no template can hang the tool or exhaust memory.

Braze documents none of these (reference §5.11), so every limit is configurable under
``[tool.brazelint.limits]`` and each exceeded limit is reported by its config key.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping


@dataclass(frozen=True)
class Limits:
    """Per-render resource limits. Field names are the config keys."""

    loop_iterations: int = 50_000
    """Cumulative ``for``/``tablerow`` iterations in one render, nested loops included."""

    output_bytes: int = 1_048_576
    """UTF-8 bytes written to the output, ``capture`` buffers included."""

    nesting_depth: int = 30
    """Depth of nested blocks and of nested brackets inside one expression."""

    render_seconds: float = 5.0
    """Wall-clock deadline for one render."""

    assigned_bytes: int = 16_777_216
    """Approximate size of all ``assign``/``capture`` values, so runaway string growth stops."""

    template_bytes: int = 4_194_304
    """Largest template (UTF-8 bytes) that is parsed: parsing holds some 25 bytes per byte of
    source, so a larger file is one finding instead of gigabytes of memory."""

    def template_too_large(self, source: str) -> str | None:
        """Why ``source`` is not parsed (``None`` when it is small enough)."""
        if len(source) * 4 <= self.template_bytes:
            return None  # cannot be over: a character is at most four bytes
        size = len(source.encode("utf-8", "surrogatepass"))
        if size <= self.template_bytes:
            return None
        return (
            f"the template is {size:,} bytes, larger than limits.template_bytes "
            f"({self.template_bytes:,}); it was not checked"
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str) -> Limits:
        """Build limits from config, naming the offending key on a bad value."""
        from brazelint.errors import ConfigError

        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in known:
                raise ConfigError(
                    f"{where}: unknown limit '{key}'",
                    hint="known limits: "
                    + ", ".join(sorted(name.replace("_", "-") for name in known)),
                )
            expected = float if name == "render_seconds" else int
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(
                    f"{where}: limit '{key}' must be a positive number, got {value!r}"
                )
            values[name] = expected(value)
        return cls(**values)
