"""Who may see and do what: the one place every view asks.

Rules (DESIGN.md): a secretariat user edits only the councils they serve; a member sees
drafts only of councils they belong to; the public sees published minutes only.
`access_*` functions fetch an object for a user and raise Http404 both when it does not
exist and when the user may not see it, so existence itself does not leak.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from council.models import Council, Meeting, Membership

User = AbstractBaseUser | AnonymousUser


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


def access_council(user: User, slug: str, *, edit: bool = False) -> tuple[Council, bool]:
    """The council and whether the user may edit it; 404 if the user may not read it."""
    councils = served_councils(user) if edit else readable_councils(user)
    council = councils.filter(slug=slug).first()
    if council is None:
        raise Http404
    return council, edit or can_edit_council(user, council)


def access_meeting(
    user: User, meeting_id: int, *, edit: bool = False
) -> tuple[Meeting, bool]:
    """A meeting for its members and secretariat, and whether the user may edit it.

    With edit=True only the council's secretariat gets it; everyone else gets 404.
    """
    councils = served_councils(user) if edit else readable_councils(user)
    meeting = (
        Meeting.objects.select_related("council", "minutes")
        .filter(pk=meeting_id, council__in=councils)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting, edit or can_edit_council(user, meeting.council)
