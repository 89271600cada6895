"""Public pages: anyone, logged in or not, sees published minutes and nothing else.

Each page runs a fixed number of queries whatever the archive's size. The content of
the pages is cached per council (core/cache.py) and rendered inside
public/page.html, whose header carries the visitor's own CSRF token and login state.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.cache import SITE_SCOPE, cached_public, council_scope, is_plain_visitor
from core.ratelimit import search_rate_limit
from council.models import Council, Membership, Organisation
from minutes import wording
from minutes.document import Item, MinutesDocument
from minutes.exemptions import public_inputs
from minutes.files import attachment_response
from minutes.models import (
    AgendaItem,
    Attachment,
    Input,
    ItemKind,
    ItemSeries,
    Meeting,
    Minutes,
    item_kind_label,
)
from minutes.public import (
    frozen_public_meetings,
    get_public_meeting,
    get_summoned_meeting,
    public_agenda,
    public_followups,
    public_meetings,
    public_minutes,
    published_document,
    published_versions,
)
from public import search as search_engine

LATEST_COUNT = 8
UPCOMING_COUNT = 8
ORGANISATION_PAGE_SIZE = 50


def _public_council(council_slug: str) -> Council:
    return get_object_or_404(
        Council.objects.select_related("secretariat_organisation"), slug=council_slug
    )


def _alternates(council: Council) -> list[dict[str, str]]:
    """Feed and calendar of a council, for <link rel="alternate"> and visible links."""
    return [
        {
            "type": "application/atom+xml",
            "title": _("Nye referater fra %(council)s") % {"council": council.name},
            "href": reverse("public:council_feed", args=[council.slug]),
        },
        {
            "type": "text/calendar",
            "title": _("Møtekalender for %(council)s") % {"council": council.name},
            "href": reverse("public:council_calendar", args=[council.slug]),
        },
    ]


def _page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    title: str,
    alternates: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The cacheable part of a public page: its title, alternates and rendered body."""
    body = render_to_string(template, context, request=request)
    return {"title": title, "alternates": alternates or [], "body": body}


def _respond(request: HttpRequest, page: dict[str, Any]) -> HttpResponse:
    # The body is our own template's output, rendered with autoescaping.
    page = {**page, "body": mark_safe(page["body"])}
    return render(request, "public/page.html", {"page": page})


def _cached_page(
    request: HttpRequest,
    scope: str,
    key: str,
    build: Callable[[], dict[str, Any]],
    *,
    canonical_path: str | None = None,
) -> HttpResponse:
    """The page `build` makes, from the cache when it can be.

    A plain visitor (no session, no messages) at the page's canonical address gets
    the whole page as cached HTML, with no query at all; anyone else gets the cached
    body inside a header of their own (login state, CSRF token).
    """
    if is_plain_visitor(request) and request.get_full_path() == (
        canonical_path or request.path
    ):

        def build_whole_page() -> dict[str, Any]:
            response = _respond(request, cached_public(scope, key, build))
            # The ETag is made once with the page, not hashed again on every hit
            # (ConditionalGetMiddleware answers 304 with it).
            set_response_etag(response)
            return {"html": response.content, "etag": response["ETag"]}

        page = cached_public(scope, f"html:{key}", build_whole_page)
        response = HttpResponse(page["html"])
        response["ETag"] = page["etag"]
        return response
    return _respond(request, cached_public(scope, key, build))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()

    def build() -> dict[str, Any]:
        councils = Council.objects.annotate(
            published_count=Count(
                "meetings",
                filter=Q(meetings__minutes__status__in=Minutes.PUBLIC_STATUSES),
            )
        ).order_by("name")
        latest = (
            public_minutes()
            .select_related("meeting", "meeting__council")
            .order_by("-published_at", "-meeting__date")[:LATEST_COUNT]
        )
        upcoming = (
            Meeting.objects.upcoming(today)
            .select_related("council")
            .order_by("date", "start_time")[:UPCOMING_COUNT]
        )
        context = {
            "councils": councils,
            "latest": latest,
            "upcoming": upcoming,
        }
        return _page(request, "public/home.html", context, title=_("Møtereferater"))

    return _cached_page(request, SITE_SCOPE, f"home:{today}", build)


