"""/konto/: the account page, two-factor authentication, logging out everywhere."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("tofaktor/", views.otp_verify, name="otp_verify"),
    path("tofaktor/oppsett/", views.otp_setup, name="otp_setup"),
    path(
        "tofaktor/gjenopprettingskoder/",
        views.recovery_codes,
        name="recovery_codes",
    ),
    path("logg-ut-overalt/", views.logout_everywhere, name="logout_everywhere"),
]
