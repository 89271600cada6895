"""Importing past minutes in /arbeid/: upload a file, check what was recognised
side by side with the file's text, correct it and save it as approved («importert»)
minutes. The rules (what is read, kept, refused and saved) are the archive's
(archive/importing/pending.py); these views only ask."""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from archive.errors import ArchiveError
from archive.importing import Recognised
from archive.importing.corrections import (
    ItemCorrection,
    MeetingCorrection,
    item_corrections,
    meeting_correction,
)
from archive.importing.pending import (
    pending_create,
    pending_discard,
    pending_get,
    pending_list,
    pending_read,
    pending_save,
)
from council.access import access_council
from workspace.forms import ImportItemForm, ImportMeetingForm, ImportUploadForm


@login_required
def import_upload(request: HttpRequest, council_slug: str) -> HttpResponse:
    """The upload: a file is read and recognised at once; a bad one is refused
    with the importer's message and nothing is kept."""
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                pending, _recognised = pending_create(
                    council=council,
                    user=request.user,
                    name=upload.name,
                    content=upload.read(),
                )
            except ArchiveError as error:
                form.add_error("file", str(error))
            else:
                return redirect("workspace:import_review", council.slug, pending.pk)
    else:
        form = ImportUploadForm()
    return render(
        request,
        "workspace/import_upload.html",
        {
            "council": council,
            "form": form,
            "pending": list(pending_list(council=council, user=request.user)),
        },
    )


def _forms(request: HttpRequest, recognised: Recognised, council):
    data = request.POST if request.method == "POST" else None
    facts = recognised.document.meeting
    meeting_form = ImportMeetingForm(
        data,
        prefix="mote",
        initial={**asdict(meeting_correction(recognised)), "approved_on": facts.date},
    )
    item_forms = []
    for index, (item, initial) in enumerate(
        zip(recognised.document.items, item_corrections(recognised), strict=True)
    ):
        form = ImportItemForm(
            data, prefix=f"sak-{index}", initial=asdict(initial), council=council
        )
        if item.decision:
            form.fields["decision"].label = item.decision.label
        item_forms.append((item, form))
    return meeting_form, item_forms


@login_required
def import_review(request: HttpRequest, council_slug: str, import_id) -> HttpResponse:
    """The file's text beside what was recognised in it, with the facts and items
    in a form to correct; saving imports them."""
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    pending = pending_get(council=council, user=request.user, pk=import_id)
    try:
        recognised = pending_read(pending)
    except ArchiveError as error:
        # The file no longer reads (or the register changed): say so, keep nothing.
        pending_discard(pending)
        messages.error(request, str(error))
        return redirect("workspace:import", council.slug)
    meeting_form, item_forms = _forms(request, recognised, council)
    error = ""
    if request.method == "POST":
        valid = meeting_form.is_valid()
        valid = all([form.is_valid() for _item, form in item_forms]) and valid
        if valid:
            data = meeting_form.cleaned_data
            try:
                meeting = pending_save(
                    pending,
                    meeting=MeetingCorrection(
                        number=data["number"],
                        date=data["date"],
                        start_time=data["start_time"],
                        end_time=data["end_time"],
                        venue=data["venue"],
                    ),
                    items=[
                        ItemCorrection(**form.cleaned_data) for _i, form in item_forms
                    ],
                    approved_on=data["approved_on"] or data["date"],
                    by=request.user,
                )
            except ArchiveError as exc:
                error = str(exc)
            else:
                messages.success(
                    request,
                    _(
                        "Møte %(meeting)s er importert og godkjent (importert). "
                        "Originalfilen ligger ved møtet."
                    )
                    % {"meeting": meeting.number_label},
                )
                return redirect("workspace:meeting", meeting.pk)
    return render(
        request,
        "workspace/import_review.html",
        {
            "council": council,
            "pending": pending,
            "recognised": recognised,
            "document": recognised.document,
            "meeting_form": meeting_form,
            "item_forms": item_forms,
            "item_forms_invalid": any(form.errors for _item, form in item_forms),
            "error": error,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def import_discard(request: HttpRequest, council_slug: str, import_id) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    pending = pending_get(council=council, user=request.user, pk=import_id)
    pending_discard(pending)
    messages.success(
        request,
        _("Importen av «%(name)s» er forkastet.") % {"name": pending.original_name},
    )
    return redirect("workspace:import", council.slug)
