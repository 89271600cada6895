from django.urls import path

from minutes import views_pdf

app_name = "pdf"

urlpatterns = [
    # /<council>/mote/<year>/<number>/…pdf
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/referat.pdf",
        views_pdf.minutes_pdf,
        name="minutes",
    ),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/utkast.pdf",
        views_pdf.draft_pdf,
        name="draft",
    ),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/innkalling.pdf",
        views_pdf.summons_pdf,
        name="summons",
    ),
]
