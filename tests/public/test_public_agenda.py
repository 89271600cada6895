"""The agenda public before the meeting: once the summons is sent, the meeting page
shows date, time, venue and the saksliste with proposals and public papers; nothing
written in or after the meeting (bodies, inputs, final decisions) until the minutes
are published."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from minutes.models import AgendaItem, Attachment, Decision
from minutes.services import editing
from minutes.services.summons import summons_mark_sent
from tests.factories import PDF_BYTES, make_meeting, publish

pytestmark = pytest.mark.django_db

FUTURE = timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def summoned(world):
    council = world.council_a
    meeting = make_meeting(council=council, date=FUTURE, venue="Rådhuset, sal 2")
    item = AgendaItem.objects.get(meeting=meeting, standard="secretariat_info")
    Decision.objects.filter(item=item).update(proposed_text="Forslaget står her.")
    Attachment.objects.create(
        meeting=meeting,
        item=item,
        title="Saksfremlegg",
        file=ContentFile(PDF_BYTES, name="fremlegg.pdf"),
    )
    Attachment.objects.create(
        meeting=meeting,
        item=item,
        title="Internt notat",
        is_public=False,
        file=ContentFile(PDF_BYTES, name="internt.pdf"),
    )
    AgendaItem.objects.filter(pk=item.pk).update(body="Hemmelig brødtekst fra møtet.")
    editing.input_add(item=item, text="Hemmelig innspill fra møtet.", who="")
    Decision.objects.filter(item=item).update(final_text="Hemmelig endelig vedtak.")
    summons_mark_sent(meeting=meeting)
    meeting.refresh_from_db()
    return meeting


SECRETS = (
    "Hemmelig brødtekst fra møtet.",
    "Hemmelig innspill fra møtet.",
    "Hemmelig endelig vedtak.",
    "Internt notat",
)


def test_the_summoned_meetings_page_shows_the_agenda_and_nothing_else(client, summoned):
    response = client.get(summoned.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Innkalling til" in html and "Referatet er ikke godkjent ennå" in html
    assert "Rådhuset, sal 2" in html
    for item in AgendaItem.objects.filter(meeting=summoned):
        assert item.title in html
    assert "Forslaget står her." in html
    assert "Saksfremlegg" in html
    for secret in SECRETS:
        assert secret not in html


def test_proposals_are_shown_only_where_the_council_publishes_them(client, summoned):
    council = summoned.council
    council.publishes_proposals = False
    council.save()
    html = client.get(summoned.get_absolute_url()).content.decode()
    assert "Forslaget står her." not in html
    assert "Saksfremlegg" in html


def test_public_papers_download_and_internal_ones_do_not(client, summoned):
    public = Attachment.objects.get(title="Saksfremlegg")
    internal = Attachment.objects.get(title="Internt notat")
    args = [summoned.council.slug, summoned.year, summoned.number]
    assert (
        client.get(reverse("public:attachment", args=[*args, public.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("public:attachment", args=[*args, internal.pk])).status_code
        == 404
    )


def test_before_the_summons_nothing_is_public(client, world):
    meeting = make_meeting(council=world.council_a, date=FUTURE)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_an_item_title_changed_after_the_summons_shows_at_once(client, summoned):
    client.get(summoned.get_absolute_url())  # cached
    item = AgendaItem.objects.filter(meeting=summoned).first()
    item.title = "Ny tittel etter innkallingen"
    item.save(update_fields=["title"])
    assert (
        "Ny tittel etter innkallingen"
        in client.get(summoned.get_absolute_url()).content.decode()
    )


def test_council_page_feed_and_calendar_point_to_the_agenda(client, summoned):
    council = summoned.council
    council_page = client.get(council.get_absolute_url()).content.decode()
    assert summoned.get_absolute_url() in council_page
    feed = client.get(reverse("public:council_feed", args=[council.slug]))
    feed_text = feed.content.decode()
    assert "Innkalling til" in feed_text
    assert summoned.get_absolute_url() in feed_text
    for secret in SECRETS:
        assert secret not in feed_text
    calendar = client.get(
        reverse("public:council_calendar", args=[council.slug])
    ).content.decode()
    assert "Sakslisten:" in calendar.replace("\r\n ", "")


def test_once_published_the_minutes_replace_the_agenda(client, summoned):
    publish(summoned)
    html = client.get(summoned.get_absolute_url()).content.decode()
    assert "Referatet er ikke godkjent ennå" not in html
    assert "Hemmelig endelig vedtak." in html
