"""The versions of the minutes and the audit trail: the building blocks of every
transition in lifecycle.py (lock the minutes, check the secretariat, freeze a
version, record the event)."""

import datetime

from django.db.models import Max
from django.utils.translation import gettext as _

from council.access import can_edit_council
from council.models import Council
from minutes.document import minutes_snapshot
from minutes.errors import MinutesStateError
from minutes.models import Minutes, MinutesEvent, MinutesVersion

# The states from which the minutes may be sent for review or approved (those the
# state machine lets move to «approved»), imported from here by the views too.
from minutes.status import APPROVABLE_STATUSES


def minutes_open_version(minutes: Minutes) -> MinutesVersion | None:
    """The version now out for review, if any."""
    return MinutesVersion.objects.filter(minutes=minutes, is_open_review=True).first()


def minutes_latest_version(minutes: Minutes) -> MinutesVersion | None:
    return MinutesVersion.objects.filter(minutes=minutes).order_by("-number").first()


def minutes_lock(minutes: Minutes) -> Minutes:
    """The minutes row, locked for the rest of the transaction."""
    return (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting", "meeting__council")
        .get(pk=minutes.pk)
    )


def require_secretariat(by, council: Council) -> None:
    """Refuse unless `by` is of the council's secretariat."""
    if by is None or not can_edit_council(by, council):
        raise MinutesStateError(
            _("Bare rådets sekretariat kan gjøre dette."), code="not_secretariat"
        )


def event_record(
    minutes: Minutes,
    kind: str,
    *,
    by=None,
    version: MinutesVersion | None = None,
    detail: str = "",
) -> MinutesEvent:
    return MinutesEvent.objects.create(
        minutes=minutes, kind=kind, actor=by, version=version, detail=detail
    )


def version_create(
    minutes: Minutes,
    *,
    by=None,
    content: dict | None = None,
    deadline: datetime.date | None = None,
    open_review: bool = False,
    reason: str | None = None,
) -> MinutesVersion:
    """Freeze the minutes as they are now into the next version number.

    `reason`: why the version differs from the one approved or sent before; by
    default the reason of a correction in progress.
    """
    last = MinutesVersion.objects.filter(minutes=minutes).aggregate(n=Max("number"))
    number = (last["n"] or 0) + 1
    version = MinutesVersion.objects.create(
        minutes=minutes,
        number=number,
        content=content or minutes_snapshot(meeting=minutes.meeting),
        reason=reason
        if reason is not None
        else minutes.correction_reason
        if minutes.status == Minutes.Status.CORRECTING
        else "",
        deadline=deadline,
        is_open_review=open_review,
        created_by=by,
    )
    minutes.version = number
    minutes.save(update_fields=["version", "updated_at"])
    return version


def open_review(minutes: Minutes) -> MinutesVersion:
    """The version out for review; refuse when there is none."""
    version = minutes_open_version(minutes)
    if version is None or minutes.status not in APPROVABLE_STATUSES:
        raise MinutesStateError(
            _("Referatet er ikke til gjennomsyn nå."), code="not_in_review"
        )
    return version
