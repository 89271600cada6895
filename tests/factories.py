"""factory_boy factories for tests. Meetings and items go through the services."""

import datetime

import factory
from django.contrib.auth import get_user_model

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.models import AgendaItem
from minutes.services import agenda, editing, lifecycle

# Every user the factories make logs in with this password.
PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    name = factory.Sequence(lambda n: f"Sektor {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Virksomhet {n}")
    slug = factory.Sequence(lambda n: f"virksomhet-{n}")
    sector = factory.SubFactory(SectorFactory)


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Rådet {n}")
    slug = factory.Sequence(lambda n: f"radet-{n}")
    secretariat_organisation = factory.SubFactory(OrganisationFactory)
    default_venue = "Møterom 1"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    council = factory.SubFactory(CouncilFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda m: m.person.organisation)


def make_meeting(council=None, date=datetime.date(2024, 3, 1), **kwargs):
    """A meeting created the way users create them: numbered, with standard items."""
    return agenda.meeting_create(
        council=council or CouncilFactory(), date=date, **kwargs
    )


def decide_all(meeting) -> None:
    """Record the meeting's decisions, as a secretariat does before approval: every
    item that needs a decision and has none is «Vedtatt som foreslått», or gets a
    plain decision where nothing was proposed."""
    items = AgendaItem.objects.filter(meeting=meeting).select_related("decision")
    for item in items:
        decision = item.decision
        if decision.final_text.strip():
            continue
        if decision.proposed_text.strip():
            editing.decision_adopt_as_proposed(
                decision=decision, revision=decision.revision
            )
        elif item.kind in lifecycle.DECIDED_KINDS:
            decision.final_text = f"{meeting.council.name} vedtok saken."
            decision.save()


def approving_item(meeting, date: datetime.date):
    """A later meeting of the council on `date`, its item that approves `meeting`'s
    minutes decided as proposed: what «Registrer godkjenning» needs."""
    later = make_meeting(council=meeting.council, date=date)
    item = later.items.select_related("decision").get(approves_minutes_of=meeting)
    editing.decision_adopt_as_proposed(
        decision=item.decision, revision=item.decision.revision
    )
    item.refresh_from_db()
    return item


# The smallest file every PDF check accepts as a PDF.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

APPROVED_AT = datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC)


def publish(meeting, *, approved_at: datetime.datetime = APPROVED_AT):
    """Publish the minutes as production does: through the services, so they get a
    version, a frozen PDF and a published snapshot (the public reads nothing else)."""
    minutes = lifecycle.minutes_approve_historical(
        minutes=meeting.minutes, approved_at=approved_at
    )
    if minutes.status != minutes.Status.PUBLISHED:
        lifecycle.minutes_publish(minutes=minutes)
    meeting.refresh_from_db()
    return meeting


def make_published_meeting(council=None, date=datetime.date(2024, 3, 1), **kwargs):
    return publish(make_meeting(council=council, date=date, **kwargs))
