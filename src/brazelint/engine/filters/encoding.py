"""URL and base64 encoders.

Braze does not publish the exact character sets, so these follow the Ruby functions the
filters are modelled on:

- ``url_escape`` is Ruby's old ``URI.escape`` with its default "unsafe" set: letters,
  digits and ``-_.!~*'();/?:@&=+$,[]`` are kept and everything else becomes ``%XX`` of its
  UTF-8 bytes (uppercase hex), so a whole URL can be escaped without breaking it;
- ``url_param_escape`` escapes every character that is not unreserved in RFC 3986 (only
  letters, digits and ``-._~`` are kept), so ``@``, ``+``, ``/``, ``?``, ``:``, ``=``,
  ``&`` and the rest of the URL punctuation cannot change the query around the value; a
  space becomes ``%20`` as in ``URI.escape`` (``+`` is ``url_encode``'s form encoding);
- ``url_encode`` is form encoding, Ruby's ``CGI.escape``: only letters, digits and
  ``_.-~`` are kept and a space becomes ``+``.
"""

from __future__ import annotations

import base64
from typing import Optional
from urllib.parse import quote, quote_plus

from brazelint.engine.filters.common import is_nil
from brazelint.engine.stringify import ruby_to_s

# quote() always keeps letters, digits and "_.-~"; these are the rest of URI.escape's set.
_URI_RESERVED = "!*'();/?:@&=+$,[]"


def url_escape(value: object) -> Optional[str]:
    """Percent-encode what is not allowed in a URL, keeping URL punctuation such as ``&``."""
    if is_nil(value):
        return None
    return quote(ruby_to_s(value), safe=_URI_RESERVED, errors="surrogatepass")


def url_param_escape(value: object) -> Optional[str]:
    """Percent-encode all but unreserved characters, for a value inside a query string."""
    if is_nil(value):
        return None
    return quote(ruby_to_s(value), safe="", errors="surrogatepass")


def url_encode(value: object) -> Optional[str]:
    """Form-encode a value: space becomes ``+``, everything but ``A-Za-z0-9_.-~`` is escaped."""
    if is_nil(value):
        return None
    return quote_plus(ruby_to_s(value), errors="surrogatepass")


def base64_encode(value: object) -> str:
    """Strict base64 (no line breaks) of the UTF-8 text; nil encodes as the empty string."""
    return base64.b64encode(ruby_to_s(value).encode("utf-8", "surrogatepass")).decode("ascii")
