"""The summons by e-mail: one message per member, with the agenda, the summons PDF
and a personal link to report absence and name a substitute.

The link carries a signed token (django.core.signing): no login is needed, it works
only for that member and meeting, and it expires.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from council.models import Membership
from minutes.models import AgendaItem, Meeting
from minutes.services.attendance import attendance_ensure_members, meeting_members
from minutes.services.summons import summons_mark_sent

logger = logging.getLogger(__name__)

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


def member_email(membership: Membership) -> str:
    person = membership.person
    if person.email:
        return person.email
    if person.user_id and person.user.email:
        return person.user.email
    return ""


def summons_pdf(meeting: Meeting) -> bytes | None:
    """The summons PDF from minutes.pdf, or None (logged) if it cannot be made."""
    try:
        from minutes.pdf import render_summons_pdf
    except ImportError:
        logger.warning(
            "minutes.pdf.render_summons_pdf is missing: summons sent without PDF"
        )
        return None
    return render_summons_pdf(meeting=meeting)


@dataclass
class SummonsResult:
    sent: list[Membership] = field(default_factory=list)
    without_email: list[Membership] = field(default_factory=list)
    pdf_attached: bool = False


def summons_send(*, meeting: Meeting, message: str = "") -> SummonsResult:
    """Send the summons to every member of the meeting and mark it sent."""
    result = SummonsResult()
    members = list(meeting_members(meeting))
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .order_by("order", "number")
    )
    pdf = summons_pdf(meeting)
    result.pdf_attached = pdf is not None
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for membership in members:
            address = member_email(membership)
            if not address:
                result.without_email.append(membership)
                continue
            token = absence_token(meeting=meeting, membership=membership)
            context = {
                "meeting": meeting,
                "council": meeting.council,
                "membership": membership,
                "items": items,
                "message": message,
                "absence_url": settings.SITE_URL
                + reverse("review:absence_report", args=[token]),
                "pdf_attached": result.pdf_attached,
            }
            subject = " ".join(
                render_to_string("email/summons_subject.txt", context).split()
            )
            mail = EmailMultiAlternatives(
                subject=subject,
                body=render_to_string("email/summons.txt", context),
                to=[address],
            )
            mail.attach_alternative(
                render_to_string("email/summons.html", context), "text/html"
            )
            if pdf is not None:
                mail.attach(
                    f"innkalling-{meeting.council.slug}-{meeting.year}-"
                    f"{meeting.number}.pdf",
                    pdf,
                    "application/pdf",
                )
            messages.append(mail)
            result.sent.append(membership)
    get_connection().send_messages(messages)
    summons_mark_sent(meeting=meeting)
    attendance_ensure_members(meeting=meeting)
    logger.info(
        "Summons for meeting %s sent to %s members at %s",
        meeting.pk,
        len(result.sent),
        timezone.now().isoformat(),
    )
    return result
