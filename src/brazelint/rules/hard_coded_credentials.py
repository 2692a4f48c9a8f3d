"""BL103 hard-coded-credentials:
secrets written into a template instead of Braze's credential store.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.http.redact import SECRET_HEADER_PATTERN
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL103",
    name="hard-coded-credentials",
    severity="error",
    summary="A secret written into a URL, header or body instead of Braze's credential store.",
    why=(
        "Templates are copied, exported and committed; Braze's Connected Content "
        "credentials (`:basic_auth`, `:auth_credentials`) keep secrets out of them."
    ),
    bad=(
        '{% connected_content https://api.example.com/a :headers {"Authorization": '
        '"Basic ZGVtbzpzZWNyZXQ="} %}'
    ),
    good="{% connected_content https://api.example.com/a :auth_credentials partner_api %}",
)

SECRET_HEADER = re.compile(
    r"""["']?(""" + SECRET_HEADER_PATTERN + r""")["']?"""
    r"""\s*:\s*["']([^"'{}]*)["']""",
    re.I,
)
SECRET_HEADER_NAME = re.compile(rf"^(?:{SECRET_HEADER_PATTERN})$", re.I)
SECRET_QUERY = re.compile(
    r"[?&](api_?key|apikey|token|access_token|secret|client_secret|password)=([^&{\s\"']+)",
    re.I,
)
URL_USERINFO = re.compile(r"://[^/@\s{}]+:[^/@\s{}]+@")
SECRET_BODY = re.compile(
    r"""["']?(password|api_?key|secret|client_secret|access_token)["']?\s*[:=]\s*"""
    r"""["']?([^"'&{}\s,]{4,})""",
    re.I,
)
ENV_REFERENCE = re.compile(r"\$\{env:[A-Za-z_][A-Za-z0-9_]*\}")
"""A webhook file's ``${env:NAME}``: the value comes from the environment, not the file."""
_SCHEME = re.compile(r"^(basic|bearer|token)\s+", re.I)
STORED_CREDENTIAL = "use :basic_auth or :auth_credentials with a credential stored in Braze"


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """A literal secret in a Connected Content tag's ``:headers`` or ``:body``."""
    for markup in facts.markups:
        if markup.name != "connected_content":
            continue
        text = markup.text
        headers = text.find(":headers")
        if headers >= 0:
            for found in SECRET_HEADER.finditer(text, headers):
                if len(_SCHEME.sub("", found.group(2).strip())) >= 8:
                    message = f"literal credential in the '{found.group(1)}' header"
                    _report_value(reporter, markup.start, found, message, STORED_CREDENTIAL)
        body = text.find(":body")
        if body >= 0:
            for found in SECRET_BODY.finditer(text, body):
                message = f"literal '{found.group(1)}' in the request body"
                hint = "use :auth_credentials with a credential stored in Braze"
                _report_value(reporter, markup.start, found, message, hint)


def check_url(url: str, offset: int, reporter: Reporter, *, connected_content: bool) -> None:
    """A user name and password, or a key or token in the query, written into a URL."""
    found = URL_USERINFO.search(url)
    if found:
        message = "user name and password written into the URL"
        hint = "use :basic_auth with a credential stored in Braze"
        _report(reporter, offset + found.start() + 3, message, hint, end=offset + found.end())
    for found in SECRET_QUERY.finditer(url):
        hint = (
            "store it as a Connected Content credential and use :auth_credentials"
            if connected_content
            else "keep secrets out of the template: pass them in a header"
        )
        message = f"the URL carries a literal '{found.group(1)}'"
        _report_value(reporter, offset, found, message, hint)


def check_header(name: str, value: str, offset: int, reporter: Reporter) -> None:
    """A webhook header that carries a literal credential instead of reading it from the
    environment (``${env:NAME}``) or from Liquid."""
    if not SECRET_HEADER_NAME.match(name) or ENV_REFERENCE.search(value) or "{{" in value:
        return
    if len(_SCHEME.sub("", value.strip())) >= 8:
        message = f"literal credential in the '{name}' header"
        hint = 'read it from the environment: "Basic ${env:PARTNER_BASIC_AUTH}"'
        _report(reporter, offset, message, hint, end=offset)


def _report_value(
    reporter: Reporter, base: int, found: re.Match[str], message: str, hint: str
) -> None:
    """BL103 at the secret a pattern found (its second group) in text at ``base``."""
    _report(reporter, base + found.start(2), message, hint, end=base + found.end(2))


def _report(reporter: Reporter, start: int, message: str, hint: str, *, end: Optional[int]) -> None:
    """The one place BL103 is reported, from a tag, a URL or a webhook header alike."""
    reporter.at_offset(RULE.code, start, message, end=end, hint=hint)
