"""The minute-taking page shows every input, even where the tree is broken."""

import pytest
from django.urls import reverse

from minutes.models import Input
from minutes.services.editing import input_add

pytestmark = pytest.mark.django_db


def test_inputs_caught_in_a_cycle_are_both_on_the_minute_taking_page(
    alice_client, meeting, item
):
    first = input_add(item=item, text="Innspill A fra Bergen")
    second = input_add(item=item, text="Innspill B fra Oslo")
    under_second = input_add(item=item, text="Innspill C under B", parent=second)
    # A parent each other, as a raw write past the guards would leave them.
    Input.objects.filter(pk=first.pk).update(parent=second)
    Input.objects.filter(pk=second.pk).update(parent=first)

    html = alice_client.get(
        reverse("workspace:minute", args=[meeting.pk])
    ).content.decode()

    for entry in (first, second, under_second):
        assert f'data-key="innspill:{entry.pk}:text"' in html
    assert html.index("Innspill A fra Bergen") < html.index("Innspill B fra Oslo")
