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


def access_council(
    user: User, slug: str, *, edit: bool = False
) -> tuple[Council, bool]:
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


def access_meeting_by_number(
    user: User, council_slug: str, year: int, number: int
) -> Meeting:
    """A meeting by its address («…/mote/2022/6/») for its members and secretariat.

    Used for drafts and summonses; everyone else gets 404, whether it exists or not.
    """
    meeting = (
        Meeting.objects.select_related(
            "council", "council__secretariat_organisation", "minutes"
        )
        .filter(
            council__slug=council_slug,
            year=year,
            number=number,
            council__in=readable_councils(user),
        )
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


# The secretariat's workspace: every fetch below is for editing, so only the council's
# secretariat gets the object; members, other councils and the public get 404.


def access_item(user: User, item_id: int):
    """An agenda item for its council's secretariat."""
    from minutes.models import AgendaItem

    item = (
        AgendaItem.objects.select_related("meeting", "meeting__council", "decision")
        .filter(pk=item_id, council__in=served_councils(user))
        .first()
    )
    if item is None:
        raise Http404
    return item


def access_input(user: User, input_id: int):
    """An input (innspill) for the secretariat of its item's council."""
    from minutes.models import Input

    entry = (
        Input.objects.select_related("item", "item__meeting", "item__meeting__council")
        .filter(pk=input_id, item__council__in=served_councils(user))
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def access_decision(user: User, decision_id: int):
    """A decision for the secretariat of its item's council."""
    from minutes.models import Decision

    decision = (
        Decision.objects.select_related(
            "item", "item__meeting", "item__meeting__council"
        )
        .filter(pk=decision_id, item__council__in=served_councils(user))
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def access_attachment(user: User, attachment_id: int):
    """A paper (public or internal) for the secretariat of its meeting's council."""
    from minutes.models import Attachment

    attachment = (
        Attachment.objects.select_related("meeting", "meeting__council", "item")
        .filter(pk=attachment_id, meeting__council__in=served_councils(user))
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment


def access_attendance(user: User, attendance_id: int):
    """An attendance row for the secretariat of its meeting's council."""
    from council.models import Attendance

    attendance = (
        Attendance.objects.select_related("meeting", "meeting__council")
        .filter(pk=attendance_id, meeting__council__in=served_councils(user))
        .first()
    )
    if attendance is None:
        raise Http404
    return attendance


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
    from council.models import Organisation

    return Organisation.objects.filter(
        Q(memberships__council=council)
        | Q(secretariat_for=council)
        | Q(people__attendances__meeting__council=council)
    ).distinct()


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
    from council.models import Sector

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


# Review of minutes (minutes/views_review.py): members and the secretariat read the
# draft and comment; only the secretariat answers comments and moves the minutes on.


def access_minutes(user: User, meeting_id: int, *, edit: bool = False):
    """(meeting, minutes, can_edit) for the council's members and secretariat; 404
    for everyone else, and with edit=True for everyone but the secretariat."""
    from minutes.models import Minutes

    meeting, can_edit = access_meeting(user, meeting_id, edit=edit)
    try:
        minutes = meeting.minutes
    except Minutes.DoesNotExist:
        raise Http404 from None
    return meeting, minutes, can_edit


def access_review_comment(user: User, meeting_id: int, comment_id: int):
    """A review comment on a meeting's minutes, for the council's secretariat."""
    from minutes.models import ReviewComment

    comment = (
        ReviewComment.objects.select_related("version", "version__minutes")
        .filter(
            pk=comment_id,
            version__minutes__meeting_id=meeting_id,
            version__minutes__meeting__council__in=served_councils(user),
        )
        .first()
    )
    if comment is None:
        raise Http404
    return comment