@dataclass
class SectorGroup:
    name: str
    organisations: list[tuple[Organisation, list[Membership]]] = field(
        default_factory=list
    )


def _members_by_sector(memberships: list[Membership]) -> list[SectorGroup]:
    """Current members, grouped by sector and then by organisation."""
    groups: dict[str, SectorGroup] = {}
    for membership in memberships:
        sector = membership.organisation.sector
        name = sector.name if sector else _("Andre")
        group = groups.setdefault(name, SectorGroup(name))
        if (
            group.organisations
            and group.organisations[-1][0] == membership.organisation
        ):
            group.organisations[-1][1].append(membership)
        else:
            group.organisations.append((membership.organisation, [membership]))
    return sorted(groups.values(), key=lambda g: g.name)


@require_safe
def council_detail(request: HttpRequest, council_slug: str) -> HttpResponse:
    today = timezone.localdate()

    def build() -> dict[str, Any]:
        council = _public_council(council_slug)
        meetings = list(
            public_meetings()
            .filter(council=council)
            .select_related("minutes")
            .order_by("-date", "-number")
        )
        for meeting in meetings:
            meeting.council = council
        by_year = [
            (year, list(group))
            for year, group in itertools.groupby(meetings, key=lambda m: m.year)
        ]
        upcoming = list(
            Meeting.objects.upcoming(today)
            .filter(council=council)
            .order_by("date", "start_time")[:UPCOMING_COUNT]
        )
        memberships = list(
            Membership.objects.active_on(today)
            .filter(council=council)
            .select_related("person", "organisation", "organisation__sector")
            .order_by("organisation__sector__name", "order", "person__name")
        )
        # Keep each organisation's members together within its sector.
        memberships.sort(
            key=lambda m: (
                m.organisation.sector.name if m.organisation.sector else "",
                m.organisation.name,
                m.order,
                m.person.name,
            )
        )
        context = {
            "council": council,
            "by_year": by_year,
            "upcoming": upcoming,
            "sectors": _members_by_sector(memberships),
            "alternates": _alternates(council),
        }
        return _page(
            request,
            "public/council.html",
            context,
            title=council.name,
            alternates=_alternates(council),
        )

    return _cached_page(request, council_scope(council_slug), f"council:{today}", build)


