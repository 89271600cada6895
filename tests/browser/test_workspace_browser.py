"""The minute-taking view in a real browser: autosave, reload, offline and back."""

import pytest
from playwright.sync_api import expect

from minutes.models import Input
from tests.browser.conftest import login
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meeting(world):
    """Council A's next meeting; Alice serves its secretariat (tests/world.py)."""
    return world.draft_a


def open_minutes(page, meeting):
    login(page, "alice", PASSWORD)
    expect(page.get_by_role("heading", name="Arbeidsflate", level=1)).to_be_visible()
    page.goto(f"/arbeid/mote/{meeting.pk}/referat/")


def test_a_typed_input_is_saved_by_itself_and_survives_a_reload(
    page, meeting, screenshot
):
    item = meeting.items.get(standard="secretariat_info")
    open_minutes(page, meeting)
    status = page.locator("#save-status")
    new_input = page.locator(f"#new-{item.pk}-text")
    new_input.click()
    new_input.type("Helse Vest ønsker en felles plan for innføring.")
    expect(status).to_have_text("Lagret")
    entry = Input.objects.get(item=item)
    assert entry.text == "Helse Vest ønsker en felles plan for innføring."
    # The box became the input's row, and typing on edits the same input.
    row_text = page.locator(f'[data-key="innspill:{entry.pk}:text"]')
    expect(row_text).to_be_focused()
    page.keyboard.type(" Gjelder 2024.")
    expect(status).to_have_text("Lagret")
    expect(row_text).to_have_attribute(
        "data-base", "Helse Vest ønsker en felles plan for innføring. Gjelder 2024."
    )
    page.locator(f"#f-sak-{item.pk}-body").fill("- Status for arbeidet\n- Videre plan")
    page.locator(f"#f-sak-{item.pk}-presenters").click()  # leaving a field saves it
    expect(status).to_have_text("Lagret")
    screenshot("minute-taking")

    page.reload()
    expect(page.locator(f'[data-key="innspill:{entry.pk}:text"]')).to_have_value(
        "Helse Vest ønsker en felles plan for innføring. Gjelder 2024."
    )
    expect(page.locator(f"#f-sak-{item.pk}-body")).to_have_value(
        "- Status for arbeidet\n- Videre plan"
    )


def test_offline_edits_are_kept_and_saved_when_the_network_returns(
    page, meeting, screenshot
):
    item = meeting.items.get(standard="secretariat_info")
    open_minutes(page, meeting)
    status = page.locator("#save-status")
    body = page.locator(f"#f-sak-{item.pk}-body")

    page.context.set_offline(True)
    body.click()
    body.type("Skrevet uten nett.")
    expect(status).to_have_text("Ikke lagret")
    expect(page.locator("#save-detail")).to_contain_text("Ingen nettforbindelse")
    screenshot("offline")
    item.refresh_from_db()
    assert item.body == ""

    page.context.set_offline(False)
    expect(status).to_have_text("Lagret", timeout=15_000)
    item.refresh_from_db()
    assert item.body == "Skrevet uten nett."


def test_unsaved_text_comes_back_after_a_reload_when_the_server_is_unreachable(
    page, meeting
):
    item = meeting.items.get(standard="secretariat_info")
    open_minutes(page, meeting)
    # Saves fail (the server is unreachable) while pages still load.
    page.route("**/arbeid/lagre/**", lambda route: route.abort())
    presenters = page.locator(f"#f-sak-{item.pk}-presenters")
    presenters.click()
    presenters.type("Lucie Aunan")
    expect(page.locator("#save-status")).to_have_text("Ikke lagret")

    page.reload()
    expect(page.locator(f"#f-sak-{item.pk}-presenters")).to_have_value("Lucie Aunan")
    expect(page.locator("#save-status")).to_have_text("Ikke lagret")
    item.refresh_from_db()
    assert item.presenters == ""

    page.unroute("**/arbeid/lagre/**")
    expect(page.locator("#save-status")).to_have_text("Lagret", timeout=15_000)
    item.refresh_from_db()
    assert item.presenters == "Lucie Aunan"


def test_a_colleagues_save_shows_both_texts_to_merge(page, meeting):
    from minutes.services.editing import content_save

    item = meeting.items.get(standard="secretariat_info")
    open_minutes(page, meeting)
    content_save(obj=item, revision=item.revision, changes={"body": "Kollegaens tekst"})
    body = page.locator(f"#f-sak-{item.pk}-body")
    body.click()
    body.type("Min tekst")
    panel = page.locator(f"#f-sak-{item.pk}-body").locator(
        "xpath=ancestor::form//*[@data-conflict-panel]"
    )
    expect(panel).to_be_visible()
    expect(panel.locator("[data-conflict-theirs]")).to_have_value("Kollegaens tekst")
    expect(page.locator("#save-status")).to_have_text("Ikke lagret")
    body.fill("Kollegaens tekst. Min tekst")
    panel.get_by_role("button", name="Lagre teksten i feltet").click()
    expect(page.locator("#save-status")).to_have_text("Lagret")
    item.refresh_from_db()
    assert item.body == "Kollegaens tekst. Min tekst"
