"""Deleting frozen content in the admin gives a clear message, never a 500, and
deletes nothing: one object, a bulk action, or a meeting with everything under it."""

import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Input, Meeting
from tests.review.conftest import FROZEN, frozen_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client, world):
    client.force_login(world.operator)
    return client


@pytest.mark.parametrize("kind", ["input", "item", "meeting"])
def test_deleting_one_frozen_object_says_why_and_deletes_nothing(
    operator, frozen, kind
):
    row = frozen_rows(frozen)[kind]
    opts = row._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[row.pk])
    for response in (
        operator.get(url, follow=True),
        operator.post(url, {"post": "yes"}, follow=True),
    ):
        assert response.status_code == 200
        assert FROZEN in response.content.decode()
    assert type(row).objects.filter(pk=row.pk).exists()


def test_the_bulk_delete_action_deletes_no_frozen_row(operator, frozen):
    row = frozen_rows(frozen)["input"]
    url = reverse("admin:minutes_input_changelist")
    data = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    response = operator.post(url, data, follow=True)
    assert response.status_code == 200
    assert FROZEN in response.content.decode()
    assert Input.objects.filter(pk=row.pk).exists()


def test_an_editable_object_is_still_deleted(operator, frozen):
    entry = Input.objects.create(
        item=AgendaItem.objects.filter(meeting=frozen.later).first(), text="Slett meg"
    )
    url = reverse("admin:minutes_input_delete", args=[entry.pk])
    assert operator.post(url, {"post": "yes"}).status_code == 302
    assert not Input.objects.filter(pk=entry.pk).exists()
    assert Meeting.objects.filter(pk=frozen.meeting.pk).exists()
