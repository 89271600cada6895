"""Two-factor authentication in a real browser, under the site's strict CSP."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def secretary(world):
    """Alice serves council A's secretariat and has no authenticator app yet."""
    return world.secretariat_a


def test_a_new_secretary_sets_up_her_app_from_the_qr_code(page, secretary, screenshot):
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto("/konto/logg-inn/")
    page.get_by_label("Brukernavn").fill(secretary.username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()

    expect(
        page.get_by_role("heading", name="Sett opp tofaktorinnlogging")
    ).to_be_visible()
    qr = page.get_by_role("img", name="QR-kode for autentiseringsappen")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.naturalWidth") > 0
    screenshot("setup")
    assert csp_errors == []


def test_login_asks_for_the_code_and_lands_in_the_workspace(page, secretary):
    login(page, secretary.username, PASSWORD)  # sets the app up on the first login
    page.get_by_role("button", name="Logg ut").click()

    login(page, secretary.username, PASSWORD)  # then asks for its code

    expect(page.get_by_role("heading", name="Arbeidsflate", level=1)).to_be_visible()
