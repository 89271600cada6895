"""The minute-taking view, built for typing live, and its save endpoints.

Saves come from static/js/autosave.js (fetch, JSON answers) or from plain form posts
when JavaScript is off (redirect back, or a merge page on a conflict). Each save sends
the revision the editor started from; the service refuses a stale one (EditConflict),
and the editor is shown both texts to merge.
"""

import json
from dataclasses import dataclass, field
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from council.access import council_organisations, council_people, council_sectors
from minutes.access import access
from minutes.diff import split_sides, word_diff
from minutes.document import FORMAL_PREFETCH
from minutes.models import AgendaItem, Decision, Input, Meeting, input_tree
from minutes.services.agenda import agenda_item_add
from minutes.services.editing import (
    EditConflict,
    content_save,
    decision_adopt_as_proposed,
    field_text,
    input_add,
    input_attribution,
    input_delete,
    input_indent,
    input_move,
    input_outdent,
    meeting_of,
)
from minutes.services.handling import item_handling_update
from workspace.forms import AgendaItemAddForm, InputAddForm, ItemHandlingForm
from workspace.views.formal import formal_context, formal_rows
from workspace.views.meetings import edit_meeting, error_text, frozen_message

# Which fields each kind of object lets the minute-taking view save.
SAVE_KINDS = {
    "sak": (AgendaItem, {"presenters", "body"}),
    "innspill": (Input, {"text", "who", "is_written"}),
    "vedtak": (Decision, {"final_text", "proposed_text"}),
}
TEXT_LIMITS = {"presenters": 400, "who": 200}


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _changes(field: str, raw: str, council) -> dict:
    if field == "who":
        return input_attribution(name=raw, council=council)
    if field == "is_written":
        return {"is_written": raw in ("1", "true", "on")}
    return {field: raw.replace("\r\n", "\n")}


def _last_change(obj) -> dict:
    record = obj.history.select_related("history_user").first()
    if record is None:
        return {"changed_by": "", "changed_at": ""}
    user = record.history_user
    return {
        "changed_by": (user.get_full_name() or user.get_username()) if user else "",
        "changed_at": date_format(timezone.localtime(record.history_date), "H:i:s"),
    }


def minute_url(obj) -> str:
    meeting = meeting_of(obj)
    item_id = obj.pk if isinstance(obj, AgendaItem) else obj.item_id
    return reverse("workspace:minute", args=[meeting.pk]) + f"#sak-{item_id}"


@dataclass
class EditorInput:
    input: Input
    children: list[Input] = field(default_factory=list)


@dataclass
class EditorItem:
    """An item's rows as the minute-taking page edits them (revisions included)."""

    item: AgendaItem
    inputs: list[EditorInput]

    @property
    def decision(self) -> Decision | None:
        return getattr(self.item, "decision", None)

    @property
    def formal(self) -> dict:
        """Votes, statements and disqualifications (workspace/views/formal.py)."""
        return formal_rows(self.item)


def editor_items(meeting: Meeting) -> list[EditorItem]:
    """The meeting's items with their inputs as a tree, in two queries."""
    inputs = Input.objects.select_related("organisation", "sector", "person").order_by(
        "order", "id"
    )
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .prefetch_related(Prefetch("inputs", queryset=inputs), *FORMAL_PREFETCH)
        .order_by("order", "number")
    )
    result = []
    for item in items:
        # Every input is shown: one whose parent is not a top-level input is one.
        nodes = [EditorInput(*node) for node in input_tree(item.inputs.all())]
        result.append(EditorItem(item, nodes))
    return result


