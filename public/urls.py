"""What anyone may read. Fixed paths first: council slugs live at the root
(council.models.RESERVED_SLUGS)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from public import views, views_decisions, views_pdf, views_versions
from public.calendars import council_calendar
from public.feeds import CouncilMinutesFeed
from public.sitemaps import SITEMAPS

app_name = "public"

MEETING = "<slug:council_slug>/mote/<int:year>/<int:number>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    path("virksomhet/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # /<council>/
    path("<slug:council_slug>/", views.council_detail, name="council"),
    path(
        "<slug:council_slug>/referater.atom", CouncilMinutesFeed(), name="council_feed"
    ),
    path("<slug:council_slug>/moter.ics", council_calendar, name="council_calendar"),
    path(
        "<slug:council_slug>/vedtak/",
        views_decisions.decision_register,
        name="decisions",
    ),
    path(
        "<slug:council_slug>/sak/<int:year>/<int:number>/",
        views.item_detail,
        name="item",
    ),
    # Reports numbered on their own («RS 3/24»); procedural points («Pkt. 1») are
    # numbered per meeting, so they live under it.
    path(
        "<slug:council_slug>/referatsak/<int:year>/<int:number>/",
        views.item_detail,
        {"series": "report"},
        name="report_item",
    ),
    # /<council>/mote/<year>/<number>/
    path(MEETING, views.meeting_detail, name="meeting"),
    path(f"{MEETING}referat.pdf", views_pdf.minutes_pdf, name="minutes_pdf"),
    path(
        f"{MEETING}punkt/<int:point>/",
        views.procedural_item_detail,
        name="procedural_item",
    ),
    path(
        f"{MEETING}vedlegg/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        f"{MEETING}versjon/<int:version>/",
        views_versions.public_version,
        name="version",
    ),
    path(
        f"{MEETING}versjon/<int:version>/pdf/",
        views_versions.public_version_pdf,
        name="version_pdf",
    ),
]
