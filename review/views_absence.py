"""The member's absence link from the summons: report absence, name a substitute."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from council.access import council_people
from council.models import Membership, Person
from minutes.mail import absence_token_read
from minutes.models import Attendance, Meeting
from minutes.services.attendance import (
    attendance_report_absence,
    person_find_or_create,
)
from review.forms import AbsenceForm


def substitute_candidates(meeting: Meeting, membership: Membership):
    """People a member may name: those of their organisation and the council's
    deputies, among the council's own people (an organisation that also serves
    another council does not bring that council's people along)."""
    return (
        Person.objects.filter(
            Q(organisation=membership.organisation)
            | Q(
                memberships__council=meeting.council,
                memberships__role=Membership.Role.DEPUTY,
            )
        )
        .filter(pk__in=council_people(meeting.council).values("pk"))
        .exclude(pk=membership.person_id)
        .distinct()
        .order_by("name")
    )


@require_http_methods(["GET", "POST"])
def absence_report(request: HttpRequest, token: str) -> HttpResponse:
    """Report absence (meldt forfall) from the link in the summons; no login needed."""
    try:
        meeting, membership = absence_token_read(token)
    except signing.SignatureExpired:
        return _link_problem(request, _("Lenken er utløpt."))
    except (signing.BadSignature, Meeting.DoesNotExist, Membership.DoesNotExist):
        return _link_problem(request, _("Lenken er ugyldig."))
    if meeting.date < timezone.localdate():
        return _link_problem(request, _("Møtet er allerede holdt."))
    people = substitute_candidates(meeting, membership)
    current = (
        Attendance.objects.filter(
            meeting=meeting, role=Attendance.Role.MEMBER, person=membership.person
        )
        .select_related("substitute")
        .first()
    )
    if request.method == "POST":
        form = AbsenceForm(request.POST, people=people)
        if form.is_valid():
            substitute = form.cleaned_data["substitute"]
            new_name = form.cleaned_data["new_substitute_name"].strip()
            if new_name:
                substitute = person_find_or_create(
                    name=new_name, organisation=membership.organisation
                )
            try:
                attendance_report_absence(
                    meeting=meeting, membership=membership, substitute=substitute
                )
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("Takk. Forfallet ditt er registrert.")
                    if substitute is None
                    else _(
                        "Takk. Forfallet ditt og stedfortrederen %(name)s er "
                        "registrert."
                    )
                    % {"name": substitute.name},
                )
                return redirect("review:absence_report", token)
    else:
        form = AbsenceForm(
            people=people,
            initial={"substitute": current.substitute if current else None},
        )
    return render(
        request,
        "registration/absence_report.html",
        {
            "meeting": meeting,
            "membership": membership,
            "form": form,
            "current": current,
        },
    )


def _link_problem(request: HttpRequest, message: str) -> HttpResponse:
    return render(
        request,
        "registration/absence_link_problem.html",
        {"message": message},
        status=404,
    )
