"""The ``brazelint/render`` request: the editor's text rendered for each profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from pygls.exceptions import JsonRpcInvalidParams

from brazelint.errors import BrazelintError

if TYPE_CHECKING:
    from brazelint.lsp.documents import Buffer
    from brazelint.lsp.projects import Projects

RENDER_METHOD = "brazelint/render"


def render_params(params: Any) -> tuple[str, Optional[str]]:
    """``{"uri": str, "profile": str?}`` from the request's params, or ``InvalidParams``."""
    # pygls hands a custom method's params over as a namedtuple
    data = params._asdict() if hasattr(params, "_asdict") else params
    if not isinstance(data, dict) or not isinstance(data.get("uri"), str):
        raise JsonRpcInvalidParams(f'{RENDER_METHOD} expects {{"uri": ..., "profile": ...}}')
    profile = data.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise JsonRpcInvalidParams(f"{RENDER_METHOD}: 'profile' must be a profile name")
    return data["uri"], profile


def render_answer(projects: Projects, buffer: Buffer, profile: Optional[str]) -> dict[str, Any]:
    """The answer (see README, Preview from the editor). Runs on the worker thread."""
    answer: dict[str, Any] = {"uri": buffer.uri, "version": buffer.version, "error": None}
    try:
        outputs = projects.for_document(buffer.path).render(buffer.path, buffer.text, profile)
    except BrazelintError as err:
        where = f"{err.line}:{err.column}: " if err.line else ""
        answer.update(error=f"{where}{err.message}", renders=[])
        return answer
    answer["renders"] = [output.to_dict() for output in outputs]
    return answer
