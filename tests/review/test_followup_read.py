"""Members read the follow-up of their council's decisions in /gjennomsyn/ (notes
included); nobody else does, and nothing there changes it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from minutes.services.followup import followup_note_add
from tests.followups import add_followup, published_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def followup(world):
    item = published_items(world.council_a)[0]
    followup = add_followup(
        item,
        responsible=world.membership_a.organisation,
        due_date=timezone.localdate() + datetime.timedelta(days=9),
        task="Lage en gjennomføringsplan",
    )
    followup_note_add(
        followup=followup, text="Internt: budsjett uavklart.", is_internal=True
    )
    return followup


def test_members_read_their_councils_follow_up(world, followup):
    url = reverse("review:followups", args=[world.council_a.slug])
    for persona in ("member_a", "secretariat_a"):
        page = world.client(persona).get(url)
        assert page.status_code == 200
        content = page.content.decode()
        assert "Lage en gjennomføringsplan" in content
        assert "Internt: budsjett uavklart." in content
    # Read-only for members: no way to the workspace's forms.
    member_page = world.client("member_a").get(url).content.decode()
    assert reverse("workspace:followup", args=[followup.pk]) not in member_page
    assert "Legg til merknad" not in member_page


def test_the_meeting_page_of_the_review_shows_its_follow_up(world, followup):
    page = world.client("member_a").get(
        reverse("review:read", args=[followup.item.meeting_id])
    )
    assert "Oppfølging av vedtakene" in page.content.decode()
    assert "Lage en gjennomføringsplan" in page.content.decode()


def test_other_councils_and_the_public_do_not(world, followup, client):
    url = reverse("review:followups", args=[world.council_a.slug])
    for persona in ("member_b", "secretariat_b", "staff"):
        assert world.client(persona).get(url).status_code == 404
    response = client.get(url)
    assert response.status_code == 302 and "/konto/" in response["Location"]
