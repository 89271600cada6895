"""«Hvem» offers and accepts only the council's own people, organisations and
sectors: a name from another council neither matches nor tells that it is there."""

import pytest
from django.urls import reverse

from minutes.models import Attendance, Input
from tests.factories import OrganisationFactory, PersonFactory
from tests.workspace.conftest import json_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(world):
    """Someone who attended council B's meeting, with an organisation of B's only."""
    organisation = OrganisationFactory(name="Bare i råd B AS")
    person = PersonFactory(name="Gjest Hos Rådb", organisation=organisation)
    Attendance.objects.create(
        meeting=world.draft_b, person=person, role=Attendance.Role.GUEST
    )
    return person


def add_input(client, item, who):
    return json_post(
        client,
        reverse("workspace:input_create", args=[item.pk]),
        {"text": "Et innspill.", "who": who},
    )


@pytest.mark.parametrize("who", ["Gjest Hos Rådb", "Bare i råd B AS"])
def test_another_councils_names_are_not_matched(alice_client, item, outsider, who):
    response = add_input(alice_client, item, who)
    assert response.status_code == 400
    assert "Finner ingen virksomhet, sektor eller person" in response.json()["message"]
    assert not Input.objects.filter(item=item, text="Et innspill.").exists()


def test_another_councils_names_are_not_offered(alice_client, meeting, outsider):
    page = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    html = page.content.decode()
    assert "Gjest Hos Rådb" not in html
    assert "Bare i råd B AS" not in html


def test_the_councils_own_member_is_matched(alice_client, item, world):
    member = world.membership_a.person
    response = add_input(alice_client, item, member.name)
    assert response.status_code == 201
    entry = Input.objects.get(item=item, text="Et innspill.")
    assert (entry.attribution, entry.person) == (Input.Attribution.PERSON, member)
