"""The preview end to end in a real headless Chromium (Debian's ``chromium``).

Runs the real ``brazelint serve`` on a free port over a copy of a small project, then
drives the page with Playwright: open it, switch profiles, edit a profile value, move the
clock, save the template on disk and watch the page follow, check that hostile
profile text stays text, and that lines no profile renders are shaded. The last state is saved to ``tests/artifacts/preview.png``.
``.ci/run`` installs Chromium; without it this test is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from previewkit import GOLD, WELCOME, ServeProcess

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium; "
    ".ci/run installs it)",
)


@pytest.fixture
def page(project: Path) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            tab = context.new_page()
            tab.set_default_timeout(15_000)
            yield tab
        finally:
            browser.close()


def test_preview_in_chromium(project: Path, page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    server = ServeProcess(project)
    try:
        url = server.url()

        # the index: both templates, with their diagnostic counts
        page.goto(url)
        expect(page.locator("#live")).to_have_text("live")
        expect(page.locator("tr[data-template]")).to_have_count(2)
        expect(page.locator(f'tr[data-template="{GOLD}"] td.total')).to_have_text("1")

        # a template page: one card per profile, the stub that answered
        page.click(f'a[href="/file/{WELCOME}"]')
        expect(page.locator("#live")).to_have_text("live")
        cards = page.locator("article.render")
        jane = page.locator('article.render[data-profile="jane"]')
        omar = page.locator('article.render[data-profile="omar"]')
        expect(cards).to_have_count(2)
        expect(jane.locator("pre.json")).to_contain_text('"greeting": "Hi Jane"')
        expect(jane.locator(".stub")).to_contain_text("stubs/points.yaml #1")
        expect(page.locator(".line.diag")).not_to_have_count(0)

        # switch profiles: omar only, then both again
        page.uncheck('input[name="profile"][value="jane"]')
        expect(cards).to_have_count(1)
        expect(omar).to_be_visible()
        assert "profile=omar" in page.url
        page.check('input[name="profile"][value="jane"]')
        expect(cards).to_have_count(2)

        # edit a profile value in the page: re-rendered, the file untouched
        profile_file = (project / "profiles/jane.yaml").read_text(encoding="utf-8")
        page.click('details.profile-editor[data-profile="jane"] > summary')
        name = page.locator(
            'input.value[data-profile="jane"][data-path=\'["attributes", "first_name"]\']'
        )
        name.fill("Zed")
        name.press("Enter")
        expect(jane.locator("pre.json")).to_contain_text('"greeting": "Hi Zed"')
        expect(omar.locator("pre.json")).to_contain_text('"greeting": "Hi Omar"')
        assert (project / "profiles/jane.yaml").read_text(encoding="utf-8") == profile_file

        # move the clock
        page.fill("#now", "2031-02-03T04:05:06Z")
        page.press("#now", "Enter")
        expect(jane.locator("pre.json")).to_contain_text('"year": "2031"')
        assert "now=2031-02-03T04%3A05%3A06Z" in page.url

        # save the template on disk: the open page follows within 3 seconds
        template = project / WELCOME
        template.write_text(
            template.read_text(encoding="utf-8").replace('"Hi ', '"Hello '), encoding="utf-8"
        )
        expect(jane.locator("pre.json")).to_contain_text('"greeting": "Hello Zed"', timeout=3000)
        expect(page.locator("#now")).to_have_value("2031-02-03T04:05:06Z")  # choices kept

        # hostile text saved in a profile shows as text and runs nothing
        (project / "profiles/omar.yaml").write_text(
            f"attributes: {{user_id: u-2, first_name: '{HOSTILE}'}}\n"
            "custom_attributes: {tier: silver}\n",
            encoding="utf-8",
        )
        expect(omar.locator("pre.json")).to_contain_text("<img src=x onerror=", timeout=3000)
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("article.render img, article.render script").count() == 0

        # lines no profile renders are shaded: jane is gold, omar silver, nobody bronze
        (project / "templates/tiers.liquid").write_text(
            "{% if custom_attribute.${tier} == 'gold' %}\nGold\n"
            "{% elsif custom_attribute.${tier} == 'bronze' %}\nBronze\nperks\n"
            "{% else %}\nOther\n{% endif %}\n",
            encoding="utf-8",
        )
        page.goto(f"{url}/file/templates/tiers.liquid")
        expect(page.locator("#live")).to_have_text("live")
        expect(page.locator(".line.unrendered")).to_have_count(2)
        expect(page.locator("#L4.unrendered")).to_be_visible()
        expect(page.locator("#L5.unrendered")).to_be_visible()
        expect(page.locator(".unrendered-count")).to_have_text("2 lines not rendered")
        expect(page.locator('.note[data-code="BL307"]')).to_contain_text("lines 4\N{EN DASH}5")

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "preview.png"), full_page=True)
    finally:
        code = server.stop()
    assert problems == []
    assert code == 0, server.stderr
    assert "Traceback" not in server.stderr
