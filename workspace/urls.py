"""The secretariat's workspace under /arbeid/. Every URL is for a council's
secretariat only: anonymous users are sent to login, everyone else gets 404."""

from django.urls import path

from workspace.views import meetings as ws
from workspace.views import minute_taking as wsmin
from workspace.views import register as views_members
from workspace.views import summons as wsm

app_name = "workspace"

urlpatterns = [
    path("", ws.dashboard, name="dashboard"),
    # /arbeid/rad/<council>/
    path("rad/<slug:council_slug>/", ws.council_meetings, name="council"),
    path(
        "rad/<slug:council_slug>/nytt-mote/", ws.meeting_create, name="meeting_create"
    ),
    path("rad/<slug:council_slug>/medlemmer/", views_members.members, name="members"),
    path(
        "rad/<slug:council_slug>/medlemmer/<int:membership_id>/",
        views_members.membership_edit,
        name="membership_edit",
    ),
    path(
        "rad/<slug:council_slug>/medlemmer/<int:membership_id>/slett/",
        views_members.membership_delete,
        name="membership_delete",
    ),
    path(
        "rad/<slug:council_slug>/virksomheter/",
        views_members.organisations,
        name="organisations",
    ),
    path(
        "rad/<slug:council_slug>/virksomheter/<int:organisation_id>/",
        views_members.organisation_edit,
        name="organisation_edit",
    ),
    path("rad/<slug:council_slug>/sektorer/", views_members.sectors, name="sectors"),
    path(
        "rad/<slug:council_slug>/sektorer/<int:sector_id>/",
        views_members.sector_edit,
        name="sector_edit",
    ),
    # /arbeid/mote/<id>/
    path("mote/<int:meeting_id>/", ws.meeting_detail, name="meeting"),
    path("mote/<int:meeting_id>/rediger/", ws.meeting_edit, name="meeting_edit"),
    path("mote/<int:meeting_id>/ny-sak/", ws.item_add, name="item_add"),
    path(
        "mote/<int:meeting_id>/vedlegg/", ws.attachment_upload, name="attachment_upload"
    ),
    path("mote/<int:meeting_id>/innkalling/", wsm.summons, name="summons"),
    path("mote/<int:meeting_id>/oppmote/", wsm.attendance, name="attendance"),
    path(
        "mote/<int:meeting_id>/oppmote/ny/",
        wsm.attendance_add_view,
        name="attendance_add",
    ),
    path("mote/<int:meeting_id>/referat/", wsmin.minute_taking, name="minute"),
    path(
        "oppmote/<int:attendance_id>/fjern/",
        wsm.attendance_remove_view,
        name="attendance_remove",
    ),
    # /arbeid/sak/<id>/
    path("sak/<int:item_id>/", ws.item_edit, name="item"),
    path("sak/<int:item_id>/flytt/", ws.item_move, name="item_move"),
    path("sak/<int:item_id>/slett/", ws.item_delete, name="item_delete"),
    path("sak/<int:item_id>/historikk/", wsmin.item_history, name="item_history"),
    path("sak/<int:item_id>/innspill/", wsmin.input_create, name="input_create"),
    path("innspill/<int:input_id>/", wsmin.input_action, name="input_action"),
    # Autosave: one field of an item (sak), input (innspill) or decision (vedtak).
    path(
        "lagre/<str:kind>/<int:pk>/<str:field>/",
        wsmin.content_field_save,
        name="save",
    ),
    path(
        "vedlegg/<int:attachment_id>/",
        ws.attachment_download,
        name="attachment_download",
    ),
    path(
        "vedlegg/<int:attachment_id>/endre/",
        ws.attachment_update,
        name="attachment_update",
    ),
]
