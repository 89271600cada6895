from django.urls import path

from minutes import views_public

app_name = "public"

urlpatterns = [
    path("", views_public.home, name="home"),
    # /<council>/
    path("<slug:council_slug>/", views_public.council_detail, name="council"),
    path(
        "<slug:council_slug>/mote/<int:year>/<int:number>/",
        views_public.meeting_detail,
        name="meeting",
    ),
    path(
        "<slug:council_slug>/sak/<int:year>/<int:number>/",
        views_public.item_detail,
        name="item",
    ),
]
