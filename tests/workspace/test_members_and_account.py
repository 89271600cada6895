"""Members, organisations and sectors; login, logout and the dashboard link."""

import pytest
from django.urls import reverse

from council.models import Membership, Organisation, Sector
from minutes.models import Attendance
from tests.factories import MembershipFactory, OrganisationFactory
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def test_alice_adds_a_member_who_is_a_new_person(alice_client, council, world):
    # An organisation no member of hers represents yet: added by its full name.
    organisation = OrganisationFactory(name="Helse Nord RHF")
    response = alice_client.post(
        reverse("workspace:members", args=[council.slug]),
        {
            "new_person_name": "Ny Person",
            "new_person_email": "ny@example.org",
            "other_organisation": "helse nord rhf",
            "role": "member",
            "start_date": "2024-01-01",
            "order": 0,
        },
    )
    assert response.status_code == 302
    # Bob was there before: the one other membership is the new one.
    membership = Membership.objects.exclude(pk=world.membership_a.pk).get(
        council=council
    )
    assert membership.person.name == "Ny Person"
    assert membership.person.email == "ny@example.org"
    assert membership.organisation == organisation


def test_the_member_form_offers_and_takes_the_councils_own_only(
    alice_client, council, world
):
    """Council B's people and organisations are neither listed nor accepted."""
    b_seat = world.membership_b
    page = alice_client.get(reverse("workspace:members", args=[council.slug]))
    html = page.content.decode()
    assert b_seat.person.name not in html
    assert b_seat.organisation.name not in html
    response = alice_client.post(
        reverse("workspace:members", args=[council.slug]),
        {
            "person": b_seat.person.pk,
            "organisation": b_seat.organisation.pk,
            "role": "member",
            "order": 0,
        },
    )
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Membership.objects.filter(council=council, person=b_seat.person).exists()


def test_a_brand_new_organisation_is_made_with_the_seat(alice_client, council):
    alice_client.post(
        reverse("workspace:members", args=[council.slug]),
        {
            "new_person_name": "Nina Ny",
            "other_organisation": "Fjordvik kommune",
            "role": "member",
            "order": 0,
        },
    )
    organisation = Organisation.objects.get(name="Fjordvik kommune")
    assert organisation.slug == "fjordvik-kommune"
    assert Membership.objects.get(person__name="Nina Ny").organisation == organisation


def test_an_overlapping_membership_is_refused_in_norwegian(
    alice_client, council, world
):
    existing = MembershipFactory(council=council)
    response = alice_client.post(
        reverse("workspace:members", args=[council.slug]),
        {
            "person": existing.person.pk,
            "organisation": existing.organisation.pk,
            "role": "member",
            "order": 0,
        },
    )
    assert "i en overlappende periode" in response.content.decode()
    others = Membership.objects.filter(council=council).exclude(
        pk=world.membership_a.pk
    )
    assert others.count() == 1


def test_alice_ends_a_membership_by_editing_it(alice_client, council):
    membership = MembershipFactory(council=council)
    alice_client.post(
        reverse("workspace:membership_edit", args=[council.slug, membership.pk]),
        {
            "person": membership.person.pk,
            "organisation": membership.organisation.pk,
            "role": "deputy",
            "start_date": "2023-01-01",
            "end_date": "2023-12-31",
            "order": 2,
        },
    )
    membership.refresh_from_db()
    assert membership.role == "deputy"
    assert str(membership.end_date) == "2023-12-31"


def test_a_membership_with_attendance_cannot_be_deleted(alice_client, council, meeting):
    membership = MembershipFactory(council=council)
    Attendance.objects.create(
        meeting=meeting, membership=membership, person=membership.person
    )
    response = alice_client.post(
        reverse("workspace:membership_delete", args=[council.slug, membership.pk]),
        follow=True,
    )
    assert "Sett en sluttdato i stedet" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_organisations_and_sectors_are_added_and_edited(alice_client, council):
    alice_client.post(
        reverse("workspace:sectors", args=[council.slug]),
        {"name": "Kommunal sektor", "representative_label": ""},
    )
    sector = Sector.objects.get(name="Kommunal sektor")
    assert sector.representative_label == "Representant fra kommunal sektor"
    alice_client.post(
        reverse("workspace:organisations", args=[council.slug]),
        {"name": "Oslo kommune", "short_name": "", "sector": sector.pk},
    )
    organisation = Organisation.objects.get(name="Oslo kommune")
    assert organisation.slug == "oslo-kommune"
    MembershipFactory(council=council, organisation=organisation)
    alice_client.post(
        reverse("workspace:organisation_edit", args=[council.slug, organisation.pk]),
        {"name": "Oslo kommune", "short_name": "Oslo", "sector": sector.pk},
    )
    organisation.refresh_from_db()
    assert organisation.short_name == "Oslo"


def test_an_organisation_outside_the_council_is_a_404(alice_client, council):
    elsewhere = OrganisationFactory(name="Annet råds virksomhet")
    response = alice_client.get(
        reverse("workspace:organisation_edit", args=[council.slug, elsewhere.pk])
    )
    assert response.status_code == 404


def test_the_login_page_has_norwegian_labels(client):
    html = client.get("/konto/logg-inn/").content.decode()
    assert '<label class="form-label" for="id_username">Brukernavn</label>' in html
    assert '<label class="form-label" for="id_password">Passord</label>' in html
    assert ">Logg inn</button>" in html


def test_the_secretariat_lands_in_the_workspace_after_login(client, world):
    response = client.post(
        "/konto/logg-inn/",
        {"username": world.secretariat_a.username, "password": PASSWORD},
    )
    assert response["Location"] == reverse("workspace:dashboard")


def test_a_member_lands_on_the_front_page_after_login(client, world):
    response = client.post(
        "/konto/logg-inn/",
        {"username": world.member_a.username, "password": PASSWORD},
    )
    assert response["Location"] == "/"


def test_a_wrong_password_gets_a_clear_message(client, world):
    response = client.post(
        "/konto/logg-inn/", {"username": world.secretariat_a.username, "password": "x"}
    )
    assert "Brukernavnet eller passordet er feil" in response.content.decode()


def test_logout_is_a_post(alice_client):
    assert alice_client.get("/konto/logg-ut/").status_code == 405
    alice_client.post("/konto/logg-ut/")
    response = alice_client.get(reverse("workspace:dashboard"))
    assert response.status_code == 302


def test_the_nav_links_the_workspace_for_the_secretariat_only(
    alice_client, client, world
):
    assert "Arbeidsflate" in alice_client.get("/").content.decode()
    client.force_login(world.member_a)
    html = client.get("/").content.decode()
    assert "Arbeidsflate" not in html
    assert "Logg ut" in html


def test_password_change_and_reset_pages_use_our_templates(alice_client, client):
    assert "Endre passord" in alice_client.get("/konto/passord/").content.decode()
    assert "Glemt passord" in client.get("/konto/glemt-passord/").content.decode()
