"""Summons and attendance in the secretariat's workspace."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.models import OutgoingMail
from core.outbox import resend
from council.access import council_organisations, council_people
from minutes import mail
from minutes.access import access
from minutes.models import AgendaItem, Attendance, Meeting
from minutes.services.attendance import (
    DeputyCall,
    SeatEntry,
    attendance_add,
    attendance_remove,
    attendance_save_grid,
    meeting_deputies,
    meeting_members,
    meeting_seats,
    person_find_or_create,
)
from minutes.services.summons import summons_send, summons_versions
from workspace.forms import AttendanceAddForm, SummonsForm
from workspace.views.meetings import (
    edit_meeting,
    error_text,
    frozen_message,
)

# Summons ---------------------------------------------------------------------------


@login_required
def summons(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    members = list(meeting_members(meeting))
    if request.method == "POST":
        form = SummonsForm(request.POST)
        result = None
        if form.is_valid():
            try:
                result = summons_send(
                    meeting=meeting,
                    message=form.cleaned_data["message"],
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
        if result is not None:
            messages.success(
                request,
                ngettext(
                    "Innkallingen sendes til %(n)s medlem. Under «Utsendt e-post» "
                    "ser du når den er sendt.",
                    "Innkallingen sendes til %(n)s medlemmer. Under «Utsendt e-post» "
                    "ser du når hver av dem er sendt.",
                    len(result.sent),
                )
                % {"n": len(result.sent)},
            )
            if result.without_email:
                messages.warning(
                    request,
                    _("Disse mangler e-postadresse og fikk ingen innkalling: %(names)s")
                    % {"names": ", ".join(m.person.name for m in result.without_email)},
                )
            if not result.pdf_attached:
                messages.warning(request, _("Innkallingen ble sendt uten PDF-vedlegg."))
            return redirect("workspace:summons", meeting.pk)
    else:
        form = SummonsForm()
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .order_by("order", "number")
    )
    return render(
        request,
        "workspace/summons.html",
        {
            "meeting": meeting,
            "council": meeting.council,
            "members": [(m, mail.member_email(m)) for m in members],
            "items": items,
            "form": form,
            "frozen": frozen_message(meeting),
            "summons_versions": summons_versions(meeting),
            "mails": [
                (row, mail.MAIL_KINDS.get(row.kind, row.kind))
                for row in mail.meeting_mails(meeting)
            ],
        },
    )


@login_required
@require_POST
def mail_resend(request: HttpRequest, meeting_id: int, mail_id: int) -> HttpResponse:
    """«Send igjen»: one of the meeting's mails, queued once more (core/outbox.py)."""
    meeting = edit_meeting(request, meeting_id)
    row = get_object_or_404(OutgoingMail, pk=mail_id, topic=mail.meeting_topic(meeting))
    resend(row)
    messages.success(
        request,
        _("E-posten til %(name)s sendes igjen.")
        % {"name": row.recipient_name or row.recipient_email},
    )
    return redirect(reverse("workspace:summons", args=[meeting.pk]) + "#epost")


# Attendance ------------------------------------------------------------------------


def _grid_rows(meeting: Meeting) -> list[dict]:
    """One row per summoned member (saved or not yet), then everyone else."""
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related(
            "person",
            "person__organisation",
            "membership__organisation",
            "organisation",
            "substitute",
        )
        .order_by("role", "order", "id")
    )
    by_membership = {a.membership_id: a for a in attendances if a.membership_id}
    by_person = {
        a.person_id: a for a in attendances if a.role == Attendance.Role.MEMBER
    }
    rows, seen = [], set()
    for membership in meeting_seats(meeting):
        attendance = by_membership.get(membership.pk) or by_person.get(
            membership.person_id
        )
        if attendance:
            seen.add(attendance.pk)
            attendance.membership = membership
            rows.append({"key": f"a{attendance.pk}", "attendance": attendance})
        else:
            rows.append(
                {
                    "key": f"m{membership.pk}",
                    "attendance": Attendance(
                        meeting=meeting,
                        membership=membership,
                        person=membership.person,
                        organisation=membership.organisation,
                    ),
                }
            )
    for attendance in attendances:
        if attendance.pk not in seen:
            rows.append({"key": f"a{attendance.pk}", "attendance": attendance})
    return rows


def _deputy_rows(meeting: Meeting, member_rows: list[dict]) -> list[dict]:
    """One row per deputy of the council, with the seat they stood in for."""
    seat_of = {
        row["attendance"].substitute_id: row["key"]
        for row in member_rows
        if row["attendance"].substitute_id
    }
    return [
        {
            "key": f"d{deputy.pk}",
            "membership": deputy,
            "stands_in_for": seat_of.get(deputy.person_id, ""),
        }
        for deputy in meeting_deputies(meeting)
    ]


