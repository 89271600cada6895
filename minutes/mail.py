"""E-mail from the council: the summons and the review messages. Renders them and
queues them in the outbox (core/outbox.py), one message per recipient, which a worker
sends; changes nothing else.

One language rule for every message: each recipient gets it in the language of their
Person (nb or en); an account without a person gets the site's language. The services
(minutes/services/) queue the mail inside the transaction of the change that causes
it: the mail is stored with the change, and a refused or rolled-back change queues
nothing. Every mail about a meeting has the topic `meeting_topic(meeting)`, so the
workspace can show, per recipient, whether it went out.

Every message has a plain-text and an HTML part with absolute links (settings.SITE_URL):
templates/email/summons*.txt/.html and templates/email/review_<kind>.txt/.html.

The summons carries a personal link to report absence and name a substitute. The link
holds a signed token (django.core.signing): no login is needed, it works only for that
member and meeting, and it expires.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core.models import OutgoingMail
from core.outbox import queue_mail
from council.models import Membership, Person
from minutes import wording
from minutes.document import MinutesDocument
from minutes.models import Meeting, Minutes, MinutesVersion, ReviewComment
from minutes.pdf import render_summons_pdf

# The outbox ---------------------------------------------------------------------------

# What each kind of mail is called in the workspace's list of a meeting's mail.
MAIL_KINDS = {
    "summons": gettext_lazy("Innkalling"),
    "review_opened": gettext_lazy("Referat til gjennomsyn"),
    "review_reminder": gettext_lazy("Påminnelse om gjennomsyn"),
    "review_comment_answered": gettext_lazy("Svar på kommentar"),
    "review_approved": gettext_lazy("Referatet er godkjent"),
    "review_published": gettext_lazy("Referatet er publisert"),
}


def meeting_topic(meeting_or_id) -> str:
    return f"meeting:{getattr(meeting_or_id, 'pk', meeting_or_id)}"


def meeting_mails(meeting: Meeting):
    """Every mail queued about the meeting, oldest first."""
    return OutgoingMail.objects.filter(topic=meeting_topic(meeting)).defer(
        "raw_message"
    )


def _queue(message: EmailMultiAlternatives, recipient, *, kind: str, meeting) -> None:
    queue_mail(
        message,
        kind=kind,
        topic=meeting_topic(meeting),
        recipient_name=recipient.name,
    )


# Recipients ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    language: str


def person_recipient(person: Person) -> Recipient | None:
    """A person's address (their own, else their account's) and language, or None."""
    email = person.email or (person.user.email if person.user_id else "")
    if not email:
        return None
    return Recipient(person.name, email, person.language or settings.LANGUAGE_CODE)


def user_recipient(user) -> Recipient | None:
    person = Person.objects.filter(user=user).first()
    if person is not None:
        recipient = person_recipient(person)
        if recipient:
            return recipient
    if not user.email:
        return None
    return Recipient(
        user.get_full_name() or user.username, user.email, settings.LANGUAGE_CODE
    )


def council_recipients(council) -> list[Recipient]:
    """Everyone with a seat in the council today (members, deputies, observers)."""
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


def member_email(membership: Membership) -> str:
    """The address the summons goes to, or "" (the summons page lists who has none)."""
    recipient = person_recipient(membership.person)
    return recipient.email if recipient else ""


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _message(
    template: str, recipient: Recipient, subject: str, context: dict[str, Any]
) -> EmailMultiAlternatives:
    """One message from templates/email/<template>.txt and .html, rendered in the
    active language (the caller sets the recipient's)."""
    context = {**context, "recipient": recipient}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"email/{template}.txt", context),
        to=[recipient.email],
    )
    message.attach_alternative(
        render_to_string(f"email/{template}.html", context), "text/html"
    )
    return message


# The summons --------------------------------------------------------------------------

ABSENCE_SALT = "minutes.absence-report"
# The link works until well after any summons; the view also refuses after the meeting.
ABSENCE_MAX_AGE = 60 * 60 * 24 * 90


def absence_token(*, meeting: Meeting, membership: Membership) -> str:
    return signing.dumps({"m": meeting.pk, "ms": membership.pk}, salt=ABSENCE_SALT)


def absence_token_read(token: str) -> tuple[Meeting, Membership]:
    """The meeting and membership a token names; raises signing.BadSignature
    (SignatureExpired when too old) or Meeting/Membership.DoesNotExist."""
    data = signing.loads(token, salt=ABSENCE_SALT, max_age=ABSENCE_MAX_AGE)
    meeting = Meeting.objects.select_related("council").get(pk=data["m"])
    membership = Membership.objects.select_related("person", "organisation").get(
        pk=data["ms"], council_id=meeting.council_id
    )
    return meeting, membership


def summons_pdf(meeting: Meeting) -> bytes:
    """The summons as PDF (minutes/pdf.py)."""
    return render_summons_pdf(meeting=meeting)


@dataclass
class SummonsResult:
    # Queued for sending, one mail each (the workspace shows whether each went out).
    sent: list[Membership] = field(default_factory=list)
    without_email: list[Membership] = field(default_factory=list)
    pdf_attached: bool = False


