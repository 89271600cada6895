"""What the open data API may show, as querysets with a `modified_at` annotation.

Meetings and everything in them appear only once their minutes are published: the
filters go through minutes.selectors.public_meetings() and
AgendaItem.objects.published(), so the API and the public pages share one rule.
`modified_at` is the later of the object's own change and its minutes' change, so a
client that syncs with `modified_since` also sees objects that became public by
publication.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest

from council.models import Attendance, Council, Membership, Organisation, Person
from minutes.models import AgendaItem, Attachment, Decision, Input
from minutes.selectors import public_meetings


def bodies() -> QuerySet[Council]:
    return Council.objects.annotate(modified_at=F("updated_at")).order_by("pk")


def _seen_people() -> Q:
    """People who sit in a council or appear in published minutes."""
    meetings = public_meetings()
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
                    person=OuterRef("pk"), item__in=AgendaItem.objects.published()
                )
            )
        )
    )


def organisations() -> QuerySet[Organisation]:
    """Organisations in a council, or named in published minutes, nobody else."""
    seen = (
        Q(Exists(Membership.objects.filter(organisation=OuterRef("pk"))))
        | Q(Exists(Council.objects.filter(secretariat_organisation=OuterRef("pk"))))
        | Q(Exists(Person.objects.filter(_seen_people(), organisation=OuterRef("pk"))))
        | Q(
            Exists(
                Attendance.objects.filter(
                    organisation=OuterRef("pk"), meeting__in=public_meetings()
                )
            )
        )
        | Q(
            Exists(
                Input.objects.filter(
                    organisation=OuterRef("pk"),
                    item__in=AgendaItem.objects.published(),
                )
            )
        )
    )
    return (
        Organisation.objects.filter(seen)
        .select_related("sector")
        .annotate(modified_at=F("updated_at"))
        .order_by("pk")
    )


def people() -> QuerySet[Person]:
    """People who sit in a council or appear in published minutes, nobody else."""
    return (
        Person.objects.filter(_seen_people())
        .annotate(modified_at=F("updated_at"))
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("pk"))
        )
        .order_by("pk")
    )


def memberships() -> QuerySet[Membership]:
    return (
        Membership.objects.select_related("council")
        .annotate(modified_at=F("updated_at"))
        .order_by("pk")
    )


def public_files() -> QuerySet[Attachment]:
    return (
        Attachment.objects.filter(
            is_public=True, meeting__in=public_meetings().values("pk")
        )
        .annotate(modified_at=Greatest("updated_at", "meeting__minutes__updated_at"))
        .order_by("order", "pk")
    )


def items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.published()
        .select_related("decision", "council")
        .annotate(
            modified_at=Greatest(
                "updated_at",
                "meeting__minutes__updated_at",
                Coalesce("decision__updated_at", "updated_at"),
            )
        )
        .prefetch_related(
            Prefetch("attachments", queryset=public_files(), to_attr="public_files")
        )
    )


def meetings() -> QuerySet:
    meeting_files = public_files().filter(item__isnull=True)
    return (
        public_meetings()
        .select_related("council", "minutes")
        .annotate(modified_at=Greatest("updated_at", "minutes__updated_at"))
        .prefetch_related(
            Prefetch(
                "items", queryset=items().order_by("order", "number"), to_attr="agenda"
            ),
            Prefetch("attachments", queryset=meeting_files, to_attr="public_files"),
        )
        .order_by("pk")
    )


def inputs() -> QuerySet[Input]:
    return (
        Input.objects.filter(item__in=AgendaItem.objects.published().values("pk"))
        .select_related("item", "organisation", "sector", "person")
        .annotate(
            modified_at=Greatest("updated_at", "item__meeting__minutes__updated_at")
        )
        .order_by("pk")
    )


def decisions() -> QuerySet[Decision]:
    return (
        Decision.objects.filter(item__in=AgendaItem.objects.published().values("pk"))
        .select_related("item")
        .annotate(
            modified_at=Greatest("updated_at", "item__meeting__minutes__updated_at")
        )
        .order_by("pk")
    )
