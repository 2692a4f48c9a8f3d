"""Small value classes without generated code.

A dataclass writes and compiles its ``__init__``, ``__repr__`` and ``__eq__`` each time
its module is imported: about half a millisecond a class, and a one-file lint imports a
few dozen of them before it does any work. Classes on that path write their
``__init__`` by hand and take equality, hashing and a readable repr from ``Record``,
which reads the field names from ``__slots__``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Callable, ClassVar


class Record:
    """Equality, hashing and repr over the fields named in ``__slots__``, in order.

    Records are treated as values: nothing assigns to a field after ``__init__``.
    """

    __slots__: tuple[str, ...] = ()
    _values: ClassVar[Callable[[Any], Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = cls.__dict__.get("__slots__", ())
        cls._values = attrgetter(*names) if names else (lambda _: ())

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = self.__class__._values
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash(self.__class__._values(self))

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (as ``dataclasses.asdict`` gives them)."""
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__name__}({fields})"
