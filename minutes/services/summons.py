"""The summons: marking it sent, which fixes the sak numbers, and sending it.

Each sending freezes the summons PDF as it went out (SummonsVersion: the file and its
SHA-256, append-only); sending again makes the next version. Downloads serve the
latest sent version, so a later change of an item's type or title does not alter a
summons already sent; earlier versions stay readable.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from minutes import mail
from minutes.frozen import meeting_editable
from minutes.models import Meeting, SummonsVersion
from minutes.pdf import render_summons_pdf, summons_filename
from minutes.services.agenda import agenda_renumber
from minutes.services.attendance import attendance_ensure_members, meeting_members

logger = logging.getLogger(__name__)


@transaction.atomic
def summons_mark_sent(*, meeting: Meeting) -> None:
    """Record that the summons has gone out; from now on sak numbers are fixed."""
    if meeting.summons_sent:
        return
    agenda_renumber(meeting=meeting)
    meeting.summons_sent_at = timezone.now()
    meeting.save(update_fields=["summons_sent_at", "updated_at"])


def summons_freeze(*, meeting: Meeting, by=None) -> SummonsVersion:
    """Render the summons as it stands, store the PDF with its SHA-256 as the
    meeting's next summons version, and return it."""
    content = render_summons_pdf(meeting=meeting)
    digest = hashlib.sha256(content).hexdigest()
    last = SummonsVersion.objects.filter(meeting=meeting).aggregate(n=Max("number"))
    number = (last["n"] or 0) + 1
    stem = summons_filename(meeting).removesuffix(".pdf")
    name = default_storage.save(
        f"innkallinger/{meeting.council.slug}/{meeting.year}/"
        f"{stem}-v{number}-{digest[:12]}.pdf",
        ContentFile(content),
    )
    return SummonsVersion.objects.create(
        meeting=meeting,
        number=number,
        file=name,
        sha256=digest,
        size=len(content),
        sent_at=timezone.now(),
        sent_by=by if by is not None and by.is_authenticated else None,
    )


def summons_latest_version(meeting: Meeting) -> SummonsVersion | None:
    return SummonsVersion.objects.filter(meeting=meeting).order_by("-number").first()


def summons_versions(meeting: Meeting) -> list[SummonsVersion]:
    """Every summons sent for the meeting, the latest first."""
    return list(
        SummonsVersion.objects.filter(meeting=meeting)
        .select_related("sent_by")
        .order_by("-number")
    )


def summons_send(*, meeting: Meeting, message: str = "", by=None) -> mail.SummonsResult:
    """Send the summons to every member summoned to the meeting.

    First, in one transaction: refuse frozen minutes, mark the summons sent (the first
    time; sending again later resends it) and give every member an attendance row.
    With the numbers now fixed the PDF is frozen as the next summons version, and
    in the same transaction the mail (minutes/mail.py) with that very PDF is queued
    for each member; the worker sends it after the commit, and the summons page
    shows, per member, whether it went out.
    """
    with transaction.atomic(), meeting_editable(meeting):
        summons_mark_sent(meeting=meeting)
        attendance_ensure_members(meeting=meeting)
        version = summons_freeze(meeting=meeting, by=by)
        with version.file.open("rb") as stored:
            pdf = stored.read()
        result = mail.send_summons(
            meeting=meeting,
            members=meeting_members(meeting),
            message=message,
            pdf=pdf,
        )
    logger.info(
        "Summons for meeting %s queued for %s members",
        meeting.pk,
        len(result.sent),
    )
    return result
