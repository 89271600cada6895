"""Who may read and edit a council: the register's half of access.

Rules (DESIGN.md): a secretariat user edits only the councils they serve; a member sees
drafts only of councils they belong to. `access_*` functions fetch an object for a user
and raise Http404 both when it does not exist and when the user may not see it, so
existence itself does not leak. The meeting's objects are fetched in minutes/access.py.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from council.models import Council, Membership, Organisation, Person, Sector

User = AbstractBaseUser | AnonymousUser


def is_operator(user: User) -> bool:
    """The operator runs the installation: an active superuser with staff status.
    Only the operator has Django's admin and creates councils."""
    return bool(
        user.is_authenticated and user.is_active and user.is_staff and user.is_superuser
    )


def served_councils(user: User) -> QuerySet[Council]:
    """Councils whose secretariat the user is part of (superusers serve all)."""
    if not user.is_authenticated:
        return Council.objects.none()
    if user.is_superuser:
        return Council.objects.all()
    return Council.objects.filter(secretariat_users=user)


def member_councils(user: User) -> QuerySet[Council]:
    """Councils the user sits in now, through their Person's memberships."""
    if not user.is_authenticated:
        return Council.objects.none()
    today = timezone.localdate()
    memberships = Membership.objects.active_on(today).filter(person__user=user)
    return Council.objects.filter(pk__in=memberships.values("council_id"))


def readable_councils(user: User) -> QuerySet[Council]:
    """Councils whose drafts the user may read: members and secretariat."""
    if not user.is_authenticated:
        return Council.objects.none()
    if user.is_superuser:
        return Council.objects.all()
    today = timezone.localdate()
    memberships = Membership.objects.active_on(today).filter(person__user=user)
    return Council.objects.filter(
        Q(secretariat_users=user) | Q(pk__in=memberships.values("council_id"))
    ).distinct()


def can_edit_council(user: User, council: Council) -> bool:
    return served_councils(user).filter(pk=council.pk).exists()


def can_read_drafts(user: User, council: Council) -> bool:
    return readable_councils(user).filter(pk=council.pk).exists()


def is_member(user: User, council: Council) -> bool:
    return member_councils(user).filter(pk=council.pk).exists()


def access_council(
    user: User, slug: str, *, edit: bool = False
) -> tuple[Council, bool]:
    """The council and whether the user may edit it; 404 if the user may not read it."""
    councils = served_councils(user) if edit else readable_councils(user)
    council = councils.filter(slug=slug).first()
    if council is None:
        raise Http404
    return council, edit or can_edit_council(user, council)


def access_membership(user: User, council: Council, membership_id: int) -> Membership:
    """A membership of a council the user serves."""
    membership = (
        Membership.objects.select_related("person", "organisation")
        .filter(pk=membership_id, council=council, council__in=served_councils(user))
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def council_organisations(council: Council):
    """Organisations a council's secretariat manages: those of its members, its
    secretariat, and those it created for attendees."""
    return Organisation.objects.filter(
        Q(memberships__council=council)
        | Q(secretariat_for=council)
        | Q(people__attendances__meeting__council=council)
    ).distinct()


def council_people(council: Council):
    """People a council's secretariat works with: members, secretariat staff and
    those who attended its meetings. Lists and lookups in /arbeid/ offer no one else."""
    return (
        Person.objects.filter(
            Q(memberships__council=council)
            | Q(attendances__meeting__council=council)
            | Q(organisation__secretariat_for=council)
        )
        .select_related("organisation")
        .distinct()
        .order_by("name")
    )


def access_organisation(user: User, council: Council, organisation_id: int):
    if not served_councils(user).filter(pk=council.pk).exists():
        raise Http404
    organisation = council_organisations(council).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def council_sectors(council: Council):
    """Sectors of the council's organisations, and sectors nobody uses yet (sectors
    are shared between councils)."""
    return Sector.objects.filter(
        Q(pk__in=council_organisations(council).values("sector_id"))
        | Q(organisations__isnull=True)
    ).distinct()


def access_sector(user: User, council: Council, sector_id: int):
    if not served_councils(user).filter(pk=council.pk).exists():
        raise Http404
    sector = council_sectors(council).filter(pk=sector_id).first()
    if sector is None:
        raise Http404
    return sector
