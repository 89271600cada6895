from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Login security: two-factor authentication, lockout, sessions, rate limits."""

    name = "accounts"
    verbose_name = _("Konto og innlogging")
