import datetime

import pytest

from minutes.models import ItemKind
from minutes.services import agenda, attendance, editing
from tests.factories import make_meeting, publish

SITE_URL = "https://referater.example.no"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Frozen PDFs in a folder of the test's own, and a site address to link to."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = SITE_URL
    return settings.MEDIA_ROOT


def record_meeting(council, date: datetime.date):
    """A meeting of council A minuted the way the secretariat does it: attendance,
    an item with a body, inputs and a decision that differs from the proposal."""
    meeting = make_meeting(
        council=council,
        date=date,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(15, 0),
        venue="Møterom 1",
    )
    attendance.attendance_ensure_members(meeting=meeting)
    item = agenda.agenda_item_add(
        meeting=meeting,
        title="Ny nasjonal strategi",
        kind=ItemKind.DISCUSSION,
        proposed_decision="Rådet tar saken til orientering.",
        body="Direktoratet la fram utkastet.\n\n- Mål\n- Tiltak",
        presenters="Direktoratet",
    )
    editing.input_add(item=item, text="Strategien må forankres i kommunene.")
    decision = item.decision
    decision.final_text = "Rådet støtter strategien med innspillene fra møtet."
    decision.save()
    return meeting


@pytest.fixture
def published(world):
    """Council A's meeting 1/2024, minuted and published."""
    return publish(record_meeting(world.council_a, datetime.date(2024, 3, 1)))
