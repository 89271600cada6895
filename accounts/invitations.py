"""Invitations and enrolments: the only ways a login is made or gets an authenticator.

- An invitation (kind LOGIN) makes a login for a person: to the council's secretariat
  or as a member. Accepting it sets the password and, where the role needs a second
  factor, enrols the authenticator app in the same step.
- An enrolment (kind ENROLMENT) gives an existing login a new authenticator, for the
  person who lost their phone. It asks for the password as well as a code from the
  new app: neither the link nor the password alone is enough.

A password alone never enrols a device (accounts/middleware.py sends a login that
needs one and has none to a page that says whom to ask).

Links are signed (django.core.signing), expire after INVITATION_DAYS and work once:
the link carries a secret whose hash the invitation keeps; resending replaces it.
Who may invite whom is decided here, for the workspace, the operator's pages and the
management command alike.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from accounts.models import Invitation
from accounts.services import token_digits, user_sessions_end_all
from core.outbox import queue_mail
from council.access import can_edit_council, is_operator
from council.models import Council, Membership, Person

INVITATION_DAYS = 7
SALT = "accounts.invitation"
TOTP_STEP = 30


class InvitationInvalid(Exception):
    """The link is unknown, changed, old, used or revoked; the message says which."""


def _nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def _new_link(invitation: Invitation) -> str:
    """A fresh secret for the invitation (the old link stops working); the token."""
    nonce = secrets.token_urlsafe(24)
    now = timezone.now()
    invitation.nonce_hash = _nonce_hash(nonce)
    invitation.totp_key = default_key()
    invitation.sent_at = now
    invitation.expires_at = now + datetime.timedelta(days=INVITATION_DAYS)
    return signing.dumps({"i": invitation.pk, "n": nonce}, salt=SALT)


def invitation_url(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('accounts:invitation', args=[token])}"


def role_requires_2fa(invitation: Invitation) -> bool:
    """The secretariat always; a member where the council asks it; an enrolment is
    always for an authenticator."""
    if invitation.kind == Invitation.Kind.ENROLMENT:
        return True
    if invitation.role == Invitation.Role.SECRETARIAT:
        return True
    return bool(invitation.council and invitation.council.members_require_2fa)


# Who may ------------------------------------------------------------------------------


def may_invite(user: AbstractBaseUser, council: Council) -> bool:
    """The council's secretariat and the operator invite to a council."""
    return is_operator(user) or can_edit_council(user, council)


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def may_manage_login(user: AbstractBaseUser, council: Council, target) -> bool:
    """Whether `user` may send `target` an enrolment link or deactivate the login:
    the operator always; a council's secretariat for logins that belong to that
    council only (its members and its secretariat), never an operator's login."""
    if is_operator(user):
        return True
    if target.is_superuser or target.is_staff or not can_edit_council(user, council):
        return False
    other_councils = Council.objects.exclude(pk=council.pk)
    serves_other = other_councils.filter(secretariat_users=target).exists()
    sits_elsewhere = (
        Membership.objects.active_on(timezone.localdate())
        .filter(person__user=target, council__in=other_councils)
        .exists()
    )
    belongs = (
        council.secretariat_users.filter(pk=target.pk).exists()
        or Membership.objects.filter(council=council, person__user=target).exists()
    )
    return belongs and not serves_other and not sits_elsewhere


