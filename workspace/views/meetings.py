"""The secretariat's workspace: dashboard, meetings, agenda and papers.

Every view fetches through council.access (404 for "not yours" and "does not exist"),
every mutation is a POST, and every edit goes through a service that checks the freeze
rule (minutes/frozen.py) before it writes, so approved minutes stay frozen.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from council.access import (
    access_council,
    council_people,
    is_operator,
    served_councils,
)
from council.models import Council
from minutes.access import access, access_meeting
from minutes.exemptions import BASES
from minutes.files import attachment_response
from minutes.frozen import minutes_assert_editable
from minutes.models import (
    AgendaItem,
    Attachment,
    Decision,
    Input,
    ItemSeries,
    Meeting,
    Minutes,
    ReviewComment,
)
from minutes.services import agenda
from minutes.services.agenda import agenda_item_delete, agenda_item_update
from minutes.services.editing import EditConflict, content_save
from minutes.services.followup import FOLLOWUP_MINUTES_STATUSES, overdue_followups
from workspace.forms import (
    AgendaItemAddForm,
    AgendaItemForm,
    AgendaPasteForm,
    AttachmentForm,
    MeetingCreateForm,
    MeetingForm,
)


def error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def frozen_message(meeting: Meeting) -> str | None:
    """The reason a meeting cannot be edited, or None if it can."""
    try:
        minutes_assert_editable(meeting=meeting)
    except ValidationError as exc:
        return error_text(exc)
    return None


def edit_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting, _can_edit = access_meeting(request.user, meeting_id, edit=True)
    return meeting


# Dashboard -------------------------------------------------------------------------

# Overdue follow-ups listed per council on the dashboard (all of them one click on).
OVERDUE_SHOWN = 5


def open_review_comments(council: Council) -> list[tuple[Meeting, int]]:
    """Meetings of the council with open comments from the members' review."""
    counts = (
        ReviewComment.objects.filter(
            version__minutes__meeting__council=council,
            status=ReviewComment.Status.OPEN,
        )
        .values_list("version__minutes__meeting_id")
        .annotate(n=Count("id"))
    )
    by_meeting = dict(counts)
    meetings = Meeting.objects.filter(pk__in=by_meeting).order_by("-date")
    return [(meeting, by_meeting[meeting.pk]) for meeting in meetings]


def next_step(meeting: Meeting, today) -> tuple[str, str]:
    """What the secretariat should do next for a meeting: (text, url)."""
    status = meeting.minutes.status if hasattr(meeting, "minutes") else None
    if meeting.date >= today and not meeting.summons_sent:
        return _("Send innkallingen"), reverse("workspace:summons", args=[meeting.pk])
    if meeting.date >= today:
        return _("Før oppmøte og skriv referat i møtet"), reverse(
            "workspace:minute", args=[meeting.pk]
        )
    if status == Minutes.Status.DRAFT:
        return _("Skriv ferdig referatet og send det til gjennomsyn"), reverse(
            "workspace:minute", args=[meeting.pk]
        )
    if status == Minutes.Status.IN_REVIEW:
        return _("Følg opp gjennomsynet"), reverse(
            "review:dashboard", args=[meeting.pk]
        )
    if status == Minutes.Status.APPROVED:
        return _("Publiser referatet"), reverse("review:dashboard", args=[meeting.pk])
    return "", ""


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    councils = list(served_councils(request.user).order_by("name"))
    operator = is_operator(request.user)
    if not councils and not operator:
        raise Http404
    today = timezone.localdate()
    panels = []
    for council in councils:
        meetings = Meeting.objects.filter(council=council).select_related("minutes")
        upcoming = list(meetings.filter(date__gte=today).order_by("date")[:5])
        unfinished = list(
            meetings.filter(date__lt=today)
            .exclude(minutes__status__in=Minutes.PUBLIC_STATUSES)
            .order_by("-date")[:10]
        )
        counts = dict(
            Minutes.objects.filter(meeting__council=council)
            .values_list("status")
            .annotate(n=Count("id"))
        )
        overdue = list(overdue_followups(council, today))
        todo = []
        for meeting in upcoming + unfinished:
            text, url = next_step(meeting, today)
            if text:
                todo.append({"meeting": meeting, "text": text, "url": url})
        panels.append(
            {
                "council": council,
                "upcoming": upcoming,
                "unfinished": unfinished,
                "status_counts": [
                    (label, counts.get(value, 0))
                    for value, label in Minutes.Status.choices
                ],
                "open_comments": open_review_comments(council),
                "todo": todo,
                "overdue_followups": overdue[:OVERDUE_SHOWN],
                "overdue_count": len(overdue),
            }
        )
    return render(
        request, "workspace/dashboard.html", {"panels": panels, "operator": operator}
    )


