"""Account pages under /konto/: login, logout, password change and reset, and the
absence link from the summons."""

from django.contrib.auth import views as auth_views
from django.urls import path

from minutes import views_account

urlpatterns = [
    path("logg-inn/", views_account.LoginView.as_view(), name="login"),
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
        auth_views.PasswordResetView.as_view(),
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
    path("forfall/<str:token>/", views_account.absence_report, name="absence_report"),
]
