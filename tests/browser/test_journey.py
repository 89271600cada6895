"""The whole life of a meeting in a real browser, through the site's own pages.

Alice runs the secretariat of Testrådet, the world's council A (tests/world.py),
which here approves minutes online when all its members have approved; Bob is its one
member. Alice logs in with her second factor, creates a meeting, minutes two items
with inputs and decisions and sends the minutes for review. Bob logs in, comments on
an item and approves. Alice answers the comment, which completes the approval: the
minutes are approved and published. A visitor finds the decision by searching, opens
it and downloads the PDF.

Locators are by role and label, so the journey also shows the pages can be used with
assistive technology. Screenshots of every step go to test-artifacts/.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from council.models import Council
from minutes.models import Input, Minutes
from tests.browser.conftest import login
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DECISION = "Rådet anbefaler en felles journalløsning for kommunene fra 2026."


@pytest.fixture
def council(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    council = world.council_a
    council.approval_rule = Council.ApprovalRule.ONLINE_ALL
    council.publish_on_approval = True
    council.save(update_fields=["approval_rule", "publish_on_approval"])
    return council


def logout(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Logg ut").click()


def item_section(page, title: str):
    return page.get_by_role("region", name=re.compile(re.escape(title)))


def minute_item(page, title: str, *, input_text: str, decision: str) -> None:
    """Type an input and the decision under an item; both save by themselves."""
    section = item_section(page, title)
    status = page.locator("#save-status")
    new_input = section.get_by_label("Nytt innspill")
    new_input.click()
    new_input.type(input_text)
    expect(status).to_have_text("Lagret")
    final = section.get_by_label("Vedtak", exact=True)
    final.fill(decision)
    section.get_by_label("Innledere").click()  # leaving a field saves it
    expect(status).to_have_text("Lagret")


def test_a_meeting_goes_from_creation_to_a_published_pdf_found_by_search(
    page, council, screenshot, mailoutbox
):
    # The secretariat logs in with the second factor and creates a meeting.
    login(page, "alice", PASSWORD)
    expect(page.get_by_role("heading", name="Arbeidsflate", level=1)).to_be_visible()
    screenshot("01-secretariat-workspace")
    page.get_by_role("link", name="Nytt møte").first.click()
    held = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Dato").fill(held.isoformat())
    page.get_by_label("Sted").fill("Møterom Storting")
    page.get_by_role("button", name="Opprett møtet").click()
    expect(page.get_by_text("er opprettet med standardsakene")).to_be_visible()
    meeting = council.meetings.get()

    # Two items of its own, with proposed decisions.
    for title, proposal in (
        ("Nasjonal e-helsestrategi", "Rådet tar strategien til orientering."),
        ("Felles journalløsning", "Rådet anbefaler en felles journalløsning."),
    ):
        page.get_by_label("Tittel på ny sak").fill(title)
        page.get_by_label("Forslag til vedtak").fill(proposal)
        page.get_by_role("button", name="Legg til saken").click()
        expect(page.get_by_role("link", name=title)).to_be_visible()
    screenshot("02-meeting-created-with-items")

    # Minute-taking: an input and the decision under each item.
    page.get_by_role("link", name="Referat", exact=True).click()
    minute_item(
        page,
        "Nasjonal e-helsestrategi",
        input_text="KS ønsker at kommunene involveres tidlig.",
        decision="Rådet tar strategien til orientering, med innspillene i møtet.",
    )
    minute_item(
        page,
        "Felles journalløsning",
        input_text="Helse Vest RHF støtter en felles løsning.",
        decision=DECISION,
    )
    # The standard items were decided as proposed: one click each (the minutes
    # cannot be approved while an item that needs a decision has none).
    for standard in ("Godkjenning av innkalling og dagsorden", "Orientering fra"):
        with page.expect_navigation():
            item_section(page, standard).get_by_role(
                "button", name=re.compile("Vedtatt som foreslått")
            ).click()
    assert Input.objects.filter(item__meeting=meeting).count() == 2
    screenshot("03-minutes-taken")

    # Off to the members for review.
    page.get_by_role("link", name="Gjennomsyn og godkjenning").click()
    page.get_by_role("button", name="Send til gjennomsyn").click()
    expect(page.get_by_text("Versjon 1 er sendt til medlemmene.")).to_be_visible()
    screenshot("04-sent-for-review")
    assert any("bob@example.org" in m.to for m in mailoutbox)
    logout(page)

    # The member reads the draft, comments on an item and approves.
    login(page, "bob", PASSWORD)
    page.goto("/gjennomsyn/")
    page.get_by_role("link", name=re.compile("Testrådet: Møte")).click()
    journal = item_section(page, "Felles journalløsning")
    journal.get_by_text("Kommenter saken").click()
    journal.get_by_role("textbox", name="Kommentar").fill(
        "Bør vi nevne tidsplanen for 2026?"
    )
    journal.get_by_role("button", name="Lagre kommentar").click()
    expect(page.get_by_text("Kommentaren er lagret.")).to_be_visible()
    page.get_by_role("button", name="Godkjenn referatet").click()
    expect(page.get_by_text("Du har godkjent referatet.")).to_be_visible()
    screenshot("05-member-commented-and-approved")
    # An open comment holds the approval until the secretariat has answered it.
    assert Minutes.objects.get(meeting=meeting).status == Minutes.Status.IN_REVIEW
    logout(page)

    # The secretariat answers; that completes the approval, and it is published.
    login(page, "alice", PASSWORD)
    page.goto(f"/gjennomsyn/{meeting.pk}/sekretariat/")
    page.get_by_label("Svar til medlemmet").fill("Ja, tidsplanen står nå i vedtaket.")
    page.get_by_role("button", name="Ta til følge", exact=True).click()
    expect(page.get_by_text("Svaret er sendt til medlemmet.")).to_be_visible()
    status = page.get_by_role("definition").filter(has_text=re.compile("^Publisert$"))
    expect(status).to_be_visible()
    screenshot("06-answered-approved-published")
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.pdf_sha256
    logout(page)

    # A visitor searches for the decision, opens it and downloads the PDF.
    page.goto("/")
    page.get_by_label("Søk i publiserte referater").fill("journalløsning")
    page.get_by_role("button", name="Søk", exact=True).click()
    results = page.get_by_role("region", name=re.compile("treff for «journalløsning»"))
    expect(results).to_be_visible()
    screenshot("07-visitor-search-results")
    results.get_by_role("link", name=re.compile("Felles journalløsning")).first.click()
    expect(page.get_by_text(DECISION)).to_be_visible()
    screenshot("08-visitor-reads-the-decision")
    page.get_by_role("link", name=meeting.title).first.click()
    pdf_link = page.get_by_role("link", name=re.compile("Last ned referatet"))
    # The PDF opens in the browser's own viewer; the click fetches the file.
    with page.expect_response(re.compile(r"/referat\.pdf$")) as response_info:
        pdf_link.click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    # Chromium hands the body to its viewer, so download the bytes as the visitor.
    downloaded = page.request.get(response.url)
    assert downloaded.body()[:5] == b"%PDF-"
    assert len(downloaded.body()) == Minutes.objects.get(meeting=meeting).pdf_size
    assert re.search(
        r'filename="?referat.*\.pdf', response.headers["content-disposition"]
    )
    screenshot("09-visitor-opens-the-pdf")