# Making and sending links -------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *,
    by: AbstractBaseUser,
    council: Council,
    role: str,
    email: str,
    person: Person | None = None,
    name: str = "",
) -> tuple[Invitation, str]:
    """Invite a person to a login in a council; returns the invitation and its link.

    A member invitation is for a person with a seat in the council. A secretariat
    invitation names an existing person or creates one (in the council's secretariat
    organisation). Any open invitation for the same person is revoked.
    """
    _require(may_invite(by, council))
    email = email.strip()
    if role == Invitation.Role.MEMBER:
        if (
            person is None
            or not Membership.objects.filter(council=council, person=person).exists()
        ):
            raise ValidationError(
                _("Bare personer med plass i rådet kan inviteres som medlemmer."),
                code="not_member",
            )
    elif role == Invitation.Role.SECRETARIAT:
        if person is None:
            if not name.strip():
                raise ValidationError(_("Skriv inn navnet."), code="name_missing")
            person = Person.objects.create(
                name=name.strip(),
                email=email,
                organisation=council.secretariat_organisation,
            )
    else:
        raise ValidationError(_("Ukjent rolle."), code="unknown_role")
    if person.user_id and role == Invitation.Role.MEMBER:
        raise ValidationError(
            _("%(name)s har allerede en innlogging.") % {"name": person.name},
            code="has_login",
        )
    if not person.email and email:
        person.email = email
        person.save(update_fields=["email", "updated_at"])
    Invitation.objects.filter(person=person, accepted_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation(
        kind=Invitation.Kind.LOGIN,
        council=council,
        role=role,
        person=person,
        email=email or person.email,
        user=person.user,
        created_by=by,
        expires_at=timezone.now(),
    )
    invitation.full_clean(exclude=["nonce_hash", "totp_key", "expires_at"])
    invitation.save()
    token = _new_link(invitation)
    invitation.save()
    _send_after_commit(invitation, token)
    return invitation, token


@transaction.atomic
def enrolment_create(
    *, by: AbstractBaseUser | None, user: AbstractBaseUser, council: Council | None
) -> tuple[Invitation, str]:
    """A link that gives `user` a new authenticator app (their old one stops working
    when the new one is confirmed). `by` None is the operator's command line."""
    if by is not None:
        _require(
            is_operator(by)
            or (council is not None and may_manage_login(by, council, user))
        )
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            name=user.get_full_name() or user.get_username(), email=user.email
        )
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    email = person.email or user.email
    Invitation.objects.filter(
        user=user, kind=Invitation.Kind.ENROLMENT, accepted_at=None, revoked_at=None
    ).update(revoked_at=timezone.now())
    invitation = Invitation.objects.create(
        kind=Invitation.Kind.ENROLMENT,
        council=council,
        role=Invitation.Role.SECRETARIAT
        if council and council.secretariat_users.filter(pk=user.pk).exists()
        else Invitation.Role.MEMBER,
        person=person,
        email=email,
        user=user,
        created_by=by,
        expires_at=timezone.now(),
    )
    token = _new_link(invitation)
    invitation.save()
    if email:
        _send_after_commit(invitation, token)
    return invitation, token


@transaction.atomic
def invitation_resend(*, by: AbstractBaseUser, invitation: Invitation) -> str:
    """A new link for an invitation not yet accepted; the old link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require(_may_handle(by, invitation))
    if invitation.accepted_at:
        raise ValidationError(
            _("Invitasjonen er allerede tatt i bruk."), code="accepted"
        )
    invitation.revoked_at = None
    token = _new_link(invitation)
    invitation.save()
    _send_after_commit(invitation, token)
    return token


@transaction.atomic
def invitation_revoke(*, by: AbstractBaseUser, invitation: Invitation) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require(_may_handle(by, invitation))
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def _may_handle(by: AbstractBaseUser, invitation: Invitation) -> bool:
    if is_operator(by):
        return True
    return invitation.council is not None and can_edit_council(by, invitation.council)


def _send_after_commit(invitation: Invitation, token: str) -> None:
    # Queued in the same transaction (core/outbox.py): sent once it commits, kept
    # and retried if the mail server is down.
    send_invitation(invitation=invitation, url=invitation_url(token))


def send_invitation(*, invitation: Invitation, url: str) -> int:
    """The e-mail with the link, in the person's language, through the outbox."""
    if not invitation.email:
        return 0
    person = invitation.person
    context = {
        "invitation": invitation,
        "council": invitation.council,
        "person": person,
        "url": url,
        "days": INVITATION_DAYS,
        "needs_2fa": role_requires_2fa(invitation),
    }
    with translation.override(person.language or settings.LANGUAGE_CODE):
        if invitation.kind == Invitation.Kind.ENROLMENT:
            subject = _("Ny autentiseringsapp for innloggingen din")
        else:
            subject = _("Invitasjon til %(council)s") % {
                "council": invitation.council.name if invitation.council else ""
            }
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("email/invitation.txt", context),
            to=[invitation.email],
        )
        message.attach_alternative(
            render_to_string("email/invitation.html", context), "text/html"
        )
    queue_mail(
        message,
        kind=f"invitation_{invitation.kind}",
        topic=f"invitation:{invitation.pk}",
        recipient_name=person.name,
    )
    return 1


# Opening and accepting a link ---------------------------------------------------------


