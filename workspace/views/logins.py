"""Logins of a council's people, for its secretariat: invite a member or a secretary,
resend or revoke an invitation, send a new-authenticator link, switch a login off.
The rules are accounts/invitations.py's; these views only ask and tell."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import invitations
from accounts.models import Invitation
from council.access import access_council, access_membership
from workspace.views.council_setup import show_link_once


def _back(council) -> HttpResponse:
    return redirect("workspace:members", council.slug)


def _refused(request: HttpRequest, error: Exception) -> None:
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.error(request, _("Det har du ikke lov til."))


@login_required
@require_POST
def member_invite(
    request: HttpRequest, council_slug: str, membership_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    membership = access_membership(request.user, council, membership_id)
    email = (request.POST.get("email") or membership.person.email or "").strip()
    try:
        _invitation, token = invitations.invitation_create(
            by=request.user,
            council=council,
            role=Invitation.Role.MEMBER,
            email=email,
            person=membership.person,
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        show_link_once(request, token)
        messages.success(
            request,
            _("%(name)s er invitert.") % {"name": membership.person.name},
        )
    return _back(council)


@login_required
@require_POST
def secretary_invite(request: HttpRequest, council_slug: str) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    name = (request.POST.get("name") or "").strip()
    email = (request.POST.get("email") or "").strip()
    try:
        if not email:
            raise ValidationError(_("Skriv inn e-postadressen."))
        validate_email(email)
        _invitation, token = invitations.invitation_create(
            by=request.user,
            council=council,
            role=Invitation.Role.SECRETARIAT,
            email=email,
            name=name,
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        show_link_once(request, token)
        messages.success(
            request, _("%(name)s er invitert til sekretariatet.") % {"name": name}
        )
    return _back(council)


def _council_invitation(request, council, invitation_id) -> Invitation:
    invitation = Invitation.objects.filter(pk=invitation_id, council=council).first()
    if invitation is None:
        raise Http404
    return invitation


@login_required
@require_POST
def invitation_resend(
    request: HttpRequest, council_slug: str, invitation_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    invitation = _council_invitation(request, council, invitation_id)
    try:
        token = invitations.invitation_resend(by=request.user, invitation=invitation)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        show_link_once(request, token)
        messages.success(
            request,
            _("En ny lenke er sendt til %(email)s. Den gamle virker ikke lenger.")
            % {"email": invitation.email},
        )
    return _back(council)


@login_required
@require_POST
def invitation_revoke(
    request: HttpRequest, council_slug: str, invitation_id: int
) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    invitation = _council_invitation(request, council, invitation_id)
    invitations.invitation_revoke(by=request.user, invitation=invitation)
    messages.success(request, _("Invitasjonen er trukket tilbake."))
    return _back(council)


def _council_login(request, council, user_id):
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not invitations.may_manage_login(request.user, council, user):
        raise Http404
    return user


@login_required
@require_POST
def login_enrol(request: HttpRequest, council_slug: str, user_id: int) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    user = _council_login(request, council, user_id)
    _invitation, token = invitations.enrolment_create(
        by=request.user, user=user, council=council
    )
    show_link_once(request, token)
    messages.success(
        request,
        _(
            "En lenke for ny autentiseringsapp er sendt. Den gamle appen virker til "
            "den nye er bekreftet."
        ),
    )
    return _back(council)


@login_required
@require_POST
def login_active(request: HttpRequest, council_slug: str, user_id: int) -> HttpResponse:
    council, _can_edit = access_council(request.user, council_slug, edit=True)
    user = _council_login(request, council, user_id)
    try:
        if request.POST.get("active") == "1":
            invitations.login_reactivate(by=request.user, council=council, user=user)
            messages.success(request, _("Innloggingen er slått på igjen."))
        else:
            invitations.login_deactivate(by=request.user, council=council, user=user)
            messages.success(
                request,
                _("Innloggingen er slått av. Det personen har skrevet, står."),
            )
    except PermissionDenied as error:
        _refused(request, error)
    return _back(council)
