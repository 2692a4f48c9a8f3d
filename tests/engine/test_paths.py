"""Paths of plain names and indexes are evaluated from the parsed path itself (FlatPath)."""

from __future__ import annotations

from liquid.builtin.expressions.path import Path

import brazelint
from brazelint.engine.paths import FlatPath
from brazelint.renderer import Renderer

PROFILE = {
    "attributes": {"first_name": "Ana"},
    "custom_attributes": {"tiers": ["gold", "silver"], "idx": 0, "Brands Viewed": ["x"]},
}


def test_plain_paths_are_flat_and_nested_ones_are_not() -> None:
    template = Renderer().parse("{{ a.b[0] }}{{ a[b.c] }}{{ a['x y'] }}{{ ${first_name} }}")
    kinds = [type(node.expression.left) for node in template.nodes]  # type: ignore[attr-defined]
    assert kinds == [FlatPath, Path, FlatPath, FlatPath]
    nested = template.nodes[1].expression.left.path[1]  # type: ignore[attr-defined]
    assert type(nested) is FlatPath


def test_flat_and_nested_paths_render_and_record_undefined_values_alike() -> None:
    source = (
        "{{ custom_attribute.${tiers}[1] }}|{{ custom_attribute.${tiers}[custom_attribute.${idx}] }}"
        "|{{ custom_attribute.${Brands Viewed}[0] }}|{{ custom_attribute.${missing}.deeper }}"
        "|{{ ${first_name} }}{{ ${first_name} }}"
    )
    result = brazelint.render(source, PROFILE)
    assert result.output == "silver|gold|x||AnaAna"
    missing = source.index("custom_attribute.${missing}")
    assert missing == 138
    assert [(use.path, use.line, use.column) for use in result.undefined_uses] == [
        ("custom_attribute.missing.deeper", 1, missing + 1),
    ]
