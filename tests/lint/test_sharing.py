"""Renders shared between profiles that read alike, and verdicts copied between files with
the same text: fewer renders, the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from brazelint.config_lookup import ConfigLookup
from brazelint.lint.profile_reads import ProfileReads, differing_names
from brazelint.lint.session import LintSession
from brazelint.lint.settings import RunOptions

PROFILES = {
    "ann": "attributes: {first_name: Ann, last_name: Lee}\ncustom_attributes: {tier: gold}\n",
    "bob": "attributes: {first_name: Ann, last_name: Roe}\ncustom_attributes: {tier: gold}\n",
    "cat": "attributes: {first_name: Cat}\ncustom_attributes: {tier: silver}\n",
}


def project(root: Path, templates: dict[str, str]) -> Path:
    (root / "profiles").mkdir(parents=True)
    for name, text in PROFILES.items():
        (root / "profiles" / f"{name}.yaml").write_text(text, encoding="utf-8")
    (root / "brazelint.toml").write_text(
        'now = "2026-01-01T09:00:00Z"\ngenerated-profiles = false\n', encoding="utf-8"
    )
    for name, text in templates.items():
        path = root / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def lint(root: Path) -> tuple[LintSession, list[tuple[str, int, int, str, tuple[str, ...]]], int]:
    session = LintSession(RunOptions(), lookup=ConfigLookup(cwd=root), cache=False, jobs=1)
    run = session.lint([root / "templates"])
    found = [
        (Path(d.path).name, d.line, d.column, d.code, d.profiles) for d in run.report.diagnostics
    ]
    return session, found, run.copied


def test_profiles_that_read_alike_share_one_render_and_keep_their_findings(
    tmp_path: Path,
) -> None:
    # ann and bob differ only in last_name, which this body never names
    source = '{"name": "{{${first_name}}}",}\n'
    root = project(tmp_path, {"hi.liquid": source})
    session, found, _ = lint(root)
    assert found == [("hi.liquid", 1, source.index(",}") + 1, "BL401", ("ann", "bob", "cat"))]
    assert session.render_counts() == (2, 1)  # ann's render serves bob


def test_a_value_read_apart_keeps_renders_apart(tmp_path: Path) -> None:
    root = project(tmp_path, {"hi.liquid": "{{${first_name}}} {{${last_name}}}\n"})
    session, _, _ = lint(root)
    assert session.render_counts() == (3, 0)


def test_liquid_arriving_at_render_time_shares_nothing(tmp_path: Path) -> None:
    """A ``:rerender`` answer may read any attribute, named in the template or not."""
    source = (
        "{% connected_content https://api.example.com/x :save x :rerender %}{{${first_name}}}\n"
    )
    root = project(tmp_path, {"hi.liquid": source})
    session, _, _ = lint(root)
    assert session.render_counts() == (3, 0)


def test_copies_of_a_template_are_linted_once_and_reported_under_each_name(
    tmp_path: Path,
) -> None:
    body = '{"tier": "{{custom_attribute.${tier}}}",}\n'
    root = project(tmp_path, {"a.liquid": body, "b.liquid": body, "c.liquid": body + " "})
    session, found, copied = lint(root)
    column = body.index(",}") + 1
    assert copied == 1  # b.liquid is a.liquid's copy; c.liquid differs by a blank
    assert found == [
        ("a.liquid", 1, column, "BL401", ("ann", "bob", "cat")),
        ("b.liquid", 1, column, "BL401", ("ann", "bob", "cat")),
        ("c.liquid", 1, column, "BL401", ("ann", "bob", "cat")),
    ]
    assert session.render_counts() == (4, 2)  # two texts, ann and bob alike in each


@pytest.mark.parametrize(
    ("markup", "roots"),
    [
        (["${first_name}"], {"first_name": None}),
        (["custom_attribute.${tier} | default: 'x'"], {"custom_attribute": {"tier"}}),
        (["${ zip code }"], {"zip code": None, "zip": None, "code": None}),
        (["custom_attribute | json"], {"custom_attribute": None, "json": None}),
        # a namespace's name inside a longer name is no use of it
        (
            ["my_custom_attribute.${tier}", "custom_attribute.${plan}"],
            {"custom_attribute": {"plan"}},
        ),
        (
            ["a.custom_attribute.${tier}", "$custom_attribute.${x} custom_attribute.${plan}"],
            {"custom_attribute": {"plan"}},
        ),
        # ... and what follows that longer name is still read
        (["xcustom_attribute . context"], {"context": None}),
        (
            ["event_properties.${id}", "event_properties[key]"],
            {"event_properties": None, "id": None, "key": None},
        ),
    ],
)
def test_what_a_template_reads(markup: list[str], roots: dict[str, object]) -> None:
    found = ProfileReads.scan(markup).roots
    expected = {k: (frozenset(v) if isinstance(v, set) else v) for k, v in roots.items()}
    assert {k: v for k, v in found.items() if k in expected} == expected


def test_a_namespace_a_content_block_reads_whole_stays_read_whole() -> None:
    # the block passes custom_attribute whole to a filter; the template reads one key of
    # another namespace: profiles that differ anywhere in custom_attribute render apart
    template = ProfileReads.scan(["event_properties.${id}"])
    block = ProfileReads.scan(["custom_attribute | json_escape"])
    for merged in (template.merged(block), block.merged(template)):
        assert merged.roots["custom_attribute"] is None
        assert merged.roots["event_properties"] == frozenset({"id"})
        gold = {"custom_attribute": {"tier": "gold"}, "event_properties": {"id": 1}}
        silver = {"custom_attribute": {"tier": "silver"}, "event_properties": {"id": 1}}
        assert merged.project(gold) != merged.project(silver)


def test_what_two_profiles_differ_in() -> None:
    ann = {
        "first_name": "Ann",
        "email_address": "ann@example.com",
        "custom_attribute": {"tier": "gold", "plan": "basic"},
        "event_properties": {"id": 1},
    }
    bob = {
        "first_name": "Ann",
        "custom_attribute": {"tier": "silver", "plan": "basic", "store": "Leeds"},
        "event_properties": [1],
    }
    # a namespace names its keys; any other value (or a namespace that is not a mapping
    # for both) its own name
    assert differing_names(ann, bob) == ("email_address", "event_properties", "store", "tier")
    assert differing_names(ann, dict(ann)) == ()
