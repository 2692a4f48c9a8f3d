"""The scratch project the language-server tests share (a module of its own, not
``conftest``, so that ``from lspkit import ...`` cannot pick up another folder's conftest)."""

from __future__ import annotations

from pathlib import Path

WEBHOOK_BROKEN = """\
url: "https://api.example.com/v1/users/{{${user_id} | default: 'anon' | url_param_escape}}/tags"
method: POST
headers:
  Content-Type: application/json
body: |
  {"tier": "{{custom_attribute.${loyalty_tier} | default: 'none' | json_escape}}",}
"""
WEBHOOK_FIXED = WEBHOOK_BROKEN.replace('}}",}', '}}"}')

PROJECT_FILES = {
    "brazelint.toml": 'profiles = "profiles"\ncontent-blocks = "content_blocks"\n'
    'now = "2026-01-01T09:00:00Z"\ngenerated-profiles = false\n',
    "profiles/known.yaml": "name: known\nattributes: {first_name: Jane, user_id: u-1}\n"
    "custom_attributes: {loyalty_tier: gold, points: 120}\nevent_properties: {price: 1.99}\n",
    "profiles/other.yaml": "name: other\nattributes: {first_name: Ana, user_id: u-2}\n"
    "custom_attributes: {loyalty_tier: silver, favourite_colour: blue}\n",
    "content_blocks/footer.liquid": "Thanks for shopping with us.\n"
    "{% assign footer_seen = true %}\n",
    "content_blocks/legal.liquid": "Terms apply.\n",
    "hooks/tag.webhook.yaml": WEBHOOK_BROKEN,
    "templates/hello.liquid": "Hi {{ ${first_name} | default: 'there' }}\n",
}


def write_project(root: Path) -> Path:
    for name, text in PROJECT_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
