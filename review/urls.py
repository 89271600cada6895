"""Members' review under /gjennomsyn/, and the addresses a member follows from mail:
the absence link and the draft and summons PDFs at the meeting's address."""

from django.urls import path

from review import views, views_absence, views_pdf

app_name = "review"

MEETING = "<slug:council_slug>/mote/<int:year>/<int:number>/"

urlpatterns = [
    path("gjennomsyn/", views.review_index, name="index"),
    # /gjennomsyn/rad/<council>/oppfolging/: members and secretariat read follow-up
    path(
        "gjennomsyn/rad/<slug:council_slug>/oppfolging/",
        views.council_followups,
        name="followups",
    ),
    # /gjennomsyn/<meeting>/: members and secretariat
    path("gjennomsyn/<int:meeting_id>/", views.review_read, name="read"),
    path(
        "gjennomsyn/<int:meeting_id>/kommentar/", views.review_comment, name="comment"
    ),
    path("gjennomsyn/<int:meeting_id>/svar/", views.review_decide, name="decide"),
    path(
        "gjennomsyn/<int:meeting_id>/sammenlign/", views.review_compare, name="compare"
    ),
    # /gjennomsyn/<meeting>/sekretariat/: the council's secretariat only
    path(
        "gjennomsyn/<int:meeting_id>/sekretariat/",
        views.review_dashboard,
        name="dashboard",
    ),
    path("gjennomsyn/<int:meeting_id>/send/", views.review_send, name="send"),
    path(
        "gjennomsyn/<int:meeting_id>/kommentar/<int:comment_id>/svar/",
        views.review_resolve,
        name="resolve",
    ),
    path(
        "gjennomsyn/<int:meeting_id>/godkjenn-i-mote/",
        views.review_approve_at_meeting,
        name="approve_at_meeting",
    ),
    path(
        "gjennomsyn/<int:meeting_id>/godkjenn/",
        views.review_approve_online,
        name="approve_online",
    ),
    path("gjennomsyn/<int:meeting_id>/publiser/", views.review_publish, name="publish"),
    path("gjennomsyn/<int:meeting_id>/rett/", views.review_correct, name="correct"),
    path(
        "gjennomsyn/<int:meeting_id>/historikk/", views.review_history, name="history"
    ),
    # The absence link in the summons e-mail.
    path(
        "konto/forfall/<str:token>/",
        views_absence.absence_report,
        name="absence_report",
    ),
    # Drafts and summonses at the meeting's address, for members and secretariat.
    path(f"{MEETING}utkast.pdf", views_pdf.draft_pdf, name="draft_pdf"),
    path(f"{MEETING}innkalling.pdf", views_pdf.summons_pdf, name="summons_pdf"),
    path(
        f"{MEETING}innkalling/<int:version>.pdf",
        views_pdf.summons_version_pdf,
        name="summons_version_pdf",
    ),
]