@login_required
@require_safe
def council_meetings(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    meetings = (
        Meeting.objects.filter(council=council)
        .select_related("minutes")
        .order_by("-date")
    )
    return render(
        request,
        "workspace/council_meetings.html",
        {"council": council, "meetings": meetings},
    )


# Meetings --------------------------------------------------------------------------


@login_required
def meeting_create(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    if request.method == "POST":
        form = MeetingCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = agenda.meeting_create(
                    council=council,
                    date=data["date"],
                    number=data["number"],
                    start_time=data["start_time"],
                    end_time=data["end_time"],
                    venue=data["venue"],
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    form.add_error(None, exc.messages)
                for field, errors in getattr(exc, "message_dict", {}).items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("%(title)s er opprettet med standardsakene.")
                    % {"title": meeting.title},
                )
                return redirect("workspace:meeting", meeting.pk)
    else:
        form = MeetingCreateForm(
            initial={
                "start_time": council.default_start_time,
                "end_time": council.default_end_time,
                "venue": council.default_venue,
            }
        )
    return render(
        request,
        "workspace/meeting_create.html",
        {"council": council, "form": form},
    )


@login_required
@require_safe
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    return _meeting_detail_page(request, meeting)


def _meeting_detail_page(
    request: HttpRequest, meeting: Meeting, paste_form: AgendaPasteForm | None = None
) -> HttpResponse:
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .annotate(n_attachments=Count("attachments"))
        .order_by("order", "number")
    )
    return render(
        request,
        "workspace/meeting_detail.html",
        {
            "meeting": meeting,
            "council": meeting.council,
            "items": items,
            "add_form": AgendaItemAddForm(council=meeting.council),
            "paste_form": paste_form or AgendaPasteForm(council=meeting.council),
            "attachment_form": AttachmentForm(),
            "meeting_attachments": Attachment.objects.filter(
                meeting=meeting, item=None
            ),
            "frozen": frozen_message(meeting),
            "followup_open": getattr(meeting, "minutes", None) is not None
            and meeting.minutes.status in FOLLOWUP_MINUTES_STATUSES,
        },
        status=400 if paste_form is not None else 200,
    )


@login_required
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    people = council_people(meeting.council)
    if request.method == "POST":
        form = MeetingForm(request.POST, instance=meeting, people=people)
        try:
            minutes_assert_editable(meeting=meeting)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        if form.is_valid():
            form.save()
            # A changed date may change the sak numbers (before the summons).
            try:
                agenda.agenda_renumber(meeting=meeting)
            except ValidationError as exc:
                messages.warning(request, error_text(exc))
            messages.success(request, _("Møtet er lagret."))
            return redirect("workspace:meeting", meeting.pk)
    else:
        form = MeetingForm(instance=meeting, people=people)
    return render(
        request,
        "workspace/meeting_edit.html",
        {"meeting": meeting, "council": meeting.council, "form": form},
    )


# Agenda items ----------------------------------------------------------------------


@login_required
@require_POST
def item_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    form = AgendaItemAddForm(request.POST, council=meeting.council)
    if not form.is_valid():
        messages.error(request, _("Skriv en tittel på saken."))
        return redirect("workspace:meeting", meeting.pk)
    try:
        item = agenda.agenda_item_add(
            meeting=meeting,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            proposed_decision=form.cleaned_data["proposed_text"],
            series=form.cleaned_data.get("series") or ItemSeries.CASE,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("workspace:meeting", meeting.pk)
    messages.success(
        request, _("Sak %(number)s er lagt til.") % {"number": item.number_label}
    )
    return redirect(reverse("workspace:meeting", args=[meeting.pk]) + "#agenda")


@login_required
@require_POST
def agenda_paste(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """An agenda pasted as lines of titles: an item per line, with the next number.
    A line that cannot be an item refuses the paste, and the text stays in the box."""
    meeting = edit_meeting(request, meeting_id)
    form = AgendaPasteForm(request.POST, council=meeting.council)
    if form.is_valid():
        try:
            made = agenda.agenda_items_paste(
                meeting=meeting,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("text", message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s sak er lagt til: %(items)s.",
                    "%(n)s saker er lagt til: %(items)s.",
                    len(made),
                )
                % {
                    "n": len(made),
                    "items": "; ".join(
                        f"{item.number_label} {item.title}" for item in made
                    ),
                },
            )
            return redirect(reverse("workspace:meeting", args=[meeting.pk]) + "#agenda")
    messages.error(request, _("Ingen saker ble lagt til. Se feilen under tekstfeltet."))
    return _meeting_detail_page(request, meeting, paste_form=form)


@login_required
def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access(request.user, AgendaItem, item_id)
    meeting = item.meeting
    decision, _created = Decision.objects.get_or_create(item=item)
    conflict = False
    if request.method == "POST":
        form = AgendaItemForm(request.POST, council=meeting.council)
        if form.is_valid():
            data = form.cleaned_data
            try:
                agenda_item_update(
                    item=item,
                    item_revision=data["item_revision"],
                    decision_revision=data["decision_revision"],
                    fields={
                        "title": data["title"],
                        "kind": data["kind"],
                        "archive_reference": data["archive_reference"],
                        "presenters": data["presenters"],
                        "exemption_scope": data["exemption_scope"],
                        "exemption_basis": data["exemption_basis"].strip(),
                        "series": data.get("series") or item.series,
                    },
                    proposed_text=data["proposed_text"],
                    decision_exemption_basis=data["decision_exemption_basis"].strip(),
                )
            except EditConflict:
                conflict = True
                item.refresh_from_db()
                decision.refresh_from_db()
                form.add_error(
                    None,
                    _(
                        "Noen andre har lagret saken mens du redigerte. Teksten din "
                        "står i skjemaet; de lagrede verdiene vises under. Slå dem "
                        "sammen og lagre på nytt."
                    ),
                )
                form.data = form.data.copy()
                form.data["item_revision"] = item.revision
                form.data["decision_revision"] = decision.revision
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Saken er lagret."))
                return redirect(
                    reverse("workspace:meeting", args=[meeting.pk])
                    + f"#sak-rad-{item.pk}"
                )
    else:
        form = AgendaItemForm(
            council=meeting.council,
            initial={
                "title": item.title,
                "kind": item.kind,
                "archive_reference": item.archive_reference,
                "presenters": item.presenters,
                "proposed_text": decision.proposed_text,
                "exemption_scope": item.exemption_scope,
                "exemption_basis": item.exemption_basis,
                "decision_exemption_basis": decision.exemption_basis,
                "series": item.series,
                "item_revision": item.revision,
                "decision_revision": decision.revision,
            },
        )
    return render(
        request,
        "workspace/item_edit.html",
        {
            "item": item,
            "decision": decision,
            "meeting": meeting,
            "council": meeting.council,
            "form": form,
            "conflict": conflict,
            "attachments": Attachment.objects.filter(item=item),
            "attachment_form": AttachmentForm(),
            "frozen": frozen_message(meeting),
            "exemption_bases": BASES,
            "inputs": Input.objects.filter(item=item).order_by("order", "id"),
        },
    )


@login_required
@require_POST
def item_move(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access(request.user, AgendaItem, item_id)
    delta = -1 if request.POST.get("direction") == "up" else 1
    try:
        agenda.agenda_move(item=item, delta=delta)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect(reverse("workspace:meeting", args=[item.meeting_id]) + "#agenda")


@login_required
def item_delete(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access(request.user, AgendaItem, item_id)
    if request.method == "POST":
        label = item.number_label
        try:
            agenda_item_delete(item=item)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request, _("Sak %(number)s er slettet.") % {"number": label}
            )
        return redirect(reverse("workspace:meeting", args=[item.meeting_id]))
    return render(
        request,
        "workspace/item_delete.html",
        {"item": item, "meeting": item.meeting, "council": item.meeting.council},
    )


# Papers ----------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    item = None
    if request.POST.get("item"):
        if not request.POST["item"].isdigit():
            raise Http404
        item = access(request.user, AgendaItem, int(request.POST["item"]))
        if item.meeting_id != meeting.pk:
            raise Http404
    back = (
        reverse("workspace:item", args=[item.pk])
        if item
        else reverse("workspace:meeting", args=[meeting.pk])
    ) + "#vedlegg"
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        minutes_assert_editable(meeting=meeting)
        attachment = form.save(meeting=meeting, item=item)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Vedlegget «%(title)s» er lastet opp.") % {"title": attachment.title},
        )
    return redirect(back)


@login_required
@require_safe
def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    attachment = access(request.user, Attachment, attachment_id)
    return attachment_response(attachment)


@login_required
@require_POST
def attachment_update(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """Delete a paper, or switch it between public and internal."""
    attachment = access(request.user, Attachment, attachment_id)
    back = (
        reverse("workspace:item", args=[attachment.item_id])
        if attachment.item_id
        else reverse("workspace:meeting", args=[attachment.meeting_id])
    ) + "#vedlegg"
    try:
        minutes_assert_editable(meeting=attachment.meeting)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(back)
    if request.POST.get("action") == "delete":
        attachment.file.delete(save=False)
        attachment.delete()
        messages.success(request, _("Vedlegget er slettet."))
    elif request.POST.get("action") == "exempt":
        # Withheld under offentleglova: internal, and its place shown to the public.
        attachment.exemption_basis = (request.POST.get("exemption_basis") or "")[
            :200
        ].strip()
        if attachment.exemption_basis:
            attachment.is_public = False
        attachment.save(update_fields=["exemption_basis", "is_public", "updated_at"])
        messages.success(request, _("Hjemmelen for vedlegget er lagret."))
    else:
        attachment.is_public = not attachment.is_public
        if attachment.is_public:
            attachment.exemption_basis = ""
        attachment.save(update_fields=["is_public", "exemption_basis", "updated_at"])
        messages.success(
            request,
            _("Vedlegget er nå offentlig.")
            if attachment.is_public
            else _("Vedlegget er nå internt."),
        )
    return redirect(back)


@login_required
@require_POST
def input_exemption(request: HttpRequest, input_id: int) -> HttpResponse:
    """Mark an input exempt from the public with its legal basis, or public again
    (an empty basis)."""
    entry = access(request.user, Input, input_id)
    basis = (request.POST.get("exemption_basis") or "").strip()[:200]
    try:
        content_save(
            obj=entry, revision=entry.revision, changes={"exemption_basis": basis}
        )
    except (ValidationError, EditConflict) as exc:
        messages.error(
            request,
            error_text(exc)
            if isinstance(exc, ValidationError)
            else _("Innspillet ble endret av noen andre. Prøv igjen."),
        )
    else:
        messages.success(
            request,
            _("Innspillet er unntatt offentlighet.")
            if basis
            else _("Innspillet er offentlig."),
        )
    return redirect(reverse("workspace:item", args=[entry.item_id]) + "#unntak")
