from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from api import views

app_name = "api"


def _object(prefix: str, kind: str, list_view, detail_view) -> list:
    return [
        path(f"{prefix}/", list_view.as_view(), name=f"{kind}-list"),
        path(f"{prefix}/<int:pk>/", detail_view.as_view(), name=f"{kind}-detail"),
    ]


urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("system/", views.SystemView.as_view(), name="system-list"),
    # /api/bodies/<slug>/
    path("bodies/", views.BodyList.as_view(), name="body-list"),
    path("bodies/<slug:slug>/", views.BodyDetail.as_view(), name="body-detail"),
    *_object(
        "organizations",
        "organization",
        views.OrganizationList,
        views.OrganizationDetail,
    ),
    *_object("persons", "person", views.PersonList, views.PersonDetail),
    *_object("memberships", "membership", views.MembershipList, views.MembershipDetail),
    *_object("meetings", "meeting", views.MeetingList, views.MeetingDetail),
    path(
        "meetings/<int:pk>/minutes/",
        views.MeetingMinutes.as_view(),
        name="meeting-minutes",
    ),
    path("referat.schema.json", views.minutes_schema, name="minutes-schema"),
    path(
        "upcoming-meetings/", views.UpcomingMeetings.as_view(), name="upcoming-meetings"
    ),
    *_object(
        "agenda-items", "agendaitem", views.AgendaItemList, views.AgendaItemDetail
    ),
    *_object("inputs", "input", views.InputList, views.InputDetail),
    *_object("decisions", "decision", views.DecisionList, views.DecisionDetail),
    *_object("files", "file", views.FileList, views.FileDetail),
    path(
        "files/<int:pk>/download/", views.FileDownload.as_view(), name="file-download"
    ),
    re_path(r"^(?P<rest>[\s\S]*)$", views.not_found),
]
