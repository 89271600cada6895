"""Mail through a durable queue: every app queues its e-mail here, a worker sends it.

`queue_mail(message, kind=…, topic=…)` stores one OutgoingMail row per recipient (the
message as the exact bytes that will go to the mail server) in the caller's
transaction, and enqueues the send task when that transaction commits: a change that
is rolled back queues nothing, and a change that commits has its mail stored with it.

The task (`send_queued_mail`, run by `manage.py db_worker` with the database backend of
django-tasks, or at once with the immediate backend) sends one row: it locks the row,
sends it unless it is already sent, and records the outcome. A sent row is never sent
again, however often its task runs. A failure is recorded with its error and tried
again later, with a growing pause (1, 2, 4 … minutes, at most an hour between tries),
up to MAIL_MAX_ATTEMPTS tries; `resend` (the workspace's «send again») and
`manage.py requeue_mail` queue it once more.

The row is locked while the mail server is talked to (EMAIL_TIMEOUT bounds that), so
two workers never send one row twice. The one gap left: a mail server that accepts a
message and a database that then fails to record it; the next try sends it again.
"""

import email
import email.policy
import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.message import EmailAlternative, EmailAttachment
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks import task

from core.logs import current_request_id, request_id_set
from core.models import OutgoingMail

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status


def queue_mail(
    message: EmailMessage, *, kind: str, topic: str, recipient_name: str = ""
) -> OutgoingMail:
    """Store `message` (one recipient) in the outbox and send it after the commit."""
    recipients = message.recipients()
    if len(recipients) != 1:
        raise ValueError(
            f"queue_mail takes a message to one recipient, not {len(recipients)}."
        )
    # Rendered once, here: Date and Message-ID are fixed, and a retry is the same mail.
    raw = message.message().as_bytes()
    row = OutgoingMail.objects.create(
        topic=topic,
        kind=kind,
        recipient_name=recipient_name[:200],
        recipient_email=recipients[0],
        from_email=message.from_email,
        subject=message.subject[:998],
        raw_message=raw,
    )
    _enqueue_on_commit(row.pk)
    logger.info(
        "mail queued",
        extra={"mail_id": row.pk, "mail_kind": kind, "mail_topic": topic},
    )
    return row


def _enqueue_on_commit(mail_id: int) -> None:
    # robust: a queue that cannot take the task now must not undo the committed
    # change; the row stays queued, /healthz?full=1 shows its age, and
    # `manage.py requeue_mail` enqueues it again.
    request_id = current_request_id()
    transaction.on_commit(
        lambda: send_queued_mail.enqueue(mail_id, request_id=request_id),
        robust=True,
    )


@task()
def send_queued_mail(mail_id: int, request_id: str | None = None) -> str:
    """The worker's task: send one queued mail (see `deliver`). Its log lines carry
    the id of the request that queued the mail."""
    with request_id_set(request_id or current_request_id()):
        return deliver(mail_id)


