"""Every workspace URL: anonymous users go to login, members and other councils'
secretariats get 404, the council's own secretariat gets the page."""

import pytest
from django.urls import reverse

from minutes.models import Attachment, Attendance, Input
from tests.factories import MembershipFactory, OrganisationFactory, SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(council, meeting, item):
    organisation = OrganisationFactory(name="Organisasjon i rådet")
    membership = MembershipFactory(council=council, organisation=organisation)
    entry = Input.objects.create(item=item, text="Innspill", order=1)
    attendance = Attendance.objects.create(
        meeting=meeting, role="guest", person=membership.person
    )
    attachment = Attachment.objects.create(
        meeting=meeting, item=item, title="Notat", file="vedlegg/x.pdf"
    )
    sector = SectorFactory(name="Ubrukt sektor")
    return {
        "council": council,
        "meeting": meeting,
        "item": item,
        "input": entry,
        "decision": item.decision,
        "attendance": attendance,
        "attachment": attachment,
        "membership": membership,
        "organisation": organisation,
        "sector": sector,
    }


def page_urls(o):
    """Pages a secretariat opens with GET."""
    slug = o["council"].slug
    return [
        reverse("workspace:dashboard"),
        reverse("workspace:council", args=[slug]),
        reverse("workspace:meeting_create", args=[slug]),
        reverse("workspace:members", args=[slug]),
        reverse("workspace:membership_edit", args=[slug, o["membership"].pk]),
        reverse("workspace:organisations", args=[slug]),
        reverse("workspace:organisation_edit", args=[slug, o["organisation"].pk]),
        reverse("workspace:sectors", args=[slug]),
        reverse("workspace:sector_edit", args=[slug, o["sector"].pk]),
        reverse("workspace:meeting", args=[o["meeting"].pk]),
        reverse("workspace:meeting_edit", args=[o["meeting"].pk]),
        reverse("workspace:summons", args=[o["meeting"].pk]),
        reverse("workspace:attendance", args=[o["meeting"].pk]),
        reverse("workspace:minute", args=[o["meeting"].pk]),
        reverse("workspace:item", args=[o["item"].pk]),
        reverse("workspace:item_delete", args=[o["item"].pk]),
        reverse("workspace:item_history", args=[o["item"].pk]),
    ]


def post_urls(o):
    """Mutations: POST only."""
    slug = o["council"].slug
    return [
        reverse("workspace:membership_delete", args=[slug, o["membership"].pk]),
        reverse("workspace:item_add", args=[o["meeting"].pk]),
        reverse("workspace:attachment_upload", args=[o["meeting"].pk]),
        reverse("workspace:attendance_add", args=[o["meeting"].pk]),
        reverse("workspace:attendance_remove", args=[o["attendance"].pk]),
        reverse("workspace:item_move", args=[o["item"].pk]),
        reverse("workspace:input_create", args=[o["item"].pk]),
        reverse("workspace:input_action", args=[o["input"].pk]),
        reverse("workspace:save", args=["sak", o["item"].pk, "body"]),
        reverse("workspace:save", args=["innspill", o["input"].pk, "text"]),
        reverse("workspace:save", args=["vedtak", o["decision"].pk, "final_text"]),
        reverse("workspace:attachment_update", args=[o["attachment"].pk]),
    ]


def test_anonymous_users_are_sent_to_login_from_every_workspace_url(client, objects):
    download = reverse("workspace:attachment_download", args=[objects["attachment"].pk])
    for url in [*page_urls(objects), download]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/konto/logg-inn/?next="), url
    for url in post_urls(objects):
        response = client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/konto/logg-inn/"), url


@pytest.mark.parametrize("persona", ["member_a", "secretariat_b", "member_b"])
def test_members_and_other_councils_secretariat_get_404_everywhere(
    client, world, objects, persona
):
    client.force_login(world.user(persona))
    download = reverse("workspace:attachment_download", args=[objects["attachment"].pk])
    # The dashboard itself belongs to no council: it is tested per persona below.
    for url in [*page_urls(objects)[1:], download]:
        assert client.get(url).status_code == 404, url
    for url in post_urls(objects):
        assert client.post(url, {"action": "delete"}).status_code == 404, url
    # Nothing was changed by the refused posts.
    assert Input.objects.filter(pk=objects["input"].pk).exists()


def test_a_member_who_serves_no_council_gets_404_for_the_dashboard(client, world):
    client.force_login(world.member_a)
    assert client.get(reverse("workspace:dashboard")).status_code == 404


def test_cecilie_sees_only_her_own_council_on_her_dashboard(client, world, objects):
    client.force_login(world.secretariat_b)
    response = client.get(reverse("workspace:dashboard"))
    assert response.status_code == 200
    assert "Det andre rådet" in response.content.decode()
    assert "Testrådet" not in response.content.decode()


def test_the_councils_own_secretariat_gets_every_page(alice_client, objects):
    for url in page_urls(objects):
        assert alice_client.get(url).status_code == 200, url


def test_every_mutation_refuses_get(alice_client, objects):
    for url in post_urls(objects):
        assert alice_client.get(url).status_code == 405, url


def test_mutations_need_a_csrf_token(world, objects):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.secretariat_a)
    for url in post_urls(objects):
        assert strict.post(url).status_code == 403, url
