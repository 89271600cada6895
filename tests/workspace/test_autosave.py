"""Autosave endpoints of the minute-taking view: saving, versions and conflicts."""

import pytest
from django.test import Client
from django.urls import reverse

from minutes.models import Input, Minutes
from minutes.services.editing import EditConflict, content_save
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    SectorFactory,
    UserFactory,
)
from tests.workspace.conftest import json_post

pytestmark = pytest.mark.django_db


def save_url(kind, pk, field):
    return reverse("workspace:save", args=[kind, pk, field])


def test_alice_saves_an_items_body_and_the_revision_moves_on(alice_client, item):
    response = json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {"value": "Lucie Aunan orienterte.", "revision": item.revision, "base": ""},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "saved"
    assert data["revision"] == item.revision + 1
    item.refresh_from_db()
    assert item.body == "Lucie Aunan orienterte."
    assert item.revision == data["revision"]


def test_the_history_records_who_changed_the_text_and_what_it_was(
    alice_client, world, item
):
    json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {"value": "Første utkast", "revision": item.revision, "base": ""},
    )
    json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {
            "value": "Andre utkast",
            "revision": item.revision + 1,
            "base": "Første utkast",
        },
    )
    latest, before = item.history.all()[:2]
    assert latest.history_user == world.secretariat_a
    assert (before.body, latest.body) == ("Første utkast", "Andre utkast")


def test_two_editors_of_the_same_field_get_a_conflict_not_a_silent_overwrite(
    alice_client, council, item
):
    colleague = UserFactory(username="kari", first_name="Kari")
    council.secretariat_users.add(colleague)
    kari = Client()
    kari.force_login(colleague)
    loaded = item.revision  # both opened the page at this revision

    first = json_post(
        kari,
        save_url("sak", item.pk, "body"),
        {"value": "Karis tekst", "revision": loaded, "base": ""},
    )
    second = json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {"value": "Alices tekst", "revision": loaded, "base": ""},
    )

    assert first.status_code == 200
    assert second.status_code == 409
    conflict = second.json()
    assert conflict["status"] == "conflict"
    assert conflict["server_value"] == "Karis tekst"
    assert conflict["revision"] == loaded + 1
    assert conflict["changed_by"] == "Kari"
    item.refresh_from_db()
    assert item.body == "Karis tekst"

    # Alice merges both texts and saves against the revision she was shown.
    merged = json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {
            "value": "Karis tekst\nAlices tekst",
            "revision": conflict["revision"],
            "base": conflict["server_value"],
        },
    )
    assert merged.status_code == 200
    item.refresh_from_db()
    assert item.body == "Karis tekst\nAlices tekst"


def test_saving_another_field_of_the_same_item_meanwhile_is_no_conflict(
    alice_client, item
):
    loaded = item.revision
    json_post(
        alice_client,
        save_url("sak", item.pk, "presenters"),
        {"value": "Lucie Aunan", "revision": loaded, "base": ""},
    )
    response = json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {"value": "Bakgrunn", "revision": loaded, "base": ""},
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.presenters, item.body) == ("Lucie Aunan", "Bakgrunn")
    assert item.revision == loaded + 2


def test_a_retried_save_whose_answer_was_lost_is_accepted(alice_client, item):
    payload = {"value": "Samme tekst", "revision": item.revision, "base": ""}
    json_post(alice_client, save_url("sak", item.pk, "body"), payload)
    again = json_post(alice_client, save_url("sak", item.pk, "body"), payload)
    assert again.status_code == 200
    assert again.json()["revision"] == item.revision + 1


def test_the_service_refuses_a_stale_revision_atomically(item):
    content_save(obj=item, revision=item.revision, changes={"body": "A"})
    with pytest.raises(EditConflict) as caught:
        content_save(obj=item, revision=item.revision, changes={"body": "B"})
    assert caught.value.current.body == "A"
    item.refresh_from_db()
    assert item.body == "A"


