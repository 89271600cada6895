"""Planning: creating meetings, the agenda, sak numbers and papers."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minutes.models import AgendaItem, Attachment, Meeting, Minutes
from minutes.services.summons import summons_mark_sent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64


def numbers(meeting):
    return [
        (item.number_label, item.title)
        for item in AgendaItem.objects.filter(meeting=meeting).order_by("order")
    ]


def test_the_new_meeting_form_is_filled_from_the_councils_defaults(
    alice_client, council
):
    response = alice_client.get(
        reverse("workspace:meeting_create", args=[council.slug])
    )
    html = response.content.decode()
    assert 'value="10:00"' in html and 'value="16:00"' in html
    assert 'value="Møterom 1"' in html


def test_alice_creates_a_meeting_with_number_and_standard_items(alice_client, council):
    response = alice_client.post(
        reverse("workspace:meeting_create", args=[council.slug]),
        {
            "date": "2030-03-01",
            "start_time": "10:00",
            "end_time": "15:00",
            "venue": "Møterom 1",
        },
    )
    meeting = Meeting.objects.get(council=council)
    assert response["Location"] == reverse("workspace:meeting", args=[meeting.pk])
    assert meeting.number_label == "1/2030"
    assert meeting.minutes.status == Minutes.Status.DRAFT
    assert [t for _n, t in numbers(meeting)][-1] == "Eventuelt"


def test_a_meeting_that_ends_before_it_starts_is_refused(alice_client, council):
    response = alice_client.post(
        reverse("workspace:meeting_create", args=[council.slug]),
        {"date": "2030-03-01", "start_time": "15:00", "end_time": "10:00"},
    )
    assert response.status_code == 200
    assert "Møtet må slutte etter at det starter." in response.content.decode()
    assert not Meeting.objects.exists()


def test_alice_edits_the_meeting_facts(alice_client, meeting):
    response = alice_client.post(
        reverse("workspace:meeting_edit", args=[meeting.pk]),
        {
            "number": meeting.number,
            "date": meeting.date.isoformat(),
            "start_time": "09:00",
            "end_time": "12:00",
            "venue": "Digitalt",
            "quorum_present": "11",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.quorum_present) == ("Digitalt", 11)
    assert meeting.start_time == datetime.time(9, 0)


def test_a_new_item_goes_before_eventuelt_and_numbers_follow_the_order(
    alice_client, meeting
):
    alice_client.post(
        reverse("workspace:item_add", args=[meeting.pk]),
        {"title": "Nasjonal e-helseportefølje", "kind": "anbefaling"},
    )
    labels = numbers(meeting)
    assert labels[-2][1] == "Nasjonal e-helseportefølje"
    assert labels[-1][1] == "Eventuelt"
    assert [int(n.split("/")[0]) for n, _t in labels] == [1, 2, 3, 4]


def test_moving_an_item_renumbers_until_the_summons_then_numbers_stay(
    alice_client, meeting
):
    new = AgendaItem.objects.get(meeting=meeting, standard="secretariat_info")
    before = numbers(meeting)
    alice_client.post(
        reverse("workspace:item_move", args=[new.pk]), {"direction": "up"}
    )
    after = numbers(meeting)
    assert [n for n, _t in after] == [n for n, _t in before]
    assert after[0][1] == new.title

    summons_mark_sent(meeting=meeting)
    new.refresh_from_db()
    fixed = new.number
    alice_client.post(
        reverse("workspace:item_move", args=[new.pk]), {"direction": "down"}
    )
    new.refresh_from_db()
    assert new.number == fixed
    assert numbers(meeting)[1][1] == new.title


def test_an_item_added_after_the_summons_is_a_late_addition(alice_client, meeting):
    summons_mark_sent(meeting=meeting)
    alice_client.post(
        reverse("workspace:item_add", args=[meeting.pk]), {"title": "Tilleggssak"}
    )
    item = AgendaItem.objects.get(meeting=meeting, title="Tilleggssak")
    assert item.is_late_addition


def test_alice_edits_an_item_and_its_proposed_decision(alice_client, item):
    response = alice_client.post(
        reverse("workspace:item", args=[item.pk]),
        {
            "title": "Orientering om status",
            "kind": "orientering",
            "archive_reference": "22/01234",
            "presenters": "Lucie Aunan",
            "proposed_text": "Rådet tar saken til orientering.",
            "item_revision": item.revision,
            "decision_revision": item.decision.revision,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    item.decision.refresh_from_db()
    assert item.title == "Orientering om status"
    assert item.archive_reference == "22/01234"
    assert item.decision.proposed_text == "Rådet tar saken til orientering."


def test_a_stale_item_form_keeps_what_was_typed_and_shows_the_saved_values(
    alice_client, item
):
    from minutes.services.editing import content_save

    stale = item.revision
    content_save(obj=item, revision=item.revision, changes={"title": "Kollegaens"})
    response = alice_client.post(
        reverse("workspace:item", args=[item.pk]),
        {
            "title": "Min tittel",
            "kind": "",
            "item_revision": stale,
            "decision_revision": item.decision.revision,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noen andre har lagret saken" in html
    assert 'value="Min tittel"' in html
    assert "Kollegaens" in html
    item.refresh_from_db()
    assert item.title == "Kollegaens"


def test_alice_deletes_an_item_and_numbers_close_up(alice_client, meeting):
    first = AgendaItem.objects.filter(meeting=meeting).order_by("order").first()
    alice_client.post(reverse("workspace:item_delete", args=[first.pk]))
    assert not AgendaItem.objects.filter(pk=first.pk).exists()
    assert numbers(meeting)[0][0] == first.number_label


def upload(client, meeting, name, content, **extra):
    return client.post(
        reverse("workspace:attachment_upload", args=[meeting.pk]),
        {"title": "", "file": SimpleUploadedFile(name, content), **extra},
        follow=True,
    )


def test_a_pdf_paper_is_accepted_and_typed_from_its_content(
    alice_client, meeting, item, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = upload(alice_client, meeting, "Notat.pdf", PDF, item=item.pk)
    attachment = Attachment.objects.get()
    assert attachment.item == item
    assert attachment.content_type == "application/pdf"
    assert attachment.title == "Notat"
    assert not attachment.is_public  # the box was not ticked
    assert "er lastet opp" in response.content.decode()
    download = alice_client.get(
        reverse("workspace:attachment_download", args=[attachment.pk])
    )
    assert b"".join(download.streaming_content) == PDF


def test_a_file_whose_content_is_not_an_allowed_type_is_refused(
    alice_client, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = upload(alice_client, meeting, "virus.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    assert "Denne filtypen kan ikke lastes opp" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_name_that_lies_about_the_content_is_refused(
    alice_client, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = upload(alice_client, meeting, "bilde.pdf", PNG)
    assert "men innholdet er PNG" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused(alice_client, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_SIZE = 50
    response = upload(alice_client, meeting, "stor.pdf", PDF + b" " * 100)
    assert "Største tillatte størrelse" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_paper_can_be_made_internal_and_deleted(
    alice_client, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload(alice_client, meeting, "Notat.pdf", PDF, is_public="on")
    attachment = Attachment.objects.get()
    assert attachment.is_public
    url = reverse("workspace:attachment_update", args=[attachment.pk])
    alice_client.post(url, {"action": "toggle"})
    attachment.refresh_from_db()
    assert not attachment.is_public
    alice_client.post(url, {"action": "delete"})
    assert not Attachment.objects.exists()


def test_frozen_minutes_refuse_agenda_changes_with_the_reason(alice_client, meeting):
    Minutes.objects.filter(meeting=meeting).transition(
        Minutes.Status.APPROVED, approved_at="2024-01-01T10:00:00Z"
    )
    response = alice_client.post(
        reverse("workspace:item_add", args=[meeting.pk]),
        {"title": "For sent"},
        follow=True,
    )
    assert "Referatet er godkjent og kan ikke endres" in response.content.decode()
    assert not AgendaItem.objects.filter(title="For sent").exists()


def test_the_dashboard_lists_upcoming_meetings_and_what_to_do_next(
    alice_client, meeting
):
    html = alice_client.get(reverse("workspace:dashboard")).content.decode()
    assert meeting.title in html
    assert "Send innkallingen" in html
    assert "Referater etter status" in html
    assert "Ingen åpne kommentarer." in html
