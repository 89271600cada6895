"""The quorum line: where the council states it, from the attendance in the document
(kommuneloven § 11-9: at least half the members present)."""

import datetime

from minutes.document import (
    NOTIFIED_ABSENCE,
    Attendee,
    CouncilFacts,
    MeetingFacts,
    MinutesDocument,
    Substitution,
)


def document(present: int, absent: int, *, deputies: int = 0, states=True):
    return MinutesDocument(
        council=CouncilFacts(name="Eldrerådet", slug="e", states_quorum=states),
        meeting=MeetingFacts(id=1, number=3, year=2024, date=datetime.date(2024, 6, 5)),
        members_present=tuple(Attendee(name=f"M{n}") for n in range(present)),
        members_absent=tuple(
            Attendee(name=f"A{n}", status=NOTIFIED_ABSENCE) for n in range(absent)
        ),
        substitutes=tuple(
            Substitution(substitute=f"V{n}", member=f"A{n}", is_deputy=True)
            for n in range(deputies)
        ),
    )


def test_a_meeting_with_half_the_seats_taken_is_quorate():
    assert document(4, 4).quorum_line == (
        "Møtet var vedtaksført: 4 av 8 medlemmer til stede."
    )


def test_deputies_who_stood_in_count():
    assert document(6, 2, deputies=1).quorum_line == (
        "Møtet var vedtaksført: 7 av 8 medlemmer til stede."
    )


def test_fewer_than_half_is_not_quorate():
    assert document(3, 5).quorum_line == (
        "Møtet var ikke vedtaksført: 3 av 8 medlemmer til stede."
    )


def test_a_council_that_does_not_state_it_prints_nothing():
    assert document(7, 1, states=False).quorum_line == ""
    assert document(0, 0).quorum_line == ""


def test_the_snapshot_carries_it_and_reads_back():
    snapshot = document(6, 2, deputies=1).to_snapshot()
    assert snapshot["quorum_line"].startswith("Møtet var vedtaksført")
    assert MinutesDocument.from_snapshot(snapshot).council.states_quorum
