"""«Vedtatt som foreslått»: the secretariat records an adopted proposal in one click,
and the minutes never print the proposal as if it were the decision."""

import pytest
from django.urls import reverse

from minutes.document import MinutesDocument
from minutes.models import Decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(item) -> Decision:
    decision = item.decision
    Decision.objects.filter(pk=decision.pk).update(
        proposed_text="Rådet tar saken til orientering.", final_text=""
    )
    decision.refresh_from_db()
    return decision


def adopt(client, decision, revision=None):
    return client.post(
        reverse("workspace:decision_adopt", args=[decision.pk]),
        {"revision": decision.revision if revision is None else revision},
    )


def test_a_proposal_is_not_yet_a_decision(decision, meeting):
    item = MinutesDocument.from_rows(meeting).item(decision.item.number)
    assert item.decision.label == "Forslag til vedtak"


def test_one_click_records_the_proposal_as_the_decision(
    alice_client, decision, meeting
):
    button = reverse("workspace:decision_adopt", args=[decision.pk])
    page = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    assert button in page.content.decode()

    response = adopt(alice_client, decision)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sak-{decision.item_id}")
    decision.refresh_from_db()
    assert decision.final_text == "Rådet tar saken til orientering."
    item = MinutesDocument.from_rows(meeting).item(decision.item.number)
    assert (item.decision.label, item.decision.text) == (
        "Vedtak",
        "Rådet tar saken til orientering.",
    )
    page = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    assert button not in page.content.decode()


def test_a_decision_written_meanwhile_is_not_overwritten(alice_client, decision):
    loaded = decision.revision
    decision.final_text = "Rådet ber om en ny runde."
    decision.save()
    response = adopt(alice_client, decision, revision=loaded)
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.final_text == "Rådet ber om en ny runde."
    page = alice_client.get(response["Location"]).content.decode()
    assert "Noen har skrevet et vedtak i mellomtiden" in page


def test_an_item_without_a_proposal_has_nothing_to_adopt(alice_client, item):
    Decision.objects.filter(pk=item.decision.pk).update(proposed_text="")
    item.decision.refresh_from_db()
    response = adopt(alice_client, item.decision)
    page = alice_client.get(response["Location"]).content.decode()
    assert "Saken har ikke noe forslag til vedtak." in page
    item.decision.refresh_from_db()
    assert item.decision.final_text == ""


def test_only_the_councils_secretariat_may_adopt(client, world, decision):
    client.force_login(world.secretariat_b)
    assert adopt(client, decision).status_code == 404
    client.force_login(world.member_a)
    assert adopt(client, decision).status_code == 404
    decision.refresh_from_db()
    assert decision.final_text == ""
