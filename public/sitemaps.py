"""sitemap.xml: every council, published meeting and item, for search engines."""

import datetime
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from council.models import Council
from minutes.models import AgendaItem, Meeting, item_permalink
from minutes.public import (
    frozen_public_meetings,
    public_meetings,
    published_documents,
)


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


@dataclass(frozen=True)
class ItemEntry:
    council_slug: str
    year: int
    number: int
    published_at: datetime.datetime | None
    series: str = "case"
    meeting_year: int = 0
    meeting_number: int = 0


class ItemSitemap(Sitemap):
    def items(self) -> list[ItemEntry]:
        """Every published item. Items of frozen minutes are read from their rows
        (equal to the published version, and far cheaper than every document);
        minutes under correction from their published document."""
        frozen = (
            AgendaItem.objects.filter(meeting__in=frozen_public_meetings())
            .order_by("council_id", "year", "number")
            .values_list(
                "council__slug",
                "year",
                "number",
                "meeting__minutes__published_at",
                "series",
                "meeting__year",
                "meeting__number",
            )
        )
        entries = [ItemEntry(*row) for row in frozen]
        correcting = public_meetings().exclude(pk__in=frozen_public_meetings())
        meetings = list(correcting.select_related("council", "minutes"))
        for meeting_id, document in published_documents(meetings).items():
            meeting = next(m for m in meetings if m.pk == meeting_id)
            entries.extend(
                ItemEntry(
                    document.council.slug,
                    item.year,
                    item.number,
                    meeting.minutes.published_at,
                    item.series,
                    document.meeting.year,
                    document.meeting.number,
                )
                for item in document.items
            )
        return entries

    def location(self, entry: ItemEntry) -> str:
        return item_permalink(
            council_slug=entry.council_slug,
            series=entry.series,
            year=entry.year,
            number=entry.number,
            meeting_year=entry.meeting_year,
            meeting_number=entry.meeting_number,
        )

    def lastmod(self, entry: ItemEntry):
        return entry.published_at


SITEMAPS = {
    "pages": StaticSitemap,
    "councils": CouncilSitemap,
    "meetings": MeetingSitemap,
    "items": ItemSitemap,
}
