"""Setting a council up without the admin: the operator makes the council and invites
its first secretariat; the secretariat keeps the council's settings and lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.invitations import invitation_create, invitation_url
from accounts.models import Invitation
from council.access import access_council, is_operator
from council.services import council_create
from minutes.services.agenda import standard_items
from minutes.services.council_settings import (
    KindRow,
    council_wording_save,
    first_case_number_set,
    item_kinds_save,
    standard_items_save,
)
from workspace.forms import (
    CouncilCreateForm,
    CouncilSettingsForm,
    CouncilWordingForm,
    FirstCaseNumberForm,
    ItemKindFormSet,
    StandardItemFormSet,
)

# An invitation's link is shown once, on the page after it was made.
NEW_LINK_SESSION_KEY = "workspace_new_invitation_link"


def show_link_once(request: HttpRequest, token: str) -> None:
    request.session[NEW_LINK_SESSION_KEY] = invitation_url(token)


def error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def council_new(request: HttpRequest) -> HttpResponse:
    """The operator's new council, with an invitation to its first secretary."""
    if not is_operator(request.user):
        raise Http404
    form = CouncilCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                council = council_create(
                    by=request.user,
                    name=data["name"],
                    slug=data["slug"],
                    description=data["description"],
                    secretariat_organisation=data["secretariat_organisation"],
                )
                _invitation, token = invitation_create(
                    by=request.user,
                    council=council,
                    role=Invitation.Role.SECRETARIAT,
                    email=data["secretary_email"],
                    name=data["secretary_name"],
                )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                for message in error.messages:
                    form.add_error(None, message)
        else:
            show_link_once(request, token)
            messages.success(
                request,
                _("%(council)s er opprettet. %(name)s er invitert som sekretær.")
                % {"council": council.name, "name": data["secretary_name"]},
            )
            return redirect("workspace:members", council.slug)
    return render(request, "workspace/council_new.html", {"form": form})


def _in_order(form) -> tuple[bool, int]:
    order = form.cleaned_data.get("ORDER")
    return (order is None, order or 0)


def _kind_rows(formset) -> list[KindRow]:
    forms_in_order = sorted(
        (f for f in formset.forms if (f.cleaned_data.get("name") or "").strip()),
        key=_in_order,
    )
    return [
        KindRow(
            original=f.cleaned_data.get("original") or "",
            name=f.cleaned_data["name"].strip(),
            retired=f.cleaned_data.get("retired", False),
        )
        for f in forms_in_order
    ]


def _standard_rows(formset) -> list[dict]:
    kept = [
        f
        for f in formset.forms
        if f.cleaned_data
        and not f.cleaned_data.get("DELETE")
        and (f.cleaned_data.get("title") or "").strip()
    ]
    kept.sort(key=_in_order)
    return [
        {
            key: f.cleaned_data.get(key) or ""
            for key in ("standard", "title", "kind", "proposed_decision")
        }
        for f in kept
    ]


@login_required
@require_http_methods(["GET", "POST"])
def council_settings(request: HttpRequest, council_slug: str) -> HttpResponse:
    """One page for the council's settings, its item kinds, its standard items and
    the first sak number of a year; each part saves on its own."""
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    part = request.POST.get("part") if request.method == "POST" else None
    kinds_initial = [
        {"original": kind, "name": kind, "retired": False, "ORDER": i}
        for i, kind in enumerate(council.extra_item_kinds or [], start=1)
    ] + [
        {"original": kind, "name": kind, "retired": True}
        for kind in council.retired_item_kinds or []
    ]
    items_initial = [
        {**row, "ORDER": i} for i, row in enumerate(standard_items(council), start=1)
    ]
    year = timezone.localdate().year
    settings_form = CouncilSettingsForm(
        request.POST if part == "settings" else None, instance=council
    )
    wording_form = CouncilWordingForm(
        request.POST if part == "wording" else None, instance=council
    )
    kinds = ItemKindFormSet(
        request.POST if part == "kinds" else None,
        initial=kinds_initial,
        prefix="kinds",
    )
    items = StandardItemFormSet(
        request.POST if part == "standard" else None,
        initial=items_initial,
        prefix="items",
        form_kwargs={"council": council},
    )
    first_number = FirstCaseNumberForm(
        request.POST if part == "first_number" else None,
        initial={"year": year + 1 if timezone.localdate().month == 12 else year},
    )
    saved = None
    try:
        if part == "settings" and settings_form.is_valid():
            settings_form.save()
            saved = _("Innstillingene er lagret.")
        elif part == "wording" and wording_form.is_valid():
            council_wording_save(council=wording_form.instance)
            saved = _("Nummerering og ordlyd er lagret.")
        elif part == "kinds" and kinds.is_valid():
            item_kinds_save(council=council, rows=_kind_rows(kinds))
            saved = _("Sakstypene er lagret.")
        elif part == "standard" and items.is_valid():
            standard_items_save(council=council, rows=_standard_rows(items))
            saved = _("Standardsakene er lagret. De brukes i nye møter.")
        elif part == "first_number" and first_number.is_valid():
            first_case_number_set(
                council=council,
                year=first_number.cleaned_data["year"],
                number=first_number.cleaned_data["number"],
            )
            saved = _("Første saksnummer for %(year)s er %(number)s.") % {
                "year": first_number.cleaned_data["year"],
                "number": first_number.cleaned_data["number"],
            }
    except ValidationError as error:
        target = {"kinds": kinds, "standard": items}.get(part)
        for message in error_messages(error):
            if target is not None:
                target._non_form_errors = target.error_class([message])
            elif part == "first_number":
                first_number.add_error(None, message)
            elif part == "wording":
                wording_form.add_error(None, message)
    if saved:
        messages.success(request, saved)
        return redirect("workspace:council_settings", council.slug)
    return render(
        request,
        "workspace/council_settings.html",
        {
            "council": council,
            "settings_form": settings_form,
            "wording_form": wording_form,
            "kinds": kinds,
            "items": items,
            "first_number": first_number,
            "first_numbers": sorted((council.first_case_numbers or {}).items()),
        },
    )
