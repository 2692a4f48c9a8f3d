"""HTML comments, which Braze removes before it reads any Liquid (using_liquid.md).

Liquid inside ``<!-- … -->`` therefore never prints, aborts or calls Connected Content,
and the comment itself is not in the message. An unclosed ``<!--`` is ordinary text.
"""

from __future__ import annotations

import re

HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
