"""Atom feed of a council's published minutes: subscribe in a feed reader."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from council.models import Council
from minutes.models import Minutes
from minutes.public import public_minutes, published_documents

FEED_SIZE = 50


class CouncilMinutesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, council_slug: str) -> Council:
        return get_object_or_404(Council, slug=council_slug)

    def title(self, council: Council) -> str:
        return _("Referater fra %(council)s") % {"council": council.name}

    def subtitle(self, council: Council) -> str:
        return _("Nye og rettede referater fra møtene i %(council)s.") % {
            "council": council.name
        }

    def link(self, council: Council) -> str:
        return council.get_absolute_url()

    def feed_url(self, council: Council) -> str:
        return reverse("public:council_feed", args=[council.slug])

    def items(self, council: Council) -> list[Minutes]:
        # Two queries, however many meetings: the minutes, then their published
        # versions, whose documents say what the feed shows.
        minutes = list(
            public_minutes()
            .filter(meeting__council=council)
            .select_related("meeting", "meeting__council")
            .order_by("-published_at", "-meeting__date")[:FEED_SIZE]
        )
        documents = published_documents([m.meeting for m in minutes])
        for entry in minutes:
            entry.document = documents.get(entry.meeting_id)
        return [entry for entry in minutes if entry.document is not None]

    def item_title(self, minutes: Minutes) -> str:
        return _("Referat fra %(title)s, %(council)s") % {
            "title": minutes.document.meeting.title.lower(),
            "council": minutes.meeting.council.name,
        }

    def item_description(self, minutes: Minutes) -> str:
        return render_to_string("public/feed_item.html", {"document": minutes.document})

    def item_link(self, minutes: Minutes) -> str:
        return minutes.meeting.get_absolute_url()

    def item_guid(self, minutes: Minutes) -> str:
        return f"{minutes.meeting.get_absolute_url()}#v{minutes.document.version}"

    def item_pubdate(self, minutes: Minutes):
        return minutes.published_at

    def item_updateddate(self, minutes: Minutes):
        return minutes.published_at
