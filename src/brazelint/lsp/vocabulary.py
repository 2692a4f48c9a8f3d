"""Words an editor offers inside Liquid markup: tag names and Connected Content options.

Only what Braze runs is offered: Braze's own tags, the standard tags it names, and the
options its Connected Content documentation lists (not the legacy ``:cache``).
"""

from __future__ import annotations

from typing import Final

TAGS: Final[dict[str, str]] = {
    "connected_content": "Call an HTTP API while rendering: "
    "`{% connected_content URL :save name %}`.",
    "abort_message": "Stop the message for this user: `{% abort_message('reason') %}`.",
    "catalog_items": "Set `items` from a catalog: "
    "`{% catalog_items products {{${product_id}}} %}`.",
    "catalog_selection_items": "Set `items` from a catalog selection.",
    "promotion": "Print a promotion code from a list: `{% promotion('spring_sale') %}`.",
    "message_extras": "Attach data to the send event: `{% message_extras :key k :value v %}`.",
    "assign": "Store a value: `{% assign name = value | filter %}`.",
    "capture": "Store rendered text: `{% capture name %}…{% endcapture %}`.",
    "endcapture": "Ends a capture.",
    "if": "Render when a condition holds (no filters in the condition).",
    "elsif": "Another condition of an if.",
    "else": "The branch when nothing else matched.",
    "endif": "Ends an if.",
    "unless": "Render when a condition does not hold.",
    "endunless": "Ends an unless.",
    "case": "Choose by value: `{% case x %}{% when 'a' %}…{% endcase %}`.",
    "when": "One value of a case.",
    "endcase": "Ends a case.",
    "for": "Repeat for each item: `{% for item in array limit:5 %}`.",
    "endfor": "Ends a for.",
    "break": "Leave the loop.",
    "continue": "Skip to the next item.",
    "comment": "Text Braze never renders (also holds `brazelint:` suppressions).",
    "endcomment": "Ends a comment.",
    "raw": "Output the enclosed text as written, without running Liquid.",
    "endraw": "Ends a raw block.",
    "echo": "Output a value inside `{% liquid %}`: `echo value | filter`.",
    "liquid": "Several tags in one block, one per line.",
}

CONNECTED_CONTENT_OPTIONS: Final[dict[str, str]] = {
    "save": "`:save name` stores a JSON answer in `name` (default: `connected`).",
    "method": "`:method post`: GET (the default) or POST.",
    "body": "`:body {{postbody}}` or `key=value&k2=v2`: the POST body (no spaces inline).",
    "content_type": "`:content_type application/json` sets Content-Type and Accept.",
    "headers": '`:headers {"X-Key": "{{value}}"}`: request headers; Liquid allowed.',
    "basic_auth": "`:basic_auth name`: a basic-auth credential stored in Braze.",
    "auth_credentials": "`:auth_credentials name`: a stored token credential (headers, domain).",
    "cache_max_age": "`:cache_max_age 900`: cache seconds, 300 to 14400; caches POST too.",
    "no_cache": "`:no_cache`: do not cache a GET answer.",
    "retry": "`:retry`: retry failures up to 5 times, then abort the message.",
    "rerender": "`:rerender`: run Liquid found in the answer once more.",
}
