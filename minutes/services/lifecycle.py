"""Review, approval, publication and correction: the state machine of the minutes.

One state machine (DESIGN.md, «Life of a meeting»; the allowed moves are
minutes/status.py's TRANSITIONS, which the model and the database also enforce):
  draft → in_review → approved → published → correcting → (review) → approved →
  published
Each transition locks the minutes row, checks who may act and from which state,
records the event, and raises MinutesStateError with a Norwegian message otherwise.
E-mail (minutes/mail.py) is queued in the same transaction (core/outbox.py), and the
worker sends it once the transaction has committed.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.cache import invalidate_public_pages
from council.access import can_read_drafts
from council.models import Council, Person
from minutes import mail
from minutes.document import correction_snapshot, minutes_snapshot
from minutes.errors import MinutesStateError
from minutes.models import (
    AgendaItem,
    Decision,
    Input,
    ItemKind,
    Meeting,
    Minutes,
    MinutesEvent,
    MinutesVersion,
    ReviewApproval,
    ReviewComment,
)
from minutes.pdf import store_approved_pdf
from minutes.services.review import (
    comment_target,
    council_voting_members,
    minutes_approval_progress,
)
from minutes.services.versions import (
    APPROVABLE_STATUSES,
    event_record,
    minutes_lock,
    minutes_open_version,
    open_review,
    require_secretariat,
    version_create,
)
from minutes.status import statuses_leading_to

# Item types whose purpose is a decision: such an item needs one before the minutes
# are approved, even when nothing was proposed.
DECIDED_KINDS = frozenset(
    {
        ItemKind.APPROVAL,
        ItemKind.DECISION,
        ItemKind.RECOMMENDATION,
        ItemKind.CONSULTATION,
    }
)


def minutes_undecided_items(*, meeting) -> list[AgendaItem]:
    """The items that need a decision and have none, in agenda order.

    An item needs a decision when one was proposed for it, or when its type (the
    type it was handled as, else the planned one) is one a council decides
    (DECIDED_KINDS). A blank decision is none. A postponed item (utsatt) was not
    handled and needs none.
    """
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .order_by("order", "number")
    )
    undecided = []
    for item in items:
        if item.is_postponed:
            continue
        decision = getattr(item, "decision", None)
        proposed = decision.proposed_text if decision else ""
        final = decision.final_text if decision else ""
        needed = bool(proposed.strip()) or item.effective_kind in DECIDED_KINDS
        if needed and not final.strip():
            undecided.append(item)
    return undecided


def require_decisions(*, meeting) -> None:
    """Refuse approval while an item that needs a decision has none, naming them."""
    undecided = minutes_undecided_items(meeting=meeting)
    if undecided:
        names = "; ".join(
            _("sak %(number)s %(title)s")
            % {"number": item.number_label, "title": item.title}
            for item in undecided
        )
        raise MinutesStateError(
            _(
                "Referatet kan ikke godkjennes før vedtaket er ført i: %(items)s. "
                "Skriv vedtaket, eller velg «Vedtatt som foreslått»."
            )
            % {"items": names},
            code="undecided_items",
        )


def minutes_send_for_review(
    *, minutes: Minutes, by, deadline: datetime.date | None
) -> MinutesVersion:
    """Send the minutes to the members as version N, with a deadline.

    From a draft, from an open review (version N+1, once every comment on version N
    is answered), or during a correction. The members get an e-mail with a link.
    """
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        require_secretariat(by, minutes.meeting.council)
        if minutes.status not in APPROVABLE_STATUSES:
            raise MinutesStateError(
                _(
                    "Referatet er godkjent og kan ikke sendes til gjennomsyn. "
                    "Start en retting først."
                ),
                code="not_reviewable",
            )
        if deadline is None:
            raise MinutesStateError(
                _("Sett en frist for gjennomsynet."), code="deadline_required"
            )
        if deadline < timezone.localdate():
            raise MinutesStateError(
                _("Fristen kan ikke være tilbake i tid."), code="deadline_past"
            )
        previous = minutes_open_version(minutes)
        if previous is not None:
            if previous.comments.filter(status=ReviewComment.Status.OPEN).exists():
                raise MinutesStateError(
                    _(
                        "Svar på alle åpne kommentarer til versjon %(number)s før "
                        "du sender en ny versjon."
                    )
                    % {"number": previous.number},
                    code="open_comments",
                )
            previous.is_open_review = False
            previous.save(update_fields=["is_open_review"])
        version = version_create(minutes, by=by, deadline=deadline, open_review=True)
        if minutes.status != Minutes.Status.CORRECTING:
            # A correction stays «correcting» (and public) through its review.
            minutes.status = Minutes.Status.IN_REVIEW
            minutes.save(update_fields=["status", "updated_at"])
        event_record(
            minutes,
            MinutesEvent.Kind.SENT_FOR_REVIEW,
            by=by,
            version=version,
            detail=_("Versjon %(number)s, frist %(deadline)s")
            % {
                "number": version.number,
                "deadline": date_format(deadline, "j. F Y"),
            },
        )
        mail.send_review_opened(version=version)
    return version


def _voting_person(by, council: Council) -> Person:
    person = (
        council_voting_members(council=council).filter(user=by).first()
        if by is not None and by.is_authenticated
        else None
    )
    if person is None:
        raise MinutesStateError(
            _("Bare rådets medlemmer kan godkjenne referatet."), code="not_member"
        )
    return person


def review_comment_add(
    *,
    minutes: Minutes,
    by,
    text: str,
    item_id: int | None = None,
    input_id: int | None = None,
) -> ReviewComment:
    """A member comments on the version under review: on all of it, an item or one
    input."""
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        meeting = minutes.meeting
        if by is None or not can_read_drafts(by, meeting.council):
            raise MinutesStateError(
                _("Bare rådets medlemmer kan kommentere referatet."),
                code="not_member",
            )
        version = open_review(minutes)
        text = (text or "").strip()
        if not text:
            raise MinutesStateError(_("Skriv en kommentar."), code="empty")
        item_key, input_key, label = comment_target(
            version, item_id=item_id, input_id=input_id
        )
        person = Person.objects.filter(user=by).first()
        comment = ReviewComment.objects.create(
            version=version,
            item=AgendaItem.objects.filter(pk=item_key, meeting=meeting).first()
            if item_key
            else None,
            input=Input.objects.filter(pk=input_key, item__meeting=meeting).first()
            if input_key
            else None,
            item_key=item_key,
            target_label=label[:300],
            author=by,
            author_name=person.name if person else by.get_username(),
            text=text,
        )
        event_record(
            minutes,
            MinutesEvent.Kind.COMMENTED,
            by=by,
            version=version,
            detail=f"{label}: {text}",
        )
    return comment


def review_comment_resolve(
    *, comment: ReviewComment, by, status: str, reply: str
) -> ReviewComment:
    """The secretariat answers a comment: accepted or declined, with a reply the member
    sees. Answering the last open comment may complete an online approval."""
    with transaction.atomic():
        minutes = minutes_lock(comment.version.minutes)
        require_secretariat(by, minutes.meeting.council)
        comment = ReviewComment.objects.select_for_update().get(pk=comment.pk)
        if not comment.is_open:
            raise MinutesStateError(
                _("Kommentaren er allerede besvart."), code="already_resolved"
            )
        if status not in (
            ReviewComment.Status.ACCEPTED,
            ReviewComment.Status.DECLINED,
        ):
            raise MinutesStateError(
                _("Velg om kommentaren tas til følge eller ikke."), code="bad_status"
            )
        reply = (reply or "").strip()
        if not reply:
            raise MinutesStateError(
                _("Skriv et svar til medlemmet."), code="reply_required"
            )
        comment.status = status
        comment.reply = reply
        comment.replied_by = by
        comment.replied_at = timezone.now()
        comment.save(update_fields=["status", "reply", "replied_by", "replied_at"])
        event_record(
            minutes,
            MinutesEvent.Kind.COMMENT_RESOLVED,
            by=by,
            version=comment.version,
            detail=f"{comment.get_status_display()}: {reply}",
        )
        approved = _approve_if_rule_met(minutes, minutes_open_version(minutes), by=by)
        mail.send_comment_answered(comment=comment)
        if approved is not None:
            _notify_approved(minutes, published=approved)
    return comment


def minutes_member_decide(*, minutes: Minutes, by, decision: str) -> ReviewApproval:
    """A member approves the version under review or asks for changes.

    A member may change their answer while the round is open; when the council's
    online rule is met, the minutes are approved at once.
    """
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        council = minutes.meeting.council
        if council.approval_rule == Council.ApprovalRule.NEXT_MEETING:
            raise MinutesStateError(
                _(
                    "Referatet godkjennes i neste møte, ikke av medlemmene hver for "
                    "seg. Kommenter gjerne utkastet."
                ),
                code="approved_at_meeting",
            )
        version = open_review(minutes)
        person = _voting_person(by, council)
        if decision not in ReviewApproval.Decision.values:
            raise MinutesStateError(_("Ukjent svar."), code="bad_decision")
        approval, _created = ReviewApproval.objects.update_or_create(
            version=version,
            person=person,
            defaults={"decision": decision, "user": by, "at": timezone.now()},
        )
        kind = (
            MinutesEvent.Kind.MEMBER_APPROVED
            if decision == ReviewApproval.Decision.APPROVE
            else MinutesEvent.Kind.MEMBER_REQUESTED_CHANGES
        )
        event_record(minutes, kind, by=by, version=version, detail=person.name)
        approved = _approve_if_rule_met(minutes, version, by=by)
        if approved is not None:
            _notify_approved(minutes, published=approved)
    return approval


def _approve_if_rule_met(
    minutes: Minutes, version: MinutesVersion | None, *, by
) -> bool | None:
    """Approve online if a member's answer or the last reply completed the rule.

    None if not approved; else whether the minutes were also published.
    """
    if version is None or not minutes_online_approval_met(
        minutes=minutes, version=version
    ):
        return None
    if minutes_undecided_items(meeting=minutes.meeting):
        # The members' answers stand; the secretariat is told when it approves.
        return None
    return _minutes_approve(
        minutes, version=version, method=Minutes.ApprovalMethod.ONLINE, by=by
    )


def minutes_online_approval_met(*, minutes: Minutes, version: MinutesVersion) -> bool:
    """The council's online rule holds for `version`: all (or a majority of) voting
    members approved it, no comment is open, and the minutes still read as sent."""
    council = minutes.meeting.council
    if council.approval_rule == Council.ApprovalRule.NEXT_MEETING:
        return False
    progress = minutes_approval_progress(minutes=minutes, version=version)
    if progress["voters"] == 0 or progress["open_comments"]:
        return False
    if progress["approved"] < progress["required"]:
        return False
    # Members approved what they read; edits since then need a new version first.
    return version.content == minutes_snapshot(meeting=minutes.meeting)


def minutes_approve_online(*, minutes: Minutes, by=None) -> Minutes:
    """Approve the version under review when the council's online rule is met.

    Members' decisions call the same check automatically; this is for the
    secretariat, admin and commands.
    """
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        if by is not None:
            require_secretariat(by, minutes.meeting.council)
        version = open_review(minutes)
        if not minutes_online_approval_met(minutes=minutes, version=version):
            raise MinutesStateError(
                _("Godkjenningsregelen for rådet er ikke oppfylt ennå."),
                code="rule_not_met",
            )
        published = _minutes_approve(
            minutes, version=version, method=Minutes.ApprovalMethod.ONLINE, by=by
        )
        _notify_approved(minutes, published=published)
    return minutes


def minutes_approve_at_meeting(
    *, minutes: Minutes, item: AgendaItem, by=None, correction: str = ""
) -> Minutes:
    """Approve minutes by the decision of a later meeting's item (like 39/22).

    For councils whose rule is «next meeting». The approved content is the minutes as
    they are now: if they differ from the last version sent, a new version is made.
    `by` is the secretariat user who records the decision (None for commands).

    `correction`: what the approving meeting corrected («Referatet endres i tråd med
    dette»), made in the minutes before recording the approval. The corrected
    minutes are then always a new version, whose snapshot, page and PDF carry the
    note («Referatet er rettet etter vedtak i sak 2/24 (møte 4/2024): …»).
    """
    correction = " ".join((correction or "").split())
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        council = minutes.meeting.council
        if by is not None:
            require_secretariat(by, council)
        if item.approves_minutes_of_id != minutes.meeting_id:
            raise MinutesStateError(
                _("Sak %(item)s godkjenner ikke dette referatet.")
                % {"item": item.number_label},
                code="wrong_item",
            )
        if minutes.status not in APPROVABLE_STATUSES:
            raise MinutesStateError(
                _("Referatet er allerede godkjent."), code="already_approved"
            )
        if council.approval_rule != Council.ApprovalRule.NEXT_MEETING:
            raise MinutesStateError(
                _(
                    "%(council)s godkjenner referater online. Referatet godkjennes "
                    "når medlemmene har godkjent det."
                )
                % {"council": council.name},
                code="wrong_rule",
            )
        _require_approving_item(minutes.meeting, item)
        require_decisions(meeting=minutes.meeting)
        version = minutes_open_version(minutes)
        snapshot = minutes_snapshot(meeting=minutes.meeting)
        if correction:
            snapshot["correction"] = correction_snapshot(note=correction, item=item)
        if version is None or version.content != snapshot:
            version = version_create(
                minutes, by=by, content=snapshot, reason=correction or None
            )
        published = _minutes_approve(
            minutes,
            version=version,
            method=Minutes.ApprovalMethod.MEETING,
            by=by,
            item=item,
            at=_meeting_moment(item.meeting),
            correction=correction,
        )
        _notify_approved(minutes, published=published)
    return minutes


def _require_approving_item(approved: Meeting, item: AgendaItem) -> None:
    """The item that approves `approved`'s minutes belongs to a later meeting of the
    same council, one already held, and its decision is recorded."""
    approving = Meeting.objects.get(pk=item.meeting_id)
    if approving.council_id != approved.council_id:
        raise MinutesStateError(
            _(
                "Sak %(item)s hører til et møte i et annet råd og kan ikke godkjenne "
                "dette referatet."
            )
            % {"item": item.number_label},
            code="other_council",
        )
    if (approving.date, approving.number) <= (approved.date, approved.number):
        raise MinutesStateError(
            _(
                "Referatet må godkjennes i et senere møte enn %(approved)s "
                "(%(approved_date)s). Sak %(item)s hører til %(approving)s "
                "(%(approving_date)s)."
            )
            % {
                "approved": approved.title,
                "approved_date": date_format(approved.date, "j. F Y"),
                "item": item.number_label,
                "approving": approving.title,
                "approving_date": date_format(approving.date, "j. F Y"),
            },
            code="not_later",
        )
    if approving.date > timezone.localdate():
        raise MinutesStateError(
            _(
                "%(meeting)s er ikke holdt ennå (%(date)s). Registrer godkjenningen "
                "etter møtet."
            )
            % {
                "meeting": approving.title,
                "date": date_format(approving.date, "j. F Y"),
            },
            code="not_held",
        )
    decision = Decision.objects.filter(item_id=item.pk).first()
    if decision is None or not decision.final_text.strip():
        raise MinutesStateError(
            _(
                "Sak %(item)s i %(meeting)s har ikke noe vedtak ennå. Før inn vedtaket "
                "om godkjenning i saken først."
            )
            % {"item": item.number_label, "meeting": approving.title},
            code="no_approving_decision",
        )


def _meeting_moment(meeting: Meeting) -> datetime.datetime:
    """When a meeting approved something: its day, at its start (noon if unknown),
    never later than now."""
    moment = timezone.make_aware(
        datetime.datetime.combine(meeting.date, meeting.start_time or datetime.time(12))
    )
    return min(moment, timezone.now())


def minutes_publish(*, minutes: Minutes, by=None) -> Minutes:
    """Make approved minutes public: the page, the PDF and the feeds, at once."""
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        if by is not None:
            require_secretariat(by, minutes.meeting.council)
        if minutes.status not in statuses_leading_to(Minutes.Status.PUBLISHED):
            raise MinutesStateError(
                _("Bare godkjente referater kan publiseres."), code="not_approved"
            )
        _minutes_publish(minutes, by=by)
        mail.send_minutes_published(minutes=minutes)
    return minutes


def minutes_approve_historical(
    *, minutes: Minutes, approved_at: datetime.datetime, by=None
) -> Minutes:
    """Record minutes that were approved before they were entered here.

    For a council's past meetings (back-filled or imported): the minutes are frozen as
    they stand, with the date they were approved, and published as the council's
    setting says.
    """
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        if by is not None:
            require_secretariat(by, minutes.meeting.council)
        if minutes.status not in APPROVABLE_STATUSES:
            raise MinutesStateError(
                _("Referatet er allerede godkjent."), code="already_approved"
            )
        if approved_at > timezone.now():
            raise MinutesStateError(
                _("Godkjenningsdatoen kan ikke være frem i tid."), code="future"
            )
        version = version_create(minutes, by=by)
        _minutes_approve(
            minutes,
            version=version,
            method=Minutes.ApprovalMethod.IMPORTED,
            by=by,
            at=approved_at,
        )
    return minutes


def _minutes_approve(
    minutes: Minutes,
    *,
    version: MinutesVersion,
    method: str,
    by=None,
    item: AgendaItem | None = None,
    at: datetime.datetime | None = None,
    correction: str = "",
) -> bool:
    """Approve and freeze (inside the caller's transaction). True if also published.

    A correction is published as soon as it is approved: the earlier version was
    public, and approval must not take the minutes off the public site.

    Every item that needs a decision must have one (require_decisions), except in
    minutes approved elsewhere and recorded afterwards (IMPORTED): those reproduce
    what was approved then, and a missing decision cannot be made up now.
    """
    if method != Minutes.ApprovalMethod.IMPORTED:
        require_decisions(meeting=minutes.meeting)
    was_correcting = minutes.status == Minutes.Status.CORRECTING
    now = at or timezone.now()
    if was_correcting and minutes.pdf_file:
        # The earlier version keeps its PDF (copied when the correction started);
        # the corrected minutes get their own.
        minutes.pdf_file = ""
        minutes.pdf_sha256 = ""
        minutes.pdf_size = 0
        minutes.pdf_rendered_at = None
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = now
    minutes.approval_method = method
    minutes.approved_by_item = item
    minutes.approval_correction = correction
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approval_method",
            "approved_by_item",
            "approval_correction",
            "pdf_file",
            "pdf_sha256",
            "pdf_size",
            "pdf_rendered_at",
            "updated_at",
        ]
    )
    version.is_open_review = False
    version.approved_at = now
    version.approval_method = method
    version.approved_by = by
    version.approved_by_item = item
    if item is not None:
        detail = _("I sak %(item)s i %(meeting)s") % {
            "item": item.number_label,
            "meeting": item.meeting.title,
        }
    else:
        detail = _("Av medlemmene, versjon %(number)s") % {"number": version.number}
    event_record(
        minutes, MinutesEvent.Kind.APPROVED, by=by, version=version, detail=detail
    )
    # Inside the approval's transaction: approved minutes always have their frozen
    # PDF, or the approval fails and nothing changes (see minutes/pdf.py).
    store_approved_pdf(minutes=minutes)
    version.pdf_file = minutes.pdf_file.name
    version.pdf_sha256 = minutes.pdf_sha256
    version.save(
        update_fields=[
            "is_open_review",
            "approved_at",
            "approval_method",
            "approved_by",
            "approved_by_item",
            "pdf_file",
            "pdf_sha256",
        ]
    )
    if was_correcting or minutes.meeting.council.publish_on_approval:
        _minutes_publish(minutes, by=by)
        return True
    return False


def _minutes_publish(minutes: Minutes, *, by=None) -> None:
    now = timezone.now()
    minutes.status = Minutes.Status.PUBLISHED
    minutes.published_at = now
    minutes.correction_reason = ""
    minutes.save(
        update_fields=["status", "published_at", "correction_reason", "updated_at"]
    )
    version = (
        MinutesVersion.objects.filter(minutes=minutes, approved_at__isnull=False)
        .order_by("-number")
        .first()
    )
    if version is not None:
        version.published_at = now
        version.save(update_fields=["published_at"])
    event_record(minutes, MinutesEvent.Kind.PUBLISHED, by=by, version=version)
    invalidate_public_pages(council=minutes.meeting.council)


def _notify_approved(minutes: Minutes, *, published: bool) -> None:
    mail.send_minutes_approved(minutes=minutes)
    if published:
        mail.send_minutes_published(minutes=minutes)


def minutes_start_correction(*, minutes: Minutes, by, reason: str) -> Minutes:
    """Reopen published minutes for a correction, with a stated reason.

    The public keeps seeing the published version (read from its frozen copy) until
    the correction has gone through review and approval and is published.
    """
    with transaction.atomic():
        minutes = minutes_lock(minutes)
        require_secretariat(by, minutes.meeting.council)
        if minutes.status not in statuses_leading_to(Minutes.Status.CORRECTING):
            raise MinutesStateError(
                _("Bare publiserte referater kan rettes."), code="not_published"
            )
        reason = (reason or "").strip()
        if not reason:
            raise MinutesStateError(
                _("Skriv hvorfor referatet rettes."), code="reason_required"
            )
        published = (
            MinutesVersion.objects.filter(minutes=minutes, published_at__isnull=False)
            .order_by("-number")
            .first()
        )
        if published is None:
            # Minutes published before versions existed get their copy now.
            published = version_create(minutes, by=by)
            published.approved_at = minutes.approved_at
            published.approval_method = minutes.approval_method
            published.published_at = minutes.published_at
        if not published.pdf_file and minutes.pdf_file:
            published.pdf_file = minutes.pdf_file.name
            published.pdf_sha256 = minutes.pdf_sha256
        published.save(
            update_fields=[
                "approved_at",
                "approval_method",
                "published_at",
                "pdf_file",
                "pdf_sha256",
            ]
        )
        minutes.status = Minutes.Status.CORRECTING
        minutes.correction_reason = reason
        minutes.save(update_fields=["status", "correction_reason", "updated_at"])
        event_record(
            minutes,
            MinutesEvent.Kind.CORRECTION_STARTED,
            by=by,
            version=published,
            detail=reason,
        )
    invalidate_public_pages(council=minutes.meeting.council)
    return minutes
