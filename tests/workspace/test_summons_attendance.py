"""Summons by e-mail, the absence link, and the attendance grid."""

import datetime
import re

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse

from council.models import Person
from minutes.mail import ABSENCE_SALT, absence_token
from minutes.models import Attendance
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(council, world):
    """Bob (of the world), Erik and a member without an e-mail address."""
    erik = MembershipFactory(
        council=council, person=PersonFactory(name="Erik Hansen", email="erik@ex.org")
    )
    no_mail = MembershipFactory(council=council, person=PersonFactory(name="Uten Post"))
    return erik, no_mail


def send(client, meeting, **data):
    return client.post(
        reverse("workspace:summons", args=[meeting.pk]),
        {"confirm": "on", **data},
        follow=True,
    )


def test_the_summons_goes_to_every_member_with_text_html_pdf_and_a_personal_link(
    alice_client, meeting, members
):
    response = send(alice_client, meeting, message="Velkommen til møtet.")
    meeting.refresh_from_db()
    assert meeting.summons_sent  # summons_mark_sent was called
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "erik@ex.org"]
    message = next(m for m in mail.outbox if m.to == ["erik@ex.org"])
    assert meeting.title in message.subject
    assert "Velkommen til møtet." in message.body
    assert "Eventuelt" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Eventuelt" in html
    name, content, pdf_type = message.attachments[0]
    assert pdf_type == "application/pdf" and content.startswith(b"%PDF")
    assert "/konto/forfall/" in message.body
    page = response.content.decode()
    assert "sendes til 2 medlemmer" in page
    assert "Uten Post" in page  # told who has no e-mail address
    # Every member now has an attendance row.
    assert Attendance.objects.filter(meeting=meeting, role="member").count() == 3


def test_the_summons_needs_confirmation(alice_client, meeting, members):
    response = alice_client.post(reverse("workspace:summons", args=[meeting.pk]), {})
    assert "Kryss av for å bekrefte" in response.content.decode()
    assert not mail.outbox


def absence_link(meeting):
    message = next(m for m in mail.outbox if m.to == ["erik@ex.org"])
    return re.search(r"http://[^\s]+/konto/forfall/[^\s]+/", message.body).group(0)


def test_a_member_reports_absence_and_a_new_substitute_from_the_link(
    client, alice_client, meeting, members
):
    send(alice_client, meeting)
    url = absence_link(meeting).split("http://127.0.0.1:8000")[-1]
    page = client.get(url)
    assert page.status_code == 200
    assert "Erik Hansen" in page.content.decode()
    client.post(url, {"new_substitute_name": "Anne Vara"})
    erik = Person.objects.get(name="Erik Hansen")
    attendance = Attendance.objects.get(meeting=meeting, person=erik)
    assert attendance.status == Attendance.Status.NOTIFIED_ABSENCE
    assert attendance.substitute.name == "Anne Vara"
    assert attendance.substitute.organisation == members[0].organisation


def test_a_tampered_or_expired_link_is_refused(client, meeting, members):
    token = absence_token(meeting=meeting, membership=members[0])
    bad = client.get(reverse("review:absence_report", args=[token[:-2] + "xx"]))
    assert bad.status_code == 404 and "ugyldig" in bad.content.decode()
    old = signing.dumps({"m": meeting.pk, "ms": members[0].pk}, salt=ABSENCE_SALT)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=120)
    with time_machine.travel(later):
        expired = client.get(reverse("review:absence_report", args=[old]))
    assert expired.status_code == 404
    assert "utløpt" in expired.content.decode()


def test_the_attendance_grid_records_presence_absence_substitute_and_times(
    alice_client, meeting, members
):
    erik, _no_mail = members
    grid = alice_client.get(reverse("workspace:attendance", args=[meeting.pk]))
    assert f'name="m{erik.pk}-status"' in grid.content.decode()
    response = alice_client.post(
        reverse("workspace:attendance", args=[meeting.pk]),
        {
            f"m{erik.pk}-status": "absent",
            f"m{erik.pk}-substitute": "Vara Varasen",
            f"m{_no_mail.pk}-status": "present",
            f"m{_no_mail.pk}-arrived_at": "12:00",
            f"m{_no_mail.pk}-left_at": "17:35",
        },
    )
    assert response.status_code == 302
    absent = Attendance.objects.get(meeting=meeting, membership=erik)
    assert absent.status == "absent" and absent.substitute.name == "Vara Varasen"
    late = Attendance.objects.get(meeting=meeting, membership=_no_mail)
    assert late.partial_note == "fra kl. 12, til kl. 17.35"


def test_a_bad_row_is_shown_with_its_error_and_the_typed_values_stay(
    alice_client, meeting, members
):
    erik, _no_mail = members
    response = alice_client.post(
        reverse("workspace:attendance", args=[meeting.pk]),
        {
            f"m{erik.pk}-status": "present",
            f"m{erik.pk}-arrived_at": "14:00",
            f"m{erik.pk}-left_at": "10:00",
            f"m{erik.pk}-note": "Bare under sak 3",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tidspunktet personen gikk må være etter at den kom." in html
    assert 'value="Bare under sak 3"' in html


def test_secretariat_staff_and_guests_are_added_and_removed(alice_client, meeting):
    alice_client.post(
        reverse("workspace:attendance_add", args=[meeting.pk]),
        {"role": "secretariat", "new_person_name": "Siri Sekretariat"},
    )
    alice_client.post(
        reverse("workspace:attendance_add", args=[meeting.pk]),
        {"role": "guest", "new_person_name": "Gjest Gjestesen", "note": "sak 2"},
    )
    roles = dict(
        Attendance.objects.filter(meeting=meeting).values_list("person__name", "role")
    )
    assert roles == {"Siri Sekretariat": "secretariat", "Gjest Gjestesen": "guest"}
    guest = Attendance.objects.get(meeting=meeting, role="guest")
    alice_client.post(reverse("workspace:attendance_remove", args=[guest.pk]))
    assert not Attendance.objects.filter(pk=guest.pk).exists()


def test_the_absence_page_offers_no_one_from_another_council(
    client, meeting, members, world
):
    """Erik's organisation also serves council B: Charlie's colleague there, whom
    council A has never met, is not offered as a substitute (nor is Charlie)."""
    from review.views_absence import substitute_candidates

    erik_seat = members[0]
    colleague_b = PersonFactory(name="Kollega i B", organisation=erik_seat.organisation)
    MembershipFactory(
        council=world.council_b,
        person=colleague_b,
        organisation=erik_seat.organisation,
    )
    colleague_a = PersonFactory(name="Kollega i A", organisation=erik_seat.organisation)
    MembershipFactory(
        council=world.council_a,
        person=colleague_a,
        organisation=erik_seat.organisation,
        role="deputy",
    )
    names = {p.name for p in substitute_candidates(meeting, erik_seat)}
    assert "Kollega i A" in names
    assert "Kollega i B" not in names
    assert world.member_b.person.name not in names
