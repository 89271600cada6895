"""The minutes' state machine: each transition from the right state by the right
person, and a clear Norwegian error otherwise."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from council.models import Council
from minutes.errors import MinutesStateError
from minutes.models import (
    Minutes,
    MinutesEvent,
    MinutesVersion,
    ReviewApproval,
    ReviewComment,
)
from minutes.services import lifecycle
from tests.factories import approving_item
from tests.review.conftest import refresh, send

APPROVE = ReviewApproval.Decision.APPROVE


def test_errors_are_validation_errors_with_norwegian_messages(cast):
    with pytest.raises(ValidationError) as caught:
        lifecycle.minutes_publish(minutes=cast.minutes, by=cast.alice)
    assert isinstance(caught.value, MinutesStateError)
    assert caught.value.messages == ["Bare godkjente referater kan publiseres."]


def test_sending_for_review_snapshots_version_one_and_records_who_and_when(
    cast, deadline
):
    version = send(cast, deadline)
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.IN_REVIEW
    assert (version.number, version.deadline, version.created_by) == (
        1,
        deadline,
        cast.alice,
    )
    titles = [item["title"] for item in version.content["items"]]
    assert "Nasjonal e-helsestrategi" in titles
    event = MinutesEvent.objects.get(minutes=minutes)
    assert (event.kind, event.actor) == (MinutesEvent.Kind.SENT_FOR_REVIEW, cast.alice)


def test_later_edits_do_not_touch_the_snapshot(cast, deadline):
    version = send(cast, deadline)
    cast.inputs[0].text = "Endret etterpå."
    cast.inputs[0].save()
    version = MinutesVersion.objects.get(pk=version.pk)
    texts = [i["text"] for i in version.content["items"][-2]["inputs"]]
    assert "Strategien må forankres i kommunene." in texts
    assert "Endret etterpå." not in texts


def test_sending_needs_a_deadline(cast):
    with pytest.raises(MinutesStateError, match="Sett en frist"):
        lifecycle.minutes_send_for_review(
            minutes=cast.minutes, by=cast.alice, deadline=None
        )
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_sending_refuses_a_deadline_in_the_past(cast):
    with pytest.raises(MinutesStateError, match="tilbake i tid"):
        lifecycle.minutes_send_for_review(
            minutes=cast.minutes, by=cast.alice, deadline=datetime.date(2000, 1, 1)
        )


def test_only_the_secretariat_sends_for_review(cast, deadline):
    with pytest.raises(MinutesStateError, match="Bare rådets sekretariat"):
        lifecycle.minutes_send_for_review(
            minutes=cast.minutes, by=cast.bob, deadline=deadline
        )


def test_a_new_version_waits_until_every_comment_is_answered(cast, deadline):
    send(cast, deadline)
    comment = lifecycle.review_comment_add(
        minutes=cast.minutes, by=cast.carol, text="Skriv «forankres» annerledes."
    )
    with pytest.raises(MinutesStateError, match="Svar på alle åpne kommentarer"):
        send(cast, deadline)
    lifecycle.review_comment_resolve(
        comment=comment, by=cast.alice, status="accepted", reply="Rettet."
    )
    second = send(cast, deadline)
    assert second.number == 2
    assert list(
        MinutesVersion.objects.filter(minutes=cast.minutes, is_open_review=True)
    ) == [second]


def test_the_database_allows_only_one_open_review_round(cast, deadline):
    from django.db import IntegrityError, transaction

    version = send(cast, deadline)
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesVersion.objects.create(
            minutes=version.minutes,
            number=2,
            content={},
            deadline=deadline,
            is_open_review=True,
        )


def test_members_cannot_approve_a_draft_that_was_not_sent(cast):
    with pytest.raises(MinutesStateError, match="ikke til gjennomsyn"):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=cast.bob, decision=APPROVE
        )


def test_a_deputy_comments_but_does_not_vote(cast, deadline):
    send(cast, deadline)
    lifecycle.review_comment_add(
        minutes=cast.minutes, by=cast.erin, text="Et innspill."
    )
    with pytest.raises(MinutesStateError, match="Bare rådets medlemmer"):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=cast.erin, decision=APPROVE
        )


def test_a_member_of_another_council_can_neither_comment_nor_approve(cast, deadline):
    send(cast, deadline)
    with pytest.raises(MinutesStateError):
        lifecycle.review_comment_add(minutes=cast.minutes, by=cast.charlie, text="Hei")
    with pytest.raises(MinutesStateError):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=cast.charlie, decision=APPROVE
        )


def test_a_comment_must_point_at_something_in_the_version(cast, deadline):
    send(cast, deadline)
    with pytest.raises(MinutesStateError, match="Innspillet finnes ikke"):
        lifecycle.review_comment_add(
            minutes=cast.minutes, by=cast.bob, text="Hm", input_id=999999
        )
    comment = lifecycle.review_comment_add(
        minutes=cast.minutes, by=cast.bob, text="Uklart", input_id=cast.inputs[1].pk
    )
    assert comment.input == cast.inputs[1]
    assert comment.item == cast.item
    assert comment.target_label.startswith(f"Sak {cast.item.number_label}, innspill")


def test_answering_a_comment_needs_a_reply_and_a_verdict(cast, deadline):
    send(cast, deadline)
    comment = lifecycle.review_comment_add(minutes=cast.minutes, by=cast.bob, text="?")
    with pytest.raises(MinutesStateError, match="Skriv et svar"):
        lifecycle.review_comment_resolve(
            comment=comment, by=cast.alice, status="accepted", reply=" "
        )
    with pytest.raises(MinutesStateError, match="tas til følge"):
        lifecycle.review_comment_resolve(
            comment=comment, by=cast.alice, status="open", reply="Svar"
        )
    with pytest.raises(MinutesStateError, match="sekretariat"):
        lifecycle.review_comment_resolve(
            comment=comment, by=cast.bob, status="accepted", reply="Selv"
        )
    lifecycle.review_comment_resolve(
        comment=comment, by=cast.alice, status="declined", reply="Står seg."
    )
    comment.refresh_from_db()
    assert (comment.status, comment.reply, comment.replied_by) == (
        ReviewComment.Status.DECLINED,
        "Står seg.",
        cast.alice,
    )
    with pytest.raises(MinutesStateError, match="allerede besvart"):
        lifecycle.review_comment_resolve(
            comment=comment, by=cast.alice, status="accepted", reply="Igjen"
        )


def test_all_members_must_approve_under_online_all(cast, deadline):
    send(cast, deadline)
    for user in (cast.bob, cast.carol):
        lifecycle.minutes_member_decide(minutes=cast.minutes, by=user, decision=APPROVE)
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW
    with pytest.raises(MinutesStateError, match="ikke oppfylt"):
        lifecycle.minutes_approve_online(minutes=cast.minutes, by=cast.alice)
    lifecycle.minutes_member_decide(
        minutes=cast.minutes, by=cast.dave, decision=APPROVE
    )
    minutes = refresh(cast.minutes)
    # Testrådet publishes on approval.
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approval_method == Minutes.ApprovalMethod.ONLINE
    assert minutes.pdf_sha256


def test_an_open_comment_holds_back_online_approval(cast, deadline):
    send(cast, deadline)
    comment = lifecycle.review_comment_add(minutes=cast.minutes, by=cast.bob, text="?")
    for user in (cast.bob, cast.carol, cast.dave):
        lifecycle.minutes_member_decide(minutes=cast.minutes, by=user, decision=APPROVE)
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW
    lifecycle.review_comment_resolve(
        comment=comment, by=cast.alice, status="declined", reply="Nei."
    )
    assert refresh(cast.minutes).status == Minutes.Status.PUBLISHED


def test_edits_after_sending_hold_back_online_approval(cast, deadline):
    send(cast, deadline)
    cast.inputs[0].text = "Endret uten ny versjon."
    cast.inputs[0].save()
    for user in (cast.bob, cast.carol, cast.dave):
        lifecycle.minutes_member_decide(minutes=cast.minutes, by=user, decision=APPROVE)
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW


def test_a_majority_is_enough_under_online_majority(world, deadline):
    from tests.review.conftest import build_cast

    cast = build_cast(
        world, Council.ApprovalRule.ONLINE_MAJORITY, publish_on_approval=False
    )
    send(cast, deadline)
    lifecycle.minutes_member_decide(minutes=cast.minutes, by=cast.bob, decision=APPROVE)
    lifecycle.minutes_member_decide(
        minutes=cast.minutes,
        by=cast.dave,
        decision=ReviewApproval.Decision.REQUEST_CHANGES,
    )
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW
    lifecycle.minutes_member_decide(
        minutes=cast.minutes, by=cast.carol, decision=APPROVE
    )
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.published_at is None


def test_a_member_answers_once_per_version_but_may_change_the_answer(cast, deadline):
    send(cast, deadline)
    lifecycle.minutes_member_decide(
        minutes=cast.minutes,
        by=cast.bob,
        decision=ReviewApproval.Decision.REQUEST_CHANGES,
    )
    lifecycle.minutes_member_decide(minutes=cast.minutes, by=cast.bob, decision=APPROVE)
    answers = ReviewApproval.objects.filter(version__minutes=cast.minutes)
    assert [a.decision for a in answers] == [APPROVE]


def test_approval_at_meeting_is_refused_for_an_online_council(cast):
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    with pytest.raises(MinutesStateError, match="online"):
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)


def test_approval_at_meeting_needs_the_item_that_approves_these_minutes(
    next_meeting_cast,
):
    cast = next_meeting_cast
    with pytest.raises(MinutesStateError, match="godkjenner ikke"):
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=cast.item)


def test_approval_at_meeting_records_item_time_and_who(next_meeting_cast):
    cast = next_meeting_cast
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item, by=cast.alice)
    minutes = refresh(cast.minutes)
    assert minutes.approval_method == Minutes.ApprovalMethod.MEETING
    assert minutes.approved_by_item == item
    version = MinutesVersion.objects.get(minutes=minutes)
    assert (version.approved_by, version.approved_by_item) == (cast.alice, item)
    assert minutes.status == Minutes.Status.PUBLISHED
    with pytest.raises(MinutesStateError, match="allerede godkjent"):
        lifecycle.minutes_approve_at_meeting(minutes=minutes, item=item)


def test_publishing_needs_approved_minutes_and_the_secretariat(world, deadline):
    from tests.review.conftest import build_cast

    cast = build_cast(
        world, Council.ApprovalRule.NEXT_MEETING, publish_on_approval=False
    )
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    assert refresh(cast.minutes).status == Minutes.Status.APPROVED
    with pytest.raises(MinutesStateError, match="sekretariat"):
        lifecycle.minutes_publish(minutes=cast.minutes, by=cast.bob)
    lifecycle.minutes_publish(minutes=cast.minutes, by=cast.alice)
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert MinutesVersion.objects.get(minutes=minutes).published_at is not None
    with pytest.raises(MinutesStateError, match="Bare godkjente"):
        lifecycle.minutes_publish(minutes=minutes, by=cast.alice)


def test_a_correction_needs_published_minutes_and_a_reason(next_meeting_cast):
    cast = next_meeting_cast
    with pytest.raises(MinutesStateError, match="Bare publiserte"):
        lifecycle.minutes_start_correction(
            minutes=cast.minutes, by=cast.alice, reason="Feil navn"
        )
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    with pytest.raises(MinutesStateError, match="hvorfor"):
        lifecycle.minutes_start_correction(
            minutes=cast.minutes, by=cast.alice, reason=""
        )
    lifecycle.minutes_start_correction(
        minutes=cast.minutes, by=cast.alice, reason="Feil navn i sak 2"
    )
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.CORRECTING
    assert minutes.correction_reason == "Feil navn i sak 2"
