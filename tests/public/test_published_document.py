"""Published means the approved snapshot: one document shape, valid against its
schema, and every public path reads the latest published version of it."""

import datetime
import io
import json

import jsonschema
import pypdf
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from council.models import Organisation, Person
from minutes.document import SCHEMA_PATH, MinutesDocument, minutes_snapshot
from minutes.models import Attachment, Input, Minutes
from minutes.services import lifecycle
from tests.factories import publish
from tests.public.helpers import filled_meeting

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(SCHEMA_PATH.read_text())


def validate(data: dict) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(council):
    meeting = filled_meeting(
        council, datetime.date(2022, 2, 1), size=2, published=False
    )
    Attachment.objects.create(
        meeting=meeting,
        title="Internt notat",
        file=ContentFile(b"%PDF-1.4 internt", name="internt.pdf"),
        is_public=False,
        size=16,
    )
    return publish(meeting)


def public_paths(meeting) -> dict[str, str]:
    council = meeting.council
    item = meeting.items.order_by("order").last()
    return {
        "meeting": meeting.get_absolute_url(),
        "item": item.get_absolute_url(),
        "feed": reverse("public:council_feed", args=[council.slug]),
        "calendar": reverse("public:council_calendar", args=[council.slug]),
        "api": reverse("api:meeting-minutes", args=[meeting.pk]),
        "search": reverse("public:search") + "?q=Innspill",
    }


def everything_public(client, meeting) -> str:
    pages = []
    for name, path in public_paths(meeting).items():
        response = client.get(path)
        assert response.status_code == 200, name
        page = response.content.decode()
        if name == "search":
            # The results only: the filters list the register as it is now.
            page = page[page.index('id="results-heading"') :]
        pages.append(page)
    return "\n".join(pages)


def test_every_stored_shape_of_the_minutes_is_one_valid_document(client, meeting):
    # The version the services stored, the PDF's embedded copy and the API's answer
    # are the same document, under the same schema.
    version = meeting.minutes.versions.get()
    validate(version.content)
    document = MinutesDocument.from_snapshot(version.content, version=version)
    snapshot = document.to_snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot  # plain JSON data
    assert MinutesDocument.from_snapshot(snapshot) == document

    with meeting.minutes.pdf_file.open("rb") as stored:
        embedded = json.loads(pypdf.PdfReader(stored).attachments["referat.json"][0])
    validate(embedded)
    api = client.get(reverse("api:meeting-minutes", args=[meeting.pk])).json()
    validate(api)
    # The PDF was frozen at approval, a moment before publication.
    assert embedded.pop("status") == "approved"
    assert api.pop("status") == "published"
    current = document.public().to_snapshot()
    current.pop("status")
    assert api == embedded == current
    assert embedded["approval"]["method"] == "imported"
    # The public copies leave internal papers out; the stored version keeps them.
    titles = [a["title"] for a in version.content["attachments"]]
    assert titles == ["Internt notat"] and api["attachments"] == []


def test_the_schema_is_served_beside_the_api(client):
    response = client.get(reverse("api:minutes-schema"))
    assert json.loads(b"".join(response.streaming_content)) == SCHEMA


def test_a_draft_document_is_valid_too(council):
    draft = filled_meeting(council, datetime.date(2023, 2, 1), size=2, published=False)
    # validate() raises on a document the schema refuses.
    stored = minutes_snapshot(meeting=draft)
    validate(stored)
    live = MinutesDocument.from_rows(draft).to_snapshot()
    validate(live)
    # What passed is the draft itself: all its items, no approval yet; the stored
    # shape leaves the state to the version's row.
    assert (live["status"], live["approval"]) == ("draft", None)
    assert (stored["status"], stored["version"], stored["approval"]) == (
        None,
        None,
        None,
    )
    titles = [item["title"] for item in live["items"]]
    assert {"Sak om tema 0", "Sak om tema 1"} <= set(titles)
    assert {**live, "status": None, "version": None} == stored


def test_renaming_after_approval_changes_nothing_public(client, meeting):
    entry = Input.objects.filter(item__meeting=meeting).first()
    old_name = entry.organisation.name
    member = meeting.attendances.first().person
    before = everything_public(client, meeting)
    assert old_name in before and member.name in before

    Organisation.objects.filter(pk=entry.organisation_id).update(name="Nytt Navn AS")
    Person.objects.filter(pk=member.pk).update(name="Omdøpt Person")
    from django.core.cache import cache

    cache.clear()
    after = everything_public(client, meeting)
    assert "Nytt Navn AS" not in after and "Omdøpt Person" not in after
    assert old_name in after and member.name in after
    results = client.get(reverse("public:search"), {"q": entry.text}).content.decode()
    assert f"· {old_name}" in results


def test_a_correction_changes_nothing_public_until_it_is_published(
    client, world, meeting
):
    secretariat = world.secretariat_a
    assert meeting.council == world.council_a
    entry = Input.objects.filter(item__meeting=meeting).order_by("pk").last()
    published_text = entry.text
    lifecycle.minutes_start_correction(
        minutes=meeting.minutes, by=secretariat, reason="Feil i et innspill"
    )
    Input.objects.filter(pk=entry.pk).update(text="Rettet, ikke godkjent tekst.")
    meeting.refresh_from_db()
    meeting.venue = "Et nytt sted"
    meeting.save()

    during = everything_public(client, meeting)
    assert published_text in during
    assert "Rettet, ikke godkjent tekst." not in during
    assert "Et nytt sted" not in during

    lifecycle.minutes_approve_historical(
        minutes=Minutes.objects.get(pk=meeting.minutes.pk),
        approved_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
    )
    after = everything_public(client, meeting)
    assert "Rettet, ikke godkjent tekst." in after
    assert "Et nytt sted" in after


def test_the_pdf_embeds_what_the_page_shows(client, meeting):
    response = client.get(reverse("api:meeting-minutes", args=[meeting.pk])).json()
    page = client.get(meeting.get_absolute_url()).content.decode()
    for item in response["items"]:
        assert item["title"] in page
        for entry in item["inputs"]:
            assert entry["text"] in page
    with meeting.minutes.pdf_file.open("rb") as stored:
        text = "".join(
            page.extract_text()
            for page in pypdf.PdfReader(io.BytesIO(stored.read())).pages
        )
    assert response["items"][-1]["title"] in text
