"""Members of another council, and the public, see nothing of a council's drafts."""

import pytest
from django.urls import reverse

from tests.review.conftest import send


@pytest.fixture
def in_review(cast, deadline):
    send(cast, deadline)
    return cast


MEMBER_PAGES = ["review:read", "review:compare"]
SECRETARIAT_PAGES = ["review:dashboard", "review:history"]


@pytest.mark.parametrize("name", MEMBER_PAGES + SECRETARIAT_PAGES)
def test_charlie_from_another_council_gets_404(client, in_review, name):
    client.force_login(in_review.charlie)
    response = client.get(reverse(name, args=[in_review.meeting.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["comment", "decide", "send", "publish", "correct"])
def test_charlie_cannot_post_either(client, in_review, name):
    client.force_login(in_review.charlie)
    response = client.post(
        reverse(f"review:{name}", args=[in_review.meeting.pk]),
        {"text": "Hei", "decision": "approve"},
    )
    assert response.status_code == 404


def test_charlie_does_not_see_the_draft_in_his_list(client, in_review):
    client.force_login(in_review.charlie)
    page = client.get(reverse("review:index")).content.decode()
    assert in_review.meeting.title not in page


def test_bob_sees_the_draft_in_his_list(client, in_review):
    client.force_login(in_review.bob)
    page = client.get(reverse("review:index")).content.decode()
    assert reverse("review:read", args=[in_review.meeting.pk]) in page


@pytest.mark.parametrize("name", SECRETARIAT_PAGES)
def test_bob_the_member_does_not_get_the_secretariat_pages(client, in_review, name):
    client.force_login(in_review.bob)
    assert client.get(reverse(name, args=[in_review.meeting.pk])).status_code == 404


def test_the_public_is_sent_to_log_in(client, in_review):
    response = client.get(reverse("review:read", args=[in_review.meeting.pk]))
    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_the_public_page_of_minutes_in_review_is_a_404(client, in_review):
    assert client.get(in_review.meeting.get_absolute_url()).status_code == 404
