"""Recognised minutes saved as historical minutes: the meeting, its attendance,
items, inputs and decisions made through the same services the secretariat's edits
go through, then approved with the method «importert» (and published if the council
publishes on approval). The original file is kept on the meeting as the authoritative
attachment, its SHA-256 recorded beside it (ImportedMinutes). All in one transaction:
a failure anywhere leaves nothing behind.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.importing import Recognised
from archive.importing.register import Register
from archive.models import ImportedMinutes
from council.models import Council, Membership, Organisation
from minutes.document import Attendee
from minutes.files import content_type_of
from minutes.frozen import meeting_editable
from minutes.models import Attachment, Attendance, Meeting
from minutes.services import agenda, attendance, editing, lifecycle

PARTIAL = re.compile(r"^(fra|til) kl\.\s*(\d{1,2})(?:[.:](\d{2}))?$")


def _clock(note: str) -> tuple[str, datetime.time] | None:
    match = PARTIAL.match(note.strip())
    if not match:
        return None
    return match[1], datetime.time(int(match[2]), int(match[3] or 0))


def approval_time(day: datetime.date) -> datetime.datetime:
    """When minutes approved on a day (the meeting's, or the day given) count as
    approved: noon, local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def save_historical(
    recognised: Recognised,
    *,
    council: Council,
    filename: str,
    content: bytes,
    approved_at: datetime.datetime,
    by=None,
) -> Meeting:
    """Save the recognised minutes as the council's approved past minutes."""
    document = recognised.document
    facts = document.meeting
    if Meeting.objects.filter(
        council=council, year=facts.year, number=facts.number
    ).exists():
        raise ArchiveError(
            _("%(council)s har allerede møte %(meeting)s; ingenting ble importert.")
            % {"council": council.name, "meeting": facts.number_label}
        )
    if approved_at > timezone.now():
        raise ArchiveError(_("Godkjenningsdatoen kan ikke være frem i tid."))
    if timezone.localdate(approved_at) < facts.date:
        raise ArchiveError(
            _("Referatet kan ikke være godkjent før møtet ble holdt (%(date)s).")
            % {"date": facts.date.isoformat()}
        )
    try:
        with transaction.atomic():
            meeting = _save(recognised, council, filename, content)
            lifecycle.minutes_approve_historical(
                minutes=meeting.minutes, approved_at=approved_at, by=by
            )
    except ValidationError as error:
        raise ArchiveError(
            _("Referatet kunne ikke lagres: %(reason)s. Ingenting ble importert.")
            % {"reason": "; ".join(m.rstrip(".") for m in error.messages)}
        ) from None
    meeting.refresh_from_db()
    return meeting


def _save(recognised: Recognised, council: Council, filename: str, content: bytes):
    document = recognised.document
    facts = document.meeting
    meeting = agenda.meeting_create(
        council=council,
        date=facts.date,
        number=facts.number,
        start_time=facts.start_time,
        end_time=facts.end_time,
        venue=facts.venue,
        with_standard_items=False,
    )
    if document.items:
        meeting.first_item_number = document.items[0].number
        meeting.save(update_fields=["first_item_number", "updated_at"])
    with meeting_editable(meeting):
        _attendance(meeting, document)
    for item in document.items:
        decision = item.decision
        row = agenda.agenda_item_add(
            meeting=meeting,
            title=item.title,
            kind=item.kind,
            proposed_decision=decision.proposed_text if decision else "",
            before_any_other_business=False,
            body=item.body,
            presenters=item.presenters,
        )
        if row.number != item.number:
            raise ArchiveError(
                _(
                    "Saksnumrene i referatet følger ikke hverandre (%(number)s); "
                    "ingenting ble importert."
                )
                % {"number": item.number_label}
            )
        for entry in item.inputs:
            parent = editing.input_add(
                item=row,
                text=entry.text,
                who=entry.attributed_to,
                is_written=entry.is_written,
            )
            for child in entry.children:
                editing.input_add(
                    item=row, text=child.text, who=child.attributed_to, parent=parent
                )
        if decision and decision.label != "Forslag til vedtak":
            with meeting_editable(meeting):
                row.decision.final_text = decision.text
                row.decision.full_clean()
                row.decision.save()
    with meeting_editable(meeting):
        _keep_original(meeting, filename, content, recognised.source.kind)
    return meeting


def _attendance(meeting: Meeting, document) -> None:
    council = meeting.council
    register = Register(council)

    def organisation(name: str) -> Organisation | None:
        return register.organisation(name) if name else None

    memberships = {
        m.person.name.casefold(): m
        for m in Membership.objects.filter(council=council).select_related(
            "person", "organisation"
        )
    }
    substitutes = {s.member.casefold(): s for s in document.substitutes}
    rows = [(a, True) for a in document.members_present]
    rows += [(a, False) for a in document.members_absent]
    for order, (attendee, present) in enumerate(rows, start=1):
        membership = memberships.get(attendee.name.casefold())
        if membership is None:
            raise ArchiveError(
                _(
                    "%(name)s står som medlem i referatet, men har ikke noe "
                    "medlemskap i %(council)s. Legg til medlemskapet først; "
                    "ingenting ble importert."
                )
                % {"name": attendee.name, "council": council.name}
            )
        row = Attendance(
            meeting=meeting,
            role=Attendance.Role.MEMBER,
            membership=membership,
            person=membership.person,
            organisation=membership.organisation,
            order=order,
            status=Attendance.Status.PRESENT if present else Attendance.Status.ABSENT,
        )
        _partial(row, attendee)
        substitute = substitutes.get(attendee.name.casefold())
        if substitute and not present:
            row.substitute = attendance.person_find_or_create(
                name=substitute.substitute,
                organisation=organisation(substitute.organisation),
            )
        row.full_clean()
        row.save()
    for order, attendee in enumerate(document.secretariat, start=1):
        person = attendance.person_find_or_create(
            name=attendee.name,
            organisation=organisation(attendee.organisation),
        )
        row = Attendance(
            meeting=meeting,
            role=Attendance.Role.SECRETARIAT,
            person=person,
            order=order,
        )
        row.full_clean()
        row.save()


def _partial(row: Attendance, attendee: Attendee) -> None:
    """«fra kl. 12» as the time of arrival, «til kl. 17.35» as the time of leaving;
    any other note as it is."""
    for part in filter(None, (p.strip() for p in attendee.partial_note.split(","))):
        clock = _clock(part)
        if clock and clock[0] == "fra":
            row.arrived_at = clock[1]
        elif clock:
            row.left_at = clock[1]
        else:
            row.note = f"{row.note}, {part}" if row.note else part


def _keep_original(meeting: Meeting, filename: str, content: bytes, kind: str):
    name = os.path.basename(filename) or f"referat.{kind}"
    attachment = Attachment(
        meeting=meeting,
        title=_("Originalt referat (importert fra %(name)s)") % {"name": name},
        original_name=name,
        content_type=content_type_of(content[:8192]),
        size=len(content),
        is_public=True,
        order=0,
    )
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.full_clean()
    attachment.save()
    ImportedMinutes.objects.create(
        meeting=meeting,
        original=attachment,
        sha256=hashlib.sha256(content).hexdigest(),
        source_kind=kind,
    )
