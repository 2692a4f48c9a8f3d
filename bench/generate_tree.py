"""Generate a realistic project tree for benchmarks: many variants of the bundled templates.

Usage: ``python bench/generate_tree.py DEST [--count N] [--few-profiles]`` (default 2000
templates; ``--few-profiles`` writes the few-profiles tree instead, see
``generate_few_profiles``).

DEST gets ``brazelint.toml``, ``profiles/``, ``stubs/`` and ``content_blocks/`` copied from
this repository, so ``brazelint lint DEST/templates`` runs inside it, and ``templates/``
with COUNT ``.liquid`` files. Template ``i`` is a variant of one bundled template
(round robin), changed only in ways that keep it rendering for every bundled profile:

- local variables renamed consistently (never Braze attributes, never Content Block
  outputs such as ``anon_id``);
- independent ``assign`` lines, and interchangeable JSON members, reordered;
- Movable Ink track events get other event names and extra properties;
- ids (campaign ids, tag lifetimes, wallet URLs) changed;
- the ``mi_identity`` Content Block referenced under one of several copied names.

The output is deterministic for a given COUNT.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import uuid
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
COPIED = ("profiles", "stubs", "content_blocks")
BLOCK = "mi_identity"
BLOCK_COPIES = 5
"""``content_blocks/mi_identity_<k>.liquid`` copies that variants reference."""

_ASSIGN_LINE = re.compile(r"^\{%-?\s*assign\s+(\w+)\s*=.*-?%\}\s*$")
_ASSIGN_NAME = re.compile(r"\{%-?\s*assign\s+(\w+)\s*=")
_MARKUP = re.compile(r"\{\{.*?\}\}\}?|\{%.*?%\}", re.S)
_UUID = re.compile(r"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")

EVENT_NAMES = {
    "product_viewed": ["product_viewed", "product_favorited", "product_shared"],
    "category_viewed": ["category_viewed", "collection_viewed", "brand_page_viewed"],
}
EXTRA_PROPERTIES = [
    '"source": "braze"',
    '"campaign": "{{ campaign.${name} | default: \'\' | json_escape }}"',
    '"locale": "{{ ${language} | default: \'en\' | json_escape }}"',
    '"tier": "{{ custom_attribute.${loyalty_tier} | default: \'none\' | json_escape }}"',
]
SWAPPABLE_MEMBERS = [
    ('  "timestamp": {{ timestamp_ms }},', '  "timezone": "{{ event_timezone | json_escape }}",'),
    (
        '  "user_id": "{{ user_identifier | json_escape }}",',
        '  "anonymous_id": "{{ anon_id | json_escape }}",',
    ),
    (
        '{%- if user_identifier != blank %}\n  "user_id": "{{ user_identifier | json_escape }}",'
        "\n{%- endif %}",
        '{%- if anon_id != blank %}\n  "anonymous_id": "{{ anon_id | json_escape }}",'
        "\n{%- endif %}",
    ),
]
"""JSON members (or member blocks) that may trade places when they stand next to each other."""


def generate(dest: Path, count: int = 2000) -> list[Path]:
    """Write the tree into ``dest`` (created if needed); return the template paths."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (dest / name).exists():
            shutil.rmtree(dest / name)
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy2(ROOT / "brazelint.toml", dest / "brazelint.toml")
    block = (ROOT / "content_blocks" / f"{BLOCK}.liquid").read_text(encoding="utf-8")
    for k in range(BLOCK_COPIES):
        (dest / "content_blocks" / f"{BLOCK}_{k}.liquid").write_text(block, encoding="utf-8")

    bases = sorted(TEMPLATES.glob("*/*.liquid"))
    blocks_assigned = _assigned_names(block)
    written = []
    for index in range(count):
        base = bases[index % len(bases)]
        variant = index // len(bases)
        rng = random.Random(f"{base.name}:{variant}")
        text = base.read_text(encoding="utf-8")
        if variant:
            text = vary(text, base.stem, rng, protected=blocks_assigned)
        folder = dest / "templates" / base.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{base.stem}_{variant:04d}.liquid"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


FEW_PROFILES = ("known_user", "missing_optional")
"""The two bundled profiles of the few-profiles tree: one complete, one nearly empty."""

FEW_PROFILES_CONFIG = """\
templates = ["templates"]
profiles = "profiles"

[schemas]
"templates/**" = "movable-ink/event"
"""

SMALL_EVENT = """\
{%- assign timestamp_ms = "now" | date: "%s" | times: 1000 -%}
{
  "type": "track",
  "event": "EVENT",
  "user_id": "{{ ${user_id} | default: 'unknown' | json_escape }}",
  "timestamp": {{ timestamp_ms }},
  "properties": {
    "id": "{{ event_properties.${id} | default: 'none' | json_escape }}",
    "PROPERTY": "{{ custom_attribute.${ATTRIBUTE} | default: 'none' | json_escape }}"
  }
}
"""
SMALL_EVENT_NAMES = ["product_viewed", "category_viewed", "product_favorited", "wishlist_add"]
SMALL_EVENT_PROPERTIES = ["tier", "category", "segment", "store"]
SMALL_EVENT_ATTRIBUTES = ["loyalty_tier", "favorite_category", "segment", "home_store"]


