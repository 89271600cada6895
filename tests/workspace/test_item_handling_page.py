"""On the minute-taking page: the type an item was handled as, «utsatt», and a
tilleggssak added in the meeting without sending anything."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from minutes.models import AgendaItem
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def post_handling(client, item, **data):
    item.refresh_from_db()
    return client.post(
        reverse("workspace:item_handling", args=[item.pk]),
        {"revision": item.revision, **data},
        follow=True,
    )


def test_the_page_offers_handling_and_a_late_addition(alice_client, meeting, item):
    page = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    html = page.content.decode()
    assert reverse("workspace:item_handling", args=[item.pk]) in html
    assert "Behandlet som" in html
    assert "Som planlagt (Orientering)" in html
    assert reverse("workspace:late_item_add", args=[meeting.pk]) in html
    assert "Legg til tilleggssak" in html


def test_handled_as_another_type_is_saved_and_shown(alice_client, meeting, item):
    response = post_handling(alice_client, item, handled_kind="til_uttalelse")
    item.refresh_from_db()
    assert item.kind == "orientering" and item.handled_kind == "til_uttalelse"
    assert "behandlet som Til uttalelse" in response.content.decode()


def test_an_unknown_type_gets_a_clear_message_and_saves_nothing(
    alice_client, meeting, item
):
    response = post_handling(alice_client, item, handled_kind="tull")
    item.refresh_from_db()
    assert item.handled_kind == ""
    assert "Velg en sakstype fra listen" in response.content.decode()


def test_a_stale_form_is_refused(alice_client, meeting, item):
    revision = item.revision
    item.presenters = "Noen andre"
    item.save()
    response = alice_client.post(
        reverse("workspace:item_handling", args=[item.pk]),
        {"revision": revision, "is_postponed": "on"},
        follow=True,
    )
    item.refresh_from_db()
    assert not item.is_postponed
    assert "Noen andre har endret saken" in response.content.decode()


def test_postponing_tells_where_the_item_went(alice_client, meeting, item):
    later = make_meeting(
        council=meeting.council, date=meeting.date + datetime.timedelta(days=30)
    )
    response = post_handling(
        alice_client, item, is_postponed="on", postponed_reason="Tidsnød"
    )
    item.refresh_from_db()
    assert item.is_postponed and item.postponed_reason == "Tidsnød"
    carried = AgendaItem.objects.get(postponed_from=item)
    assert carried.meeting == later
    html = response.content.decode()
    assert f"ført opp som sak {carried.number_label} i {later.title}" in html


def test_postponing_without_a_next_meeting_says_when_it_is_carried(
    alice_client, meeting, item
):
    response = post_handling(alice_client, item, is_postponed="on")
    assert "når det møtet er opprettet" in response.content.decode()


def test_a_late_addition_in_the_meeting_sends_nothing(alice_client, meeting):
    assert not meeting.summons_sent
    response = alice_client.post(
        reverse("workspace:late_item_add", args=[meeting.pk]),
        {"title": "Sak som kom opp i møtet", "kind": "drofting"},
        follow=True,
    )
    item = AgendaItem.objects.get(meeting=meeting, title="Sak som kom opp i møtet")
    assert item.is_late_addition and item.kind == "drofting"
    meeting.refresh_from_db()
    assert not meeting.summons_sent
    assert mail.outbox == []
    assert f"Tilleggssak {item.number_label} er lagt til" in response.content.decode()


def test_a_late_addition_without_a_title_is_refused(alice_client, meeting):
    count = AgendaItem.objects.filter(meeting=meeting).count()
    response = alice_client.post(
        reverse("workspace:late_item_add", args=[meeting.pk]),
        {"title": "  "},
        follow=True,
    )
    assert AgendaItem.objects.filter(meeting=meeting).count() == count
    assert "Skriv en tittel på tilleggssaken" in response.content.decode()


def test_other_councils_cannot_reach_these(clients_for, meeting, item):
    client = clients_for("secretariat_b")
    assert (
        client.post(
            reverse("workspace:item_handling", args=[item.pk]),
            {"revision": item.revision, "is_postponed": "on"},
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("workspace:late_item_add", args=[meeting.pk]), {"title": "X"}
        ).status_code
        == 404
    )
    item.refresh_from_db()
    assert not item.is_postponed