def retry_delay(attempts: int) -> timedelta:
    """The pause before the next try after `attempts` tries: 1, 2, 4 … 60 minutes."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


def deliver(mail_id: int) -> str:
    """Send one outbox row unless it is sent already; "sent", "failed",
    "already sent" or "missing"."""
    with transaction.atomic():
        row = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if row is None:
            return "missing"
        if row.status == Status.SENT:
            return "already sent"
        now = timezone.now()
        row.attempts += 1
        row.last_attempt_at = now
        try:
            connection = get_connection(fail_silently=False)
            if not connection.send_messages([stored_message(row)]):
                raise RuntimeError("the mail server took no message")
        except Exception as error:  # whatever the mail server or network raised
            row.status = Status.FAILED
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            row.retry_at = (
                now + retry_delay(row.attempts)
                if row.attempts < settings.MAIL_MAX_ATTEMPTS
                else None
            )
            row.save(
                update_fields=[
                    "status",
                    "attempts",
                    "last_attempt_at",
                    "last_error",
                    "retry_at",
                ]
            )
            if row.retry_at is not None:
                _schedule_retry(row)
            logger.warning(
                "mail not sent",
                extra={
                    "mail_id": row.pk,
                    "mail_kind": row.kind,
                    "attempts": row.attempts,
                    "error": row.last_error,
                    "retry_at": row.retry_at.isoformat() if row.retry_at else None,
                },
            )
            return "failed"
        row.status = Status.SENT
        row.sent_at = now
        row.retry_at = None
        row.save(
            update_fields=[
                "status",
                "attempts",
                "last_attempt_at",
                "sent_at",
                "retry_at",
            ]
        )
        logger.info(
            "mail sent",
            extra={"mail_id": row.pk, "mail_kind": row.kind, "attempts": row.attempts},
        )
        return "sent"


def _schedule_retry(row: OutgoingMail) -> None:
    """The next try, enqueued in the same transaction as the failure it follows (the
    database backend stores it with the row). A backend that cannot defer (the
    immediate one, in tests and single-process setups) gets no retry: `resend` or
    `requeue_mail` then send it."""
    if not send_queued_mail.get_backend().supports_defer:
        return
    send_queued_mail.using(run_after=row.retry_at).enqueue(
        row.pk, request_id=current_request_id()
    )


def resend(mail: OutgoingMail) -> OutgoingMail:
    """Send a mail again now: a row not yet sent is queued again as it is; a sent
    row stays as it was, and a copy (the same message) is queued beside it."""
    with transaction.atomic():
        row = OutgoingMail.objects.select_for_update().get(pk=mail.pk)
        if row.status == Status.SENT:
            row = OutgoingMail.objects.create(
                topic=row.topic,
                kind=row.kind,
                recipient_name=row.recipient_name,
                recipient_email=row.recipient_email,
                from_email=row.from_email,
                subject=row.subject,
                raw_message=bytes(row.raw_message),
            )
        else:
            row.status = Status.QUEUED
            row.retry_at = None
            row.save(update_fields=["status", "retry_at"])
        _enqueue_on_commit(row.pk)
    return row


def requeue(*, older_than: timedelta = timedelta(minutes=5)) -> int:
    """Enqueue again every unsent row that no task will pick up soon: queued for
    longer than `older_than`, failed with no retry left, or overdue for its retry.
    Sending is idempotent, so a row that did have a task is not sent twice."""
    now = timezone.now()
    rows = OutgoingMail.objects.exclude(status=Status.SENT).filter(
        Q(status=Status.QUEUED, created_at__lte=now - older_than)
        | Q(status=Status.FAILED, retry_at__isnull=True)
        | Q(status=Status.FAILED, retry_at__lte=now - older_than)
    )
    count = 0
    for pk in rows.values_list("pk", flat=True):
        with transaction.atomic():
            OutgoingMail.objects.filter(pk=pk).exclude(status=Status.SENT).update(
                status=Status.QUEUED, retry_at=None
            )
            _enqueue_on_commit(pk)
        count += 1
    return count


def queue_report() -> dict[str, Any]:
    """For /healthz?full=1: how many mails wait, the oldest one's age in seconds, and
    how many have failed (and of those, how many are given up)."""
    figures = OutgoingMail.objects.exclude(status=Status.SENT).aggregate(
        waiting=Count("pk"),
        oldest=Min("created_at"),
        failed=Count("pk", filter=Q(status=Status.FAILED)),
        given_up=Count("pk", filter=Q(status=Status.FAILED, retry_at__isnull=True)),
    )
    oldest = figures.pop("oldest")
    figures["oldest_age_seconds"] = (
        round((timezone.now() - oldest).total_seconds()) if oldest else 0
    )
    return figures


# The stored message, as Django's mail backends take it -------------------------------


class _RawMessage:
    """What `EmailMessage.message()` returns, for stored bytes: the backends write
    `as_bytes()`, which gives those bytes unchanged (with the line ends asked for)."""

    def __init__(self, raw: bytes, parsed: email.message.Message) -> None:
        self._raw = raw
        self._parsed = parsed

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        raw = self._raw.replace(b"\r\n", b"\n")
        return raw if linesep == "\n" else raw.replace(b"\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")

    def __getitem__(self, name: str) -> Any:
        return self._parsed[name]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parsed, name)


class StoredMessage(EmailMultiAlternatives):
    """A queued mail for the mail backend: `message()` is the stored bytes; the
    subject, body, alternatives and attachments are read back from them (for the
    console backend, the test outbox and the tests that read it); the subject is the
    one given to `queue_mail`, kept beside them."""

    def __init__(
        self, raw: bytes, *, subject: str, from_email: str, to: list[str]
    ) -> None:
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        body = None
        alternatives, attachments = [], []
        for part in parsed.walk():
            if part.is_multipart():
                continue
            content_type = part.get_content_type()
            if part.get_content_disposition() == "attachment" or part.get_filename():
                attachments.append(
                    EmailAttachment(
                        part.get_filename(), part.get_content(), content_type
                    )
                )
            elif content_type == "text/plain" and body is None:
                body = part.get_content()
            else:
                alternatives.append(EmailAlternative(part.get_content(), content_type))
        super().__init__(
            subject=subject,
            body=body or "",
            from_email=from_email,
            to=to,
        )
        self.alternatives = alternatives
        self.attachments = attachments
        self._raw = raw
        self._parsed = parsed

    def message(self, *args: Any, **kwargs: Any) -> Any:
        return _RawMessage(self._raw, self._parsed)


def stored_message(row: OutgoingMail) -> StoredMessage:
    return StoredMessage(
        bytes(row.raw_message),
        subject=row.subject,
        from_email=row.from_email,
        to=[row.recipient_email],
    )
