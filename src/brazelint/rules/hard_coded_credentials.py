"""BL103 hard-coded-credentials:
secrets written into a template instead of Braze's credential store.
"""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL103",
    name="hard-coded-credentials",
    severity="error",
    summary=("A secret written into a URL, header or body instead of Braze's credential store."),
    why=(
        "Templates are copied, exported and committed; Braze's Connected Content "
        "credentials (`:basic_auth`, `:auth_credentials`) keep secrets out of them."
    ),
    bad=(
        '{% connected_content https://api.example.com/a :headers {"Authorization": '
        '"Basic ZGVtbzpzZWNyZXQ="} %}'
    ),
    good=("{% connected_content https://api.example.com/a :auth_credentials partner_api %}"),
)
