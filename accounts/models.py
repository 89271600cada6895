"""Invitations: how a person gets a login, and how a login gets a new authenticator.

A link (accounts/invitations.py) is signed, works once and for seven days; resending
makes a new link and the old one stops working; revoking stops it at once.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models import Council, Person


class Invitation(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Ny innlogging")
        ENROLMENT = "enrolment", _("Ny autentiseringsapp")

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Sekretariat")
        MEMBER = "member", _("Medlem")

    kind = models.CharField(
        _("type"), max_length=12, choices=Kind.choices, default=Kind.LOGIN
    )
    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-post"))
    # The login an enrolment is for; the login made when an invitation is accepted.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("innlogging"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    # SHA-256 of the secret in the current link: resending replaces it.
    nonce_hash = models.CharField(max_length=64, editable=False)
    # The authenticator's key, made with the link: the page shows it as a QR code and
    # the device is created only when its first code is confirmed.
    totp_key = models.CharField(max_length=80, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitert av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    sent_at = models.DateTimeField(_("sendt"), default=timezone.now)
    expires_at = models.DateTimeField(_("utløper"))
    accepted_at = models.DateTimeField(_("tatt i bruk"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.person} ({self.email})"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
