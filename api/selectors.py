"""What the open data API may show, as querysets with a `modified_at` annotation.

Meetings and everything in them appear only once their minutes are published: the
filters go through minutes.public.frozen_public_meetings(), so the API and the public
pages share one rule.
`modified_at` is the later of the object's own change and its minutes' change, so a
client that syncs with `modified_since` also sees objects that became public by
publication.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest

from council.models import Council, Membership, Organisation, Person
from minutes.document import FORMAL_PREFETCH
from minutes.exemptions import public_decisions, public_inputs
from minutes.models import AgendaItem, Attachment, Attendance, Decision, Input
from minutes.public import frozen_public_meetings

# When each kind of object last changed, for modified_since / modified_until.
MODIFIED = {
    "body": F("updated_at"),
    "organization": F("updated_at"),
    "person": F("updated_at"),
    "membership": F("updated_at"),
    "meeting": Greatest("updated_at", "minutes__updated_at"),
    "agendaitem": Greatest(
        "updated_at",
        "meeting__minutes__updated_at",
        Coalesce("decision__updated_at", "updated_at"),
    ),
    "input": Greatest("updated_at", "item__meeting__minutes__updated_at"),
    "decision": Greatest("updated_at", "item__meeting__minutes__updated_at"),
    "file": Greatest("updated_at", "meeting__minutes__updated_at"),
}

# visible_*: which rows the API may show, without the joins that serialising needs,
# so lists count and page through ids cheaply. The unprefixed functions add those.


def visible_bodies() -> QuerySet[Council]:
    return Council.objects.order_by("pk")


def bodies() -> QuerySet[Council]:
    return visible_bodies().annotate(modified_at=MODIFIED["body"])


def _seen_people() -> Q:
    """People who sit in a council or appear in published minutes."""
    meetings = frozen_public_meetings()
    return (
        Q(Exists(Membership.objects.filter(person=OuterRef("pk"))))
        | Q(
            Exists(
                Attendance.objects.filter(
                    Q(person=OuterRef("pk")) | Q(substitute=OuterRef("pk")),
                    meeting__in=meetings,
                )
            )
        )
        | Q(
            Exists(
                Input.objects.filter(
                    person=OuterRef("pk"),
                    item__in=AgendaItem.objects.filter(
                        meeting__in=frozen_public_meetings()
                    ),
                )
            )
        )
    )


def visible_organisations() -> QuerySet[Organisation]:
    """Organisations in a council, or named in published minutes, nobody else."""
    seen = (
        Q(Exists(Membership.objects.filter(organisation=OuterRef("pk"))))
        | Q(Exists(Council.objects.filter(secretariat_organisation=OuterRef("pk"))))
        | Q(Exists(Person.objects.filter(_seen_people(), organisation=OuterRef("pk"))))
        | Q(
            Exists(
                Attendance.objects.filter(
                    organisation=OuterRef("pk"), meeting__in=frozen_public_meetings()
                )
            )
        )
        | Q(
            Exists(
                Input.objects.filter(
                    organisation=OuterRef("pk"),
                    item__in=AgendaItem.objects.filter(
                        meeting__in=frozen_public_meetings()
                    ),
                )
            )
        )
    )
    return Organisation.objects.filter(seen).order_by("pk")


def organisations() -> QuerySet[Organisation]:
    return (
        visible_organisations()
        .select_related("sector")
        .annotate(modified_at=MODIFIED["organization"])
    )


def visible_people() -> QuerySet[Person]:
    """People who sit in a council or appear in published minutes, nobody else."""
    return Person.objects.filter(_seen_people()).order_by("pk")


def people() -> QuerySet[Person]:
    return (
        visible_people()
        .annotate(modified_at=MODIFIED["person"])
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("pk"))
        )
    )


def visible_memberships() -> QuerySet[Membership]:
    return Membership.objects.order_by("pk")


def memberships() -> QuerySet[Membership]:
    return (
        visible_memberships()
        .select_related("council")
        .annotate(modified_at=MODIFIED["membership"])
    )


def visible_files() -> QuerySet[Attachment]:
    return (
        Attachment.objects.filter(
            is_public=True, meeting__in=frozen_public_meetings().values("pk")
        )
        .exclude(item__exemption_scope="whole")
        .order_by("pk")
    )


def public_files() -> QuerySet[Attachment]:
    return visible_files().annotate(modified_at=MODIFIED["file"])


def visible_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting__in=frozen_public_meetings()).order_by(
        "pk"
    )


def items() -> QuerySet[AgendaItem]:
    return (
        visible_items()
        .select_related("decision", "council")
        .annotate(modified_at=MODIFIED["agendaitem"])
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=public_files().order_by("order", "pk"),
                to_attr="public_files",
            ),
            *FORMAL_PREFETCH,
        )
    )


def visible_meetings() -> QuerySet:
    return frozen_public_meetings().order_by("pk")


def meetings() -> QuerySet:
    meeting_files = public_files().filter(item__isnull=True).order_by("order", "pk")
    return (
        visible_meetings()
        .select_related("council", "minutes")
        .annotate(modified_at=MODIFIED["meeting"])
        .prefetch_related(
            Prefetch(
                "items", queryset=items().order_by("order", "number"), to_attr="agenda"
            ),
            Prefetch("attachments", queryset=meeting_files, to_attr="public_files"),
        )
    )


def visible_inputs() -> QuerySet[Input]:
    # Exempt inputs, those under an exempt input and those of an item exempt as a
    # whole are not public (minutes/exemptions.py).
    return (
        Input.objects.filter(
            item__in=AgendaItem.objects.filter(
                meeting__in=frozen_public_meetings()
            ).values("pk")
        )
        .filter(public_inputs())
        .exclude(parent__exemption_basis__gt="")
        .order_by("pk")
    )


def inputs() -> QuerySet[Input]:
    return (
        visible_inputs()
        .select_related("organisation", "sector", "person", "item__council")
        .annotate(meeting_pk=F("item__meeting_id"), modified_at=MODIFIED["input"])
    )


def visible_decisions() -> QuerySet[Decision]:
    return (
        Decision.objects.filter(
            item__in=AgendaItem.objects.filter(
                meeting__in=frozen_public_meetings()
            ).values("pk")
        )
        .filter(public_decisions())
        .order_by("pk")
    )


def decisions() -> QuerySet[Decision]:
    return (
        visible_decisions()
        .select_related("item", "item__council")
        .annotate(modified_at=MODIFIED["decision"])
    )
