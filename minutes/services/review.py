"""Around the review round: who votes on the minutes, how far the vote has come, what
a member's comment points to, and reminders to voters who have not answered.

Nothing here changes the minutes' status: the transitions, which use these, are in
lifecycle.py.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import Council, Membership, Person
from minutes import mail
from minutes.errors import MinutesStateError
from minutes.models import (
    Minutes,
    MinutesEvent,
    MinutesVersion,
    ReminderSent,
    ReviewApproval,
    ReviewComment,
)

# Members with a vote on the minutes; deputies and observers read and comment only.
VOTING_ROLES = (
    Membership.Role.CHAIR,
    Membership.Role.DEPUTY_CHAIR,
    Membership.Role.MEMBER,
)


def council_voting_members(*, council: Council) -> QuerySet[Person]:
    """The people whose approval counts towards the council's approval rule today."""
    memberships = Membership.objects.active_on(timezone.localdate()).filter(
        council=council, role__in=VOTING_ROLES
    )
    return Person.objects.filter(memberships__in=memberships).distinct()


def minutes_approval_progress(*, minutes: Minutes, version: MinutesVersion) -> dict:
    """How far the online rule is: voters, approvals, requests, open comments."""
    council = minutes.meeting.council
    voters = set(council_voting_members(council=council).values_list("pk", flat=True))
    answers = dict(
        ReviewApproval.objects.filter(version=version, person__in=voters).values_list(
            "person_id", "decision"
        )
    )
    approved = sum(1 for d in answers.values() if d == ReviewApproval.Decision.APPROVE)
    required = (
        len(voters)
        if council.approval_rule == Council.ApprovalRule.ONLINE_ALL
        else len(voters) // 2 + 1
    )
    return {
        "voters": len(voters),
        "approved": approved,
        "requested_changes": len(answers) - approved,
        "required": required,
        "open_comments": version.comments.filter(
            status=ReviewComment.Status.OPEN
        ).count(),
    }


def comment_target(
    version: MinutesVersion, *, item_id: int | None, input_id: int | None
) -> tuple[int | None, int | None, str]:
    """(item id, input id, label) of what a comment is about, checked against the
    version the member read."""
    if input_id is not None:
        for item in version.content["items"]:
            for entry in item["inputs"]:
                for candidate in [entry, *entry["children"]]:
                    if candidate["id"] == input_id:
                        text = candidate["text"]
                        short = text if len(text) <= 60 else f"{text[:59]}…"
                        label = _("Sak %(number)s, innspill «%(text)s»") % {
                            "number": item["number_label"],
                            "text": short,
                        }
                        return item["id"], input_id, label
        raise MinutesStateError(
            _("Innspillet finnes ikke i denne versjonen."), code="unknown_input"
        )
    if item_id is not None:
        for item in version.content["items"]:
            if item["id"] == item_id:
                label = _("Sak %(number)s %(title)s") % {
                    "number": item["number_label"],
                    "title": item["title"],
                }
                return item_id, None, label
        raise MinutesStateError(
            _("Saken finnes ikke i denne versjonen."), code="unknown_item"
        )
    return None, None, _("Hele referatet")


def review_reminders_send(
    *, today: datetime.date | None = None, days_before: int = 2
) -> int:
    """Remind voting members who have not answered, in the days before the deadline.

    Idempotent: a ReminderSent row per member and version means one reminder each,
    however often this runs (it is meant for cron).
    """
    today = today or timezone.localdate()
    versions = (
        MinutesVersion.objects.filter(
            is_open_review=True,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=days_before),
        )
        # Where the next meeting approves, members answer nothing.
        .exclude(
            minutes__meeting__council__approval_rule=Council.ApprovalRule.NEXT_MEETING
        )
        .select_related("minutes", "minutes__meeting", "minutes__meeting__council")
    )
    sent = 0
    for version in versions:
        council = version.minutes.meeting.council
        waiting = (
            council_voting_members(council=council)
            .exclude(review_approvals__version=version)
            .exclude(
                pk__in=ReminderSent.objects.filter(version=version).values("person")
            )
            .select_related("user")
        )
        for person in waiting:
            with transaction.atomic():
                _row, created = ReminderSent.objects.get_or_create(
                    version=version, person=person
                )
                if not created:
                    continue
                count = mail.send_review_reminder(version=version, person=person)
                MinutesEvent.objects.create(
                    minutes=version.minutes,
                    kind=MinutesEvent.Kind.REMINDER_SENT,
                    version=version,
                    detail=person.name,
                )
            sent += count
    return sent
