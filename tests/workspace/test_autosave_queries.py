"""Autosave runs on every pause in typing: one field's save has a fixed query budget.

The freeze rule is checked once per save, inside the save's transaction (as part of
the compare-and-lock on the revision), not again by the model's full_clean() and
save().
"""

import pytest
from django.urls import resolve, reverse

from tests.workspace.conftest import json_post

pytestmark = pytest.mark.django_db


def save_url(kind, pk, field):
    return reverse("workspace:save", args=[kind, pk, field])


@pytest.fixture
def typed(alice_client, item):
    """Alice has typed into the item's body once, so the second save is a usual one."""
    url = save_url("sak", item.pk, "body")
    json_post(alice_client, url, {"value": "Lucie", "revision": 1, "base": ""})
    item.refresh_from_db()
    return item


def test_saving_one_field_runs_at_most_six_queries(
    rf, world, typed, django_assert_max_num_queries
):
    url = save_url("sak", typed.pk, "body")
    request = rf.post(
        url,
        {"value": "Lucie Aunan", "revision": typed.revision, "base": "Lucie"},
        HTTP_ACCEPT="application/json",
    )
    request.user = world.secretariat_a
    match = resolve(url)
    # 1. the item, its meeting, council and minutes, if Alice serves the council
    # 2. SAVEPOINT
    # 3. UPDATE … SET revision = revision WHERE id = … AND revision = sent AND the
    #    meeting's minutes are not approved (compare, lock, and the freeze check)
    # 4. UPDATE the body, the next revision and updated_at
    # 5. INSERT the history row
    # 6. RELEASE SAVEPOINT
    with django_assert_max_num_queries(6):
        response = match.func(request, *match.args, **match.kwargs)
    assert response.status_code == 200
    typed.refresh_from_db()
    assert typed.body == "Lucie Aunan"
    assert typed.revision == 3


def test_the_whole_autosave_request_runs_twelve_queries(
    alice_client, typed, django_assert_num_queries
):
    url = save_url("sak", typed.pk, "body")
    data = {"value": "Lucie Aunan", "revision": typed.revision, "base": "Lucie"}
    # 1-3. the login, on every request: session, user, second-factor device
    # 4-9. the save, as above
    # 10-12. the session, saved on every request: SAVEPOINT, UPDATE, RELEASE
    with django_assert_num_queries(12):
        response = json_post(alice_client, url, data)
    assert response.json()["status"] == "saved"


def test_a_decision_and_an_input_save_within_the_same_budget(
    rf, world, item, django_assert_max_num_queries
):
    from minutes.models import Input

    entry = Input.objects.create(item=item, text="Innspill", order=1)
    targets = [
        ("vedtak", item.decision.pk, "final_text", item.decision.revision, ""),
        ("innspill", entry.pk, "text", entry.revision, "Innspill"),
    ]
    for kind, pk, field, revision, base in targets:
        url = save_url(kind, pk, field)
        request = rf.post(
            url,
            {"value": "Ny tekst", "revision": revision, "base": base},
            HTTP_ACCEPT="application/json",
        )
        request.user = world.secretariat_a
        match = resolve(url)
        with django_assert_max_num_queries(6):
            response = match.func(request, *match.args, **match.kwargs)
        assert response.status_code == 200, response.content
