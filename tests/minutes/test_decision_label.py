from minutes.models import Decision


def test_the_label_is_vedtak_when_the_final_text_is_the_proposal():
    decision = Decision(proposed_text="Rådet tar saken til orientering.")
    decision.final_text = "Rådet  tar saken\ntil orientering."
    assert decision.label == "Vedtak"


def test_the_label_is_oppdatert_vedtak_when_the_final_text_differs():
    decision = Decision(proposed_text="Rådet støtter alternativ 3.")
    decision.final_text = "Rådet støtter alternativ 3. Budsjettet kan tas opp igjen."
    assert decision.label == "Oppdatert vedtak"
    assert decision.text.endswith("igjen.")


def test_without_a_proposal_the_final_text_is_a_plain_vedtak():
    assert Decision(final_text="Rådet godkjenner.").label == "Vedtak"


def test_before_the_meeting_only_the_proposal_is_shown():
    decision = Decision(proposed_text="Rådet godkjenner.")
    assert decision.label == "Forslag til vedtak"
    assert decision.text == "Rådet godkjenner."
