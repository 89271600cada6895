"""The secretariat's workspace under /arbeid/. Every URL is for a council's
secretariat only: anonymous users are sent to login, everyone else gets 404."""

from django.urls import path

from workspace.views import (
    council_setup,
    followup,
    formal,
    importing,
    logins,
    meetings,
    minute_taking,
    register,
    summons,
)

app_name = "workspace"

urlpatterns = [
    path("", meetings.dashboard, name="dashboard"),
    path("nytt-rad/", council_setup.council_new, name="council_new"),
    path(
        "rad/<slug:council_slug>/innstillinger/",
        council_setup.council_settings,
        name="council_settings",
    ),
    path(
        "rad/<slug:council_slug>/sekretariat/inviter/",
        logins.secretary_invite,
        name="secretary_invite",
    ),
    path(
        "rad/<slug:council_slug>/medlemmer/<int:membership_id>/inviter/",
        logins.member_invite,
        name="member_invite",
    ),
    path(
        "rad/<slug:council_slug>/invitasjoner/<int:invitation_id>/send-igjen/",
        logins.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "rad/<slug:council_slug>/invitasjoner/<int:invitation_id>/trekk-tilbake/",
        logins.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "rad/<slug:council_slug>/innlogginger/<int:user_id>/ny-app/",
        logins.login_enrol,
        name="login_enrol",
    ),
    path(
        "rad/<slug:council_slug>/innlogginger/<int:user_id>/aktiv/",
        logins.login_active,
        name="login_active",
    ),
    # /arbeid/rad/<council>/
    path("rad/<slug:council_slug>/", meetings.council_meetings, name="council"),
    path(
        "rad/<slug:council_slug>/nytt-mote/",
        meetings.meeting_create,
        name="meeting_create",
    ),
    path("rad/<slug:council_slug>/medlemmer/", register.members, name="members"),
    # Importing past minutes: upload, check and correct, save (or discard).
    path(
        "rad/<slug:council_slug>/importer/",
        importing.import_upload,
        name="import",
    ),
    path(
        "rad/<slug:council_slug>/importer/<uuid:import_id>/",
        importing.import_review,
        name="import_review",
    ),
    path(
        "rad/<slug:council_slug>/importer/<uuid:import_id>/forkast/",
        importing.import_discard,
        name="import_discard",
    ),
    path(
        "innspill/<int:input_id>/unntak/",
        meetings.input_exemption,
        name="input_exemption",
    ),
    path(
        "rad/<slug:council_slug>/medlemmer/<int:membership_id>/",
        register.membership_edit,
        name="membership_edit",
    ),
    path(
        "rad/<slug:council_slug>/medlemmer/<int:membership_id>/slett/",
        register.membership_delete,
        name="membership_delete",
    ),
    path(
        "rad/<slug:council_slug>/virksomheter/",
        register.organisations,
        name="organisations",
    ),
    path(
        "rad/<slug:council_slug>/virksomheter/<int:organisation_id>/",
        register.organisation_edit,
        name="organisation_edit",
    ),
    path("rad/<slug:council_slug>/sektorer/", register.sectors, name="sectors"),
    path(
        "rad/<slug:council_slug>/sektorer/<int:sector_id>/",
        register.sector_edit,
        name="sector_edit",
    ),
    path("rad/<slug:council_slug>/oppfolging/", followup.followups, name="followups"),
    # /arbeid/mote/<id>/
    path("mote/<int:meeting_id>/", meetings.meeting_detail, name="meeting"),
    path("mote/<int:meeting_id>/rediger/", meetings.meeting_edit, name="meeting_edit"),
    path("mote/<int:meeting_id>/ny-sak/", meetings.item_add, name="item_add"),
    path(
        "mote/<int:meeting_id>/lim-inn-saker/",
        meetings.agenda_paste,
        name="agenda_paste",
    ),
    path(
        "mote/<int:meeting_id>/vedlegg/",
        meetings.attachment_upload,
        name="attachment_upload",
    ),
    path("mote/<int:meeting_id>/innkalling/", summons.summons, name="summons"),
    path(
        "mote/<int:meeting_id>/epost/<int:mail_id>/send-igjen/",
        summons.mail_resend,
        name="mail_resend",
    ),
    path("mote/<int:meeting_id>/oppmote/", summons.attendance, name="attendance"),
    path(
        "mote/<int:meeting_id>/oppmote/ny/",
        summons.attendance_add_view,
        name="attendance_add",
    ),
    path("mote/<int:meeting_id>/referat/", minute_taking.minute_taking, name="minute"),
    path(
        "mote/<int:meeting_id>/tilleggssak/",
        minute_taking.late_item_add,
        name="late_item_add",
    ),
    path(
        "oppmote/<int:attendance_id>/fjern/",
        summons.attendance_remove_view,
        name="attendance_remove",
    ),
    # /arbeid/sak/<id>/
    path("sak/<int:item_id>/", meetings.item_edit, name="item"),
    path("sak/<int:item_id>/flytt/", meetings.item_move, name="item_move"),
    path("sak/<int:item_id>/slett/", meetings.item_delete, name="item_delete"),
    path(
        "sak/<int:item_id>/behandling/",
        minute_taking.item_handling,
        name="item_handling",
    ),
    path(
        "sak/<int:item_id>/historikk/", minute_taking.item_history, name="item_history"
    ),
    path(
        "sak/<int:item_id>/innspill/", minute_taking.input_create, name="input_create"
    ),
    path(
        "sak/<int:item_id>/oppfolging/",
        followup.item_followups,
        name="item_followups",
    ),
    # The formal elements under an item: votes, statements, disqualifications.
    path("sak/<int:item_id>/votering/", formal.vote_create, name="vote_create"),
    path(
        "sak/<int:item_id>/protokolltilforsel/",
        formal.protocol_entry_create,
        name="protocol_entry_create",
    ),
    path(
        "sak/<int:item_id>/inhabilitet/",
        formal.disqualification_create,
        name="disqualification_create",
    ),
    path(
        "formelt/<str:kind>/<int:pk>/slett/",
        formal.formal_remove,
        name="formal_remove",
    ),
    # /arbeid/oppfolging/<id>/: one follow-up of a decision
    path("oppfolging/<int:followup_id>/", followup.followup_edit, name="followup"),
    path(
        "oppfolging/<int:followup_id>/merknad/",
        followup.followup_note,
        name="followup_note",
    ),
    path(
        "oppfolging/<int:followup_id>/slett/",
        followup.followup_delete,
        name="followup_delete",
    ),
    path("innspill/<int:input_id>/", minute_taking.input_action, name="input_action"),
    path(
        "vedtak/<int:decision_id>/som-foreslatt/",
        minute_taking.decision_adopt,
        name="decision_adopt",
    ),
    # Autosave: one field of an item (sak), input (innspill) or decision (vedtak).
    path(
        "lagre/<str:kind>/<int:pk>/<str:field>/",
        minute_taking.content_field_save,
        name="save",
    ),
    path(
        "vedlegg/<int:attachment_id>/",
        meetings.attachment_download,
        name="attachment_download",
    ),
    path(
        "vedlegg/<int:attachment_id>/endre/",
        meetings.attachment_update,
        name="attachment_update",
    ),
]
