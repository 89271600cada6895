"""sitemap.xml: every council, published meeting and item, for search engines."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from council.models import Council
from minutes.models import AgendaItem, Meeting
from minutes.selectors import public_meetings


class StaticSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["public:home", "public:search", "public:accessibility"]

    def location(self, name: str) -> str:
        return reverse(name)


class CouncilSitemap(Sitemap):
    def items(self) -> QuerySet[Council]:
        return Council.objects.order_by("pk")

    def lastmod(self, council: Council):
        return council.updated_at


class MeetingSitemap(Sitemap):
    def items(self) -> QuerySet[Meeting]:
        return (
            public_meetings()
            .select_related("council", "minutes")
            .order_by("council_id", "date", "number")
        )

    def lastmod(self, meeting: Meeting):
        return meeting.minutes.published_at


class ItemSitemap(Sitemap):
    def items(self) -> QuerySet[AgendaItem]:
        return (
            AgendaItem.objects.published()
            .select_related("council", "meeting__minutes")
            .order_by("council_id", "year", "number")
        )

    def lastmod(self, item: AgendaItem):
        return item.meeting.minutes.published_at


SITEMAPS = {
    "pages": StaticSitemap,
    "councils": CouncilSitemap,
    "meetings": MeetingSitemap,
    "items": ItemSitemap,
}
