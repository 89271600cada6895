"""Members, organisations and sectors of a council, for its secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Invitation
from council.access import (
    access_council,
    access_membership,
    access_organisation,
    access_sector,
    council_organisations,
    council_sectors,
)
from council.models import Membership, Person
from workspace.forms import MembershipForm, OrganisationForm, SectorForm
from workspace.views.council_setup import NEW_LINK_SESSION_KEY


@login_required
def members(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    if request.method == "POST":
        form = MembershipForm(request.POST, council=council)
        if form.is_valid():
            membership = form.save()
            messages.success(
                request,
                _("%(name)s er lagt til som medlem.") % {"name": membership.person},
            )
            return redirect("workspace:members", council.slug)
    else:
        form = MembershipForm(council=council)
    today = timezone.localdate()
    memberships = Membership.objects.filter(council=council).select_related(
        "person", "organisation", "organisation__sector"
    )
    active_ids = set(memberships.active_on(today).values_list("pk", flat=True))
    memberships = list(
        memberships.select_related("person__user").order_by("order", "person__name")
    )
    return render(
        request,
        "workspace/members.html",
        {
            "council": council,
            "memberships": memberships,
            "active_ids": active_ids,
            "form": form,
            **login_overview(council, [m.person for m in memberships]),
            "new_link": request.session.pop(NEW_LINK_SESSION_KEY, None),
        },
    )


def login_overview(council, people) -> dict:
    """Who has a login, who has two-factor, and open invitations, for the members
    page; and the council's secretariat with the same."""
    users = [p.user for p in people if p.user_id]
    secretariat = list(council.secretariat_users.order_by("username"))
    with_app = set(
        TOTPDevice.objects.filter(
            user__in=[*users, *secretariat], confirmed=True
        ).values_list("user_id", flat=True)
    )
    open_invitations = {}
    for invitation in Invitation.objects.filter(
        council=council, accepted_at=None, revoked_at=None
    ).select_related("person"):
        open_invitations.setdefault(invitation.person_id, invitation)
    secretariat_people = {
        p.user_id: p for p in Person.objects.filter(user__in=secretariat)
    }
    return {
        "with_app": with_app,
        "open_invitations": open_invitations,
        "secretariat": [(u, secretariat_people.get(u.pk)) for u in secretariat],
        "pending_secretaries": [
            i
            for i in open_invitations.values()
            if i.role == Invitation.Role.SECRETARIAT
        ],
    }


@login_required
def membership_edit(
    request: HttpRequest, council_slug: str, membership_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    membership = access_membership(request.user, council, membership_id)
    if request.method == "POST":
        form = MembershipForm(request.POST, instance=membership, council=council)
        if form.is_valid():
            form.save()
            messages.success(request, _("Medlemskapet er lagret."))
            return redirect("workspace:members", council.slug)
    else:
        form = MembershipForm(instance=membership, council=council)
    return render(
        request,
        "workspace/membership_edit.html",
        {"council": council, "membership": membership, "form": form},
    )


@login_required
@require_POST
def membership_delete(
    request: HttpRequest, council_slug: str, membership_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    membership = access_membership(request.user, council, membership_id)
    try:
        membership.delete()
    except ProtectedError:
        messages.error(
            request,
            _(
                "%(name)s er ført i oppmøtet på et møte og kan ikke slettes. "
                "Sett en sluttdato i stedet."
            )
            % {"name": membership.person},
        )
    else:
        messages.success(request, _("Medlemskapet er slettet."))
    return redirect("workspace:members", council.slug)


@login_required
def organisations(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    if request.method == "POST":
        form = OrganisationForm(request.POST, council=council)
        if form.is_valid():
            organisation = form.save()
            messages.success(
                request,
                _("Virksomheten %(name)s er lagt til.") % {"name": organisation},
            )
            return redirect("workspace:organisations", council.slug)
    else:
        form = OrganisationForm(council=council)
    return render(
        request,
        "workspace/organisations.html",
        {
            "council": council,
            "organisations": council_organisations(council)
            .select_related("sector")
            .order_by("name"),
            "form": form,
        },
    )


@login_required
def organisation_edit(
    request: HttpRequest, council_slug: str, organisation_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    organisation = access_organisation(request.user, council, organisation_id)
    form = OrganisationForm(
        request.POST or None, instance=organisation, council=council
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Virksomheten er lagret."))
        return redirect("workspace:organisations", council.slug)
    return render(
        request,
        "workspace/simple_edit.html",
        {
            "council": council,
            "form": form,
            "heading": organisation.name,
            "back": "workspace:organisations",
        },
    )


@login_required
def sectors(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    if request.method == "POST":
        form = SectorForm(request.POST)
        if form.is_valid():
            sector = form.save()
            messages.success(
                request, _("Sektoren %(name)s er lagt til.") % {"name": sector}
            )
            return redirect("workspace:sectors", council.slug)
    else:
        form = SectorForm()
    return render(
        request,
        "workspace/sectors.html",
        {
            "council": council,
            "sectors": council_sectors(council).order_by("name"),
            "form": form,
        },
    )


@login_required
def sector_edit(
    request: HttpRequest, council_slug: str, sector_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    sector = access_sector(request.user, council, sector_id)
    form = SectorForm(request.POST or None, instance=sector)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Sektoren er lagret."))
        return redirect("workspace:sectors", council.slug)
    return render(
        request,
        "workspace/simple_edit.html",
        {
            "council": council,
            "form": form,
            "heading": sector.name,
            "back": "workspace:sectors",
        },
    )
