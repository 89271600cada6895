"""Importing past minutes in /arbeid/: upload, check side by side, correct, save.

Alice (council A's secretariat) uploads a text file of minutes; the page shows the
file's text beside what was recognised; she corrects a title and a decision and
saves; the minutes are approved «importert», published as the command's are, with
the original kept and its SHA-256. Council B's secretariat, A's members and A's
other secretaries reach neither the page nor her pending import.
"""

import datetime
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from archive.importing import pending as pending_module
from archive.models import ImportedMinutes, PendingImport
from minutes.models import Attachment, Decision, Meeting, Minutes
from tests.factories import UserFactory, make_meeting
from tests.import_samples import minutes_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def text(world) -> str:
    return minutes_text(world.council_a, world.membership_a)


def upload_url(council) -> str:
    return reverse("workspace:import", args=[council.slug])


def review_url(council, pending) -> str:
    return reverse("workspace:import_review", args=[council.slug, pending.pk])


def upload(client, council, content: bytes, name="referat.txt"):
    return client.post(upload_url(council), {"file": SimpleUploadedFile(name, content)})


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def form_data(**changes) -> dict:
    """The review form as the page fills it for the sample minutes, with changes."""
    data = {
        "mote-number": "3",
        "mote-date": "2023-03-14",
        "mote-start_time": "10:00",
        "mote-end_time": "15:00",
        "mote-venue": "Møterom 1",
        "mote-approved_on": "2023-04-20",
        "sak-0-number": "1",
        "sak-0-title": "Godkjenning av innkalling og dagsorden",
        "sak-0-kind": "godkjenning",
        "sak-0-presenters": "",
        "sak-0-body": "",
        "sak-0-decision": "Innkalling og dagsorden godkjennes.",
        "sak-1-number": "2",
        "sak-1-title": "Ny strategi",
        "sak-1-kind": "drofting",
        "sak-1-presenters": "",
        "sak-1-body": "Direktoratet la fram utkastet til strategi.",
        "sak-1-decision": "Rådet tar saken til orientering.",
    }
    data.update(changes)
    return data


@pytest.fixture
def pending(world, alice_client, text) -> PendingImport:
    response = upload(alice_client, world.council_a, text.encode())
    pending = PendingImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == review_url(world.council_a, pending)
    return pending


def test_the_page_is_linked_from_the_council_and_the_dashboard(world, alice_client):
    target = upload_url(world.council_a)
    for page in (
        reverse("workspace:dashboard"),
        reverse("workspace:members", args=[world.council_a.slug]),
    ):
        assert f'href="{target}"' in alice_client.get(page).content.decode()
    response = alice_client.get(target)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'for="id_file"' in page
    assert 'enctype="multipart/form-data"' in page


def test_an_upload_shows_the_source_text_beside_the_structure(
    world, alice_client, pending, media
):
    assert pending.created_by == world.secretariat_a
    assert pending.council == world.council_a
    assert pending.original_name == "referat.txt"
    # Stored under a random name of ours, not the uploader's.
    assert "referat" not in pending.file.name

    response = alice_client.get(review_url(world.council_a, pending))

    assert response.status_code == 200
    page = response.content.decode()
    organisation = world.membership_a.organisation.name
    # Left: the file's text.
    source = page.split('class="import-source')[1].split("</pre>")[0]
    assert "Møte 3/2023" in source
    assert "Direktoratet la fram utkastet til strategi." in source
    # Right: the structure, in fields to correct and as recognised.
    assert 'value="3"' in page  # the meeting number
    assert 'value="2023-03-14"' in page
    assert 'value="Møterom 1"' in page
    assert 'value="Ny strategi"' in page
    assert '<option value="drofting" selected>' in page
    assert "Rådet tar saken til orientering.</textarea>" in page
    assert f"Bob Medlem ({organisation})" in page  # attendance
    assert "mener strategien må forankres i kommunene." in page
    assert f"Hvem: {organisation}" in page  # the input's attribution
    assert 'for="id_sak-1-title"' in page
    assert '<legend class="h6">Møtet</legend>' in page
    assert Meeting.objects.count() == 0


