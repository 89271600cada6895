"""A new council set up from nothing in a real browser, without the Django admin:
the operator makes the council and invites its secretary; she accepts (password and
authenticator app), sets up item kinds and standard items, adds and invites a member,
creates a meeting and sends the summons. No /admin/ page is ever requested."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.models import Invitation
from minutes.models import AgendaItem, Meeting
from tests.browser.conftest import login
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Et langt og godt passord 2026"


def test_a_council_is_set_up_and_runs_without_the_admin(browser, live_server, world):
    requested = []

    def new_page():
        context = browser.new_context(base_url=live_server.url, locale="nb-NO")
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("request", lambda request: requested.append(request.url))
        return page

    # The operator makes the council and invites its first secretary.
    oscar = new_page()
    login(oscar, world.operator.username, PASSWORD)
    oscar.goto("/arbeid/")
    oscar.get_by_role("link", name="Nytt råd").click()
    oscar.locator("#id_name").fill("Eldrerådet i Fjordvik kommune")
    oscar.locator("#id_slug").fill("eldreradet-fjordvik")
    oscar.locator("#id_secretariat_organisation").fill("Fjordvik kommune")
    oscar.locator("#id_secretary_name").fill("Siri Sekretær")
    oscar.locator("#id_secretary_email").fill("siri@example.org")
    oscar.get_by_role("button", name="Opprett rådet og inviter sekretæren").click()
    link = oscar.locator("#new-invitation-link").inner_text().strip()
    assert "/konto/invitasjon/" in link
    oscar.context.close()

    # The secretary accepts: user name, password and the app's first code.
    siri = new_page()
    siri.goto(urlparse(link).path)  # the link names SITE_URL; the test server differs
    expect(siri.get_by_role("heading", name="Lag innloggingen din")).to_be_visible()
    secret_key = Invitation.objects.get(person__name="Siri Sekretær").totp_key
    siri.locator("#id_username").fill("siri")
    siri.locator("#id_password").fill(NEW_PASSWORD)
    siri.locator("#id_password_again").fill(NEW_PASSWORD)
    siri.locator("#id_code").fill(f"{totp(bytes.fromhex(secret_key)):06d}")
    siri.get_by_role("button", name="Lag innloggingen").click()
    siri.get_by_role("link", name="Jeg har lagret kodene").click()

    # Her council's item kinds and standard items.
    siri.goto("/arbeid/rad/eldreradet-fjordvik/innstillinger/")
    siri.get_by_label("Sakstype 1").fill("Referatsak")
    siri.get_by_role("button", name="Lagre sakstypene").click()
    expect(siri.get_by_text("Sakstypene er lagret.")).to_be_visible()
    siri.locator("#id_items-2-title").fill("Orientering fra kommunedirektøren")
    siri.get_by_role("button", name="Lagre standardsakene").click()
    expect(siri.get_by_text("Standardsakene er lagret.")).to_be_visible()

    # A member, then her invitation.
    siri.goto("/arbeid/rad/eldreradet-fjordvik/medlemmer/")
    siri.locator("#id_new_person_name").fill("Marit Medlem")
    siri.locator("#id_new_person_email").fill("marit@example.org")
    siri.locator("#id_other_organisation").fill("Pensjonistforeningen")
    siri.get_by_role("button", name="Legg til").click()
    siri.get_by_role("button", name="Inviter Marit Medlem").click()
    expect(siri.locator("#new-invitation-link")).to_be_visible()

    # A meeting, and its summons.
    siri.goto("/arbeid/rad/eldreradet-fjordvik/nytt-mote/")
    siri.locator("#id_date").fill("2031-03-14")
    siri.get_by_role("button", name="Opprett møtet").click()
    meeting = Meeting.objects.get(council__slug="eldreradet-fjordvik")
    titles = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("title", flat=True)
    )
    assert "Orientering fra kommunedirektøren" in titles
    siri.goto(f"/arbeid/mote/{meeting.pk}/innkalling/")
    siri.get_by_label(re.compile("Jeg har sjekket sakslisten")).check()
    siri.get_by_role("button", name="Send innkallingen").click()
    expect(siri.get_by_text(re.compile("Innkallingen ble sendt"))).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.summons_sent
    assert any("marit@example.org" in m.to for m in mail.outbox)

    admin_requests = [url for url in requested if "/admin/" in url]
    assert admin_requests == []
