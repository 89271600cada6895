"""Fetching a meeting's objects for a user: the one helper every view asks.

A secretariat user edits only the councils they serve; members read the drafts of
their own councils. `access` gives the same 404 for «does not exist» and «not yours»,
so existence itself does not leak. What the public may read is in minutes/public.py.
"""

from typing import TypeVar

from django.db.models import Exists, Model, OuterRef, Q
from django.http import Http404

from council.access import User, can_edit_council, readable_councils, served_councils
from council.models import Membership
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    Disqualification,
    FollowUp,
    Input,
    Meeting,
    Minutes,
    ProtocolEntry,
    ReviewComment,
    Vote,
)

T = TypeVar("T", bound=Model)

# For each kind of object: the path from it to its council, and what its pages need.
_COUNCIL_PATH: dict[type[Model], tuple[str, tuple[str, ...]]] = {
    Meeting: ("council", ("council", "minutes")),
    AgendaItem: ("council", ("meeting", "meeting__council", "decision")),
    # The input's parent and attribution: what saving and showing one field reads.
    Input: (
        "item__council",
        (
            "item",
            "item__meeting",
            "item__meeting__council",
            "parent",
            "organisation",
            "sector",
            "person",
        ),
    ),
    Decision: ("item__council", ("item", "item__meeting", "item__meeting__council")),
    # The formal elements under an item (minutes/models/formal.py).
    Vote: ("item__council", ("item", "item__meeting", "item__meeting__council")),
    ProtocolEntry: (
        "item__council",
        ("item", "item__meeting", "item__meeting__council"),
    ),
    Disqualification: (
        "item__council",
        ("item", "item__meeting", "item__meeting__council"),
    ),
    Attachment: ("meeting__council", ("meeting", "meeting__council", "item")),
    Attendance: ("meeting__council", ("meeting", "meeting__council")),
    FollowUp: (
        "council",
        (
            "item",
            "item__meeting",
            "council",
            "responsible_organisation",
            "responsible_person",
        ),
    ),
    ReviewComment: (
        "version__minutes__meeting__council",
        ("version", "version__minutes"),
    ),
}


# For each kind of object: the path from it to its meeting.
_MEETING_PATH: dict[type[Model], str] = {
    Meeting: "",
    AgendaItem: "meeting__",
    Input: "item__meeting__",
    Decision: "item__meeting__",
    Attachment: "meeting__",
    Attendance: "meeting__",
    FollowUp: "item__meeting__",
    ReviewComment: "version__minutes__meeting__",
}


def readable(user: User, model: type[Model], *, edit: bool = False) -> Q:
    """The objects of `model` the user may read (edit=False) or edit.

    Readers are the council's secretariat and its members; a member whose term has
    ended still reads the meetings held during it, as they took part in them.
    """
    path = _COUNCIL_PATH[model][0]
    if edit:
        return Q(**{f"{path}__in": served_councils(user)})
    rule = Q(**{f"{path}__in": readable_councils(user)})
    if user.is_authenticated:
        meeting = _MEETING_PATH[model]
        seat_then = (
            Membership.objects.filter(
                person__user=user, council_id=OuterRef(f"{meeting}council_id")
            )
            .filter(
                Q(start_date__isnull=True)
                | Q(start_date__lte=OuterRef(f"{meeting}date"))
            )
            .filter(
                Q(end_date__isnull=True) | Q(end_date__gte=OuterRef(f"{meeting}date"))
            )
        )
        rule |= Q(Exists(seat_then))
    return rule


def access(user: User, model: type[T], pk: int, *, edit: bool = True, **filters) -> T:
    """The object for its council's secretariat (edit=True) or also its members.

    Extra `filters` narrow the fetch, e.g. to the meeting in the address.
    """
    related = _COUNCIL_PATH[model][1]
    obj = (
        model.objects.select_related(*related)
        .filter(readable(user, model, edit=edit), pk=pk, **filters)
        .first()
    )
    if obj is None:
        raise Http404
    return obj


def access_meeting(
    user: User, meeting_id: int, *, edit: bool = False
) -> tuple[Meeting, bool]:
    """A meeting for its members and secretariat, and whether the user may edit it."""
    meeting = access(user, Meeting, meeting_id, edit=edit)
    return meeting, edit or can_edit_council(user, meeting.council)


def access_meeting_by_number(
    user: User, council_slug: str, year: int, number: int
) -> Meeting:
    """A meeting by its address («…/mote/2022/6/») for its members and secretariat."""
    meeting = (
        Meeting.objects.select_related(
            "council", "council__secretariat_organisation", "minutes"
        )
        .filter(
            readable(user, Meeting),
            council__slug=council_slug,
            year=year,
            number=number,
        )
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def access_minutes(
    user: User, meeting_id: int, *, edit: bool = False
) -> tuple[Meeting, Minutes, bool]:
    """(meeting, minutes, can_edit) for the council's members and secretariat."""
    meeting, can_edit = access_meeting(user, meeting_id, edit=edit)
    try:
        minutes = meeting.minutes
    except Minutes.DoesNotExist:
        raise Http404 from None
    return meeting, minutes, can_edit
