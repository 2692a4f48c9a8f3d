"""The request a webhook file sends for one profile: method, URL, headers and body.

``brazelint render x.webhook.yaml`` prints it and the preview shows it, so a reviewer sees
what Braze would send, not just the body. Credentials in the URL and headers are
redacted (``http.redact``); ``${env:NAME}`` is read from the environment first, as lint
does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping, Optional

from brazelint.errors import BrazelintError
from brazelint.http.redact import redact_headers, redact_url
from brazelint.lint.webhook import Field, Webhook, expand_environment
from brazelint.sources import read_template

if TYPE_CHECKING:
    from brazelint.profiles import Profile
    from brazelint.renderer import Renderer
    from brazelint.result import RenderResult


@dataclass
class WebhookRequest:
    """What a webhook sends (already redacted); ``body`` is the body's full render."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: Optional[RenderResult] = None

    @property
    def aborted(self) -> bool:
        return self.body is not None and self.body.aborted

    def head(self) -> str:
        """The request line and headers, as an HTTP message starts."""
        lines = [f"{self.method} {self.url}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "url": self.url,
            "headers": dict(self.headers),
            "body": None if self.body is None else self.body.to_dict(),
        }


def render_request(
    renderer: Renderer,
    webhook: Webhook,
    profile: Profile,
    *,
    now: datetime,
    globals: Optional[Mapping[str, Any]] = None,
) -> WebhookRequest:
    """Render every part of ``webhook`` for ``profile``; errors raise as in ``render``."""
    where = str(webhook.path)

    def render(part: Field) -> RenderResult:
        """A field of the webhook file; an error points at its place in that file."""
        text = expand_environment(part.text) if part in headers_fields else part.text
        try:
            return renderer.render(text, profile, now=now, globals=globals, path=where)
        except BrazelintError as err:
            raise _in_file(err, part, webhook) from None

    headers_fields = list(webhook.headers.values())
    body: Optional[RenderResult] = None
    if webhook.body is not None:
        body = render(webhook.body)
    elif webhook.body_file is not None:
        source = read_template(webhook.body_file)
        body = renderer.render(
            source, profile, now=now, globals=globals, path=str(webhook.body_file)
        )
    url = render(webhook.url).output.strip()
    headers = {name: render(value).output.strip() for name, value in webhook.headers.items()}
    return WebhookRequest(webhook.method, redact_url(url), redact_headers(headers), body)


def _in_file(err: BrazelintError, part: Field, webhook: Webhook) -> BrazelintError:
    """``err`` (at a place in a field's text) moved to that place in the webhook file."""
    if err.line is not None:
        if part.block:
            err.line, err.column = part.line + err.line, part.indent + (err.column or 1)
        else:
            err.line, err.column = part.line + 1, part.column + (err.column or 1)
        err.source = webhook.source
    err.path = str(webhook.path)
    return err


def shown_request(request: WebhookRequest, renderer: Renderer, source: str) -> WebhookRequest:
    """The request with credential-store values and the ``${env:NAME}`` values the webhook
    file reads hidden by value, whatever the header they travel in."""
    import dataclasses
    import os

    from brazelint.http.redactor import Redactor
    from brazelint.lint.webhook import ENV_REFERENCE

    names = ENV_REFERENCE.findall(source)
    redactor = Redactor(renderer.credentials.secret_values()).with_values(
        os.environ.get(name, "") for name in names
    )
    return dataclasses.replace(
        request,
        url=redactor.text(request.url),
        headers={name: redactor.text(value) for name, value in request.headers.items()},
        body=None if request.body is None else redactor.result(request.body),
    )
