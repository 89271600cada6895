"""Unpublished minutes are reachable by no public path."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from minutes.models import Attachment, Input, Minutes
from tests.factories import OrganisationFactory, make_meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status",
    [Minutes.Status.DRAFT, Minutes.Status.IN_REVIEW, Minutes.Status.APPROVED],
)
def test_no_public_path_reveals_unpublished_minutes(client, council, status):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    organisation = OrganisationFactory()
    item = meeting.items.first()
    Input.objects.create(
        item=item,
        text="Hemmeligord fra utkastet",
        attribution=Input.Attribution.ORGANISATION,
        organisation=organisation,
    )
    attachment = Attachment.objects.create(
        meeting=meeting, title="Utkastnotat", file=ContentFile(b"x", name="x.pdf")
    )
    if status != Minutes.Status.DRAFT:
        Minutes.objects.filter(meeting=meeting).transition(
            status,
            approved_at=None
            if status != Minutes.Status.APPROVED
            else datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC),
        )
    not_found = [
        meeting.get_absolute_url(),
        item.get_absolute_url(),
        item.get_absolute_url() + "?q=hemmeligord",
        reverse(
            "public:attachment",
            args=[council.slug, 2022, meeting.number, attachment.pk],
        ),
    ]
    for url in not_found:
        assert client.get(url).status_code == 404, url
    listings = [
        "/",
        council.get_absolute_url(),
        reverse("public:organisation", args=[organisation.slug]),
        reverse("public:search") + "?q=hemmeligord",
        reverse("public:council_feed", args=[council.slug]),
        reverse("public:council_calendar", args=[council.slug]),
        "/sitemap.xml",
    ]
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert meeting.get_absolute_url() not in content, url
        assert item.get_absolute_url() not in content, url
        assert "Hemmeligord" not in content, url
        assert "Utkastnotat" not in content, url


def test_unknown_councils_and_organisations_are_not_found(client, db):
    for url in (
        "/finnes-ikke/",
        "/finnes-ikke/mote/2022/1/",
        "/finnes-ikke/sak/2022/1/",
        "/finnes-ikke/referater.atom",
        "/finnes-ikke/moter.ics",
        "/virksomhet/finnes-ikke/",
    ):
        assert client.get(url).status_code == 404, url


def test_public_pages_refuse_posts(client, council):
    assert client.post(council.get_absolute_url()).status_code == 405
    assert client.post(reverse("public:search"), {"q": "x"}).status_code == 405
