"""Atom feed of a council's published minutes and new summonses: subscribe in a feed
reader."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from council.models import Council
from minutes.models import Meeting
from minutes.public import (
    public_agenda,
    public_minutes,
    published_documents,
    summoned_meetings,
)

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

    def items(self, council: Council) -> list:
        # Published minutes (two queries, however many meetings: the minutes, then
        # their published versions) and summonses of meetings not yet minuted.
        minutes = list(
            public_minutes()
            .filter(meeting__council=council)
            .select_related("meeting", "meeting__council")
            .order_by("-published_at", "-meeting__date")[:FEED_SIZE]
        )
        documents = published_documents([m.meeting for m in minutes])
        for entry in minutes:
            entry.document = documents.get(entry.meeting_id)
        summonses = list(
            summoned_meetings()
            .filter(council=council)
            .select_related("council")
            .order_by("-summons_sent_at")[:FEED_SIZE]
        )
        entries = [m for m in minutes if m.document is not None] + summonses
        entries.sort(key=self.item_pubdate, reverse=True)
        return entries[:FEED_SIZE]

    def item_title(self, entry) -> str:
        if isinstance(entry, Meeting):
            return _("Innkalling til %(title)s, %(council)s") % {
                "title": entry.title.lower(),
                "council": entry.council.name,
            }
        return _("Referat fra %(title)s, %(council)s") % {
            "title": entry.document.meeting.title.lower(),
            "council": entry.meeting.council.name,
        }

    def item_description(self, entry) -> str:
        if isinstance(entry, Meeting):
            entries, _papers = public_agenda(entry)
            return render_to_string(
                "public/feed_agenda.html", {"meeting": entry, "entries": entries}
            )
        return render_to_string("public/feed_item.html", {"document": entry.document})

    def item_link(self, entry) -> str:
        meeting = entry if isinstance(entry, Meeting) else entry.meeting
        return meeting.get_absolute_url()

    def item_guid(self, entry) -> str:
        if isinstance(entry, Meeting):
            return f"{entry.get_absolute_url()}#innkalling"
        return f"{entry.meeting.get_absolute_url()}#v{entry.document.version}"

    def item_pubdate(self, entry):
        if isinstance(entry, Meeting):
            return entry.summons_sent_at
        return entry.published_at

    def item_updateddate(self, entry):
        return self.item_pubdate(entry)