@login_required
@require_safe
def minute_taking(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = edit_meeting(request, meeting_id)
    council = meeting.council
    # What «Hvem» offers, and all it accepts: the council's own (council/access.py).
    who_options = sorted(
        {
            *council_organisations(council).values_list("name", flat=True),
            *council_sectors(council).values_list("representative_label", flat=True),
            *council_people(council).values_list("name", flat=True),
        }
    )
    return render(
        request,
        "workspace/minute_taking.html",
        {
            "meeting": meeting,
            "council": council,
            "items": editor_items(meeting),
            "who_options": who_options,
            "frozen": frozen_message(meeting),
            "add_form": InputAddForm(),
            "late_item_form": AgendaItemAddForm(
                council=council, auto_id="tilleggssak-%s"
            ),
            "kind_choices": ItemHandlingForm(council=council)
            .fields["handled_kind"]
            .choices,
            **formal_context(council),
        },
    )


@login_required
@require_POST
def content_field_save(
    request: HttpRequest, kind: str, pk: int, field: str
) -> HttpResponse:
    """Save one field of an item, input or decision, checking its revision."""
    if kind not in SAVE_KINDS or field not in SAVE_KINDS[kind][1]:
        raise Http404
    model, _fields = SAVE_KINDS[kind]
    obj = access(request.user, model, pk)
    raw = request.POST.get("value", "")
    limit = TEXT_LIMITS.get(field)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        return _invalid(request, obj, _("Mangler revisjon. Last siden på nytt."))
    if limit and len(raw) > limit:
        return _invalid(
            request, obj, _("Teksten er for lang (høyst %(n)s tegn).") % {"n": limit}
        )
    base = request.POST.get("base")
    try:
        saved = content_save(
            obj=obj,
            revision=revision,
            changes=_changes(field, raw, meeting_of(obj).council),
            expected=None if base is None else {field: base},
        )
    except EditConflict as conflict:
        return _conflict(request, conflict.current, field, raw)
    except ValidationError as exc:
        return _invalid(request, obj, error_text(exc))
    if wants_json(request):
        return JsonResponse(
            {
                "status": "saved",
                "revision": saved.revision,
                "value": field_text(saved, field),
                "saved_at": date_format(timezone.localtime(), "H:i:s"),
            }
        )
    messages.success(request, _("Lagret."))
    return redirect(minute_url(saved))


def _invalid(request: HttpRequest, obj, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"status": "invalid", "message": message}, status=400)
    messages.error(request, message)
    return redirect(minute_url(obj))


def _conflict(request: HttpRequest, current, field: str, mine: str) -> HttpResponse:
    theirs = field_text(current, field)
    info = _last_change(current)
    message = _(
        "Noen andre har endret dette feltet mens du skrev. Begge tekstene vises: "
        "slå dem sammen i feltet og lagre."
    )
    if wants_json(request):
        return JsonResponse(
            {
                "status": "conflict",
                "message": message,
                "revision": current.revision,
                "server_value": theirs,
                **info,
            },
            status=409,
        )
    kind = {AgendaItem: "sak", Input: "innspill", Decision: "vedtak"}[type(current)]
    return render(
        request,
        "workspace/conflict.html",
        {
            "meeting": meeting_of(current),
            "council": meeting_of(current).council,
            "message": message,
            "mine": mine,
            "theirs": theirs,
            "revision": current.revision,
            "action": reverse("workspace:save", args=[kind, current.pk, field]),
            "back": minute_url(current),
            **info,
        },
        status=409,
    )


# How the meeting handled an item, and items added in the meeting ----------------------


