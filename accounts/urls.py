"""All of /konto/: login, logout, password change and reset (Django's names, without
a namespace, as its views expect), and the account page, two-factor authentication
and logging out everywhere (namespace «accounts»)."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views, views_login

account_patterns = (
    [
        path("", views.account, name="account"),
        path("tofaktor/", views.otp_verify, name="otp_verify"),
        path("tofaktor/oppsett/", views.otp_setup, name="otp_setup"),
        path("tofaktor/mangler/", views.otp_missing, name="otp_missing"),
        path("invitasjon/<str:token>/", views.invitation, name="invitation"),
        path(
            "tofaktor/gjenopprettingskoder/",
            views.recovery_codes,
            name="recovery_codes",
        ),
        path("logg-ut-overalt/", views.logout_everywhere, name="logout_everywhere"),
    ],
    "accounts",
)

urlpatterns = [
    path("logg-inn/", views_login.LoginView.as_view(), name="login"),
    # Django's LogoutView accepts POST only.
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "passord/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "passord/endret/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "glemt-passord/",
        views_login.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "glemt-passord/sendt/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "tilbakestill/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "tilbakestill/ferdig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include(account_patterns)),
]