def generate_few_profiles(dest: Path, count: int = 2000) -> list[Path]:
    """A tree where parsing and the generated users dominate: ``count`` small Movable Ink
    track bodies, two profiles, generated users on and a schema assigned to every file."""
    (dest / "profiles").mkdir(parents=True, exist_ok=True)
    for name in FEW_PROFILES:
        shutil.copy2(ROOT / "profiles" / f"{name}.yaml", dest / "profiles" / f"{name}.yaml")
    (dest / "brazelint.toml").write_text(FEW_PROFILES_CONFIG, encoding="utf-8")
    (dest / "content_blocks").mkdir(exist_ok=True)
    folder = dest / "templates" / "events"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        rng = random.Random(f"small-event:{index}")
        text = (
            SMALL_EVENT.replace("EVENT", rng.choice(SMALL_EVENT_NAMES))
            .replace("PROPERTY", rng.choice(SMALL_EVENT_PROPERTIES))
            .replace("ATTRIBUTE", rng.choice(SMALL_EVENT_ATTRIBUTES))
        )
        path = folder / f"event_{index:04d}.liquid"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def vary(text: str, stem: str, rng: random.Random, *, protected: set[str]) -> str:
    """One variant of template ``text`` (bundled template ``stem``)."""
    for first, second in SWAPPABLE_MEMBERS:
        if rng.random() < 0.5:
            text = text.replace(f"{first}\n{second}", f"{second}\n{first}")
    text = rename_locals(text, rng, protected=protected)
    text = shuffle_assigns(text, rng)
    if f"content_blocks.${{{BLOCK}}}" in text and rng.random() < 0.8:
        copy = f"{BLOCK}_{rng.randrange(BLOCK_COPIES)}"
        text = text.replace(f"content_blocks.${{{BLOCK}}}", f"content_blocks.${{{copy}}}")
    step: Optional[Callable[[str, random.Random], str]] = _PER_TEMPLATE.get(stem)
    return step(text, rng) if step else text


def rename_locals(text: str, rng: random.Random, *, protected: set[str]) -> str:
    """Rename some variables the template assigns itself, inside Liquid markup only."""
    names = sorted(_assigned_names(text) - protected)
    suffix = f"_{rng.randrange(100, 1000)}"
    for name in names:
        if rng.random() < 0.5:
            continue
        # not an attribute (${name}), a property (.name) or part of a longer word
        pattern = re.compile(rf"(?<!\$\{{)(?<!\$\{{ )(?<![\w.]){re.escape(name)}(?!\w)")

        def rename(
            markup: re.Match[str], pattern: re.Pattern[str] = pattern, new: str = name + suffix
        ) -> str:
            return pattern.sub(new, markup.group())

        text = _MARKUP.sub(rename, text)
    return text


def shuffle_assigns(text: str, rng: random.Random) -> str:
    """Shuffle runs of consecutive one-line assigns that do not read each other."""
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        names = [_ASSIGN_LINE.match(line).group(1) for line in run]  # type: ignore[union-attr]
        independent = not any(
            re.search(rf"\b{re.escape(name)}\b", line.split("=", 1)[1])
            for name in names
            for line in run
        )
        if independent and len(set(names)) == len(names):
            rng.shuffle(run)
        out.extend(run)
        run.clear()

    for line in lines:
        if _ASSIGN_LINE.match(line):
            run.append(line)
            continue
        if run:
            flush()
        out.append(line)
    if run:
        flush()
    return "\n".join(out)


def _assigned_names(text: str) -> set[str]:
    return set(_ASSIGN_NAME.findall(text))


def _movable_ink_track(event: str) -> Callable[[str, random.Random], str]:
    def step(text: str, rng: random.Random) -> str:
        name = rng.choice(EVENT_NAMES[event])
        text = text.replace(f'"event": "{event}"', f'"event": "{name}"')
        extras = rng.sample(EXTRA_PROPERTIES, rng.randrange(len(EXTRA_PROPERTIES) + 1))
        if extras:
            anchor = re.search(r'\n    "id": "\{\{ \w+ \| json_escape \}\}"', text)
            if anchor:
                added = "".join(f",\n    {member}" for member in extras)
                text = text[: anchor.end()] + added + text[anchor.end() :]
        return text

    return step


def _new_uuids(text: str, rng: random.Random) -> str:
    return _UUID.sub(lambda _: f"'{uuid.UUID(int=rng.getrandbits(128), version=4)}'", text)


def _customer_tags(text: str, rng: random.Random) -> str:
    days = rng.choice([7, 14, 30, 60, 90])
    text = text.replace("30 | times: 86400", f"{days} | times: 86400")
    return text.replace('"loyalty_tier_{{', f'"{rng.choice(["loyalty_tier_", "tier_"])}{{{{')


def _offer_message(text: str, rng: random.Random) -> str:
    host = rng.choice(["shop.example.com", "www.example.com", "rewards.example.com"])
    return text.replace("https://shop.example.com/wallet/offers/", f"https://{host}/wallet/offers/")


_PER_TEMPLATE: dict[str, Callable[[str, random.Random], str]] = {
    "product_viewed": _movable_ink_track("product_viewed"),
    "category_viewed": _movable_ink_track("category_viewed"),
    "customer_tags": _customer_tags,
    "offer_message": _offer_message,
    "trigger_send_body": _new_uuids,
    # offer_wallet keeps its retailer id: the bundled stubs match on it
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="directory to write the tree into")
    parser.add_argument("--count", type=int, default=2000, help="number of templates")
    parser.add_argument(
        "--few-profiles", action="store_true", help="small event bodies, two profiles each"
    )
    args = parser.parse_args()
    make = generate_few_profiles if args.few_profiles else generate
    paths = make(args.dest, args.count)
    print(f"{len(paths)} templates in {args.dest / 'templates'}")


if __name__ == "__main__":
    main()