def send_summons(
    *,
    meeting: Meeting,
    members: Iterable[Membership],
    message: str = "",
    pdf: bytes | None = None,
) -> SummonsResult:
    """Queue the summons to each member, in their language, with the agenda, the PDF
    (the frozen one when given) and their own absence link."""
    result = SummonsResult()
    # The agenda as the minutes document has it (minutes/document.py).
    items = MinutesDocument.from_rows(meeting).items
    # The PDF is the council's document, in its own language (minutes/pdf.py).
    if pdf is None:
        pdf = summons_pdf(meeting)
    result.pdf_attached = pdf is not None
    for membership in members:
        recipient = person_recipient(membership.person)
        if recipient is None:
            result.without_email.append(membership)
            continue
        token = absence_token(meeting=meeting, membership=membership)
        context = {
            "meeting": meeting,
            "council": meeting.council,
            "membership": membership,
            "items": items,
            "message": message,
            "absence_url": absolute(reverse("review:absence_report", args=[token])),
            "pdf_attached": result.pdf_attached,
        }
        with translation.override(recipient.language):
            subject = " ".join(
                render_to_string("email/summons_subject.txt", context).split()
            )
            mail = _message("summons", recipient, subject, context)
        if pdf is not None:
            mail.attach(
                f"innkalling-{meeting.council.slug}-{meeting.year}-"
                f"{meeting.number}.pdf",
                pdf,
                "application/pdf",
            )
        _queue(mail, recipient, kind="summons", meeting=meeting)
        result.sent.append(membership)
    return result


# The review of the minutes ------------------------------------------------------------

# Subjects that name the minutes are in the council's words (minutes/wording.py:
# «Protokollen er godkjent: …»); the others are one text.
SUBJECT_OPENED = wording.Phrase("subject_opened")
SUBJECT_REMINDER = wording.Phrase("subject_reminder")
SUBJECT_ANSWERED = gettext_noop("Svar på kommentaren din: %(meeting)s i %(council)s")
SUBJECT_APPROVED = wording.Phrase("subject_approved")
SUBJECT_PUBLISHED = wording.Phrase("subject_published")


def _send(
    kind: str,
    recipients: Iterable[Recipient],
    subject: Callable[[], str],
    context: dict[str, Any],
) -> int:
    """Queue one message per recipient; how many were queued."""
    count = 0
    for recipient in recipients:
        with translation.override(recipient.language):
            message = _message(f"review_{kind}", recipient, subject(), context)
        _queue(message, recipient, kind=f"review_{kind}", meeting=context["meeting"])
        count += 1
    return count


def _meeting_context(minutes: Minutes) -> dict[str, Any]:
    meeting = minutes.meeting
    return {
        "minutes": minutes,
        "meeting": meeting,
        "council": meeting.council,
        "review_url": absolute(reverse("review:read", args=[meeting.pk])),
        "dashboard_url": absolute(reverse("review:dashboard", args=[meeting.pk])),
    }


def _subject(text: str | wording.Phrase, minutes: Minutes) -> Callable[[], str]:
    """The subject, translated when called (in the recipient's language)."""
    meeting = minutes.meeting

    def build() -> str:
        council = meeting.council
        if isinstance(text, wording.Phrase):
            template = wording.phrase(council.document_name, text.key)
        else:
            template = _(text)
        return template % {"council": council.name, "meeting": meeting.title}

    return build


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


# Delivery -----------------------------------------------------------------------------


def deliver(messages: list[EmailMultiAlternatives], *, kind: str, topic: str) -> int:
    """Queue rendered messages, one recipient each, in the durable outbox
    (core/outbox.py): sent after the commit, retried while the mail server is down
    (`kind` names the message, `topic` what it is about, e.g. «followup:12»)."""
    for message in messages:
        queue_mail(message, kind=kind, topic=topic)
    return len(messages)


# Follow-up of decisions ---------------------------------------------------------------

SUBJECT_FOLLOWUP_BEFORE = gettext_noop(
    "Påminnelse: frist %(due)s for oppfølging av sak %(number)s i %(council)s"
)
SUBJECT_FOLLOWUP_OVERDUE = gettext_noop(
    "Fristen er passert: oppfølging av sak %(number)s i %(council)s"
)


def send_followup_reminder(
    *, followup, overdue: bool, people=(), users=(), today=None
) -> tuple[int, list[str]]:
    """A reminder of a follow-up's due date (before it, or once it has passed) to
    each of `people` (those responsible) or `users` (the council's secretariat, when
    none of the responsible can be reached), each in their own language.

    Returns (messages sent, the addresses)."""
    item, council = followup.item, followup.council
    recipients = [(r, "review") for r in map(person_recipient, people) if r]
    recipients += [(r, "workspace") for r in map(user_recipient, users) if r]
    subject = SUBJECT_FOLLOWUP_OVERDUE if overdue else SUBJECT_FOLLOWUP_BEFORE
    messages = []
    for recipient, where in recipients:
        url = (
            reverse("review:followups", args=[council.slug])
            if where == "review"
            else reverse("workspace:followups", args=[council.slug])
        )
        context = {
            "followup": followup,
            "item": item,
            "meeting": item.meeting,
            "council": council,
            "overdue": overdue,
            "as_secretariat": where == "workspace",
            "followup_url": absolute(url),
        }
        with translation.override(recipient.language):
            title = _(subject) % {
                "due": followup.due_date.strftime("%d.%m.%Y"),
                "number": item.number_label,
                "council": council.name,
            }
            messages.append(_message("followup_reminder", recipient, title, context))
    sent = deliver(
        messages,
        kind="followup_overdue" if overdue else "followup_before",
        topic=f"followup:{followup.pk}",
    )
    return sent, [recipient.email for recipient, _where in recipients]
