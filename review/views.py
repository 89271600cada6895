"""Review of draft minutes online: members read, comment and approve; the secretariat
answers, sends new versions, records approval, publishes and corrects.

Every state change is one POST view that calls one service of
minutes/services/lifecycle.py and redirects; the services check state and role and
raise MinutesStateError (shown as a message) when a step is not allowed. Access goes
through minutes/access.py: members and the secretariat of the council get the pages,
everyone else a 404.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from council.access import access_council, readable_councils, served_councils
from council.models import Council
from minutes.access import access, access_minutes
from minutes.diff import version_diff
from minutes.document import MinutesDocument, minutes_snapshot
from minutes.models import (
    AgendaItem,
    FollowUp,
    Minutes,
    MinutesEvent,
    MinutesVersion,
    ReviewApproval,
    ReviewComment,
)
from minutes.services import lifecycle
from minutes.services.followup import followups_by_item
from minutes.services.review import (
    council_voting_members,
    minutes_approval_progress,
)
from minutes.services.summons import summons_versions
from minutes.services.versions import (
    APPROVABLE_STATUSES,
    minutes_latest_version,
    minutes_open_version,
)


def _fail(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@login_required
@require_safe
def review_index(request: HttpRequest) -> HttpResponse:
    """Minutes out for review (members), and minutes not yet published (secretariat),
    newest meetings first."""
    in_review = (
        Minutes.objects.filter(meeting__council__in=readable_councils(request.user))
        .filter(Q(versions__is_open_review=True) | Q(status=Minutes.Status.IN_REVIEW))
        .select_related("meeting", "meeting__council")
        .distinct()
        .order_by("-meeting__date")
    )
    to_manage = (
        Minutes.objects.filter(meeting__council__in=served_councils(request.user))
        .exclude(status=Minutes.Status.PUBLISHED)
        .select_related("meeting", "meeting__council")
        .order_by("-meeting__date")
    )
    return render(
        request,
        "review/index.html",
        {
            "minutes_list": in_review,
            "manage_list": to_manage,
            "councils": readable_councils(request.user).order_by("name"),
        },
    )


def _comments_by_target(comments: list[ReviewComment]) -> dict[str, dict]:
    """The comments of a version by item and by input, for minutes_body.html."""
    by_input: dict[int, list] = {}
    by_item: dict[int, list] = {}
    for comment in comments:
        if comment.input_id:
            by_input.setdefault(comment.input_id, []).append(comment)
        elif comment.item_key:
            by_item.setdefault(comment.item_key, []).append(comment)
    return {"items": by_item, "inputs": by_input}


@login_required
@require_safe
def review_read(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The member's reading page: the version under review, marked as a draft, with
    comments on the whole, each item and each input, and approve / ask for changes."""
    meeting, minutes, can_edit = access_minutes(request.user, meeting_id)
    open_version = minutes_open_version(minutes)
    version = open_version or minutes_latest_version(minutes)
    comments = []
    if version is not None:
        document = MinutesDocument.from_snapshot(version.content, version=version)
        comments = list(
            ReviewComment.objects.filter(version=version).select_related("replied_by")
        )
    else:
        document = MinutesDocument.from_rows(meeting)
    general = [c for c in comments if not c.input_id and not c.item_key]
    my_answer = None
    can_decide = False
    progress = None
    # Under «Vedtak i neste møte» a meeting approves: members comment, nobody votes.
    approved_at_meeting = (
        meeting.council.approval_rule == Council.ApprovalRule.NEXT_MEETING
    )
    if open_version is not None and not approved_at_meeting:
        person = (
            council_voting_members(council=meeting.council)
            .filter(user=request.user)
            .first()
        )
        can_decide = person is not None
        if person:
            my_answer = ReviewApproval.objects.filter(
                version=open_version, person=person
            ).first()
        progress = minutes_approval_progress(minutes=minutes, version=open_version)
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "document": document,
        "comments": _comments_by_target(comments),
        "version": version,
        "open_version": open_version,
        "review": open_version is not None,
        "general_comments": general,
        "comment_count": len(comments),
        "my_answer": my_answer,
        "can_decide": can_decide,
        "approved_at_meeting": approved_at_meeting
        and minutes.status in APPROVABLE_STATUSES,
        "can_edit": can_edit,
        "progress": progress,
        "versions": MinutesVersion.objects.filter(minutes=minutes).order_by("number"),
        # Every summons as it was sent (minutes/services/summons.py).
        "summons_versions": summons_versions(meeting),
        "followups": [
            followup
            for rows in followups_by_item(
                FollowUp.objects.filter(item__meeting=meeting)
            ).values()
            for followup in rows
        ],
    }
    return render(request, "review/read.html", context)


