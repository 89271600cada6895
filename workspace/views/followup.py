"""Follow-up of decisions, for the council's secretariat: the council's list with
filters, an item's follow-up, editing and status notes. Every change goes through
minutes/services/followup.py; another council's follow-up is a 404 whatever the id."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from council.access import access_council
from minutes.access import access
from minutes.models import AgendaItem, FollowUp, FollowUpStatus
from minutes.services import followup as service
from workspace.forms import FollowUpForm, FollowUpNoteForm


def _form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _create(request: HttpRequest, form: FollowUpForm, item: AgendaItem) -> bool:
    try:
        service.followup_create(
            item=item,
            task=form.cleaned_data["task"],
            due_date=form.cleaned_data["due_date"],
            status=form.cleaned_data["status"],
            by=request.user,
            **form.responsible_kwargs(),
        )
    except ValidationError as exc:
        _form_errors(form, exc)
        return False
    messages.success(
        request,
        _("Oppfølging av sak %(number)s er lagt til.") % {"number": item.number_label},
    )
    return True


@login_required
def followups(request: HttpRequest, council_slug: str) -> HttpResponse:
    """The council's follow-ups, filtered by status or the overdue; and a new one
    for any decision of its approved minutes."""
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    items = service.followup_items(council)
    if request.method == "POST":
        form = FollowUpForm(request.POST, council=council, items=items)
        if form.is_valid() and _create(request, form, form.cleaned_data["item"]):
            return redirect("workspace:followups", council.slug)
    else:
        form = FollowUpForm(
            council=council,
            items=items,
            initial={"status": FollowUpStatus.NOT_STARTED},
        )
    status = request.GET.get("status", "")
    status = status if status in FollowUpStatus.values else ""
    overdue = request.GET.get("forfalt") == "1"
    today = timezone.localdate()
    rows = list(
        service.council_followups(council, status=status, overdue=overdue, today=today)
    )
    return render(
        request,
        "workspace/followups.html",
        {
            "council": council,
            "followups": rows,
            "today": today,
            "status": status,
            "overdue": overdue,
            "statuses": FollowUpStatus.choices,
            "form": form,
            "has_items": items.exists(),
        },
    )


@login_required
def item_followups(request: HttpRequest, item_id: int) -> HttpResponse:
    """An item's decision and its follow-ups, with a form for a new one."""
    item = access(request.user, AgendaItem, item_id)
    council = item.meeting.council
    refused = service.followup_refused(item)
    if request.method == "POST":
        form = FollowUpForm(request.POST, council=council)
        if form.is_valid() and _create(request, form, item):
            return redirect("workspace:item_followups", item.pk)
    else:
        form = FollowUpForm(
            council=council, initial={"status": FollowUpStatus.NOT_STARTED}
        )
    by_item = service.followups_by_item(FollowUp.objects.filter(item=item))
    return render(
        request,
        "workspace/item_followups.html",
        {
            "council": council,
            "item": item,
            "meeting": item.meeting,
            "decision": getattr(item, "decision", None),
            "followups": by_item.get(item.pk, []),
            "today": timezone.localdate(),
            "refused": refused,
            "form": form,
        },
    )


@login_required
def followup_edit(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = access(request.user, FollowUp, followup_id)
    council = followup.council
    if request.method == "POST":
        form = FollowUpForm(request.POST, council=council)
        if form.is_valid():
            try:
                service.followup_update(
                    followup=followup,
                    task=form.cleaned_data["task"],
                    due_date=form.cleaned_data["due_date"],
                    status=form.cleaned_data["status"],
                    by=request.user,
                    **form.responsible_kwargs(),
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Oppfølgingen er lagret."))
                return redirect("workspace:item_followups", followup.item_id)
    else:
        form = FollowUpForm(council=council, initial=FollowUpForm.initial_for(followup))
    return _edit_page(request, followup, form, FollowUpNoteForm(initial=_note_init()))


def _note_init() -> dict:
    return {"date": timezone.localdate()}


def _edit_page(request, followup, form, note_form) -> HttpResponse:
    notes = service.followups_by_item(FollowUp.objects.filter(pk=followup.pk))
    followup.note_list = notes[followup.item_id][0].note_list
    return render(
        request,
        "workspace/followup_edit.html",
        {
            "council": followup.council,
            "followup": followup,
            "item": followup.item,
            "today": timezone.localdate(),
            "form": form,
            "note_form": note_form,
        },
    )


@login_required
@require_POST
def followup_note(request: HttpRequest, followup_id: int) -> HttpResponse:
    """A dated status note, which may set a new status."""
    followup = access(request.user, FollowUp, followup_id)
    note_form = FollowUpNoteForm(request.POST)
    if note_form.is_valid():
        data = note_form.cleaned_data
        try:
            service.followup_note_add(
                followup=followup,
                text=data["text"],
                date=data["date"],
                status=data["status"],
                is_internal=data["is_internal"],
                by=request.user,
            )
        except ValidationError as exc:
            _form_errors(note_form, exc)
        else:
            messages.success(request, _("Merknaden er lagt til."))
            return redirect(
                reverse("workspace:followup", args=[followup.pk]) + "#merknader"
            )
    form = FollowUpForm(
        council=followup.council, initial=FollowUpForm.initial_for(followup)
    )
    return _edit_page(request, followup, form, note_form)


@login_required
@require_POST
def followup_delete(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = access(request.user, FollowUp, followup_id)
    service.followup_delete(followup=followup)
    messages.success(request, _("Oppfølgingen er fjernet."))
    return redirect("workspace:item_followups", followup.item_id)
