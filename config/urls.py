from django.contrib import admin
from django.urls import include, path

from minutes import views_health

urlpatterns = [
    path("healthz", views_health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
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
