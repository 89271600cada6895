"""The minutes row moves only along the state machine, and its stored PDF stays.

Raw SQL, or a queryset update(), could once flip published minutes back to a draft,
rewrite the frozen content, restore «published» and swap the stored PDF's SHA-256.
The model (Minutes.save, MinutesQuerySet.update) and, on PostgreSQL, a trigger on
minutes_minutes (migration minutes/0010) refuse every change of status the services
do not make (minutes/status.py) and any change of a stored PDF.
"""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from minutes.errors import MinutesStateError
from minutes.models import Minutes, MinutesVersion
from minutes.services import lifecycle
from minutes.status import MinutesStatus, status_may_change
from tests.factories import (
    approving_item,
    make_meeting,
    make_published_meeting,
    publish,
)

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The minutes row trigger exists on PostgreSQL only, by design (like the "
    "frozen-content triggers); on SQLite the model's guards are the protection.",
)

PDF_FIELDS = ["pdf_file", "pdf_sha256", "pdf_size", "pdf_rendered_at"]


@pytest.fixture
def published(council) -> Minutes:
    return Minutes.objects.get(meeting=make_published_meeting(council))


def raw(sql: str, params: list) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def stored(minutes: Minutes) -> Minutes:
    return Minutes.objects.get(pk=minutes.pk)


# The database ------------------------------------------------------------------------


@postgresql_only
def test_raw_sql_cannot_turn_published_minutes_back_into_a_draft(published):
    with pytest.raises(DatabaseError, match="kan ikke"):
        raw(
            "UPDATE minutes_minutes SET status = 'draft' WHERE id = %s",
            [published.pk],
        )
    assert stored(published).status == Minutes.Status.PUBLISHED


@postgresql_only
@pytest.mark.parametrize(
    "assignment",
    [
        "pdf_sha256 = repeat('0', 64)",
        "pdf_file = 'referater/falsk.pdf'",
        "pdf_size = pdf_size + 1",
        "pdf_rendered_at = now()",
        "pdf_file = '', pdf_sha256 = '', pdf_size = 0, pdf_rendered_at = NULL",
    ],
)
def test_raw_sql_cannot_change_the_stored_pdf(published, assignment):
    before = stored(published)
    assert before.pdf_sha256
    with pytest.raises(DatabaseError, match="kan ikke"):
        raw(f"UPDATE minutes_minutes SET {assignment} WHERE id = %s", [published.pk])
    after = stored(published)
    assert [getattr(after, f) for f in PDF_FIELDS] == [
        getattr(before, f) for f in PDF_FIELDS
    ]


@postgresql_only
def test_raw_sql_cannot_give_a_draft_a_pdf_to_be_kept_at_approval(council):
    meeting = make_meeting(council)
    with pytest.raises(DatabaseError, match="kan ikke"):
        raw(
            "UPDATE minutes_minutes SET pdf_file = 'referater/falsk.pdf',"
            " pdf_sha256 = repeat('0', 64), pdf_size = 1 WHERE meeting_id = %s",
            [meeting.pk],
        )


@postgresql_only
def test_raw_sql_cannot_delete_published_minutes_to_insert_them_again(published):
    with pytest.raises(DatabaseError, match="kan ikke"):
        raw("DELETE FROM minutes_minutes WHERE id = %s", [published.pk])
    assert stored(published).status == Minutes.Status.PUBLISHED


# Reaching each state by raw SQL along allowed steps only.
PATHS = {
    MinutesStatus.DRAFT: [],
    MinutesStatus.IN_REVIEW: [MinutesStatus.IN_REVIEW],
    MinutesStatus.APPROVED: [MinutesStatus.APPROVED],
    MinutesStatus.PUBLISHED: [MinutesStatus.APPROVED, MinutesStatus.PUBLISHED],
    MinutesStatus.CORRECTING: [
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLISHED,
        MinutesStatus.CORRECTING,
    ],
}
SET_STATUS = (
    "UPDATE minutes_minutes SET status = %s, approved_at = coalesce(approved_at, now())"
    " WHERE id = %s"
)


@postgresql_only
@pytest.mark.parametrize("old", list(MinutesStatus))
def test_the_database_allows_exactly_the_transitions_of_the_state_machine(council, old):
    """The trigger's data is minutes/status.py's rule: every pair is checked."""
    minutes = make_meeting(council).minutes
    for step in PATHS[old]:
        raw(SET_STATUS, [step, minutes.pk])
    for new in MinutesStatus:
        try:
            with transaction.atomic():
                raw(SET_STATUS, [new, minutes.pk])
                transaction.set_rollback(True)
            allowed = True
        except DatabaseError:
            allowed = False
        assert allowed == status_may_change(old, new), (old, new)
        assert stored(minutes).status == old


