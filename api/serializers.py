"""JSON shapes of the open data API, after OParl 1.1's objects and field names.

Every object has `id` (its own URL), `type` (an OParl type URL, or for our own objects
Input and Decision the URL of their documentation) and `modified`. References to other
objects are URLs. People carry public fields only: never e-mail or login.
"""

import datetime
import os

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from minutes.document import formal_records
from minutes.exemptions import exempt_text, neutral_title

OPARL = "https://schema.oparl.org/1.1/"


@extend_schema_field(OpenApiTypes.URI)
class RefField(serializers.Field):
    """A reference to an API object by primary key, written as the object's URL."""

    def __init__(self, kind: str, **kwargs) -> None:
        self.kind = kind
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.context["links"].object(self.kind, value)


@extend_schema_field(OpenApiTypes.URI)
class BodyRefField(serializers.Field):
    """A reference to a council (OParl Body) by its slug."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.context["links"].body(value)


@extend_schema_field(OpenApiTypes.URI)
class TypeField(serializers.Field):
    def __init__(self, name: str, *, extension: bool = False) -> None:
        self.type_name = name
        self.extension = extension
        super().__init__(source="*", read_only=True)

    def to_representation(self, value):
        if self.extension:
            return self.context["links"].extension_type(self.type_name)
        return OPARL + self.type_name


class LinksMixin:
    @property
    def links(self):
        return self.context["links"]


class SystemSerializer(LinksMixin, serializers.Serializer):
    id = serializers.SerializerMethodField()
    type = TypeField("System")
    oparlVersion = serializers.SerializerMethodField()
    name = serializers.CharField()
    body = serializers.SerializerMethodField()
    website = serializers.SerializerMethodField()

    def get_id(self, obj) -> str:
        return self.links.collection("system")

    def get_oparlVersion(self, obj) -> str:
        return OPARL

    def get_body(self, obj) -> str:
        return self.links.collection("body")

    def get_website(self, obj) -> str:
        return self.links.origin + "/"


class BodySerializer(LinksMixin, serializers.Serializer):
    id = BodyRefField(source="slug")
    type = TypeField("Body")
    system = serializers.SerializerMethodField()
    name = serializers.CharField()
    shortName = serializers.CharField(source="slug")
    description = serializers.CharField()
    website = serializers.SerializerMethodField()
    secretariat = RefField(
        "organization", source="secretariat_organisation_id", allow_null=True
    )
    organization = serializers.SerializerMethodField()
    person = serializers.SerializerMethodField()
    membership = serializers.SerializerMethodField()
    meeting = serializers.SerializerMethodField()
    agendaItem = serializers.SerializerMethodField()
    file = serializers.SerializerMethodField()
    legislativeTerm = serializers.SerializerMethodField()
    created = serializers.DateTimeField(source="created_at")
    modified = serializers.DateTimeField(source="modified_at")

    def get_system(self, obj) -> str:
        return self.links.collection("system")

    def get_website(self, obj) -> str:
        return self.links.origin + obj.get_absolute_url()

    def get_organization(self, obj) -> str:
        return self.links.collection("organization", body=obj.slug)

    def get_person(self, obj) -> str:
        return self.links.collection("person", body=obj.slug)

    def get_membership(self, obj) -> str:
        return self.links.collection("membership", body=obj.slug)

    def get_meeting(self, obj) -> str:
        return self.links.collection("meeting", body=obj.slug)

    def get_agendaItem(self, obj) -> str:
        return self.links.collection("agendaitem", body=obj.slug)

    def get_file(self, obj) -> str:
        return self.links.collection("file", body=obj.slug)

    def get_legislativeTerm(self, obj) -> list[str]:
        # OParl requires the list; councils here have no legislative terms.
        return []


class OrganizationSerializer(LinksMixin, serializers.Serializer):
    id = RefField("organization", source="pk")
    type = TypeField("Organization")
    name = serializers.CharField()
    shortName = serializers.CharField(source="short_name")
    classification = serializers.CharField(
        source="sector.name", allow_null=True, help_text="Sektor."
    )
    membership = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="modified_at")

    def get_membership(self, obj) -> str:
        return self.links.collection("membership", onBehalfOf=obj.pk)


class PersonSerializer(LinksMixin, serializers.Serializer):
    id = RefField("person", source="pk")
    type = TypeField("Person")
    name = serializers.CharField()
    organization = RefField(
        "organization",
        source="organisation_id",
        allow_null=True,
        help_text="Virksomheten personen arbeider i.",
    )
    membership = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="modified_at")

    def get_membership(self, obj) -> list[str]:
        return [self.links.object("membership", m.pk) for m in obj.memberships.all()]


class MembershipSerializer(LinksMixin, serializers.Serializer):
    id = RefField("membership", source="pk")
    type = TypeField("Membership")
    person = RefField("person", source="person_id")
    body = BodyRefField(source="council.slug", help_text="Rådet (utvidelse).")
    onBehalfOf = RefField(
        "organization",
        source="organisation_id",
        help_text="Virksomheten personen representerer.",
    )
    role = serializers.CharField(source="get_role_display")
    startDate = serializers.DateField(source="start_date", allow_null=True)
    endDate = serializers.DateField(source="end_date", allow_null=True)
    modified = serializers.DateTimeField(source="modified_at")


class FileSerializer(LinksMixin, serializers.Serializer):
    id = RefField("file", source="pk")
    type = TypeField("File")
    name = serializers.CharField(source="title")
    fileName = serializers.SerializerMethodField()
    mimeType = serializers.SerializerMethodField()
    size = serializers.IntegerField()
    date = serializers.DateTimeField(source="uploaded_at")
    accessUrl = serializers.SerializerMethodField()
    downloadUrl = serializers.SerializerMethodField()
    meeting = serializers.SerializerMethodField()
    agendaItem = serializers.SerializerMethodField()
    created = serializers.DateTimeField(source="uploaded_at")
    modified = serializers.DateTimeField(source="modified_at")

    def to_representation(self, obj) -> dict:
        # Hand-built for speed (a meeting embeds many); the fields above document it.
        links = self.links
        download = links.download(obj.pk)
        uploaded = _iso(obj.uploaded_at)
        return {
            "id": links.object("file", obj.pk),
            "type": OPARL + "File",
            "name": obj.title,
            "fileName": self.get_fileName(obj),
            "mimeType": self.get_mimeType(obj),
            "size": obj.size,
            "date": uploaded,
            "accessUrl": download,
            "downloadUrl": download + "?download=1",
            "meeting": self.get_meeting(obj),
            "agendaItem": self.get_agendaItem(obj),
            "created": uploaded,
            "modified": _iso(obj.modified_at),
        }

    def get_fileName(self, obj) -> str:
        return obj.original_name or os.path.basename(obj.file.name)

    def get_mimeType(self, obj) -> str:
        return obj.content_type or "application/octet-stream"

    def get_accessUrl(self, obj) -> str:
        return self.links.download(obj.pk)

    def get_downloadUrl(self, obj) -> str:
        return self.links.download(obj.pk) + "?download=1"

    def get_meeting(self, obj) -> list[str]:
        return [self.links.object("meeting", obj.meeting_id)]

    def get_agendaItem(self, obj) -> list[str]:
        return [self.links.object("agendaitem", obj.item_id)] if obj.item_id else []


def _decision(item):
    """The item's decision as the public may read it: none under an item exempt as
    a whole, nor one exempt itself (minutes/exemptions.py)."""
    decision = getattr(item, "decision", None)
    if decision is None or item.exemption_scope == "whole":
        return None
    return decision


def _public_item_texts(obj) -> dict:
    """Title, presenters, body and decision text of an item as the public reads
    them: exempt parts replaced, as MinutesDocument.public() does for the pages."""
    decision = _decision(obj)
    resolution = decision.text if decision else None
    if decision is not None and decision.exemption_basis:
        resolution = exempt_text(decision.exemption_basis)
    if obj.exemption_scope == "whole":
        return {
            "name": neutral_title(),
            "presenters": "",
            "description": exempt_text(obj.exemption_basis),
            "resolutionText": None,
            "public": False,
        }
    return {
        "name": obj.title,
        "presenters": obj.presenters,
        "description": exempt_text(obj.exemption_basis)
        if obj.exemption_scope == "body"
        else obj.body,
        "resolutionText": resolution,
        "public": True,
    }


class VoteSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=["unanimous", "adopted", "rejected", "unanimously_rejected"],
        help_text="Enstemmig vedtatt, vedtatt ved votering, forkastet ved votering, "
        "enstemmig forkastet.",
    )
    subject = serializers.CharField(help_text="Hva det ble stemt over (kan være tom).")
    votesFor = serializers.IntegerField(allow_null=True)
    votesAgainst = serializers.IntegerField(allow_null=True)
    votesBlank = serializers.IntegerField(allow_null=True)
    againstNames = serializers.CharField(help_text="Mot stemte, der rådet fører det.")
    text = serializers.CharField(help_text="«Vedtatt med 5 mot 2 stemmer.»")


class ProtocolEntrySerializer(serializers.Serializer):
    person = serializers.URLField(allow_null=True)
    by = serializers.CharField(help_text="Hvem protokolltilførselen er fra.")
    text = serializers.CharField()


class DisqualificationSerializer(serializers.Serializer):
    person = serializers.URLField()
    personName = serializers.CharField()
    legalBasis = serializers.CharField(help_text="Hjemmel for inhabiliteten.")
    substitute = serializers.URLField(allow_null=True, help_text="Tiltrådte i stedet.")
    substituteName = serializers.CharField()


def _formal(obj, links) -> dict:
    """The item's votes, statements for the record and disqualifications; none
    under an item exempt as a whole, as MinutesDocument.public() does."""
    if obj.exemption_scope == "whole":
        return {"votes": [], "protocolEntries": [], "disqualifications": []}
    records = formal_records(obj)
    return {
        "votes": [
            {
                "outcome": vote.outcome,
                "subject": vote.subject,
                "votesFor": vote.votes_for,
                "votesAgainst": vote.votes_against,
                "votesBlank": vote.votes_blank,
                "againstNames": vote.against_names,
                "text": vote.line,
            }
            for vote in records["votes"]
        ],
        "protocolEntries": [
            {
                "person": links.object("person", row.person_id),
                "by": record.by,
                "text": record.text,
            }
            for row, record in zip(
                obj.protocol_entries.all(), records["protocol_entries"], strict=True
            )
        ],
        "disqualifications": [
            {
                "person": links.object("person", row.person_id),
                "personName": row.person.name,
                "legalBasis": row.basis,
                "substitute": links.object("person", row.substitute_id),
                "substituteName": row.substitute.name if row.substitute_id else "",
            }
            for row in obj.disqualifications.all()
        ],
    }


class AgendaItemSerializer(LinksMixin, serializers.Serializer):
    id = RefField("agendaitem", source="pk")
    type = TypeField("AgendaItem")
    meeting = RefField("meeting", source="meeting_id")
    body = BodyRefField(source="council.slug", help_text="Rådet (utvidelse).")
    number = serializers.CharField(
        source="number_label",
        help_text="Saksnummer som trykt: 38/22, PS 14/24, RS 3/24, Pkt. 1.",
    )
    series = serializers.ChoiceField(
        choices=["case", "report", "procedural"],
        help_text="Nummerserie (utvidelse): sak, referatsak eller møtepunkt "
        "nummerert per møte.",
    )
    order = serializers.IntegerField()
    name = serializers.CharField(source="title")
    public = serializers.SerializerMethodField()
    kind = serializers.CharField(source="kind_label", help_text="Sakstype.")
    archiveReference = serializers.CharField(
        source="archive_reference", help_text="Arkivsaksnummer."
    )
    lateAddition = serializers.BooleanField(
        source="is_late_addition", help_text="Tilleggssak."
    )
    handledKind = serializers.CharField(
        source="handled_kind_label",
        allow_null=True,
        help_text="Sakstypen saken ble behandlet som i møtet, når den avviker fra "
        "den planlagte (kind).",
    )
    postponed = serializers.BooleanField(
        source="is_postponed", help_text="Saken ble utsatt."
    )
    postponedReason = serializers.CharField(
        source="postponed_reason", help_text="Grunnen til utsettelsen."
    )
    postponedFrom = RefField(
        "agendaitem",
        source="postponed_from_id",
        allow_null=True,
        help_text="Den utsatte saken denne saken ble flyttet fra.",
    )
    presenters = serializers.CharField(help_text="Innledere.")
    description = serializers.CharField(source="body", help_text="Saksfremstilling.")
    result = serializers.SerializerMethodField()
    resolutionText = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    input = serializers.SerializerMethodField()
    auxiliaryFile = FileSerializer(many=True, source="public_files")
    votes = VoteSerializer(many=True, read_only=True, help_text="Votering.")
    protocolEntries = ProtocolEntrySerializer(
        many=True, read_only=True, help_text="Protokolltilførsel."
    )
    disqualifications = DisqualificationSerializer(
        many=True, read_only=True, help_text="Inhabilitet."
    )
    web = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="modified_at")

    def to_representation(self, obj) -> dict:
        # Hand-built for speed (a page of meetings embeds hundreds of items); the
        # declared fields above document the same keys in the OpenAPI document.
        links = self.links
        decision = _decision(obj)
        files = self.context.get("file_serializer")
        if files is None:
            files = self.context["file_serializer"] = FileSerializer(
                context=self.context
            )
        texts = _public_item_texts(obj)
        public_decision = (
            decision if decision and not decision.exemption_basis else None
        )
        return {
            "id": links.object("agendaitem", obj.pk),
            "type": OPARL + "AgendaItem",
            "meeting": links.object("meeting", obj.meeting_id),
            "body": links.body(obj.council.slug),
            "number": obj.number_label,
            "series": obj.series,
            "order": obj.order,
            "name": texts["name"],
            "public": texts["public"],
            "kind": obj.kind_label,
            "archiveReference": obj.archive_reference,
            "lateAddition": obj.is_late_addition,
            "handledKind": obj.handled_kind_label or None,
            "postponed": obj.is_postponed,
            "postponedReason": obj.postponed_reason if obj.is_postponed else "",
            "postponedFrom": links.object("agendaitem", obj.postponed_from_id),
            "presenters": texts["presenters"],
            "description": texts["description"],
            "result": decision.label if decision else None,
            "resolutionText": texts["resolutionText"],
            "decision": links.object("decision", public_decision.pk)
            if public_decision
            else None,
            "input": links.collection("input", agendaItem=obj.pk),
            "auxiliaryFile": [
                files.to_representation(f)
                for f in obj.public_files
                if obj.exemption_scope != "whole"
            ],
            **_formal(obj, links),
            "web": self.get_web(obj),
            "modified": _iso(obj.modified_at),
        }

    def get_public(self, obj) -> bool:
        return obj.exemption_scope != "whole"

    def get_result(self, obj) -> str | None:
        """«Vedtak», or «Oppdatert vedtak» when it differs from the proposal."""
        decision = _decision(obj)
        return decision.label if decision else None

    def get_resolutionText(self, obj) -> str | None:
        return _public_item_texts(obj)["resolutionText"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_decision(self, obj) -> str | None:
        decision = _decision(obj)
        if decision is None or decision.exemption_basis:
            return None
        return self.links.object("decision", decision.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_input(self, obj) -> str:
        return self.links.collection("input", agendaItem=obj.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_web(self, obj) -> str:
        if obj.series != "case":
            # Reports and procedural points have their own addresses.
            return self.links.origin + obj.get_absolute_url()
        return self.links.web(
            "public:item", slug=obj.council.slug, year=obj.year, number=obj.number
        )


class LocationSerializer(serializers.Serializer):
    type = serializers.CharField()
    description = serializers.CharField()


def _local(day: datetime.date, time: datetime.time | None) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time or datetime.time()))


class MeetingSerializer(LinksMixin, serializers.Serializer):
    id = RefField("meeting", source="pk")
    type = TypeField("Meeting")
    body = BodyRefField(source="council.slug", help_text="Rådet (utvidelse).")
    name = serializers.CharField(source="title")
    number = serializers.CharField(source="number_label", help_text="Møte 6/2022.")
    meetingState = serializers.SerializerMethodField(
        help_text="«held»: the API lists meetings whose minutes are published."
    )
    cancelled = serializers.SerializerMethodField()
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    location = serializers.SerializerMethodField()
    agendaItem = AgendaItemSerializer(many=True, source="agenda")
    auxiliaryFile = FileSerializer(many=True, source="public_files")
    minutesVersion = serializers.IntegerField(source="minutes.version")
    minutesPublished = serializers.DateTimeField(
        source="minutes.published_at", allow_null=True
    )
    web = serializers.SerializerMethodField()
    created = serializers.DateTimeField(source="created_at")
    modified = serializers.DateTimeField(source="modified_at")

    def get_meetingState(self, obj) -> str:
        # OParl leaves the values open; ours are English, like the API's keys.
        return "held"

    def get_cancelled(self, obj) -> bool:
        return False

    def get_start(self, obj) -> datetime.datetime:
        """Start time; midnight local time when the start time was not recorded."""
        return _local(obj.date, obj.start_time).isoformat()

    def get_end(self, obj) -> datetime.datetime | None:
        return _local(obj.date, obj.end_time).isoformat() if obj.end_time else None

    @extend_schema_field(LocationSerializer(allow_null=True))
    def get_location(self, obj):
        if not obj.venue:
            return None
        return {"type": OPARL + "Location", "description": obj.venue}

    @extend_schema_field(OpenApiTypes.URI)
    def get_web(self, obj) -> str:
        return self.links.web(
            "public:meeting", slug=obj.council.slug, year=obj.year, number=obj.number
        )


class InputSerializer(LinksMixin, serializers.Serializer):
    id = RefField("input", source="pk")
    type = TypeField("Input", extension=True)
    agendaItem = RefField("agendaitem", source="item_id")
    meeting = RefField("meeting", source="meeting_pk")
    parent = RefField(
        "input", source="parent_id", allow_null=True, help_text="Underpunkt av."
    )
    order = serializers.IntegerField()
    text = serializers.CharField()
    attribution = serializers.ChoiceField(
        choices=["none", "organisation", "sector", "person"]
    )
    attributedTo = serializers.CharField(
        source="attributed_to", help_text="Hvem innspillet kom fra, som i referatet."
    )
    organization = RefField("organization", source="organisation_id", allow_null=True)
    person = RefField("person", source="person_id", allow_null=True)
    sector = serializers.CharField(source="sector.name", allow_null=True)
    written = serializers.BooleanField(
        source="is_written", help_text="Skriftlig innspill."
    )
    modified = serializers.DateTimeField(source="modified_at")

    def to_representation(self, obj) -> dict:
        links = self.links
        return {
            "id": links.object("input", obj.pk),
            "type": links.extension_type("Input"),
            "agendaItem": links.object("agendaitem", obj.item_id),
            "meeting": links.object("meeting", obj.meeting_pk),
            "parent": links.object("input", obj.parent_id),
            "order": obj.order,
            "text": obj.text,
            "attribution": obj.attribution,
            # As the minutes print it: a sector's representative in the council's
            # words (Council.sector_representative).
            "attributedTo": obj.item.council.sector_representative(obj.sector)
            if obj.attribution == "sector" and obj.sector_id
            else obj.attributed_to,
            "organization": links.object("organization", obj.organisation_id),
            "person": links.object("person", obj.person_id),
            "sector": obj.sector.name if obj.sector_id else None,
            "written": obj.is_written,
            "modified": _iso(obj.modified_at),
        }


class DecisionSerializer(LinksMixin, serializers.Serializer):
    id = RefField("decision", source="pk")
    type = TypeField("Decision", extension=True)
    agendaItem = RefField("agendaitem", source="item_id")
    meeting = RefField("meeting", source="item.meeting_id")
    name = serializers.CharField(
        source="label", help_text="«Vedtak» eller «Oppdatert vedtak»."
    )
    resolutionText = serializers.CharField(source="text")
    proposedText = serializers.CharField(
        source="proposed_text", help_text="Forslag til vedtak fra innkallingen."
    )
    updated = serializers.BooleanField(
        source="is_updated", help_text="Vedtaket avviker fra forslaget."
    )
    modified = serializers.DateTimeField(source="modified_at")


def _iso(value: datetime.datetime | None) -> str | None:
    """Like DRF's DateTimeField: ISO 8601 in the site's time zone."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
