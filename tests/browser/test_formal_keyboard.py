"""Votes, disqualifications and statements for the record entered with the keyboard
alone on the minute-taking page, with htmx; and the panel with its forms open has no
WCAG violations (the rest of the page is test_accessibility's business)."""

import pytest
from playwright.sync_api import expect

from minutes.models import Disqualification, Vote
from tests.browser.conftest import login
from tests.browser.test_accessibility import AXE, WCAG_TAGS, axe_page  # noqa: F401
from tests.factories import MembershipFactory, PersonFactory
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FVL_A = "forvaltningsloven § 6 første ledd bokstav a"


def open_minutes(page, meeting) -> None:
    login(page, "alice", PASSWORD)
    expect(page.get_by_role("heading", name="Arbeidsflate", level=1)).to_be_visible()
    page.goto(f"/arbeid/mote/{meeting.pk}/referat/")


def test_a_vote_and_a_disqualification_by_keyboard(page, world, screenshot):
    meeting = world.draft_a
    item = meeting.items.get(standard="secretariat_info")
    MembershipFactory(
        council=world.council_a, person=PersonFactory(name="Kari Hansen"), party="Sp"
    )
    open_minutes(page, meeting)
    # A slow settle: the user moves on before htmx has settled the answer, and the
    # focus must stay where they moved it (it used to be pulled back).
    page.evaluate("htmx.config.defaultSettleDelay = 400")
    panel = page.locator(f"#formal-{item.pk}")

    panel.locator("summary", has_text="Legg til votering").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(f"#f-{item.pk}-outcome")).to_be_focused()
    page.keyboard.press("ArrowDown")  # «Vedtatt ved votering»
    page.keyboard.press("Tab")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Ola Nordmann (H)")
    page.keyboard.press("Enter")  # submits the form
    expect(panel).to_contain_text(
        "Vedtatt med 5 mot 2 stemmer. Mot stemte: Ola Nordmann (H)."
    )
    # Focus stays in the panel, on the field used, for the next entry.
    expect(page.locator(f"#f-{item.pk}-names")).to_be_focused()
    assert Vote.objects.get(item=item).votes_against == 2

    panel.locator("summary", has_text="Legg til inhabilitet").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # Once the vote's answer has settled, the focus is still where the user went.
    expect(page.locator(".htmx-settling")).to_have_count(0)
    expect(page.locator(f"#f-{item.pk}-dperson")).to_be_focused()
    page.locator(f"#f-{item.pk}-dperson").select_option(label="Kari Hansen")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type(FVL_A)
    page.keyboard.press("Enter")
    expect(panel).to_contain_text("Kari Hansen ble erklært inhabil etter " + FVL_A)
    assert Disqualification.objects.get(item=item).basis == FVL_A
    screenshot("formal")


def test_the_panel_with_its_forms_open_has_no_wcag_violations(
    axe_page,  # noqa: F811 (the fixture imported above)
    world,
    live_server,
):
    meeting = world.draft_a
    item = meeting.items.get(standard="secretariat_info")
    open_minutes(axe_page, meeting)
    for summary in axe_page.locator(f"#formal-{item.pk} summary").all():
        summary.click()
    axe_page.add_script_tag(path=str(AXE))
    result = axe_page.evaluate(
        """([selector, tags]) => axe.run(
            {include: [selector]}, {runOnly: {type: 'tag', values: tags}})""",
        [f"#formal-{item.pk}", WCAG_TAGS],
    )
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
