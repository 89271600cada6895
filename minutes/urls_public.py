from django.contrib.sitemaps.views import sitemap
from django.urls import path

from minutes import views_public
from minutes.calendars import council_calendar
from minutes.feeds import CouncilMinutesFeed
from minutes.sitemaps import SITEMAPS

app_name = "public"

# Fixed paths first: council slugs live at the root (council.models.RESERVED_SLUGS).
urlpatterns = [
    path("", views_public.home, name="home"),
    path("sok/", views_public.search, name="search"),
    path("tilgjengelighet/", views_public.accessibility, name="accessibility"),
    path(
        "virksomhet/<slug:slug>/",
        views_public.organisation_detail,
        name="organisation",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # /<council>/
    path("<slug:council_slug>/", views_public.council_detail, name="council"),
    path(
        "<slug:council_slug>/referater.atom",
        CouncilMinutesFeed(),
        name="council_feed",
    ),
    path("<slug:council_slug>/moter.ics", council_calendar, name="council_calendar"),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/",
        views_public.meeting_detail,
        name="meeting",
    ),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/vedlegg/<int:attachment_id>/",
        views_public.attachment_download,
        name="attachment",
    ),
    path(
        "<slug:council_slug>/sak/<int:year>/<int:number>/",
        views_public.item_detail,
        name="item",
    ),
]
