"""The open data API: read-only JSON for published minutes, after OParl 1.1.

Lists are paginated the OParl way (`data`, `pagination`, `links`) and filter by
modification date (`modified_since`, `modified_until`) and by the object they belong to.
Query parameters are read as the OpenAPI document declares them: each one at most once,
ids, page numbers and sizes as whole numbers from 1 to MAX_ID; anything else is a 400.
Each endpoint runs a fixed number of SQL queries whatever the amount of content: the
querysets in api/selectors.py select and prefetch everything the serializers walk.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import selectors, serializers
from api.links import Links
from api.pagination import (
    MAX_ID,
    MODIFIED_FILTERS,
    Filter,
    MeetingPagination,
    OParlPagination,
    parse_number,
    parse_when,
)
from api.schema import ApiSchema
from council.models import Membership
from minutes.document import SCHEMA_PATH
from minutes.files import attachment_response
from minutes.public import (
    public_agenda,
    public_meetings,
    published_document,
    summoned_meetings,
)


class ApiView:
    # Shared by every endpoint: anonymous, JSON only, URLs built per request.

    authentication_classes: list = []
    schema = ApiSchema()

    def get_serializer_context(self) -> dict:
        return {"request": self.request, "links": Links(self.request)}


class ApiListView(ApiView, generics.ListAPIView):
    pagination_class = OParlPagination
    filters: tuple[Filter, ...] = ()
    # The object kind (selectors.MODIFIED) and the rows the list may show.
    kind: str
    visible = None

    def query_parameters(self) -> list[str]:
        """The query parameters the OpenAPI document declares for this list
        (ApiSchema, OParlPagination.get_schema_operation_parameters)."""
        return [
            self.paginator.page_query_param,
            self.paginator.page_size_query_param,
            *(name for name, _lookup, _edge in MODIFIED_FILTERS),
            *(item.name for item in self.filters),
        ]

    def initial(self, request: Request, *args, **kwargs) -> None:
        # Each declared parameter holds one value: rather than pick one of several,
        # the list says which parameter came more than once.
        super().initial(request, *args, **kwargs)
        for name in self.query_parameters():
            if len(request.query_params.getlist(name)) > 1:
                raise ParseError(
                    _("%(name)s kan bare oppgis én gang.") % {"name": name}
                )

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        params = self.request.query_params
        for name, lookup, _edge in MODIFIED_FILTERS:
            if name in params:
                when = parse_when(name, params[name])
                if "modified_at" not in queryset.query.annotations:
                    queryset = queryset.annotate(
                        modified_at=selectors.MODIFIED[self.kind]
                    )
                queryset = queryset.filter(**{f"modified_at__{lookup}": when})
        for item in self.filters:
            raw = params.get(item.name)
            if raw is None:
                continue
            if item.is_id:
                value = parse_number(item.name, raw)
            elif "\x00" in raw:
                # No slug holds NUL, and PostgreSQL refuses it in a query.
                return queryset.none()
            else:
                value = raw
            queryset = self.apply_filter(queryset, item, value)
        return queryset

    def apply_filter(self, queryset: QuerySet, item: Filter, value) -> QuerySet:
        return queryset.filter(**{item.lookup: value})

    def list(self, request: Request, *args, **kwargs) -> Response:
        """Page through the visible ids first, then load that page's rows with
        everything the serializer walks: counting and deep pages stay narrow."""
        visible = self.filter_queryset(self.visible())
        ids = self.paginator.paginate_queryset(
            visible.values_list("pk", flat=True), request, view=self
        )
        rows = {row.pk: row for row in self.get_queryset().filter(pk__in=ids)}
        page = [rows[pk] for pk in ids if pk in rows]
        return self.paginator.get_paginated_response(
            self.get_serializer(page, many=True).data
        )


class ApiDetailView(ApiView, generics.RetrieveAPIView):
    def get_object(self):
        pk = self.kwargs["pk"]
        if pk > MAX_ID:
            raise Http404
        return get_object_or_404(self.get_queryset(), pk=pk)


BODY = Filter(
    "body", "council__slug", "Bare objekter fra rådet med dette kortnavnet.", False
)
MEETING = Filter("meeting", "meeting_id", "Bare objekter fra møtet med denne id-en.")


# /api/system/
class SystemView(ApiView, generics.GenericAPIView):
    """Inngangspunktet (OParl System): lenke til listen over råd."""

    serializer_class = serializers.SystemSerializer

    def get(self, request: Request) -> Response:
        system = {"name": settings.SPECTACULAR_SETTINGS["TITLE"]}
        return Response(self.get_serializer(system).data)


# /api/bodies/
class BodyList(ApiListView):
    """Råd (OParl Body)."""

    kind = "body"
    visible = staticmethod(selectors.visible_bodies)
    queryset = selectors.bodies()
    serializer_class = serializers.BodySerializer


class BodyDetail(ApiDetailView):
    """Ett råd (OParl Body), etter kortnavn."""

    queryset = selectors.bodies()
    serializer_class = serializers.BodySerializer
    lookup_field = "slug"

    def get_object(self):
        return get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])


# /api/organizations/
class OrganizationList(ApiListView):
    """Virksomheter (OParl Organization)."""

    kind = "organization"
    visible = staticmethod(selectors.visible_organisations)
    queryset = selectors.organisations()
    serializer_class = serializers.OrganizationSerializer
    filters = (
        Filter(
            "body",
            "",
            "Bare virksomheter som har medlemmer i rådet med dette kortnavnet.",
            False,
        ),
    )

    def apply_filter(self, queryset, item, value):
        members = Membership.objects.filter(
            organisation=OuterRef("pk"), council__slug=value
        )
        return queryset.filter(Exists(members))


class OrganizationDetail(ApiDetailView):
    """Én virksomhet (OParl Organization)."""

    queryset = selectors.organisations()
    serializer_class = serializers.OrganizationSerializer


# /api/persons/
class PersonList(ApiListView):
    """Personer (OParl Person): bare offentlige felt."""

    kind = "person"
    visible = staticmethod(selectors.visible_people)
    queryset = selectors.people()
    serializer_class = serializers.PersonSerializer
    filters = (
        Filter("body", "", "Bare medlemmer av rådet med dette kortnavnet.", False),
    )

    def apply_filter(self, queryset, item, value):
        members = Membership.objects.filter(person=OuterRef("pk"), council__slug=value)
        return queryset.filter(Exists(members))


class PersonDetail(ApiDetailView):
    """Én person (OParl Person): bare offentlige felt."""

    queryset = selectors.people()
    serializer_class = serializers.PersonSerializer


# /api/memberships/
class MembershipList(ApiListView):
    """Medlemskap (OParl Membership): person, råd og virksomheten hen representerer."""

    kind = "membership"
    visible = staticmethod(selectors.visible_memberships)
    queryset = selectors.memberships()
    serializer_class = serializers.MembershipSerializer
    filters = (
        BODY,
        Filter(
            "person", "person_id", "Bare medlemskapene til personen med denne id-en."
        ),
        Filter(
            "onBehalfOf",
            "organisation_id",
            "Bare medlemskap som representerer virksomheten med denne id-en.",
        ),
    )


class MembershipDetail(ApiDetailView):
    """Ett medlemskap (OParl Membership)."""

    queryset = selectors.memberships()
    serializer_class = serializers.MembershipSerializer


# /api/meetings/
class MeetingList(ApiListView):
    """Møter med publisert referat (OParl Meeting), med sakene innebygd."""

    kind = "meeting"
    visible = staticmethod(selectors.visible_meetings)
    # Each meeting embeds its whole agenda, so a page holds fewer meetings.
    pagination_class = MeetingPagination
    queryset = selectors.meetings()
    serializer_class = serializers.MeetingSerializer
    filters = (BODY,)


class MeetingDetail(ApiDetailView):
    """Ett møte med publisert referat (OParl Meeting)."""

    queryset = selectors.meetings()
    serializer_class = serializers.MeetingSerializer


# /api/agenda-items/
class AgendaItemList(ApiListView):
    """Saker fra publiserte referater (OParl AgendaItem), med vedtaket som
    resolutionText."""

    kind = "agendaitem"
    visible = staticmethod(selectors.visible_items)
    queryset = selectors.items()
    serializer_class = serializers.AgendaItemSerializer
    filters = (BODY, MEETING)


class AgendaItemDetail(ApiDetailView):
    """Én sak fra et publisert referat (OParl AgendaItem)."""

    queryset = selectors.items()
    serializer_class = serializers.AgendaItemSerializer


# /api/inputs/
class InputList(ApiListView):
    """Innspill fra publiserte referater."""

    kind = "input"
    visible = staticmethod(selectors.visible_inputs)
    queryset = selectors.inputs()
    serializer_class = serializers.InputSerializer
    filters = (
        Filter("body", "item__council__slug", BODY.description, False),
        Filter("meeting", "item__meeting_id", MEETING.description),
        Filter("agendaItem", "item_id", "Bare innspill til saken med denne id-en."),
    )


class InputDetail(ApiDetailView):
    """Ett innspill fra et publisert referat."""

    queryset = selectors.inputs()
    serializer_class = serializers.InputSerializer


# /api/decisions/
class DecisionList(ApiListView):
    """Vedtak fra publiserte referater."""

    kind = "decision"
    visible = staticmethod(selectors.visible_decisions)
    queryset = selectors.decisions()
    serializer_class = serializers.DecisionSerializer
    filters = (
        Filter("body", "item__council__slug", BODY.description, False),
        Filter("meeting", "item__meeting_id", MEETING.description),
    )


class DecisionDetail(ApiDetailView):
    """Ett vedtak fra et publisert referat."""

    queryset = selectors.decisions()
    serializer_class = serializers.DecisionSerializer


# /api/files/
class FileList(ApiListView):
    """Offentlige vedlegg til publiserte møter (OParl File)."""

    kind = "file"
    visible = staticmethod(selectors.visible_files)
    queryset = selectors.public_files()
    serializer_class = serializers.FileSerializer
    filters = (
        Filter("body", "meeting__council__slug", BODY.description, False),
        MEETING,
        Filter("agendaItem", "item_id", "Bare vedlegg til saken med denne id-en."),
    )


class FileDetail(ApiDetailView):
    """Ett offentlig vedlegg (OParl File)."""

    queryset = selectors.public_files()
    serializer_class = serializers.FileSerializer


@extend_schema(exclude=True)
class FileDownload(APIView):
    authentication_classes: list = []

    def get(self, request: Request, pk: int) -> HttpResponse:
        if pk > MAX_ID:
            raise Http404
        attachment = get_object_or_404(selectors.public_files(), pk=pk)
        # Always a download: `?download=1` (the OParl downloadUrl) changes nothing.
        return attachment_response(attachment)


# /api/meetings/<id>/minutes/
class MeetingMinutes(ApiView, APIView):
    """Referatet fra et møte som ett dokument, i skjemaet /api/referat.schema.json:
    det samme dokumentet som PDF/A-filen bærer som referat.json. Mens et referat
    rettes, er det den publiserte versjonen som vises."""

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT, 404: serializers.ErrorSerializer},
        description="Referatet som dokument (referat.schema.json).",
    )
    def get(self, request: Request, pk: int) -> Response:
        if pk > MAX_ID:
            raise Http404
        meeting = get_object_or_404(public_meetings().select_related("minutes"), pk=pk)
        return Response(published_document(meeting).to_snapshot())


class UpcomingMeetings(ApiView, APIView):
    """Innkalte møter som ennå ikke har publisert referat, med sakslisten: tittel,
    type, forslag til vedtak (der rådet publiserer dem) og offentlige dokumenter.
    Det som skrives i og etter møtet, kommer først med referatet. Filtrer med
    `body=<kortnavn>`."""

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="Kommende møter med saksliste.",
    )
    def get(self, request: Request) -> Response:
        meetings = (
            summoned_meetings()
            .select_related("council")
            .order_by("date", "start_time", "pk")
        )
        body = request.query_params.get("body")
        if body:
            meetings = meetings.filter(council__slug=body[:80])
        absolute = request.build_absolute_uri
        data = []
        for meeting in meetings[:200]:
            entries, papers = public_agenda(meeting)
            args = [meeting.council.slug, meeting.year, meeting.number]

            def paper(p, args=args):
                return {
                    "name": p.title,
                    "size": p.size,
                    "accessUrl": absolute(
                        reverse("public:attachment", args=[*args, p.id])
                    ),
                }

            data.append(
                {
                    "type": "summons",
                    "body": meeting.council.slug,
                    "name": meeting.title,
                    "number": meeting.number_label,
                    "date": meeting.date.isoformat(),
                    "start": meeting.start_time.isoformat()
                    if meeting.start_time
                    else None,
                    "end": meeting.end_time.isoformat() if meeting.end_time else None,
                    "location": meeting.venue,
                    "summonsSent": meeting.summons_sent_at.isoformat(),
                    "web": absolute(meeting.get_absolute_url()),
                    "auxiliaryFile": [paper(p) for p in papers],
                    "agendaItem": [
                        {
                            "number": entry.number_label,
                            "name": entry.title,
                            "kind": entry.kind_label,
                            "lateAddition": entry.is_late_addition,
                            "proposedDecision": entry.proposed_decision,
                            "auxiliaryFile": [paper(p) for p in entry.papers],
                        }
                        for entry in entries
                    ],
                }
            )
        return Response({"data": data})


@require_safe
def minutes_schema(request: HttpRequest) -> FileResponse:
    """The JSON Schema of the minutes document."""
    return FileResponse(SCHEMA_PATH.open("rb"), content_type="application/schema+json")


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Unknown addresses under /api/ answer in JSON too."""
    return JsonResponse({"detail": _("Finnes ikke.")}, status=404)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The API's documentation page, built from the same OpenAPI document."""
    schema = _schema()
    endpoints = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get", {})
        endpoints.append(
            {
                "path": path,
                "summary": operation.get("description", "").strip(),
                "parameters": [
                    p for p in operation.get("parameters", []) if p["in"] == "query"
                ],
            }
        )
    return render(
        request,
        "api/index.html",
        {"endpoints": endpoints, "origin": Links(request).origin},
    )


def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)
