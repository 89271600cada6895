from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from minutes import views_health

urlpatterns = [
    path("healthz", views_health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Choosing a language needs no CSRF token: a forged request can only switch the
    # visitor's language, and without a token every public page is the same for all
    # visitors, so whole pages can be cached (minutes/views_public.py).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("konto/", include("minutes.urls_account")),
    path("konto/", include("accounts.urls")),
    path("arbeid/", include("minutes.urls_workspace")),
    path("api/", include("api.urls")),
    path("", include("minutes.urls_pdf")),
    path("gjennomsyn/", include("minutes.urls_review")),
    path("", include("minutes.urls_versions")),
    # Public pages last: council slugs live at the root.
    path("", include("minutes.urls_public")),
]