def invitation_open(token: str) -> Invitation:
    """The open invitation a link names, or InvitationInvalid with why not."""
    max_age = datetime.timedelta(days=INVITATION_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise InvitationInvalid(_("Lenken er for gammel.")) from None
    except signing.BadSignature:
        raise InvitationInvalid(
            _("Lenken er ikke gyldig. Sjekk at hele lenken kom med.")
        ) from None
    invitation = (
        Invitation.objects.select_related("council", "person", "user")
        .filter(pk=data.get("i"))
        .first()
    )
    if invitation is None or not constant_time_compare(
        invitation.nonce_hash, _nonce_hash(str(data.get("n")))
    ):
        raise InvitationInvalid(
            _("Lenken er erstattet av en nyere. Bruk den siste lenken du fikk.")
        )
    if invitation.accepted_at:
        raise InvitationInvalid(_("Lenken er allerede brukt."))
    if invitation.revoked_at:
        raise InvitationInvalid(_("Lenken er trukket tilbake."))
    if invitation.expires_at <= timezone.now():
        raise InvitationInvalid(_("Lenken er for gammel."))
    return invitation


def totp_device_preview(invitation: Invitation, username: str = "") -> TOTPDevice:
    """An unsaved device with the invitation's key, for its QR code and secret."""
    user_model = get_user_model()
    label = username or (invitation.user.get_username() if invitation.user else "")
    return TOTPDevice(
        key=invitation.totp_key,
        user=user_model(**{user_model.USERNAME_FIELD: label or invitation.email}),
        name="Autentiseringsapp",
    )


def _totp_t(invitation: Invitation, code: str) -> int | None:
    """The time step a code from the invitation's authenticator belongs to, or None."""
    digits = token_digits(code)
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = TOTP(bytes.fromhex(invitation.totp_key), step=TOTP_STEP, digits=6)
    if totp.verify(int(digits), tolerance=1):
        return totp.t()
    return None


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    password: str,
    username: str = "",
    code: str = "",
) -> AbstractBaseUser:
    """Accept an invitation or enrolment: one transaction, all or nothing.

    An invitation makes the login (user name and password) and links the person; an
    enrolment checks the login's password. Where a second factor is needed the code
    from the new app must match, and the app becomes the login's only one. Raises
    ValidationError (by field) or InvitationInvalid.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("council", "person")
        .get(pk=invitation.pk)
    )
    if not invitation.is_open:
        raise InvitationInvalid(_("Lenken er allerede brukt."))
    errors: dict[str, list[str]] = {}
    user_model = get_user_model()
    if invitation.kind == Invitation.Kind.ENROLMENT:
        user = invitation.user
        if user is None or not user.is_active or not user.check_password(password):
            errors["password"] = [_("Passordet stemmer ikke.")]
    else:
        user = invitation.person.user
        if user is None:
            username = username.strip()
            if not username:
                errors["username"] = [_("Velg et brukernavn.")]
            elif user_model.objects.filter(username__iexact=username).exists():
                errors["username"] = [_("Brukernavnet er tatt. Velg et annet.")]
            user = user_model(username=username, email=invitation.email)
            user.first_name = invitation.person.name[:150]
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            errors["password"] = list(error.messages)
    verified_t = None
    if role_requires_2fa(invitation):
        verified_t = _totp_t(invitation, code)
        if verified_t is None:
            errors["code"] = [
                _(
                    "Koden stemmer ikke. Sjekk at klokken på telefonen er riktig, og "
                    "skriv inn koden appen viser nå."
                )
            ]
    if errors:
        raise ValidationError(errors)

    if invitation.kind == Invitation.Kind.LOGIN:
        user.set_password(password)
        user.is_active = True
        user.save()
        person = invitation.person
        if person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user", "updated_at"])
        if invitation.role == Invitation.Role.SECRETARIAT and invitation.council:
            invitation.council.secretariat_users.add(user)
    if verified_t is not None:
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.create(
            user=user,
            name="Autentiseringsapp",
            key=invitation.totp_key,
            confirmed=True,
            # The code just given cannot be used again to log in.
            last_t=verified_t,
        )
    invitation.user = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["user", "accepted_at"])
    return user


# Logins -------------------------------------------------------------------------------


@transaction.atomic
def login_deactivate(
    *, by: AbstractBaseUser, council: Council, user: AbstractBaseUser
) -> None:
    """Switch a login off: it can no longer log in, and its sessions end. The person
    and what they wrote stay."""
    _require(may_manage_login(by, council, user) and by.pk != user.pk)
    user.is_active = False
    user.save(update_fields=["is_active"])
    Invitation.objects.filter(user=user, accepted_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    user_sessions_end_all(user=user)


@transaction.atomic
def login_reactivate(
    *, by: AbstractBaseUser, council: Council, user: AbstractBaseUser
) -> None:
    _require(may_manage_login(by, council, user))
    user.is_active = True
    user.save(update_fields=["is_active"])
