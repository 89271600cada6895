"""The formal elements under an item on the minute-taking page: votes (votering),
statements for the record (protokolltilførsel) and conflicts of interest
(inhabilitet). Each form posts with htmx and gets the item's panel back
(workspace/_formal.html); without JavaScript, a redirect back to the item.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from council.access import council_people
from minutes.access import access
from minutes.document import FORMAL_PREFETCH, formal_records
from minutes.models import (
    DISQUALIFICATION_BASES,
    AgendaItem,
    Disqualification,
    ProtocolEntry,
    Vote,
)
from minutes.services.formal import (
    disqualification_add,
    formal_delete,
    protocol_entry_add,
    vote_add,
)
from workspace.views.meetings import error_text, frozen_message

# The address segment of each kind of row, for the delete endpoint.
KINDS = {
    "votering": Vote,
    "protokolltilforsel": ProtocolEntry,
    "inhabilitet": Disqualification,
}

_COUNT_ERRORS = {
    "min_value": gettext_lazy("Stemmetall kan ikke være negative."),
    "invalid": gettext_lazy("Stemmetall må være hele tall."),
}


def _count() -> forms.IntegerField:
    return forms.IntegerField(
        required=False, min_value=0, max_value=9999, error_messages=_COUNT_ERRORS
    )


class VoteForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Vote.Outcome.choices,
        error_messages={"required": gettext_lazy("Velg resultatet.")},
    )
    votes_for = _count()
    votes_against = _count()
    votes_blank = _count()
    against_names = forms.CharField(required=False, max_length=600)
    subject = forms.CharField(required=False, max_length=300)


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class ProtocolEntryForm(forms.Form):
    person = PersonField(queryset=None, required=False)
    names = forms.CharField(required=False, max_length=300)
    text = forms.CharField(
        error_messages={"required": gettext_lazy("Skriv protokolltilførselen.")}
    )

    def __init__(self, *args, council, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = council_people(council)
        self.fields["person"].error_messages["invalid_choice"] = _(
            "Velg en person fra listen."
        )


class DisqualificationForm(forms.Form):
    person = PersonField(
        queryset=None,
        error_messages={"required": gettext_lazy("Velg hvem som var inhabil.")},
    )
    basis = forms.CharField(
        max_length=200,
        error_messages={"required": gettext_lazy("Oppgi hjemmelen for inhabiliteten.")},
    )
    substitute = PersonField(queryset=None, required=False)

    def __init__(self, *args, council, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("person", "substitute"):
            self.fields[name].queryset = council_people(council)
            self.fields[name].error_messages["invalid_choice"] = _(
                "Velg en person fra listen."
            )


def formal_rows(item: AgendaItem) -> dict:
    """The item's rows (prefetched with FORMAL_PREFETCH) each with what the minutes
    print for it."""
    records = formal_records(item)
    return {
        "votes": list(
            zip(item.votes.all(), (r.line for r in records["votes"]), strict=True)
        ),
        "protocol_entries": list(
            zip(item.protocol_entries.all(), records["protocol_entries"], strict=True)
        ),
        "disqualifications": list(
            zip(
                item.disqualifications.all(),
                (r.line for r in records["disqualifications"]),
                strict=True,
            )
        ),
    }


def formal_context(council) -> dict:
    """What the formal panels of the minute-taking page offer: the council's own
    people, the common legal bases and the outcomes of a vote."""
    return {
        "formal_people": list(council_people(council)),
        "formal_bases": DISQUALIFICATION_BASES,
        "vote_outcomes": Vote.Outcome.choices,
    }


def _panel(
    request: HttpRequest,
    item: AgendaItem,
    *,
    form: str = "",
    errors: list[str] | None = None,
    values=None,
) -> HttpResponse:
    """The item's formal panel for htmx, with the form just used open (and, when
    refused, its errors and what was typed; answered 200, so htmx swaps it in; the
    errors are announced as an alert); for plain posts, a redirect to the item."""
    if not request.htmx:
        if errors:
            messages.error(request, " ".join(errors))
        return redirect(minute_url(item))
    item = (
        AgendaItem.objects.select_related("meeting", "meeting__council")
        .prefetch_related(*FORMAL_PREFETCH)
        .get(pk=item.pk)
    )
    return render(
        request,
        "workspace/_formal.html",
        {
            "item": item,
            "formal": formal_rows(item),
            "frozen": frozen_message(item.meeting),
            "open_form": form,
            "errors": errors or [],
            "values": {form: values} if form and values is not None else {},
            **formal_context(item.meeting.council),
        },
    )


def minute_url(item: AgendaItem) -> str:
    return reverse("workspace:minute", args=[item.meeting_id]) + f"#sak-{item.pk}"


def _form_errors(form: forms.Form) -> list[str]:
    return [str(message) for field in form.errors.values() for message in field]


def _create(request: HttpRequest, item_id: int, name: str, form_class, add):
    item = access(request.user, AgendaItem, item_id)
    council = item.meeting.council
    kwargs = {} if form_class is VoteForm else {"council": council}
    form = form_class(request.POST, **kwargs)
    if not form.is_valid():
        return _panel(
            request,
            item,
            form=name,
            errors=_form_errors(form),
            values=request.POST,
        )
    try:
        add(item=item, **form.cleaned_data)
    except ValidationError as exc:
        return _panel(
            request,
            item,
            form=name,
            errors=[error_text(exc)],
            values=request.POST,
        )
    if not request.htmx:
        messages.success(request, _("Lagret."))
    # The form stays open, empty, for the next entry of the same kind.
    return _panel(request, item, form=name)


@login_required
@require_POST
def vote_create(request: HttpRequest, item_id: int) -> HttpResponse:
    return _create(request, item_id, "vote", VoteForm, vote_add)


@login_required
@require_POST
def protocol_entry_create(request: HttpRequest, item_id: int) -> HttpResponse:
    return _create(request, item_id, "protocol", ProtocolEntryForm, protocol_entry_add)


@login_required
@require_POST
def disqualification_create(request: HttpRequest, item_id: int) -> HttpResponse:
    return _create(
        request, item_id, "disqualification", DisqualificationForm, disqualification_add
    )


@login_required
@require_POST
def formal_remove(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Delete a vote, statement for the record or disqualification."""
    if kind not in KINDS:
        raise Http404
    row = access(request.user, KINDS[kind], pk)
    try:
        formal_delete(row=row)
    except ValidationError as exc:
        return _panel(request, row.item, errors=[error_text(exc)])
    if not request.htmx:
        messages.success(request, _("Slettet."))
    return _panel(request, row.item)
