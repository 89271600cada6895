"""WCAG 2.1 A/AA on every kind of public page and on the attendance grid in /arbeid/:
axe-core in Debian's chromium, and no horizontal scrolling at 400 % zoom (a 320 px
wide viewport)."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from council.models import Membership
from tests.browser.conftest import ARTIFACTS, login
from tests.factories import MembershipFactory
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PUBLIC_PAGES = {
    "home": "/",
    "council": "/nasjonalt-e-helserad/",
    "meeting": "/nasjonalt-e-helserad/mote/2022/6/",
    "item": "/nasjonalt-e-helserad/sak/2022/45/?q=legemiddelliste",
    "organisation": "/virksomhet/legeforeningen/",
    "search": "/sok/?q=legemiddelliste",
    "search_empty": "/sok/?q=",
    "accessibility": "/tilgjengelighet/",
}


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def axe_page(browser, live_server):
    """A page that may inject axe-core: the site's CSP refuses inline scripts."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does).")
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})""",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


# The demo is loaded once per test (it is slow), so each test walks every page kind.


def test_public_pages_have_no_wcag_violations(axe_page, demo):
    found = {}
    for name, url in PUBLIC_PAGES.items():
        response = axe_page.goto(url)
        assert response.status == 200, name
        assert axe_page.evaluate("document.documentElement.lang") == "nb", name
        assert axe_page.locator("main").count() == 1, name
        assert axe_page.locator("h1").count() == 1, name
        violations = axe_violations(axe_page)
        if violations:
            found[name] = violations
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_public_pages_need_no_horizontal_scrolling_at_320_px(axe_page, demo):
    ARTIFACTS.mkdir(exist_ok=True)
    too_wide = {}
    for width in (320, 1280):
        axe_page.set_viewport_size({"width": width, "height": 800})
        for name, url in PUBLIC_PAGES.items():
            assert axe_page.goto(url).status == 200, name
            axe_page.screenshot(
                path=str(ARTIFACTS / f"public-{width}-{name}.png"),
                full_page=width == 320,
            )
            scroll_width = axe_page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[f"{name} at {width}"] = scroll_width
    assert too_wide == {}


def test_the_attendance_grid_has_no_wcag_violations(axe_page, world):
    """The secretariat's attendance grid (a fieldset per member, radio buttons,
    deputies with «Møtte for»), as shown and with a row refused."""
    meeting = world.draft_a
    MembershipFactory(council=world.council_a, role=Membership.Role.DEPUTY, order=9)
    login(axe_page, "alice", PASSWORD)
    assert axe_page.goto(f"/arbeid/mote/{meeting.pk}/oppmote/").status == 200
    assert axe_page.locator("fieldset.seat legend").count() == 2
    assert axe_violations(axe_page) == []
    # A deputy for a member who is present is refused: the row shows its error.
    axe_page.locator("select[name$='-for']").select_option(index=1)
    axe_page.get_by_role("button", name="Lagre oppmøtet").click()
    expect(axe_page.locator(".seat-error")).to_have_count(1)
    assert axe_violations(axe_page) == []
