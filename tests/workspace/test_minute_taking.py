"""The minute-taking page, inputs (innspill) and the per-item history."""

import pytest
from django.urls import reverse

from minutes.models import Input
from minutes.services.editing import content_save, input_add
from tests.factories import MembershipFactory, OrganisationFactory
from tests.workspace.conftest import json_post

pytestmark = pytest.mark.django_db


def test_alice_sees_every_item_with_its_fields_and_the_save_status(
    alice_client, meeting, item
):
    response = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="save-status" role="status" aria-live="polite"' in html
    assert f'data-key="sak:{item.pk}:body"' in html
    assert f'data-key="new:{item.pk}"' in html
    assert "js/autosave.js" in html
    # No inline script: the CSP that comes later forbids it.
    assert "<script>" not in html and "onclick" not in html


def test_the_decision_field_starts_empty_beside_the_proposal(
    alice_client, meeting, item
):
    # A prefilled field left as it was printed the proposal as if it were decided:
    # the decision is written, or the proposal adopted with one click.
    response = alice_client.get(reverse("workspace:minute", args=[meeting.pk]))
    proposal = item.decision.proposed_text
    assert proposal
    html = response.content.decode()
    assert f'data-key="vedtak:{item.decision.pk}:final_text" data-base=""' in html
    assert f">\n{proposal}</textarea>" not in html
    assert proposal in html
    assert reverse("workspace:decision_adopt", args=[item.decision.pk]) in html


def test_alice_adds_an_input_with_autosave_and_gets_its_row(alice_client, item):
    organisation = OrganisationFactory(name="KS")
    # «Hvem» matches the council's own: KS sits in council A.
    MembershipFactory(council=item.council, organisation=organisation)
    response = json_post(
        alice_client,
        reverse("workspace:input_create", args=[item.pk]),
        {"text": "KS ønsker en felles løsning.", "who": "KS"},
    )
    assert response.status_code == 201
    data = response.json()
    entry = Input.objects.get(pk=data["id"])
    assert entry.text == "KS ønsker en felles løsning."
    assert entry.organisation == organisation
    assert f'data-key="innspill:{entry.pk}:text"' in data["html"]


def test_an_empty_input_is_refused_without_losing_anything(alice_client, item):
    response = json_post(
        alice_client,
        reverse("workspace:input_create", args=[item.pk]),
        {"text": "   "},
    )
    assert response.status_code == 400
    assert not Input.objects.filter(item=item).exists()


def test_without_javascript_an_input_is_added_by_a_plain_post(alice_client, item):
    response = alice_client.post(
        reverse("workspace:input_create", args=[item.pk]),
        {"text": "Skriftlig fra Oslo kommune", "is_written": "1"},
    )
    assert response.status_code == 302
    entry = Input.objects.get(item=item)
    assert entry.is_written


def add(item, text, parent=None):
    return input_add(item=item, text=text, parent=parent)


def reading_order(item):
    return [
        (e.text, e.parent.text if e.parent else None)
        for e in Input.objects.filter(item=item).order_by("order")
    ]


def test_inputs_move_indent_and_outdent_with_buttons(alice_client, item):
    first, second, third = add(item, "A"), add(item, "B"), add(item, "C")
    url = lambda entry: reverse("workspace:input_action", args=[entry.pk])  # noqa: E731

    alice_client.post(url(third), {"action": "up"})
    assert reading_order(item) == [("A", None), ("C", None), ("B", None)]

    alice_client.post(url(third), {"action": "indent"})
    assert reading_order(item) == [("A", None), ("C", "A"), ("B", None)]

    alice_client.post(url(second), {"action": "up"})
    assert reading_order(item) == [("B", None), ("A", None), ("C", "A")]

    alice_client.post(url(third), {"action": "outdent"})
    assert reading_order(item) == [("B", None), ("A", None), ("C", None)]

    alice_client.post(url(first), {"action": "delete"})
    assert reading_order(item) == [("B", None), ("C", None)]


def test_the_first_input_cannot_be_indented_and_the_editor_is_told(alice_client, item):
    entry = add(item, "Første")
    response = alice_client.post(
        reverse("workspace:input_action", args=[entry.pk]),
        {"action": "indent"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "kan ikke rykkes inn" in response["HX-Trigger"].encode().decode(
        "unicode_escape"
    )
    assert reading_order(item) == [("Første", None)]


def test_an_htmx_action_returns_the_inputs_fragment(alice_client, item):
    entry = add(item, "Flytt meg")
    add(item, "Neste")
    response = alice_client.post(
        reverse("workspace:input_action", args=[entry.pk]),
        {"action": "down"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.startswith(f'<div class="inputs-block" id="inputs-{item.pk}">')
    assert html.index("Neste") < html.index("Flytt meg")


def test_the_history_page_shows_who_and_the_text_before_and_after(alice_client, item):
    json_post(
        alice_client,
        reverse("workspace:save", args=["sak", item.pk, "body"]),
        {"value": "Gammel tekst her", "revision": item.revision, "base": ""},
    )
    json_post(
        alice_client,
        reverse("workspace:save", args=["sak", item.pk, "body"]),
        {
            "value": "Ny tekst her",
            "revision": item.revision + 1,
            "base": "Gammel tekst her",
        },
    )
    entry = add(item, "Slettet innspill")
    entry.delete()
    response = alice_client.get(reverse("workspace:item_history", args=[item.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Gammel</del>" in html
    assert "<ins>Ny</ins>" in html
    assert "Alice Sekretær" in html
    assert "Slettet: Innspill «Slettet innspill»" in html


def test_the_minute_page_is_read_only_when_minutes_are_approved(
    alice_client, meeting, item
):
    from minutes.models import Minutes

    content_save(obj=item, revision=item.revision, changes={"body": "Ferdig"})
    Minutes.objects.filter(meeting=meeting).transition(
        Minutes.Status.APPROVED, approved_at="2024-01-01T10:00:00Z"
    )
    html = alice_client.get(reverse("workspace:minute", args=[meeting.pk])).content
    html = html.decode()
    assert "Referatet er godkjent og kan ikke endres" in html
    assert "data-autosave=" not in html
    assert "data-autosave-new" not in html


def test_the_minute_page_runs_a_fixed_number_of_queries_however_long_the_meeting(
    alice_client, meeting, item
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from minutes.services.agenda import agenda_item_add

    url = reverse("workspace:minute", args=[meeting.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(url).status_code == 200
        return len(queries)

    add(item, "Ett innspill")
    small = count()
    for n in range(3):
        extra = agenda_item_add(meeting=meeting, title=f"Sak {n}")
        parent = add(extra, "Innspill")
        add(extra, "Underpunkt", parent=parent)
    assert count() == small
