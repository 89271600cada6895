"""Public addresses of earlier published versions of corrected minutes."""

from django.urls import path

from minutes import views_review

app_name = "versions"

urlpatterns = [
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/versjon/<int:version>/",
        views_review.public_version,
        name="version",
    ),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/versjon/<int:version>/pdf/",
        views_review.public_version_pdf,
        name="version_pdf",
    ),
]