# The ORM -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Minutes.Status.DRAFT},
        {"status": Minutes.Status.PUBLISHED},
        {"pdf_sha256": "0" * 64},
        {"pdf_file": ""},
        {"pdf_size": 1},
    ],
)
def test_a_queryset_update_cannot_change_the_status_or_the_pdf(published, changes):
    rows = Minutes.objects.filter(pk=published.pk)
    with pytest.raises(MinutesStateError):
        rows.update(**changes)
    with pytest.raises(MinutesStateError):
        Minutes._base_manager.filter(pk=published.pk).update(**changes)
    after = stored(published)
    assert (after.status, after.pdf_sha256) == (
        Minutes.Status.PUBLISHED,
        published.pdf_sha256,
    )


def test_bulk_update_cannot_change_the_status(published):
    published.status = Minutes.Status.DRAFT
    with pytest.raises(MinutesStateError), transaction.atomic():
        Minutes.objects.bulk_update([published], ["status"])
    assert stored(published).status == Minutes.Status.PUBLISHED


def test_other_fields_can_still_be_updated_in_bulk(published):
    Minutes.objects.filter(pk=published.pk).update(correction_reason="Notat")
    assert stored(published).correction_reason == "Notat"


@pytest.mark.parametrize(
    "new", [Minutes.Status.DRAFT, Minutes.Status.IN_REVIEW, Minutes.Status.APPROVED]
)
def test_saving_an_instance_refuses_a_status_the_state_machine_does_not_allow(
    published, new
):
    published.status = new
    with pytest.raises(MinutesStateError):
        published.save(update_fields=["status"])
    with pytest.raises(MinutesStateError):
        published.save()
    assert stored(published).status == Minutes.Status.PUBLISHED


def test_saving_a_stale_instance_compares_with_the_stored_row(council):
    meeting = make_meeting(council)
    stale = stored(meeting.minutes)  # a draft when loaded
    publish(meeting)
    stale.status = Minutes.Status.IN_REVIEW  # from a draft, that would be allowed
    with pytest.raises(MinutesStateError):
        stale.save(update_fields=["status"])
    assert stored(stale).status == Minutes.Status.PUBLISHED


def test_saving_an_instance_refuses_a_new_pdf_over_the_stored_one(published):
    published.pdf_sha256 = "0" * 64
    with pytest.raises(MinutesStateError):
        published.save(update_fields=["pdf_sha256"])
    assert stored(published).pdf_sha256 != "0" * 64


def test_transition_moves_rows_along_the_state_machine_only(council):
    meeting = make_meeting(council)
    rows = Minutes.objects.filter(meeting=meeting)
    at = datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC)
    assert rows.transition(Minutes.Status.APPROVED, approved_at=at) == 1
    with pytest.raises(MinutesStateError):
        rows.transition(Minutes.Status.DRAFT)
    with pytest.raises(MinutesStateError):
        rows.transition(Minutes.Status.PUBLISHED, pdf_sha256="0" * 64)
    assert rows.transition(Minutes.Status.PUBLISHED, published_at=at) == 1
    assert stored(meeting.minutes).status == Minutes.Status.PUBLISHED


# The services' own path --------------------------------------------------------------


def test_a_correction_is_approved_with_a_new_pdf_and_the_old_one_kept(
    next_meeting_cast,
):
    """Clearing the stored PDF is allowed in one place only: the update that approves
    a correction (correcting → approved); the new PDF is stored right after."""
    cast = next_meeting_cast
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item, by=cast.alice)
    first = stored(cast.minutes)
    lifecycle.minutes_start_correction(minutes=first, by=cast.alice, reason="Feil")
    lifecycle.minutes_approve_at_meeting(minutes=first, item=item, by=cast.alice)

    corrected = stored(cast.minutes)
    assert corrected.status == Minutes.Status.PUBLISHED
    assert corrected.pdf_sha256 and corrected.pdf_sha256 != first.pdf_sha256
    version = MinutesVersion.objects.get(minutes=corrected, number=1)
    assert version.pdf_sha256 == first.pdf_sha256