FIELDS = ("status", "substitute", "arrived_at", "left_at", "note")


def _seat_entry(row: dict, post) -> SeatEntry:
    key = row["key"]
    return SeatEntry(
        key=key,
        attendance=row["attendance"],
        status=post.get(f"{key}-status", Attendance.Status.PRESENT),
        substitute_name=post.get(f"{key}-substitute", ""),
        arrived_at=post.get(f"{key}-arrived_at", ""),
        left_at=post.get(f"{key}-left_at", ""),
        note=post.get(f"{key}-note", ""),
    )


@login_required
def attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The whole membership in one grid: a status per member (radio buttons), a
    substitute, times and a note; the deputies with the member each stood in for;
    then the secretariat, guests and officials. Saved with one submit."""
    meeting = edit_meeting(request, meeting_id)
    people = council_people(meeting.council)
    rows = _grid_rows(meeting)
    member_rows = [r for r in rows if r["attendance"].role == Attendance.Role.MEMBER]
    other_rows = [r for r in rows if r["attendance"].role != Attendance.Role.MEMBER]
    deputy_rows = _deputy_rows(meeting, member_rows)
    errors: dict[str, str] = {}
    if request.method == "POST":
        calls = [
            DeputyCall(
                key=row["key"],
                person=row["membership"].person,
                stands_in_for=request.POST.get(f"{row['key']}-for", ""),
            )
            for row in deputy_rows
        ]
        try:
            errors = attendance_save_grid(
                meeting=meeting,
                seats=[_seat_entry(row, request.POST) for row in rows],
                calls=calls,
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
            return redirect("workspace:attendance", meeting.pk)
        if not errors:
            messages.success(request, _("Oppmøtet er lagret."))
            return redirect("workspace:attendance", meeting.pk)
        messages.error(
            request,
            ngettext(
                "%(n)s rad ble ikke lagret. Se feilmeldingen i tabellen; det du "
                "skrev, står der fortsatt.",
                "%(n)s rader ble ikke lagret. Se feilmeldingene i tabellen; det du "
                "skrev, står der fortsatt.",
                len(errors),
            )
            % {"n": len(errors)},
        )
        for row in rows:
            row["posted"] = {
                name: request.POST.get(f"{row['key']}-{name}", "") for name in FIELDS
            }
        for row, call in zip(deputy_rows, calls, strict=True):
            row["stands_in_for"] = call.stands_in_for
    deputy_people = {row["membership"].person_id for row in deputy_rows}
    for row in rows:
        row["error"] = errors.get(row["key"])
        # A deputy who stood in shows on the deputy's own row, not as a name here.
        row["by_deputy"] = row["attendance"].substitute_id in deputy_people
    for row in deputy_rows:
        row["error"] = errors.get(row["key"])
    return render(
        request,
        "workspace/attendance.html",
        {
            "meeting": meeting,
            "council": meeting.council,
            "member_rows": member_rows,
            "deputy_rows": deputy_rows,
            "other_rows": other_rows,
            "statuses": Attendance.Status.choices,
            "people_names": sorted({p.name for p in people}),
            "add_form": AttendanceAddForm(
                people=people, organisations=council_organisations(meeting.council)
            ),
            "frozen": frozen_message(meeting),
        },
    )


@login_required
@require_POST
def attendance_add_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    form = AttendanceAddForm(
        request.POST,
        people=council_people(meeting.council),
        organisations=council_organisations(meeting.council),
    )
    back = reverse("workspace:attendance", args=[meeting.pk]) + "#andre"
    if not form.is_valid():
        for field_errors in form.errors.values():
            for error in field_errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    person = data["person"] or person_find_or_create(
        name=data["new_person_name"], organisation=data["organisation"]
    )
    try:
        attendance_add(
            meeting=meeting,
            role=data["role"],
            person=person,
            organisation=data["organisation"],
            note=data["note"],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(name)s er ført opp.") % {"name": person.name})
    return redirect(back)


@login_required
@require_POST
def attendance_remove_view(request: HttpRequest, attendance_id: int) -> HttpResponse:
    row = access(request.user, Attendance, attendance_id)
    try:
        attendance_remove(attendance=row)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(name)s er fjernet.") % {"name": row.person.name})
    return redirect(reverse("workspace:attendance", args=[row.meeting_id]) + "#andre")
