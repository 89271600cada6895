"""What the minutes print over a decision: the proposal only while nothing is decided,
«Oppdatert vedtak» only where the council marks changed proposals."""

import pytest

from minutes.models import Decision
from tests.factories import CouncilFactory, make_meeting

pytestmark = pytest.mark.django_db


def decision(*, proposed: str = "", final: str = "", marks: bool = True) -> Decision:
    council = CouncilFactory(marks_updated_decisions=marks)
    item = make_meeting(council).items.first()
    return Decision(item=item, proposed_text=proposed, final_text=final)


def test_the_label_is_vedtak_when_the_final_text_is_the_proposal():
    adopted = decision(
        proposed="Rådet tar saken til orientering.",
        final="Rådet  tar saken\ntil orientering.",
    )
    assert adopted.label == "Vedtak"


def test_the_label_is_oppdatert_vedtak_when_the_final_text_differs():
    changed = decision(
        proposed="Rådet støtter alternativ 3.",
        final="Rådet støtter alternativ 3. Budsjettet kan tas opp igjen.",
    )
    assert changed.label == "Oppdatert vedtak"
    assert changed.text.endswith("igjen.")


def test_a_council_that_does_not_mark_changes_prints_vedtak():
    changed = decision(
        proposed="Rådet støtter alternativ 3.",
        final="Rådet støtter alternativ 2.",
        marks=False,
    )
    assert changed.label == "Vedtak"


def test_without_a_proposal_the_final_text_is_a_plain_vedtak():
    assert decision(final="Rådet godkjenner.").label == "Vedtak"


def test_before_the_meeting_only_the_proposal_is_shown():
    proposal = decision(proposed="Rådet godkjenner.")
    assert proposal.label == "Forslag til vedtak"
    assert proposal.text == "Rådet godkjenner."
    assert not proposal.is_decided