def test_a_stale_base_is_a_conflict_even_with_a_fresh_revision(item):
    """Someone changed the body; a save based on the old body must not win just
    because another field's save gave the editor a newer revision."""
    content_save(obj=item, revision=item.revision, changes={"body": "Kollegaens"})
    item.refresh_from_db()
    with pytest.raises(EditConflict) as caught:
        content_save(
            obj=item,
            revision=item.revision,
            changes={"body": "Min"},
            expected={"body": ""},
        )
    assert caught.value.current.revision == item.revision
    item.refresh_from_db()
    assert item.body == "Kollegaens"


def test_the_decision_saves_its_final_text(alice_client, item):
    decision = item.decision
    item.council.marks_updated_decisions = True
    item.council.save()
    response = json_post(
        alice_client,
        save_url("vedtak", decision.pk, "final_text"),
        {"value": "Rådet tar saken til orientering, med innspillene.", "revision": 1},
    )
    assert response.status_code == 200
    decision.refresh_from_db()
    assert decision.final_text.endswith("med innspillene.")
    assert decision.label == "Oppdatert vedtak"


def test_an_inputs_who_field_resolves_organisation_sector_and_person(
    alice_client, item
):
    organisation = OrganisationFactory(name="Helse Vest RHF", short_name="HV")
    # «Hvem» matches the council's own: Helse Vest sits in council A.
    MembershipFactory(council=item.council, organisation=organisation)
    sector = SectorFactory(name="Kommunal sektor")
    entry = Input.objects.create(item=item, text="Innspill", order=1)
    url = save_url("innspill", entry.pk, "who")

    json_post(alice_client, url, {"value": "helse vest rhf", "revision": 1})
    entry.refresh_from_db()
    assert entry.organisation == organisation
    response = json_post(
        alice_client,
        url,
        {"value": "Representant fra kommunal sektor", "revision": entry.revision},
    )
    entry.refresh_from_db()
    assert entry.attribution == Input.Attribution.SECTOR
    assert entry.sector == sector
    assert response.json()["value"] == "Representant fra kommunal sektor"
    json_post(alice_client, url, {"value": "", "revision": entry.revision})
    entry.refresh_from_db()
    assert entry.attribution == Input.Attribution.NONE


def test_an_unknown_name_is_refused_with_a_norwegian_message(alice_client, item):
    entry = Input.objects.create(item=item, text="Innspill", order=1)
    response = json_post(
        alice_client,
        save_url("innspill", entry.pk, "who"),
        {"value": "Ingen slik virksomhet", "revision": 1},
    )
    assert response.status_code == 400
    assert "Finner ingen virksomhet" in response.json()["message"]
    entry.refresh_from_db()
    assert entry.revision == 1


def test_approved_minutes_are_frozen_and_the_editor_is_told_why(alice_client, item):
    Minutes.objects.filter(meeting=item.meeting).transition(
        Minutes.Status.APPROVED, approved_at="2024-01-01T10:00:00Z"
    )
    response = json_post(
        alice_client,
        save_url("sak", item.pk, "body"),
        {"value": "Endring", "revision": item.revision},
    )
    assert response.status_code == 400
    assert "godkjent" in response.json()["message"]
    item.refresh_from_db()
    assert item.body == ""


def test_without_javascript_a_save_redirects_back_to_the_item(alice_client, item):
    response = alice_client.post(
        save_url("sak", item.pk, "body"),
        {"value": "Uten JS", "revision": item.revision, "base": ""},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sak-{item.pk}")
    item.refresh_from_db()
    assert item.body == "Uten JS"


def test_without_javascript_a_conflict_shows_both_texts_to_merge(alice_client, item):
    content_save(obj=item, revision=item.revision, changes={"body": "Lagret tekst"})
    response = alice_client.post(
        save_url("sak", item.pk, "body"),
        {"value": "Min tekst", "revision": item.revision, "base": ""},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Lagret tekst" in html
    assert "Min tekst" in html
    assert f'name="revision" value="{item.revision + 1}"' in html


def test_an_unknown_field_is_a_404(alice_client, item):
    response = json_post(
        alice_client,
        save_url("sak", item.pk, "number"),
        {"value": "99", "revision": item.revision},
    )
    assert response.status_code == 404


def test_get_is_refused_on_the_save_endpoint(alice_client, item):
    assert alice_client.get(save_url("sak", item.pk, "body")).status_code == 405
