from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Login security: two-factor authentication, lockout, sessions, rate limits."""

    name = "accounts"
    verbose_name = _("Konto og innlogging")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from accounts.throttle import count_failed_login

        # Every failed authenticate() with a request: our login form and the admin's.
        user_login_failed.connect(
            count_failed_login, dispatch_uid="accounts.count_failed_login"
        )
