"""A developer pulling the API never sees drafts, internal papers or private data."""

import pytest
from django.utils import timezone

from minutes.models import AgendaItem, Attachment, Decision, Input, Minutes
from minutes.services import lifecycle
from tests.api.conftest import SECRET
from tests.world import PERSONAS

LISTS = [
    "/api/bodies/",
    "/api/organizations/",
    "/api/persons/",
    "/api/memberships/",
    "/api/meetings/",
    "/api/agenda-items/",
    "/api/inputs/",
    "/api/decisions/",
    "/api/files/",
]


def _all_pages(client, url):
    pages = []
    while url:
        response = client.get(url, {"limit": 100})
        assert response.status_code == 200, (url, response.content)
        pages.append(response.content.decode())
        url = response.json()["links"].get("next")
    return pages


@pytest.mark.parametrize("url", LISTS)
def test_no_list_shows_anything_from_unpublished_minutes(client, world, archive, url):
    pages = _all_pages(client, url)
    assert pages
    users = [world.user(persona) for persona in PERSONAS[1:]]
    for page in pages:
        assert SECRET not in page
        assert "internt" not in page
        # No e-mail address and no login name, though Bob's name is public.
        for user in users:
            assert user.email not in page
            assert user.username not in page.replace(user.first_name, "")


def test_the_published_meetings_content_is_all_there(client, archive):
    published = archive.published
    items = AgendaItem.objects.filter(meeting=published)
    inputs = Input.objects.filter(item__meeting=published)
    decisions = Decision.objects.filter(item__meeting=published)
    public = Attachment.objects.filter(meeting=published, is_public=True)
    for url, expected in [
        ("/api/meetings/", {published.pk}),
        ("/api/agenda-items/", set(items.values_list("pk", flat=True))),
        ("/api/inputs/", set(inputs.values_list("pk", flat=True))),
        ("/api/decisions/", set(decisions.values_list("pk", flat=True))),
        ("/api/files/", set(public.values_list("pk", flat=True))),
    ]:
        data = client.get(url, {"limit": 100}).json()["data"]
        ids = {int(entry["id"].rstrip("/").rsplit("/", 1)[1]) for entry in data}
        assert ids == expected, url


def test_draft_objects_are_not_found_one_by_one(client, archive):
    draft = archive.draft
    item = draft.items.first()
    urls = [
        f"/api/meetings/{draft.pk}/",
        f"/api/agenda-items/{item.pk}/",
        f"/api/inputs/{item.inputs.first().pk}/",
        f"/api/decisions/{item.decision.pk}/",
        f"/api/files/{draft.attachments.filter(is_public=True).first().pk}/",
        f"/api/files/{archive.internal_file.pk}/",
        f"/api/files/{archive.internal_file.pk}/download/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("status", [Minutes.Status.IN_REVIEW, Minutes.Status.APPROVED])
def test_minutes_stay_out_of_the_api_until_they_are_published(client, archive, status):
    # Published minutes never go back to review or approval (minutes/status.py), so
    # the draft moves on instead: not yet published, it stays out.
    draft = archive.draft
    approval = (
        {"approved_at": timezone.now()} if status == Minutes.Status.APPROVED else {}
    )
    Minutes.objects.filter(meeting=draft).transition(status, **approval)
    assert client.get(f"/api/meetings/{draft.pk}/").status_code == 404
    inputs = client.get("/api/inputs/", {"limit": 100}).content.decode()
    assert SECRET not in inputs


def test_minutes_being_corrected_leave_the_api_until_the_correction_is_published(
    client, archive
):
    # The live rows then hold unapproved edits; only the meeting page shows the
    # published snapshot meanwhile.
    Minutes.objects.filter(meeting=archive.published).transition(
        Minutes.Status.CORRECTING
    )
    response = client.get(f"/api/meetings/{archive.published.pk}/")
    assert response.status_code == 404


def test_a_person_shows_no_email_and_no_login(client, archive):
    response = client.get(f"/api/persons/{archive.member.pk}/")
    assert response.status_code == 200
    person = response.json()
    assert person["name"] == "Bob Medlem"
    assert set(person) == {
        "id",
        "type",
        "name",
        "organization",
        "membership",
        "modified",
    }


def test_list_counts_are_cached_and_forgotten_when_minutes_are_published(
    client, archive, django_assert_num_queries
):
    first = client.get("/api/inputs/").json()["pagination"]["totalElements"]
    assert first == Input.objects.filter(item__meeting=archive.published).count()
    # The count comes from the cache: one query for the page's ids, one for its rows
    # (and what they carry), none for counting.
    with django_assert_num_queries(2):
        again = client.get("/api/inputs/", {"page": 1})
    assert again.json()["pagination"]["totalElements"] == first

    Minutes.objects.filter(meeting=archive.draft).transition(
        Minutes.Status.APPROVED, approved_at=timezone.now()
    )
    lifecycle.minutes_publish(minutes=Minutes.objects.get(meeting=archive.draft))
    total = client.get("/api/inputs/").json()["pagination"]["totalElements"]
    assert total == Input.objects.count()
    assert total > first
