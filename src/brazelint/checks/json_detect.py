"""Whether a rendered body is meant to be JSON, judged as a person reading it would.

Partner docs print notes above a webhook body (``// Converts the timestamp …``,
``# anonymous users``), and people paste those notes into Braze with the body. Such a
body is still a JSON body: the notes are set aside to decide, and are then reported as
invalid JSON with everything else. (Liquid comments render to nothing, so they are gone
from the output already.)
"""

from __future__ import annotations

NOTE_PREFIXES = ("//", "#")


def looks_like_json(output: str) -> bool:
    """``{…}`` or ``[…]`` once blank lines and ``//`` / ``#`` note lines around it are set aside."""
    lines = [line.strip() for line in output.splitlines()]
    body = [line for line in lines if line and not line.startswith(NOTE_PREFIXES)]
    if not body:
        return False
    return (body[0][:1], body[-1][-1:]) in (("{", "}"), ("[", "]"))