@login_required
@require_POST
def item_handling(request: HttpRequest, item_id: int) -> HttpResponse:
    """«Behandlet som» and «Utsatt» for one item (minutes/services/handling.py)."""
    item = access(request.user, AgendaItem, item_id)
    form = ItemHandlingForm(request.POST, council=item.meeting.council)
    if not form.is_valid():
        messages.error(
            request, _("Velg en sakstype fra listen, og skriv en kortere grunn.")
        )
        return redirect(minute_url(item))
    data = form.cleaned_data
    try:
        saved = item_handling_update(
            item=item,
            revision=data["revision"],
            handled_kind=data["handled_kind"],
            postponed=data["is_postponed"],
            postponed_reason=data["postponed_reason"],
        )
    except EditConflict:
        messages.error(
            request,
            _("Noen andre har endret saken i mellomtiden. Se over og lagre på nytt."),
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        carried = saved.carried_over_as.select_related("meeting").first()
        if saved.is_postponed and carried is not None:
            messages.success(
                request,
                _("Saken er utsatt og ført opp som sak %(number)s i %(meeting)s.")
                % {"number": carried.number_label, "meeting": carried.meeting.title},
            )
        elif saved.is_postponed:
            messages.success(
                request,
                _(
                    "Saken er utsatt. Den føres opp i rådets neste møte når det "
                    "møtet er opprettet."
                ),
            )
        else:
            messages.success(request, _("Lagret."))
    return redirect(minute_url(item))


@login_required
@require_POST
def late_item_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """A tilleggssak added in the meeting: nothing is sent to anyone."""
    meeting = edit_meeting(request, meeting_id)
    form = AgendaItemAddForm(request.POST, council=meeting.council)
    back = reverse("workspace:minute", args=[meeting.pk])
    if not form.is_valid():
        messages.error(request, _("Skriv en tittel på tilleggssaken."))
        return redirect(back + "#tilleggssak")
    try:
        item = agenda_item_add(
            meeting=meeting,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            proposed_decision=form.cleaned_data["proposed_text"],
            is_late_addition=True,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(back + "#tilleggssak")
    messages.success(
        request,
        _("Tilleggssak %(number)s er lagt til.") % {"number": item.number_label},
    )
    return redirect(minute_url(item))


# Inputs ----------------------------------------------------------------------------


def _inputs_fragment(request: HttpRequest, item: AgendaItem) -> HttpResponse:
    """The item's inputs list, for htmx swaps; a redirect for plain posts."""
    if request.htmx:
        item_view = next(v for v in editor_items(item.meeting) if v.item.pk == item.pk)
        return render(
            request,
            "workspace/_inputs.html",
            {"iv": item_view, "frozen": frozen_message(item.meeting)},
        )
    return redirect(minute_url(item))


@login_required
@require_POST
def input_create(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access(request.user, AgendaItem, item_id)
    form = InputAddForm(request.POST)
    parent = None
    if request.POST.get("parent", "").isdigit():
        parent = access(request.user, Input, int(request.POST["parent"]))
    if not form.is_valid():
        return _invalid(request, item, _("Skriv innspillet før du legger det til."))
    try:
        entry = input_add(
            item=item,
            text=form.cleaned_data["text"],
            who=form.cleaned_data["who"],
            is_written=form.cleaned_data["is_written"],
            parent=parent,
        )
    except ValidationError as exc:
        return _invalid(request, item, error_text(exc))
    if wants_json(request):
        row = render_to_string(
            "workspace/_input_row.html",
            {"entry": entry, "child": parent is not None, "frozen": None},
            request=request,
        )
        return JsonResponse(
            {
                "status": "created",
                "id": entry.pk,
                "revision": entry.revision,
                "value": entry.text,
                "html": row,
                "saved_at": date_format(timezone.localtime(), "H:i:s"),
            },
            status=201,
        )
    if not request.htmx:
        messages.success(request, _("Innspillet er lagt til."))
    return _inputs_fragment(request, item)


@login_required
@require_POST
def decision_adopt(request: HttpRequest, decision_id: int) -> HttpResponse:
    """«Vedtatt som foreslått»: record the proposal as the decision, in one click."""
    decision = access(request.user, Decision, decision_id)
    try:
        revision = int(request.POST.get("revision", ""))
        decision_adopt_as_proposed(decision=decision, revision=revision)
    except ValueError:
        messages.error(request, _("Mangler revisjon. Last siden på nytt."))
    except EditConflict:
        messages.error(
            request,
            _("Noen har skrevet et vedtak i mellomtiden. Se over teksten i saken."),
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect(minute_url(decision))


@login_required
@require_POST
def input_action(request: HttpRequest, input_id: int) -> HttpResponse:
    """Move (up/down), indent, outdent or delete an input."""
    entry = access(request.user, Input, input_id)
    action = request.POST.get("action")
    operations = {
        "up": lambda: input_move(entry=entry, delta=-1),
        "down": lambda: input_move(entry=entry, delta=1),
        "indent": lambda: input_indent(entry=entry),
        "outdent": lambda: input_outdent(entry=entry),
        "delete": lambda: input_delete(entry=entry),
    }
    if action not in operations:
        raise Http404
    try:
        operations[action]()
    except ValidationError as exc:
        if request.htmx:
            response = _inputs_fragment(request, entry.item)
            response["HX-Trigger"] = json.dumps({"workspace:error": error_text(exc)})
            return response
        messages.error(request, error_text(exc))
    else:
        if action == "delete" and not request.htmx:
            messages.success(request, _("Innspillet er slettet."))
    return _inputs_fragment(request, entry.item)


# History ---------------------------------------------------------------------------

HISTORY_FIELDS = {
    AgendaItem: [
        ("title", _("Tittel")),
        ("kind", _("Sakstype")),
        ("archive_reference", _("Arkivsaksnummer")),
        ("presenters", _("Innledere")),
        ("body", _("Saksfremstilling")),
    ],
    Decision: [
        ("proposed_text", _("Forslag til vedtak")),
        ("final_text", _("Vedtak")),
    ],
    Input: [
        ("text", _("Innspill")),
        ("attribution", _("Hvem")),
        ("organisation_id", _("Virksomhet")),
        ("sector_id", _("Sektor")),
        ("person_id", _("Person")),
        ("is_written", _("Skriftlig")),
        ("parent_id", _("Underpunkt av")),
    ],
}


def _history_entries(records, model, label_for) -> list[dict]:
    entries = []
    fields = HISTORY_FIELDS[model]
    for _pk, group in groupby(records, key=lambda r: r.id):
        previous = None
        for record in group:
            changes = []
            for name, label in fields:
                before = getattr(previous, name, "") if previous else ""
                after = getattr(record, name, "")
                if record.history_type == "-":
                    before, after = after, ""
                if before == after or (before in (None, "") and after in (None, "")):
                    continue
                old, new = split_sides(word_diff(str(before or ""), str(after or "")))
                changes.append({"label": label, "old": old, "new": new})
            entries.append(
                {
                    "record": record,
                    "what": label_for(record),
                    "type": {"+": _("Opprettet"), "~": _("Endret"), "-": _("Slettet")}[
                        record.history_type
                    ],
                    "changes": changes,
                }
            )
            previous = record
    return entries


@login_required
@require_safe
def item_history(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access(request.user, AgendaItem, item_id)

    def ordered(qs):
        return list(qs.select_related("history_user").order_by("id", "history_date"))

    entries = (
        _history_entries(
            ordered(AgendaItem.history.filter(id=item.pk)),
            AgendaItem,
            lambda r: _("Saken"),
        )
        + _history_entries(
            ordered(Decision.history.filter(item_id=item.pk)),
            Decision,
            lambda r: _("Vedtaket"),
        )
        + _history_entries(
            ordered(Input.history.filter(item_id=item.pk)),
            Input,
            lambda r: _("Innspill «%(text)s»") % {"text": r.text[:50]},
        )
    )
    entries.sort(key=lambda e: e["record"].history_date, reverse=True)
    entries = [e for e in entries if e["changes"] or e["record"].history_type != "~"]
    return render(
        request,
        "workspace/item_history.html",
        {
            "item": item,
            "meeting": item.meeting,
            "council": item.meeting.council,
            "entries": entries,
        },
    )
