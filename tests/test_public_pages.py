"""Public pages show published minutes and nothing else."""

import datetime

import pytest
from django.urls import reverse

from council.models import Attendance
from minutes.models import Input
from tests.factories import MembershipFactory, make_meeting, make_published_meeting

pytestmark = pytest.mark.django_db


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_an_unpublished_meeting_is_not_found(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    item = meeting.items.first()
    assert client.get(item.get_absolute_url()).status_code == 404
    home = client.get(reverse("public:home")).content.decode()
    assert meeting.get_absolute_url() not in home


def test_the_meeting_page_shows_the_minutes_in_order(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    member = MembershipFactory(council=council, person__name="Kari Nordmann")
    Attendance.objects.create(
        meeting=meeting,
        membership=member,
        person=member.person,
        arrived_at=datetime.time(12),
    )
    first = meeting.items.order_by("order").first()
    Input.objects.create(item=first, order=1, text="Første <innspill>")
    Input.objects.create(item=first, order=2, text="Andre innspill")
    first.decision.final_text = first.decision.proposed_text
    first.decision.save()
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    page = page[page.index('<article class="minutes"') :]
    expected = [
        f"Referat fra møte i {council.name}",
        "Møte",
        "1/2022",
        "1. februar 2022",
        "Kari Nordmann",
        "fra kl. 12",
        "1/22",
        "Godkjenning av innkalling og dagsorden",
        "Følgende innspill og spørsmål ble svart ut i møtet:",
        "Første &lt;innspill&gt;",
        "Andre innspill",
        "Vedtak:",
        f"{council.name} godkjenner innkalling og dagsorden.",
        "Eventuelt",
    ]
    position = 0
    for text in expected:
        found = page.find(text, position)
        assert found >= 0, f"{text!r} missing or out of order"
        position = found + len(text)
    assert "<innspill>" not in page


def test_the_item_permalink_shows_one_item(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.order_by("order").first()
    assert item.get_absolute_url() == f"/{council.slug}/sak/2022/1/"
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Godkjenning av innkalling og dagsorden" in response.content.decode()


def test_the_home_page_lists_published_meetings(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    page = client.get("/").content.decode()
    assert council.name in page
    assert meeting.get_absolute_url() in page


def test_pages_are_in_norwegian_with_english_available(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<html lang="nb">' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<html lang="en">' in page
    assert "Minutes of the meeting of" in page