@login_required
@require_safe
def council_followups(request: HttpRequest, council_slug: str) -> HttpResponse:
    """The follow-up of the council's decisions, for its members and secretariat to
    read (the secretariat manages it in /arbeid/)."""
    council, can_edit = access_council(request.user, council_slug)
    followups = [
        followup
        for rows in followups_by_item(
            FollowUp.objects.filter(council=council).order_by("due_date", "id")
        ).values()
        for followup in rows
    ]
    followups.sort(key=lambda f: (f.due_date, f.pk))
    return render(
        request,
        "review/followups.html",
        {"council": council, "followups": followups, "can_edit": can_edit},
    )


@login_required
@require_POST
def review_comment(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id)
    try:
        lifecycle.review_comment_add(
            minutes=minutes,
            by=request.user,
            text=request.POST.get("text", ""),
            item_id=_int_or_none(request.POST.get("item")),
            input_id=_int_or_none(request.POST.get("input")),
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Kommentaren er lagret."))
    return redirect("review:read", meeting_id=meeting.pk)


@login_required
@require_POST
def review_decide(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id)
    try:
        lifecycle.minutes_member_decide(
            minutes=minutes, by=request.user, decision=request.POST.get("decision", "")
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        if request.POST.get("decision") == ReviewApproval.Decision.APPROVE:
            messages.success(request, _("Du har godkjent referatet."))
        else:
            messages.success(request, _("Du har bedt om endringer i referatet."))
    return redirect("review:read", meeting_id=meeting.pk)


@login_required
@require_safe
def review_dashboard(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The secretariat's page: answers, comments by item, and the next step."""
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    council = meeting.council
    versions = list(MinutesVersion.objects.filter(minutes=minutes).order_by("number"))
    open_version = next((v for v in versions if v.is_open_review), None)
    latest = versions[-1] if versions else None
    comment_groups = []
    answers = []
    progress = None
    if latest is not None:
        comments = list(
            ReviewComment.objects.filter(version=latest).select_related("replied_by")
        )
        items = latest.content["items"]
        order = {item["id"]: index for index, item in enumerate(items)}
        titles = {
            item["id"]: _("Sak %(number)s %(title)s")
            % {"number": item["number_label"], "title": item["title"]}
            for item in items
        }
        groups: dict = {}
        for comment in comments:
            groups.setdefault(comment.item_key, []).append(comment)
        for key in sorted(groups, key=lambda k: -1 if k is None else order.get(k, 1e9)):
            label = _("Hele referatet") if key is None else titles.get(key, "")
            comment_groups.append({"label": label, "comments": groups[key]})
        # Under «Vedtak i neste møte» members answer nothing: a meeting approves.
        if council.approval_rule != Council.ApprovalRule.NEXT_MEETING:
            voters = list(council_voting_members(council=council).order_by("name"))
            given = {
                a.person_id: a for a in ReviewApproval.objects.filter(version=latest)
            }
            answers = [(person, given.get(person.pk)) for person in voters]
            if open_version is not None:
                progress = minutes_approval_progress(
                    minutes=minutes, version=open_version
                )
    changed_since = bool(
        latest
        and minutes.status in APPROVABLE_STATUSES
        and latest.content != minutes_snapshot(meeting=meeting)
    )
    approving_items = AgendaItem.objects.filter(
        approves_minutes_of=meeting
    ).select_related("meeting", "decision")
    context = {
        "meeting": meeting,
        "council": council,
        "minutes": minutes,
        "versions": versions,
        "latest": latest,
        "open_version": open_version,
        "comment_groups": comment_groups,
        "answers": answers,
        "progress": progress,
        "changed_since": changed_since,
        "approving_items": approving_items,
        "undecided_items": lifecycle.minutes_undecided_items(meeting=meeting)
        if minutes.status in APPROVABLE_STATUSES
        else [],
        "can_send": minutes.status in APPROVABLE_STATUSES,
        "can_approve_at_meeting": minutes.status in APPROVABLE_STATUSES
        and council.approval_rule == Council.ApprovalRule.NEXT_MEETING,
        "comment_statuses": [
            ReviewComment.Status.ACCEPTED,
            ReviewComment.Status.DECLINED,
        ],
        "default_deadline": timezone.localdate() + datetime.timedelta(days=7),
    }
    return render(request, "review/dashboard.html", context)


def _to_dashboard(meeting_id: int) -> HttpResponse:
    return redirect("review:dashboard", meeting_id=meeting_id)


@login_required
@require_POST
def review_send(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    raw = request.POST.get("deadline", "")
    try:
        deadline = datetime.date.fromisoformat(raw) if raw else None
    except ValueError:
        messages.error(request, _("Skriv fristen som en dato, f.eks. 2024-03-15."))
        return _to_dashboard(meeting.pk)
    try:
        version = lifecycle.minutes_send_for_review(
            minutes=minutes, by=request.user, deadline=deadline
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            _("Versjon %(number)s er sendt til medlemmene.")
            % {"number": version.number},
        )
    return _to_dashboard(meeting.pk)


@login_required
@require_POST
def review_resolve(
    request: HttpRequest, meeting_id: int, comment_id: int
) -> HttpResponse:
    comment = access(
        request.user,
        ReviewComment,
        comment_id,
        version__minutes__meeting_id=meeting_id,
    )
    try:
        lifecycle.review_comment_resolve(
            comment=comment,
            by=request.user,
            status=request.POST.get("status", ""),
            reply=request.POST.get("reply", ""),
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Svaret er sendt til medlemmet."))
    return _to_dashboard(meeting_id)


@login_required
@require_POST
def review_approve_at_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    item = AgendaItem.objects.filter(
        pk=_int_or_none(request.POST.get("item")), approves_minutes_of=meeting
    ).first()
    if item is None:
        messages.error(request, _("Velg saken som godkjente referatet."))
        return _to_dashboard(meeting.pk)
    try:
        lifecycle.minutes_approve_at_meeting(
            minutes=minutes,
            item=item,
            by=request.user,
            correction=request.POST.get("correction", "")[:2000],
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Referatet er godkjent."))
    return _to_dashboard(meeting.pk)


@login_required
@require_POST
def review_approve_online(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    try:
        lifecycle.minutes_approve_online(minutes=minutes, by=request.user)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Referatet er godkjent."))
    return _to_dashboard(meeting.pk)


@login_required
@require_POST
def review_publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    try:
        lifecycle.minutes_publish(minutes=minutes, by=request.user)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Referatet er publisert."))
    return _to_dashboard(meeting.pk)


@login_required
@require_POST
def review_correct(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    try:
        lifecycle.minutes_start_correction(
            minutes=minutes, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            _(
                "Rettingen er startet. Publikum ser den publiserte versjonen til "
                "rettingen er godkjent."
            ),
        )
    return _to_dashboard(meeting.pk)


@login_required
@require_safe
def review_compare(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Any two versions side by side: per item, words inserted and deleted."""
    meeting, minutes, can_edit = access_minutes(request.user, meeting_id)
    versions = list(MinutesVersion.objects.filter(minutes=minutes).order_by("number"))
    if not versions:
        raise Http404
    by_number = {v.number: v for v in versions}
    newest = versions[-1].number
    new_number = _int_or_none(request.GET.get("til")) or newest
    old_number = _int_or_none(request.GET.get("fra")) or max(new_number - 1, 1)
    if old_number not in by_number or new_number not in by_number:
        raise Http404
    old, new = by_number[old_number], by_number[new_number]
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "versions": versions,
        "old": old,
        "new": new,
        "diff": version_diff(
            MinutesDocument.from_snapshot(old.content),
            MinutesDocument.from_snapshot(new.content),
        ),
        "can_edit": can_edit,
    }
    return render(request, "review/compare.html", context)


@login_required
@require_safe
def review_history(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The audit trail of the minutes, for the secretariat."""
    meeting, minutes, _can_edit = access_minutes(request.user, meeting_id, edit=True)
    events = (
        MinutesEvent.objects.filter(minutes=minutes)
        .select_related("actor", "version")
        .order_by("at", "id")
    )
    return render(
        request,
        "review/history.html",
        {"meeting": meeting, "minutes": minutes, "events": events},
    )