@require_safe
def meeting_detail(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    def build() -> dict[str, Any]:
        council = _public_council(council_slug)
        try:
            meeting = get_public_meeting(council_slug, year, number)
        except Http404:
            # Before the minutes: the agenda, once the summons has gone out.
            return _agenda_page(request, council, year, number)
        # The latest published version, also while a correction is under way.
        document = published_document(meeting)
        context = {
            "document": document,
            "meeting": meeting,
            "minutes": meeting.minutes,
            "permalinks": True,
            "attachments": _public_attachments(document),
            "versions": list(published_versions(meeting.minutes)),
            "correcting": meeting.minutes.status == Minutes.Status.CORRECTING,
        }
        title = wording.phrase(document.council.document_name, "page_title") % {
            "title": document.meeting.title,
            "council": council.name,
        }
        return _page(
            request,
            "public/meeting.html",
            context,
            title=title,
            alternates=_alternates(council),
        )

    scope = council_scope(council_slug)
    return _cached_page(request, scope, f"meeting:{year}:{number}", build)


def _agenda_page(
    request: HttpRequest, council: Council, year: int, number: int
) -> dict[str, Any]:
    meeting = get_summoned_meeting(council.slug, year, number)
    entries, papers = public_agenda(meeting)
    context = {"meeting": meeting, "entries": entries, "papers": papers}
    title = _("Innkalling – %(title)s – %(council)s") % {
        "title": meeting.title,
        "council": council.name,
    }
    return _page(
        request,
        "public/agenda.html",
        context,
        title=title,
        alternates=_alternates(council),
    )


def _public_attachments(document: MinutesDocument) -> list[tuple[Item | None, Any]]:
    attachments = [(None, a) for a in document.attachments]
    for item in document.items:
        attachments.extend((item, a) for a in item.attachments)
    return attachments


@require_safe
def item_detail(
    request: HttpRequest,
    council_slug: str,
    year: int,
    number: int,
    series: str = ItemSeries.CASE,
) -> HttpResponse:
    """An item of published minutes by its number in its series: a case
    (/<council>/sak/2022/38/, as always) or a report (/<council>/referatsak/…)."""
    return _item_page(
        request,
        council_slug,
        series=series,
        rows={"year": year, "number": number},
        cache_key=f"item:{series}:{year}:{number}",
    )


@require_safe
def procedural_item_detail(
    request: HttpRequest, council_slug: str, year: int, number: int, point: int
) -> HttpResponse:
    """A procedural point («Pkt. 1») of a meeting's published minutes."""
    return _item_page(
        request,
        council_slug,
        series=ItemSeries.PROCEDURAL,
        rows={"meeting__year": year, "meeting__number": number, "number": point},
        cache_key=f"point:{year}:{number}:{point}",
    )


def _item_page(
    request: HttpRequest,
    council_slug: str,
    *,
    series: str,
    rows: dict[str, int],
    cache_key: str,
) -> HttpResponse:
    raw_query, _messages = search_engine.clean_query(request.GET.get("q", ""))

    def build() -> dict[str, Any]:
        council = _public_council(council_slug)
        row = (
            AgendaItem.objects.filter(
                council=council,
                series=series,
                meeting__in=public_meetings(),
                **rows,
            )
            .select_related("meeting__minutes")
            .first()
        )
        if row is None:
            raise Http404
        document = published_document(row.meeting)
        item = document.item(rows["number"], series)
        if item is None or item.year != row.year:
            # Added during a correction that is not published yet.
            raise Http404
        position = document.items.index(item)
        items = document.items
        context = {
            "council": council,
            "document": document,
            "meeting": document.meeting,
            "item": item,
            "previous": items[position - 1] if position > 0 else None,
            "following": items[position + 1] if position + 1 < len(items) else None,
            "query": raw_query,
            "terms": search_engine.highlight_terms(raw_query) if raw_query else [],
            # The address to cite: the site's own, whatever host this request used
            # (the page is cached for every visitor).
            "site_url": settings.SITE_URL,
            # Only where the council publishes follow-up (minutes/public.py).
            "followups": public_followups(council, [item]).get(item.id, ()),
        }
        title = _("%(number)s %(title)s – %(council)s") % {
            "number": item.cited_label,
            "title": item.title,
            "council": council.name,
        }
        return _page(
            request,
            "public/item.html",
            context,
            title=title,
            alternates=_alternates(council),
        )

    if raw_query:
        # Highlighted for one search: not worth caching.
        return _respond(request, build())
    scope = council_scope(council_slug)
    # Follow-up shown on the page becomes overdue with the date.
    key = f"{cache_key}:{timezone.localdate()}"
    return _cached_page(request, scope, key, build)


@require_safe
def attachment_download(
    request: HttpRequest, council_slug: str, year: int, number: int, attachment_id: int
) -> FileResponse:
    """A public attachment of published minutes; 404 for anything else.

    Only the papers of the published version: while a correction is under way, an
    attachment added or made public since is not served.
    """
    try:
        meeting = get_public_meeting(council_slug, year, number)
    except Http404:
        # The public papers of a summoned meeting's agenda.
        meeting = get_summoned_meeting(council_slug, year, number)
        entries, papers = public_agenda(meeting)
        listed = {p.id for p in papers} | {
            p.id for entry in entries for p in entry.papers
        }
        if attachment_id not in listed:
            raise Http404 from None
    else:
        document = published_document(meeting)
        published = {
            ref.id for _item, ref in _public_attachments(document) if ref.is_public
        }
        if attachment_id not in published:
            raise Http404
    attachment = get_object_or_404(
        Attachment, pk=attachment_id, is_public=True, meeting=meeting
    )
    return attachment_response(attachment)


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """What an organisation said: its inputs in published minutes, newest first."""
    page_number = _int_or_none(request.GET.get("side")) or 1

    def build() -> dict[str, Any]:
        organisation = get_object_or_404(
            Organisation.objects.select_related("sector"), slug=slug
        )
        inputs = (
            Input.objects.filter(
                organisation=organisation,
                item__meeting__in=frozen_public_meetings(),
            )
            .filter(public_inputs())
            .exclude(parent__exemption_basis__gt="")
            .select_related(
                "item", "item__council", "item__meeting", "item__meeting__council"
            )
            .order_by("-item__meeting__date", "item__order", "order", "id")
        )
        page = Paginator(inputs, ORGANISATION_PAGE_SIZE).get_page(page_number)
        groups = [
            (item, list(entries))
            for item, entries in itertools.groupby(page.object_list, lambda i: i.item)
        ]
        context = {"organisation": organisation, "page": page, "groups": groups}
        return _page(
            request,
            "public/organisation.html",
            context,
            title=_("Innspill fra %(organisation)s") % {"organisation": organisation},
        )

    canonical = request.path + (f"?side={page_number}" if page_number > 1 else "")
    key = f"organisation:{slug}:{page_number}"
    return _cached_page(request, SITE_SCOPE, key, build, canonical_path=canonical)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _search_choices() -> dict[str, list]:
    """What the search filters offer: the same for every search, so cached."""
    published_items = AgendaItem.objects.filter(
        meeting__in=frozen_public_meetings()
    ).order_by()
    kinds = {k for k in published_items.values_list("kind", flat=True).distinct() if k}
    return {
        "councils": list(Council.objects.only("name", "slug").order_by("name")),
        "organisations": list(
            Organisation.objects.filter(
                Exists(
                    Input.objects.filter(
                        organisation=OuterRef("pk"),
                        item__meeting__in=frozen_public_meetings(),
                    )
                )
            )
            .only("name", "slug")
            .order_by("name")
        ),
        # Items are numbered in their meeting's year: the meetings are fewer rows.
        "years": sorted(
            frozen_public_meetings()
            .order_by()
            .values_list("year", flat=True)
            .distinct(),
            reverse=True,
        ),
        "kinds": sorted(
            kinds | {k.value for k in ItemKind},
            key=lambda k: item_kind_label(k).lower(),
        ),
    }


@require_safe
@search_rate_limit
def search(request: HttpRequest) -> HttpResponse:
    query, messages = search_engine.clean_query(request.GET.get("q", ""))
    choices = cached_public(SITE_SCOPE, "search-choices", _search_choices)
    councils, organisations = choices["councils"], choices["organisations"]
    years, kinds = choices["years"], choices["kinds"]
    filters = search_engine.SearchFilters(
        council=next((c for c in councils if c.slug == request.GET.get("rad")), None),
        year=_int_or_none(request.GET.get("ar")),
        kind=request.GET.get("type", "") if request.GET.get("type") in kinds else "",
        organisation=next(
            (o for o in organisations if o.slug == request.GET.get("virksomhet")),
            None,
        ),
    )
    searched = "q" in request.GET
    result, pages = None, 0
    if searched and not search_engine.query_words(query):
        messages.append(
            _("Skriv minst ett ord å søke etter, for eksempel «legemiddelliste».")
            if not query
            else _(
                "Søket inneholder ingen ord vi kan søke etter. "
                "Bruk bokstaver eller tall, for eksempel «legemiddelliste»."
            )
        )
    elif searched:
        page = _int_or_none(request.GET.get("side")) or 1
        result, pages = search_engine.search(query, filters, page=page)
        result.page = min(max(page, 1), max(pages, 1))
    params = request.GET.copy()
    params.pop("side", None)
    context = {
        "query": query,
        "messages_for_query": messages,
        "searched": searched,
        "result": result,
        "pages": pages,
        "page_range": range(
            max(1, result.page - 5) if result else 1,
            min(pages, result.page + 5) + 1 if result else 1,
        ),
        "start": (result.page - 1) * search_engine.PAGE_SIZE + 1 if result else 1,
        "base_query": params.urlencode(),
        "councils": councils,
        "organisations": organisations,
        "years": years,
        "kinds": [(k, item_kind_label(k)) for k in kinds],
        "filters": filters,
    }
    return render(request, "public/search.html", context)


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")
