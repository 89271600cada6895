"""Importing past minutes in a real browser: the upload and the side-by-side check
pass axe-core's WCAG 2.1 A/AA rules, and a title corrected in the form is saved."""

import json

import pytest
from playwright.sync_api import expect

from minutes.models import Meeting, Minutes
from tests.browser.conftest import ARTIFACTS, login
from tests.browser.test_accessibility import AXE, axe_violations
from tests.import_samples import minutes_text
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def axe_page(browser, live_server, settings, tmp_path):
    """A page that may inject axe-core (the site's CSP refuses inline scripts)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_upload_check_correct_and_save(axe_page, world, tmp_path):
    assert AXE.exists(), "run `npm ci` (make test does)"
    page = axe_page
    path = tmp_path / "referat-3-2023.txt"
    path.write_text(minutes_text(world.council_a, world.membership_a), "utf-8")
    login(page, "alice", PASSWORD)
    page.goto("/arbeid/")
    page.get_by_role("link", name="Importer referat").first.click()
    expect(
        page.get_by_role("heading", name="Importer et tidligere referat")
    ).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Referatet").set_input_files(str(path))
    page.get_by_role("button", name="Les filen").click()

    expect(page.get_by_role("heading", name="Teksten i filen")).to_be_visible()
    expect(page.get_by_role("region", name="Teksten i filen")).to_contain_text(
        "Direktoratet la fram utkastet til strategi."
    )
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "import-check.png"), full_page=True)
    title = page.locator("#id_sak-1-title")
    expect(title).to_have_value("Ny strategi")
    title.fill("Ny nasjonal strategi")
    page.get_by_role("button", name="Lagre som godkjent referat").click()

    expect(page.get_by_text("Møte 3/2023 er importert og godkjent")).to_be_visible()
    meeting = Meeting.objects.get(council=world.council_a, year=2023, number=3)
    assert meeting.items.get(number=2).title == "Ny nasjonal strategi"
    assert meeting.minutes.approval_method == Minutes.ApprovalMethod.IMPORTED
