"""The summons PDF is frozen and hashed when sent (SummonsVersion): downloads serve the
latest sent version as it went out, a later change of an item's type or title does
not alter it, a re-sent summons is a new version, and earlier versions stay
readable. The PDFs' text is read back."""

import hashlib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from minutes.models import AgendaItem, SummonsVersion
from minutes.services import agenda
from minutes.services.handling import item_handling_update
from minutes.services.summons import summons_send
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, media_root):
    meeting = world.draft_a
    agenda.agenda_item_add(
        meeting=meeting, title="Ny pasientjournal", kind="orientering"
    )
    return meeting


def summons_url(meeting, version=None) -> str:
    args = [meeting.council.slug, meeting.year, meeting.number]
    if version is None:
        return reverse("review:summons_pdf", args=args)
    return reverse("review:summons_version_pdf", args=[*args, version])


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    return (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )


def text(content: bytes) -> str:
    return squeeze("\n".join(pdf_pages(content)))


def test_sending_freezes_the_pdf_with_its_hash_and_mails_that_very_file(meeting, world):
    summons_send(meeting=meeting, by=world.secretariat_a)
    version = SummonsVersion.objects.get(meeting=meeting)
    assert version.number == 1
    assert version.sent_by == world.secretariat_a
    with version.file.open("rb") as stored:
        content = stored.read()
    assert hashlib.sha256(content).hexdigest() == version.sha256
    assert version.size == len(content)
    attached = {m.attachments[0][1] for m in mail.outbox}
    assert attached == {content}
    assert squeeze("Ny pasientjournal") in text(content)


def test_a_later_change_does_not_alter_the_sent_summons(client, meeting, world):
    summons_send(meeting=meeting, by=world.secretariat_a)
    sent = SummonsVersion.objects.get(meeting=meeting)
    item = AgendaItem.objects.get(meeting=meeting, title="Ny pasientjournal")
    item.title = "Endret tittel etter utsending"
    item.save()
    item_handling_update(
        item=item, revision=item.revision, handled_kind="til_uttalelse", postponed=False
    )

    client.force_login(world.member_a)
    content = download(client, summons_url(meeting))
    assert hashlib.sha256(content).hexdigest() == sent.sha256
    pdf = text(content)
    assert squeeze("Ny pasientjournal") in pdf
    assert squeeze("Endret tittel etter utsending") not in pdf
    assert squeeze("Til uttalelse") not in pdf
    assert squeeze("behandlet som") not in pdf


def test_a_resent_summons_is_a_new_version_and_the_old_one_stays(
    client, meeting, world
):
    summons_send(meeting=meeting, by=world.secretariat_a)
    item = AgendaItem.objects.get(meeting=meeting, title="Ny pasientjournal")
    item.title = "Ny pasientjournal, revidert"
    item.save()
    summons_send(meeting=meeting, by=world.secretariat_a)
    versions = list(SummonsVersion.objects.filter(meeting=meeting).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].sha256 != versions[1].sha256

    client.force_login(world.member_a)
    latest = text(download(client, summons_url(meeting)))
    assert squeeze("Ny pasientjournal, revidert") in latest
    first = text(download(client, summons_url(meeting, 1)))
    assert squeeze("Ny pasientjournal, revidert") not in first
    assert squeeze("Ny pasientjournal") in first
    assert client.get(summons_url(meeting, 3)).status_code == 404
    # Members find both versions listed on the meeting's reading page.
    page = client.get(reverse("review:read", args=[meeting.pk])).content.decode()
    assert summons_url(meeting, 1) in page and summons_url(meeting, 2) in page

    # The secretariat sees both versions listed on the summons page.
    client.force_login(world.secretariat_a)
    page = client.get(reverse("workspace:summons", args=[meeting.pk])).content.decode()
    assert summons_url(meeting, 1) in page and summons_url(meeting, 2) in page
    assert versions[1].sha256[:12] in page


def test_the_summons_shows_the_planned_type_only(client, meeting, world):
    item = AgendaItem.objects.get(meeting=meeting, title="Ny pasientjournal")
    item_handling_update(
        item=item, revision=item.revision, handled_kind="til_uttalelse", postponed=False
    )
    client.force_login(world.secretariat_a)
    pdf = text(download(client, summons_url(meeting)))  # not sent: rendered now
    assert squeeze("Orientering") in pdf
    assert squeeze("behandlet som") not in pdf


def test_a_sent_summons_cannot_be_changed_or_deleted(meeting, world):
    summons_send(meeting=meeting, by=world.secretariat_a)
    version = SummonsVersion.objects.get(meeting=meeting)
    version.sha256 = "0" * 64
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()


def test_council_b_cannot_read_council_a_summons(client, meeting, world):
    summons_send(meeting=meeting, by=world.secretariat_a)
    client.force_login(world.member_b)
    assert client.get(summons_url(meeting)).status_code == 404
    assert client.get(summons_url(meeting, 1)).status_code == 404
