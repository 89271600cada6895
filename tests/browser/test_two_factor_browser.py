"""Two-factor authentication in a real browser, under the site's strict CSP."""

import pytest
from playwright.sync_api import expect

from accounts import invitations
from accounts.models import Invitation
from tests.browser.conftest import login
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def secretary(world):
    """Alice serves council A's secretariat."""
    return world.secretariat_a


def test_a_new_secretary_sets_up_her_app_from_the_qr_code_of_her_invitation(
    page, world, screenshot
):
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    _invitation, token = invitations.invitation_create(
        by=world.operator,
        council=world.council_a,
        role=Invitation.Role.SECRETARIAT,
        email="siri@example.org",
        name="Siri Sekretær",
    )
    page.goto(f"/konto/invitasjon/{token}/")

    expect(page.get_by_role("heading", name="Lag innloggingen din")).to_be_visible()
    qr = page.get_by_role("img", name="QR-kode for autentiseringsappen")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.naturalWidth") > 0
    screenshot("invitation")
    assert csp_errors == []


def test_login_asks_for_the_code_and_lands_in_the_workspace(page, secretary):
    login(page, secretary.username, PASSWORD)
    page.get_by_role("button", name="Logg ut").click()

    login(page, secretary.username, PASSWORD)  # then asks for its code

    expect(page.get_by_role("heading", name="Arbeidsflate", level=1)).to_be_visible()
