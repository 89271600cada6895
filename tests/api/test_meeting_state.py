"""The API speaks English (or Norwegian), never German: a published meeting's state."""

import pytest
from django.urls import reverse

from tests.factories import make_published_meeting

pytestmark = pytest.mark.django_db


def test_a_published_meetings_state_is_held(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_published_meeting(council=world.council_a)
    data = client.get(reverse("api:meeting-detail", args=[meeting.pk])).json()
    assert data["meetingState"] == "held"
