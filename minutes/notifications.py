"""E-mail about the review of minutes, each in the recipient's own language.

Review opened, reminder before the deadline, comment answered, approved, published.
Every message has a plain-text and an HTML part, rendered from
templates/email/review_<kind>.txt/.html, with absolute links (settings.SITE_URL).
Services call these after their transaction, so a rolled-back change sends nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from council.models import Membership, Person
from minutes.models import Minutes, MinutesVersion, ReviewComment

DEFAULT_LANGUAGE = "nb"


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    language: str


def person_recipient(person: Person) -> Recipient | None:
    email = person.email or (person.user.email if person.user_id else "")
    if not email:
        return None
    return Recipient(person.name, email, person.language or DEFAULT_LANGUAGE)


def user_recipient(user) -> Recipient | None:
    person = Person.objects.filter(user=user).first()
    if person is not None:
        recipient = person_recipient(person)
        if recipient:
            return recipient
    if not user.email:
        return None
    return Recipient(
        user.get_full_name() or user.username, user.email, DEFAULT_LANGUAGE
    )


def council_recipients(council) -> list[Recipient]:
    """Everyone with a seat in the council today (members, deputies, observers)."""
    from django.utils import timezone

    people = (
        Person.objects.filter(
            memberships__in=Membership.objects.active_on(timezone.localdate()).filter(
                council=council
            )
        )
        .select_related("user")
        .distinct()
        .order_by("name")
    )
    return [r for r in (person_recipient(p) for p in people) if r]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(
    kind: str,
    recipients: Iterable[Recipient],
    subject: Callable[[], str],
    context: dict[str, Any],
) -> int:
    messages = []
    for recipient in recipients:
        with translation.override(recipient.language):
            ctx = {**context, "recipient": recipient}
            message = EmailMultiAlternatives(
                subject=subject(),
                body=render_to_string(f"email/review_{kind}.txt", ctx),
                to=[recipient.email],
            )
            message.attach_alternative(
                render_to_string(f"email/review_{kind}.html", ctx), "text/html"
            )
            messages.append(message)
    if not messages:
        return 0
    return get_connection().send_messages(messages)


def _meeting_context(minutes: Minutes) -> dict[str, Any]:
    meeting = minutes.meeting
    return {
        "minutes": minutes,
        "meeting": meeting,
        "council": meeting.council,
        "review_url": absolute(reverse("review:read", args=[meeting.pk])),
        "dashboard_url": absolute(reverse("review:dashboard", args=[meeting.pk])),
    }


def _subject(text: str, minutes: Minutes) -> Callable[[], str]:
    meeting = minutes.meeting

    def build() -> str:
        return _(text) % {"council": meeting.council.name, "meeting": meeting.title}

    return build


SUBJECT_OPENED = gettext_noop("Referat til gjennomsyn: %(meeting)s i %(council)s")
SUBJECT_REMINDER = gettext_noop(
    "Påminnelse: gjennomsyn av referat fra %(meeting)s i %(council)s"
)
SUBJECT_ANSWERED = gettext_noop("Svar på kommentaren din: %(meeting)s i %(council)s")
SUBJECT_APPROVED = gettext_noop("Referatet er godkjent: %(meeting)s i %(council)s")
SUBJECT_PUBLISHED = gettext_noop("Referatet er publisert: %(meeting)s i %(council)s")


def send_review_opened(*, version: MinutesVersion) -> int:
    minutes = version.minutes
    context = {**_meeting_context(minutes), "version": version}
    return _send(
        "opened",
        council_recipients(minutes.meeting.council),
        _subject(SUBJECT_OPENED, minutes),
        context,
    )


def send_review_reminder(*, version: MinutesVersion, person: Person) -> int:
    recipient = person_recipient(person)
    if recipient is None:
        return 0
    minutes = version.minutes
    context = {**_meeting_context(minutes), "version": version}
    return _send(
        "reminder",
        [recipient],
        _subject(SUBJECT_REMINDER, minutes),
        context,
    )


def send_comment_answered(*, comment: ReviewComment) -> int:
    if comment.author is None:
        return 0
    recipient = user_recipient(comment.author)
    if recipient is None:
        return 0
    minutes = comment.version.minutes
    context = {**_meeting_context(minutes), "comment": comment}
    return _send(
        "comment_answered",
        [recipient],
        _subject(SUBJECT_ANSWERED, minutes),
        context,
    )


def send_minutes_approved(*, minutes: Minutes) -> int:
    return _send(
        "approved",
        council_recipients(minutes.meeting.council),
        _subject(SUBJECT_APPROVED, minutes),
        _meeting_context(minutes),
    )


def send_minutes_published(*, minutes: Minutes) -> int:
    context = {
        **_meeting_context(minutes),
        "public_url": absolute(minutes.meeting.get_absolute_url()),
    }
    return _send(
        "published",
        council_recipients(minutes.meeting.council),
        _subject(SUBJECT_PUBLISHED, minutes),
        context,
    )
