"""One include per app; fixed prefixes first, public pages last (council slugs live at
the root)."""

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Choosing a language needs no CSRF token: a forged request can only switch the
    # visitor's language, and without a token every public page is the same for all
    # visitors, so whole pages can be cached (core/cache.py).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("konto/", include("accounts.urls")),
    path("arbeid/", include("workspace.urls")),
    path("api/", include("api.urls")),
    # /gjennomsyn/, the absence link and the members' PDFs at a meeting's address.
    path("", include("review.urls")),
    path("", include("public.urls")),
]
