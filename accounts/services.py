"""Rules for logging in safely: who needs a second factor, setting one up, recovery
codes, ending every session of a user, and the client's address for rate limits."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from council.access import member_councils, served_councils

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Gjenopprettingskoder"


def user_requires_2fa(user: AbstractBaseUser) -> bool:
    """Administrators and secretariats always; members where their council says so."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if served_councils(user).exists():
        return True
    return member_councils(user).filter(members_require_2fa=True).exists()


def user_has_2fa(user: AbstractBaseUser) -> bool:
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def user_must_verify(user: AbstractBaseUser) -> bool:
    """Whether a password alone is not enough for this user: 2FA is required, or the
    user chose it."""
    return user_has_2fa(user) or user_requires_2fa(user)


def totp_device_start(*, user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up; one at a time, so a
    reloaded setup page keeps showing the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=TOTP_DEVICE_NAME, confirmed=False
        )
    return device


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm a new authenticator with a code from it; it replaces any older one."""
    if device.confirmed or not device.verify_token(token_digits(token)):
        return False
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def recovery_codes_create(*, user: AbstractBaseUser) -> list[str]:
    """New one-time recovery codes; every older code stops working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(
        user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def token_digits(token: str) -> str:
    """A typed code without the spaces and dashes people add: «123 456» → «123456»."""
    return "".join(token.split()).replace("-", "").lower()


def is_totp_code(token: str) -> bool:
    return len(token) == 6 and token.isdigit()


def totp_secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an authenticator app."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code in a data: URI (no script, no CDN)."""
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=10,
    )
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode(
        "ascii"
    )


def user_sessions_end_all(*, user: AbstractBaseUser) -> int:
    """End every session of the user, in every browser; returns how many.

    Sessions live in the database (Django's default engine); each is decoded to find
    its user, which is cheap for the few hundred live sessions of a council site.
    """
    user_id = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) == user_id
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


# django-axes keeps the user name of every failed login in a 255-character column;
# a longer name typed by anyone must not make PostgreSQL refuse the row (a 500).
AXES_USERNAME_LENGTH = 255


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The user name axes records for a login attempt, cut to fit its column."""
    source = credentials if credentials is not None else request.POST
    return str(source.get("username") or "")[:AXES_USERNAME_LENGTH]
