"""Account security pages under /konto/: the second factor, recovery codes, ending
every session, and the lockout page shown after too many wrong passwords."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import invitations, services
from accounts.forms import CodeForm, EmailLanguageForm, InvitationAcceptForm
from accounts.models import Invitation
from core.ratelimit import hit
from council.models import Person

# Recovery codes are shown once, on the page right after they were made.
NEW_CODES_SESSION_KEY = "accounts_new_recovery_codes"


def _next_url(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return settings.LOGIN_REDIRECT_URL


def _with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def _verified(request: HttpRequest, device) -> None:
    otp_login(request, device)
    # A new key for the now fully trusted session.
    request.session.cycle_key()


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    person = Person.objects.filter(user=user).first()
    form = None
    if person is not None:
        form = EmailLanguageForm(request.POST or None, instance=person)
    if request.method == "POST":
        if form is None:
            return redirect("accounts:account")
        if form.is_valid():
            # Only this private field: the public pages need not be rebuilt.
            form.save(commit=False).save(update_fields=["language", "updated_at"])
            messages.success(
                request,
                _("E-post fra rådet kommer nå på engelsk.")
                if person.language == "en"
                else _("E-post fra rådet kommer nå på norsk bokmål."),
            )
            return redirect("accounts:account")
    return render(
        request,
        "accounts/account.html",
        {
            "has_2fa": services.user_has_2fa(user),
            "requires_2fa": services.user_requires_2fa(user),
            "codes_left": services.recovery_codes_left(user),
            "language_form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the app, or a recovery code."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not services.user_has_2fa(user):
        return redirect(_with_next("accounts:otp_setup", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = services.token_digits(form.cleaned_data["code"])
        model = TOTPDevice if services.is_totp_code(token) else StaticDevice
        devices = [d for d in devices_for_user(user) if isinstance(d, model)]
        throttled = False
        for device in devices:
            allowed, _data = device.verify_is_allowed()
            if not allowed:
                throttled = True
            elif device.verify_token(token):
                _verified(request, device)
                if model is StaticDevice:
                    messages.warning(
                        request,
                        _(
                            "Du logget inn med en gjenopprettingskode. Du har "
                            "%(count)s igjen."
                        )
                        % {"count": services.recovery_codes_left(user)},
                    )
                return redirect(next_url)
        if throttled:
            form.add_error(
                "code", _("For mange feil forsøk. Vent litt, og prøv igjen.")
            )
        else:
            form.add_error("code", _("Koden stemmer ikke. Prøv igjen."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app: scan or type the secret, confirm
    with a code, then see the recovery codes once."""
    user = request.user
    next_url = _next_url(request)
    if services.user_has_2fa(user) and not user.is_verified():
        # Replacing the app needs the current one: a password alone is not enough.
        return redirect(_with_next("accounts:otp_verify", next_url))
    if not services.user_has_2fa(user) and services.user_requires_2fa(user):
        # Whoever has the password must not own the account: a login that needs a
        # second factor gets its first app through an invitation or enrolment link.
        return redirect(_with_next("accounts:otp_missing", next_url))
    device = services.totp_device_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error(
                "code", _("For mange feil forsøk. Vent litt, og prøv igjen.")
            )
        elif services.totp_device_confirm(
            device=device, token=form.cleaned_data["code"]
        ):
            _verified(request, device)
            request.session[NEW_CODES_SESSION_KEY] = services.recovery_codes_create(
                user=user
            )
            messages.success(request, _("Tofaktorinnlogging er slått på."))
            return redirect(_with_next("accounts:recovery_codes", next_url))
        else:
            form.add_error(
                "code",
                _(
                    "Koden stemmer ikke. Sjekk at klokken på telefonen er riktig, og "
                    "skriv inn koden appen viser nå."
                ),
            )
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "next": next_url,
            "secret": services.totp_secret_text(device),
            "qr_code": services.totp_qr_data_uri(device),
            "replacing": services.user_has_2fa(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes on request; fresh ones are shown once."""
    user = request.user
    if not services.user_has_2fa(user):
        return redirect("accounts:otp_setup")
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = services.recovery_codes_create(
            user=user
        )
        messages.success(
            request,
            _("Nye gjenopprettingskoder er laget. De gamle virker ikke lenger."),
        )
        return redirect("accounts:recovery_codes")
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": request.session.pop(NEW_CODES_SESSION_KEY, None),
            "codes_left": services.recovery_codes_left(user),
            "next": _next_url(request),
        },
    )


@login_required
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of the user, this one and those in other browsers."""
    services.user_sessions_end_all(user=request.user)
    logout(request)
    messages.success(
        request, _("Du er logget ut på alle enheter. Logg inn igjen for å fortsette.")
    )
    return redirect("login")


def locked_out(request: HttpRequest, original_response=None, credentials=None):
    """django-axes' lockout answer: the login page with a plain Norwegian message."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


# Invitations -------------------------------------------------------------------------

INVITATION_ATTEMPTS = 10
INVITATION_WINDOW = 15 * 60


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation (a new login) or an enrolment (a new authenticator app):
    password and, where the role needs it, the app's first code, in one step."""
    try:
        invite = invitations.invitation_open(token)
    except invitations.InvitationInvalid as why:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"reason": str(why)},
            status=410,
        )
    new_login = invite.kind == Invitation.Kind.LOGIN and invite.person.user_id is None
    needs_code = invitations.role_requires_2fa(invite)
    form = InvitationAcceptForm(
        request.POST or None, new_login=new_login, needs_code=needs_code
    )
    if request.method == "POST":
        # Codes are six digits: a link's page may be tried a few times, not guessed.
        if hit(
            "invitation",
            str(invite.pk),
            limit=INVITATION_ATTEMPTS,
            seconds=INVITATION_WINDOW,
        ):
            form.is_valid()
            form.add_error(None, _("For mange feil forsøk. Vent litt, og prøv igjen."))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                user = invitations.invitation_accept(
                    invitation=invite,
                    username=data.get("username", ""),
                    password=data["password"],
                    code=data.get("code", ""),
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            except invitations.InvitationInvalid as why:
                return render(
                    request,
                    "accounts/invitation_invalid.html",
                    {"reason": str(why)},
                    status=410,
                )
            else:
                return _invitation_accepted(request, user, needs_code)
    device = invitations.totp_device_preview(invite)
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": invite,
            "form": form,
            "new_login": new_login,
            "needs_code": needs_code,
            "secret": services.totp_secret_text(device),
            "qr_code": services.totp_qr_data_uri(device) if needs_code else "",
        },
    )


def _invitation_accepted(request: HttpRequest, user, with_app: bool) -> HttpResponse:
    """Log the person in, fully: they have just shown the password and the app."""
    if request.user.is_authenticated:
        logout(request)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if with_app:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        _verified(request, device)
        request.session[NEW_CODES_SESSION_KEY] = services.recovery_codes_create(
            user=user
        )
        messages.success(
            request, _("Velkommen! Innloggingen din er klar, med tofaktorinnlogging.")
        )
        return redirect("accounts:recovery_codes")
    messages.success(request, _("Velkommen! Innloggingen din er klar."))
    return redirect(settings.LOGIN_REDIRECT_URL)


@login_required
def otp_missing(request: HttpRequest) -> HttpResponse:
    """A login that needs a second factor and has no app: a password alone does not
    set one up; the secretariat or the operator sends an enrolment link."""
    if services.user_has_2fa(request.user) or not services.user_requires_2fa(
        request.user
    ):
        return redirect(_next_url(request))
    return render(request, "accounts/otp_missing.html")
