"""BL108 connected-content-schema:
Connected Content requests and answers that break the partner's schema.
"""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL108",
    name="connected-content-schema",
    severity="error",
    summary=(
        "A Connected Content request or stub answer that breaks the schema configured for its URL."
    ),
    why=(
        "The partner rejects a request body it cannot accept, and a stub that "
        "answers what the partner never would makes every preview and check built on "
        "it misleading."
    ),
    bad=(
        '{% capture body %}{"retailer_id": "", "user_id": '
        '"2f9e6c1e-8b1a-4c43-9a57-3c0c1b2d4e5f"}{% endcapture %}{% connected_content '
        "https://connect.example.com/offers/api/2.0/offers/get_user_offers :method "
        "post :body {{body}} :content_type application/json :save offers %}"
    ),
    good=(
        '{% capture body %}{"retailer_id": "6a1f0b2c-3d4e-4f50-8a61-7b8c9d0e1f2a", '
        '"user_id": "2f9e6c1e-8b1a-4c43-9a57-3c0c1b2d4e5f"}{% endcapture %}{% '
        "connected_content "
        "https://connect.example.com/offers/api/2.0/offers/get_user_offers :method "
        "post :body {{body}} :content_type application/json :save offers %}"
    ),
    setup=Setup(
        config=(
            "[[connected-content]]\n"
            'url-pattern = "/offers/api/2\\\\.0/offers/get_user_offers$"\n'
            'request-schema = "sessionm/get-user-offers-request"\n'
        ),
        files=(
            (
                "stubs/offers.yaml",
                (
                    '- request: {method: POST, url_pattern: "get_user_offers$"}\n'
                    "  response: {json: {status: ok}}\n"
                ),
            ),
        ),
    ),
)

ENGINE_PROBLEMS = ("connected-content-request-schema", "connected-content-response-schema")
"""What ``http.checks.ExchangeChecker`` records for each side of a call."""
