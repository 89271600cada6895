"""Every save of an item, input or decision moves its revision on, whatever the path
(the workspace, the admin, a shell), so an editor who loaded an older revision is
told of the change instead of overwriting it."""

import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Decision, Input
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(council):
    return make_meeting(council).items.get(standard="secretariat_info")


@pytest.fixture
def admin_client(client, world):
    """Oscar, the world's operator, in the admin."""
    client.force_login(world.operator)
    return client


def stored(obj):
    return type(obj).objects.get(pk=obj.pk).revision


def test_a_save_moves_the_revision_on_by_one(item):
    item.body = "Endret i et skall"
    item.save()
    assert item.revision == stored(item) == 2
    item.presenters = "Lucie Aunan"
    item.save(update_fields=["presenters", "updated_at"])
    assert item.revision == stored(item) == 3


def test_creating_and_queryset_updates_leave_the_revision_alone(item):
    entry = Input.objects.create(item=item, text="Nytt", order=1)
    assert stored(entry) == 1
    # Order and numbers are no typed content: renumbering does not touch revisions.
    AgendaItem.objects.filter(pk=item.pk).update(order=7)
    assert stored(item) == 1


def test_the_admin_moves_an_inputs_revision_on(admin_client, item):
    entry = Input.objects.create(item=item, text="Før", order=1)
    response = admin_client.post(
        reverse("admin:minutes_input_change", args=[entry.pk]),
        {"item": item.pk, "order": 1, "text": "Endret i admin", "attribution": "none"},
    )
    assert response.status_code == 302
    assert stored(entry) == 2


def test_the_admin_moves_an_items_and_its_decisions_revision_on_once(
    admin_client, item
):
    decision = Decision.objects.get(item=item)
    data = {
        "meeting": item.meeting_id,
        "order": item.order,
        "title": "Ny tittel",
        "kind": item.kind,
        "presenters": "",
        "body": "",
        "archive_reference": "",
        "decision-TOTAL_FORMS": 1,
        "decision-INITIAL_FORMS": 1,
        "decision-0-id": decision.pk,
        "decision-0-item": item.pk,
        "decision-0-proposed_text": "Nytt forslag",
        "decision-0-final_text": "",
        "inputs-TOTAL_FORMS": 0,
        "inputs-INITIAL_FORMS": 0,
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
    }
    response = admin_client.post(
        reverse("admin:minutes_agendaitem_change", args=[item.pk]), data
    )
    assert response.status_code == 302, response.context["errors"]
    assert stored(item) == 2
    assert stored(decision) == 2


@pytest.mark.parametrize("base", [{"base": "Før"}, {}], ids=["base", "no-base"])
def test_an_editor_behind_an_admin_change_gets_a_conflict(
    admin_client, client, world, item, base
):
    entry = Input.objects.create(item=item, text="Før", order=1)
    admin_client.post(
        reverse("admin:minutes_input_change", args=[entry.pk]),
        {"item": item.pk, "order": 1, "text": "Endret i admin", "attribution": "none"},
    )
    client.force_login(world.secretariat_a)
    response = client.post(
        reverse("workspace:save", args=["innspill", entry.pk, "text"]),
        {"value": "Min tekst", "revision": 1, **base},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert response.json()["server_value"] == "Endret i admin"
    assert Input.objects.get(pk=entry.pk).text == "Endret i admin"
