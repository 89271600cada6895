"""What the public may read: the one place that says so.

Public output always comes from the document of the latest published version
(minutes/document.py), never from live rows: a name changed after approval, or a
correction being prepared, changes nothing public until it is published. Every
public path (pages, item permalinks, PDF, feed, calendar, sitemap, search snippets,
API) asks here.
"""

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from minutes.document import MinutesDocument
from minutes.models import Meeting, Minutes, MinutesVersion
from minutes.status import PUBLIC_STATUSES, MinutesStatus


def public_minutes() -> QuerySet[Minutes]:
    """Minutes with a published version: published, or being corrected."""
    return Minutes.objects.filter(status__in=PUBLIC_STATUSES)


def public_meetings() -> QuerySet[Meeting]:
    """Meetings whose minutes the public may read."""
    return Meeting.objects.filter(minutes__status__in=PUBLIC_STATUSES)


def frozen_public_meetings() -> QuerySet[Meeting]:
    """Published meetings whose rows equal their published version (no correction
    under way), for queries that must filter and page in SQL (search, API lists).
    Text shown from them still comes from the document."""
    return Meeting.objects.filter(minutes__status=MinutesStatus.PUBLISHED)


def get_public_meeting(council_slug: str, year: int, number: int) -> Meeting:
    """The meeting if its minutes are published; 404 otherwise: drafts never leak."""
    try:
        return (
            public_meetings()
            .select_related("council", "council__secretariat_organisation", "minutes")
            .get(council__slug=council_slug, year=year, number=number)
        )
    except Meeting.DoesNotExist:
        raise Http404 from None


def published_versions(minutes: Minutes) -> QuerySet[MinutesVersion]:
    """Every published version of the minutes, oldest first."""
    return MinutesVersion.objects.filter(
        minutes=minutes, published_at__isnull=False
    ).order_by("number")


def published_version(minutes: Minutes) -> MinutesVersion:
    """The version the public reads now; 404 if the minutes were never published."""
    version = (
        published_versions(minutes)
        .select_related("minutes", "approved_by_item__meeting")
        .last()
    )
    if version is None:
        raise Http404
    return version


def published_document(meeting: Meeting) -> MinutesDocument:
    """The document the public reads for a meeting (internal attachments left out)."""
    version = published_version(meeting.minutes)
    return MinutesDocument.from_snapshot(version.content, version=version).public()


def published_documents(meetings: list[Meeting]) -> dict[int, MinutesDocument]:
    """The public documents of many meetings in two queries, by meeting id."""
    latest = (
        MinutesVersion.objects.filter(
            minutes__meeting_id=OuterRef("minutes__meeting_id"),
            published_at__isnull=False,
        )
        .order_by("-number")
        .values("pk")[:1]
    )
    versions = MinutesVersion.objects.filter(
        minutes__meeting__in=[m.pk for m in meetings],
        pk=Subquery(latest),
    ).select_related("minutes", "approved_by_item__meeting")
    return {
        version.minutes.meeting_id: MinutesDocument.from_snapshot(
            version.content, version=version
        ).public()
        for version in versions
    }
