"""A correction after publication: the public keeps seeing the published version
while it is prepared, then sees the corrected one with a note, and every earlier
version and its PDF stay readable at their own addresses."""

import datetime

from django.urls import reverse

from minutes.models import Input, Minutes, MinutesVersion
from minutes.services import lifecycle
from tests.factories import approving_item
from tests.review.conftest import refresh


def _publish(cast):
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item, by=cast.alice)
    return item


def test_a_correction_from_start_to_publication(client, next_meeting_cast, deadline):
    cast = next_meeting_cast
    item = _publish(cast)
    first_pdf = refresh(cast.minutes).pdf_sha256
    public_url = cast.meeting.get_absolute_url()

    client.force_login(cast.alice)
    client.post(
        reverse("review:correct", args=[cast.meeting.pk]),
        {"reason": "Feil tekst i innspill fra kommunene"},
    )
    assert refresh(cast.minutes).status == Minutes.Status.CORRECTING
    Input.objects.filter(pk=cast.inputs[0].pk).update(text="Rettet innspill.")
    client.post(
        reverse("review:send", args=[cast.meeting.pk]),
        {"deadline": deadline.isoformat()},
    )
    version = MinutesVersion.objects.get(minutes=cast.minutes, number=2)
    assert version.reason == "Feil tekst i innspill fra kommunene"

    # While the correction is under way the public still sees the published text.
    client.logout()
    page = client.get(public_url).content.decode()
    assert "Strategien må forankres i kommunene." in page
    assert "Rettet innspill." not in page
    assert "En retting av referatet er under arbeid" in page
    # The item's permalink keeps citing the published version too.
    item_page = client.get(cast.inputs[0].item.get_absolute_url())
    assert item_page.status_code == 200
    assert "Strategien må forankres i kommunene." in item_page.content.decode()
    assert "Rettet innspill." not in item_page.content.decode()
    search = client.get("/sok/", {"q": "Rettet innspill"}).content.decode()
    assert "Rettet innspill." not in search
    api = client.get("/api/inputs/").content.decode()
    assert "Rettet innspill." not in api

    # The next meeting approves the corrected minutes; they are published at once.
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item, by=cast.alice)
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.pdf_sha256 and minutes.pdf_sha256 != first_pdf
    page = client.get(public_url).content.decode()
    assert "Rettet innspill." in page
    assert "Feil tekst i innspill fra kommunene" in page
    assert "Rettet " in page

    # The first version stays readable, with its own PDF.
    first = MinutesVersion.objects.get(minutes=minutes, number=1)
    assert first.pdf_sha256 == first_pdf
    old_url = reverse(
        "public:version",
        args=[cast.council.slug, cast.meeting.year, cast.meeting.number, 1],
    )
    assert old_url in page
    old_page = client.get(old_url).content.decode()
    assert "Strategien må forankres i kommunene." in old_page
    assert "tidligere versjon" in old_page
    pdf = client.get(old_url + "pdf/")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_an_unpublished_version_has_no_public_address(client, cast, deadline):
    lifecycle.minutes_send_for_review(
        minutes=cast.minutes, by=cast.alice, deadline=deadline
    )
    url = reverse(
        "public:version",
        args=[cast.council.slug, cast.meeting.year, cast.meeting.number, 1],
    )
    assert client.get(url).status_code == 404
