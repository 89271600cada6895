from django.contrib import admin
from django.urls import include, path

from minutes import views_health

urlpatterns = [
    path("healthz", views_health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Public pages last: council slugs live at the root.
    path("", include("minutes.urls_public")),
]
