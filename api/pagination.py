"""Paging and the query parameters of the API's lists, read as the OpenAPI document
declares them: each at most once, whole numbers from 1 to MAX_ID."""

import datetime
import hashlib
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.cache import SITE_SCOPE, cached_public

# The largest id PostgreSQL's bigint holds; larger numbers cannot name an object.
MAX_ID = 2**63 - 1
# Ids, and page numbers and page sizes too.
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
# The lists' modification date filters: lookup on modified_at, and which end it is.
MODIFIED_FILTERS = (
    ("modified_since", "gte", "fra og med"),
    ("modified_until", "lte", "til og med"),
)


def parse_number(name: str, raw: str) -> int:
    """A whole number as ID_SCHEMA declares it, in plain ASCII digits: int() alone
    would also take «+5», « 5», «1_0» or other scripts' digits."""
    digits = raw.isascii() and raw.isdigit()
    # int() refuses more than 4300 digits, and no such number is in range anyway.
    value = int(raw) if digits and len(raw.lstrip("0")) <= len(str(MAX_ID)) else 0
    if not 0 < value <= MAX_ID:
        raise ParseError(
            _("%(name)s må være et positivt heltall, ikke «%(value)s».")
            % {"name": name, "value": raw}
        )
    return value


class CachedCountPaginator(Paginator):
    """Counting a long list costs more than showing a page of it, and the count is the
    same for every page: it is cached with the public pages, so it is forgotten when
    minutes are published or corrected, or names change (core/cache.py)."""

    def __init__(self, object_list, per_page, *, count_key: str):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return cached_public(SITE_SCOPE, self.count_key, self.object_list.count)


class OParlPagination(PageNumberPagination):
    """OParl 1.1 list pages: `data`, `pagination` and `links` {first, prev, next,
    last}."""

    page_size = 20
    page_size_query_param = "limit"
    max_page_size = 100
    page_query_description = "Sidenummer, fra 1."
    page_size_query_description = (
        "Objekter per side: 20 om ikke annet er valgt, høyst 100."
    )

    def paginate_queryset(self, queryset, request: Request, view=None):
        # One count per list and filter, whatever the page asked for.
        filters = sorted(
            (name, value)
            for name, value in request.query_params.lists()
            if name not in (self.page_query_param, self.page_size_query_param)
        )
        digest = hashlib.sha256(repr(filters).encode()).hexdigest()
        self.count_key = f"api-count:{request.path}:{digest}"
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, object_list, per_page) -> Paginator:
        return CachedCountPaginator(object_list, per_page, count_key=self.count_key)

    def get_page_number(self, request: Request, paginator) -> int:
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return 1
        return parse_number(self.page_query_param, raw)

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        # More than the largest page is not an error: it gets the largest page.
        return min(parse_number(self.page_size_query_param, raw), self.max_page_size)

    def _page_url(self, number: int) -> str:
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def get_paginated_response(self, data) -> Response:
        page = self.page
        paginator = page.paginator
        links = {
            "first": self._page_url(1),
            "last": self._page_url(paginator.num_pages),
        }
        if page.has_previous():
            links["prev"] = self._page_url(page.previous_page_number())
        if page.has_next():
            links["next"] = self._page_url(page.next_page_number())
        return Response(
            {
                "data": data,
                "pagination": {
                    "totalElements": paginator.count,
                    "elementsPerPage": paginator.per_page,
                    "currentPage": page.number,
                    "totalPages": paginator.num_pages,
                },
                "links": links,
            }
        )

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(self.page_query_description),
                "schema": ID_SCHEMA,
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": str(self.page_size_query_description),
                "schema": ID_SCHEMA,
            },
        ]

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri"}
        count = {"type": "integer", "minimum": 0}
        return {
            "type": "object",
            "required": ["data", "pagination", "links"],
            "properties": {
                "data": schema,
                "pagination": {
                    "type": "object",
                    "required": [
                        "totalElements",
                        "elementsPerPage",
                        "currentPage",
                        "totalPages",
                    ],
                    "properties": {
                        "totalElements": count,
                        "elementsPerPage": count,
                        "currentPage": count,
                        "totalPages": count,
                    },
                },
                "links": {
                    "type": "object",
                    "required": ["first", "last"],
                    "properties": {
                        "first": link,
                        "prev": link,
                        "next": link,
                        "last": link,
                    },
                },
            },
        }


class MeetingPagination(OParlPagination):
    page_size = 10
    page_size_query_description = (
        "Møter per side: 10 om ikke annet er valgt, høyst 100."
    )


@dataclass(frozen=True)
class Filter:
    """A query parameter that narrows a list: by a council's slug or an object's id."""

    name: str
    lookup: str
    description: str
    is_id: bool = True


def parse_when(name: str, raw: str) -> datetime.datetime:
    # An unencoded «+01:00» offset arrives as « 01:00»: read it as meant.
    value = raw.strip().replace(" ", "+")
    try:
        when = datetime.datetime.fromisoformat(value)
        if timezone.is_naive(when):
            when = timezone.make_aware(when)
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows.
        when = when.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise ParseError(
            _(
                "%(name)s må være et tidspunkt i ISO 8601-format, "
                "f.eks. 2024-01-31T12:00:00+01:00, ikke «%(value)s»."
            )
            % {"name": name, "value": raw}
        ) from None
    return when