def test_corrections_are_saved_as_approved_imported_minutes(
    world, alice_client, pending, text, media
):
    response = alice_client.post(
        review_url(world.council_a, pending),
        form_data(
            **{
                "sak-1-title": "Ny nasjonal strategi",
                "sak-1-decision": "Rådet støtter strategien.",
                "mote-venue": "Møterom 2",
            }
        ),
    )

    meeting = Meeting.objects.get(council=world.council_a, year=2023, number=3)
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:meeting", args=[meeting.pk])
    assert meeting.venue == "Møterom 2"
    assert meeting.start_time == datetime.time(10, 0)
    items = list(meeting.items.order_by("number"))
    assert [(i.number, i.title, i.kind) for i in items] == [
        (1, "Godkjenning av innkalling og dagsorden", "godkjenning"),
        (2, "Ny nasjonal strategi", "drofting"),
    ]
    assert items[1].inputs.get().text.endswith("må forankres i kommunene.")
    decision = Decision.objects.get(item=items[1])
    assert decision.final_text == "Rådet støtter strategien."
    assert decision.proposed_text == "Rådet støtter strategien."
    # Approved as the command approves: «importert», on the day given, frozen PDF,
    # published where the council publishes on approval.
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.approval_method == Minutes.ApprovalMethod.IMPORTED
    assert minutes.approved_at.date() == datetime.date(2023, 4, 20)
    assert minutes.pdf_sha256
    expected = (
        Minutes.Status.PUBLISHED
        if world.council_a.publish_on_approval
        else Minutes.Status.APPROVED
    )
    assert minutes.status == expected
    # The original file, kept with its SHA-256.
    record = ImportedMinutes.objects.get(meeting=meeting)
    assert record.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert record.source_kind == "text"
    assert record.original.original_name == "referat.txt"
    with record.original.file.open("rb") as handle:
        assert handle.read() == text.encode()
    # The pending import and its file are gone.
    assert not PendingImport.objects.exists()
    assert not [p for p in stored_files(media) if "import" in p.parts]
    # The page after saving says so.
    page = alice_client.get(response["Location"]).content.decode()
    assert "Møte 3/2023 er importert og godkjent" in page


def test_the_approval_date_defaults_to_the_meeting_date(world, alice_client, pending):
    alice_client.post(
        review_url(world.council_a, pending), form_data(**{"mote-approved_on": ""})
    )
    minutes = Minutes.objects.get(meeting__council=world.council_a)
    assert minutes.approved_at.date() == datetime.date(2023, 3, 14)


def outsiders(world) -> dict[str, Client]:
    """Council B's secretariat, council A's member and another of A's secretaries
    (not the uploader)."""
    other = UserFactory(username="anne", first_name="Anne")
    world.council_a.secretariat_users.add(other)
    clients = {}
    for name, user in (
        ("secretariat_b", world.secretariat_b),
        ("member_a", world.member_a),
        ("other_secretary_a", other),
    ):
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


def test_others_get_404_for_the_page_and_for_the_pending_import(world, pending, media):
    files_before = stored_files(media)
    for name, client in outsiders(world).items():
        if name != "other_secretary_a":
            assert client.get(upload_url(world.council_a)).status_code == 404, name
            assert upload(client, world.council_a, b"x").status_code == 404, name
        for council in (world.council_a, world.council_b):
            review = review_url(council, pending)
            discard = reverse(
                "workspace:import_discard", args=[council.slug, pending.pk]
            )
            assert client.get(review).status_code == 404, (name, council)
            assert client.post(review, form_data()).status_code == 404, name
            assert client.post(discard).status_code == 404, name
    assert PendingImport.objects.get() == pending
    assert stored_files(media) == files_before
    assert not Meeting.objects.exists()


def test_an_unknown_or_malformed_import_is_404(world, alice_client):
    missing = reverse(
        "workspace:import_review",
        args=[world.council_a.slug, "6f1c1c1e-0000-4000-8000-000000000000"],
    )
    assert alice_client.get(missing).status_code == 404
    malformed = upload_url(world.council_a) + "ikke-en-id/"
    assert alice_client.get(malformed).status_code == 404


