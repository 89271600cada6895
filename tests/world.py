"""The world every test package shares: two councils and the people around them.

Council A is Testrådet, council B is Det andre rådet. The personas, by role:

- anonymous: nobody is logged in;
- secretariat_a: Alice serves council A's secretariat;
- member_a: Bob is a member of council A;
- secretariat_b: Cecilie serves council B's secretariat;
- member_b: Charlie is a member of council B. Like Cecilie he has no access to
  anything of council A's that is not public;
- operator: Oscar runs the site: staff and superuser, he has the admin.
- staff: Stian has the staff flag and every model permission but is not an
  operator (say, a secretariat account someone made staff by hand): he gets no admin
  page and, serving no council, nothing that is not public.

Everyone logs in with PASSWORD. The world is made the way the site's users make
things: people and councils through the factories, meetings through the services
(tests.factories.make_meeting), published minutes through tests.factories.publish,
never by setting a status. The meetings are made on first use (`draft_a`, `draft_b`,
`published_a`), so a test that needs none pays nothing for them, sends no mail and
numbers its own meetings from 1.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AbstractBaseUser, Permission
from django.test import Client
from django.utils import timezone

from council.models import Council, Membership
from minutes.models import Meeting
from tests.factories import (
    PASSWORD,
    CouncilFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    make_meeting,
    make_published_meeting,
)

__all__ = ["PASSWORD", "PERSONAS", "World", "add_member", "build_world"]

PERSONAS = (
    "anonymous",
    "secretariat_a",
    "member_a",
    "secretariat_b",
    "member_b",
    "operator",
    "staff",
)


@dataclass
class World:
    council_a: Council
    council_b: Council
    secretariat_a: AbstractBaseUser
    member_a: AbstractBaseUser
    secretariat_b: AbstractBaseUser
    member_b: AbstractBaseUser
    operator: AbstractBaseUser
    staff: AbstractBaseUser
    # Bob's seat in council A and Charlie's in council B.
    membership_a: Membership
    membership_b: Membership

    def user(self, persona: str) -> AbstractBaseUser | None:
        """The persona's user; None for anonymous."""
        if persona not in PERSONAS:
            raise KeyError(f"{persona!r} is not one of {PERSONAS}")
        return None if persona == "anonymous" else getattr(self, persona)

    def client(self, persona: str) -> Client:
        """A browser of the persona's own, logged in (second factor included, see
        tests/otp.py) unless the persona is anonymous."""
        client = Client()
        user = self.user(persona)
        if user is not None:
            client.force_login(user)
        return client

    @cached_property
    def draft_a(self) -> Meeting:
        """Council A's next meeting, two weeks ahead: its minutes are a draft."""
        return make_meeting(council=self.council_a, date=_in_days(14))

    @cached_property
    def draft_b(self) -> Meeting:
        """Council B's next meeting, two weeks ahead: its minutes are a draft."""
        return make_meeting(council=self.council_b, date=_in_days(14))

    @cached_property
    def published_a(self) -> Meeting:
        """Council A's meeting of 1 March 2024, its minutes approved and published
        (with a version and a frozen PDF: set MEDIA_ROOT to a temporary folder)."""
        return make_published_meeting(
            council=self.council_a, date=datetime.date(2024, 3, 1)
        )


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def add_member(
    council: Council,
    username: str,
    *,
    name: str = "",
    role: str = Membership.Role.MEMBER,
    language: str = "nb",
) -> AbstractBaseUser:
    """A user who sits in the council: a login, a person with the e-mail address
    <username>@example.org and the language they read it in, and a membership."""
    first_name = (name or username).split()[0].capitalize()
    user = UserFactory(username=username, first_name=first_name)
    person = PersonFactory(
        name=name or username.capitalize(),
        email=f"{username}@example.org",
        user=user,
        language=language,
    )
    MembershipFactory(
        council=council, person=person, organisation=person.organisation, role=role
    )
    return user


def _secretariat(council: Council, username: str) -> AbstractBaseUser:
    user = UserFactory(
        username=username, first_name=username.capitalize(), last_name="Sekretær"
    )
    council.secretariat_users.add(user)
    return user


def _staff_not_operator() -> AbstractBaseUser:
    user = UserFactory(username="stian", first_name="Stian", is_staff=True)
    user.user_permissions.set(Permission.objects.all())
    return user


def build_world() -> World:
    council_a = CouncilFactory(name="Testrådet", slug="testradet")
    council_b = CouncilFactory(name="Det andre rådet", slug="det-andre-radet")
    member_a = add_member(council_a, "bob", name="Bob Medlem")
    member_b = add_member(council_b, "charlie", name="Charlie Medlem")
    return World(
        council_a=council_a,
        council_b=council_b,
        secretariat_a=_secretariat(council_a, "alice"),
        member_a=member_a,
        secretariat_b=_secretariat(council_b, "cecilie"),
        member_b=member_b,
        operator=UserFactory(
            username="oscar", first_name="Oscar", is_staff=True, is_superuser=True
        ),
        staff=_staff_not_operator(),
        membership_a=member_a.person.memberships.get(),
        membership_b=member_b.person.memberships.get(),
    )
