from django.urls import path

from minutes import views_review

app_name = "review"

urlpatterns = [
    path("", views_review.review_index, name="index"),
    # /gjennomsyn/<meeting>/: members and secretariat
    path("<int:meeting_id>/", views_review.review_read, name="read"),
    path("<int:meeting_id>/kommentar/", views_review.review_comment, name="comment"),
    path("<int:meeting_id>/svar/", views_review.review_decide, name="decide"),
    path("<int:meeting_id>/sammenlign/", views_review.review_compare, name="compare"),
    # /gjennomsyn/<meeting>/sekretariat/: the council's secretariat only
    path(
        "<int:meeting_id>/sekretariat/",
        views_review.review_dashboard,
        name="dashboard",
    ),
    path("<int:meeting_id>/send/", views_review.review_send, name="send"),
    path(
        "<int:meeting_id>/kommentar/<int:comment_id>/svar/",
        views_review.review_resolve,
        name="resolve",
    ),
    path(
        "<int:meeting_id>/godkjenn-i-mote/",
        views_review.review_approve_at_meeting,
        name="approve_at_meeting",
    ),
    path(
        "<int:meeting_id>/godkjenn/",
        views_review.review_approve_online,
        name="approve_online",
    ),
    path("<int:meeting_id>/publiser/", views_review.review_publish, name="publish"),
    path("<int:meeting_id>/rett/", views_review.review_correct, name="correct"),
    path("<int:meeting_id>/historikk/", views_review.review_history, name="history"),
]