def refused(client, council, content: bytes, message: str, name="referat.txt"):
    response = upload(client, council, content, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page, page
    assert not PendingImport.objects.exists()
    assert not Meeting.objects.exists()
    assert not Attachment.objects.exists()


def test_a_bad_file_shows_the_importers_message_and_saves_nothing(
    world, alice_client, media
):
    refused(
        alice_client,
        world.council_a,
        b"Pannekaker\n\n3 egg\n5 dl melk\n",
        "ser ikke ut som et møtereferat",
    )
    refused(
        alice_client,
        world.council_a,
        b"%PDF-1.7\n" + b"\x00garbage" * 100,
        "Filen kan ikke leses som PDF",
        name="referat.pdf",
    )
    refused(
        alice_client,
        world.council_a,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "Last opp referatet som PDF (.pdf), Word-dokument (.docx) eller tekstfil",
        name="bilde.png",
    )
    refused(
        alice_client,
        world.council_a,
        b"%PDF-1.7\n",
        "Filnavnet slutter på «.txt», men innholdet er ikke det.",
    )
    refused(alice_client, world.council_a, b"", "Den innsendte filen er tom.")
    assert stored_files(media) == []


def test_a_file_over_the_upload_limit_is_refused(world, alice_client, settings):
    settings.MAX_UPLOAD_SIZE = 100
    refused(
        alice_client,
        world.council_a,
        b"Referat\n" * 50,
        "Største tillatte størrelse er 100",
    )


def test_a_meeting_already_there_is_refused_and_nothing_is_saved(
    world, alice_client, pending
):
    make_meeting(
        council=world.council_a,
        date=datetime.date(2023, 2, 1),
        number=3,
        with_standard_items=False,
    )
    counts = (Meeting.objects.count(), Attachment.objects.count())

    response = alice_client.post(review_url(world.council_a, pending), form_data())

    assert response.status_code == 200
    assert "Testrådet har allerede møte 3/2023; ingenting ble importert." in (
        response.content.decode()
    )
    assert (Meeting.objects.count(), Attachment.objects.count()) == counts
    assert not ImportedMinutes.objects.exists()
    # Kept, so the number can be corrected and saved.
    assert PendingImport.objects.filter(pk=pending.pk).exists()
    response = alice_client.post(
        review_url(world.council_a, pending), form_data(**{"mote-number": "4"})
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(council=world.council_a, year=2023, number=4).exists()


def test_a_failure_half_way_leaves_nothing_behind(world, alice_client, pending):
    """Item numbers that do not follow each other fail after the meeting and its
    first item are made: the transaction takes everything back."""
    response = alice_client.post(
        review_url(world.council_a, pending), form_data(**{"sak-1-number": "5"})
    )
    assert response.status_code == 200
    assert "Saksnumrene i referatet følger ikke hverandre (5/23)" in (
        response.content.decode()
    )
    assert not Meeting.objects.exists()
    assert not Attachment.objects.exists()
    assert PendingImport.objects.filter(pk=pending.pk).exists()


def test_invalid_corrections_are_shown_on_the_fields(world, alice_client, pending):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = alice_client.post(
        review_url(world.council_a, pending),
        form_data(**{"sak-0-title": "", "mote-end_time": "09:00"}),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Noe må rettes før referatet kan lagres" in page
    assert "Møtet må slutte etter at det starter." in page
    assert not Meeting.objects.exists()

    response = alice_client.post(
        review_url(world.council_a, pending),
        form_data(**{"mote-approved_on": tomorrow.isoformat()}),
    )
    assert "Godkjenningsdatoen kan ikke være frem i tid." in response.content.decode()
    assert not Meeting.objects.exists()

    response = alice_client.post(
        review_url(world.council_a, pending),
        form_data(**{"mote-approved_on": "2023-03-13"}),
    )
    assert (
        "Referatet kan ikke være godkjent før møtet ble holdt (2023-03-14)."
        in response.content.decode()
    )
    assert not Meeting.objects.exists()


def test_a_pending_import_can_be_discarded(world, alice_client, pending, media):
    listing = alice_client.get(upload_url(world.council_a)).content.decode()
    assert review_url(world.council_a, pending) in listing

    response = alice_client.post(
        reverse("workspace:import_discard", args=[world.council_a.slug, pending.pk])
    )

    assert response.status_code == 302
    assert not PendingImport.objects.exists()
    assert stored_files(media) == []
    assert alice_client.get(review_url(world.council_a, pending)).status_code == 404


def test_uploads_left_for_a_day_are_cleared_on_the_next(
    world, alice_client, pending, text, media
):
    PendingImport.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - pending_module.PENDING_MAX_AGE
    )
    upload(alice_client, world.council_a, text.encode())
    assert list(PendingImport.objects.exclude(pk=pending.pk)) == list(
        PendingImport.objects.all()
    )
    assert len(stored_files(media)) == 1


def test_the_pages_speak_english_to_those_who_choose_it(world, alice_client, pending):
    alice_client.cookies["django_language"] = "en"
    page = alice_client.get(upload_url(world.council_a)).content.decode()
    assert "Import past minutes" in page
    assert "Your imports not yet saved" in page
    page = alice_client.get(review_url(world.council_a, pending)).content.decode()
    assert "The text of the file" in page
    assert "What was recognised" in page
    assert "Save as approved minutes" in page
    response = upload(alice_client, world.council_a, b"%PDF-1.7\n", name="x.png")
    assert "Upload the minutes as a PDF (.pdf)" in response.content.decode()
