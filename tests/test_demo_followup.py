"""The demo's follow-up (ops/demo_data_followup.py): at least three decisions of
6/2022 carry follow-up with notes, one of them overdue whenever the demo is loaded;
the public sees it without the internal note; the reminder command finds its work."""

import pytest
from django.core import mail
from django.urls import reverse

from minutes.models import FollowUp, FollowUpNote
from minutes.services.followup import followup_reminders_send
from tests.reference_minutes import SLUG

pytestmark = pytest.mark.django_db


def test_three_decisions_of_6_2022_have_follow_up_one_overdue(demo):  # noqa: F811
    followups = FollowUp.objects.filter(
        council__slug=SLUG, item__meeting__year=2022, item__meeting__number=6
    )
    assert followups.values("item").distinct().count() >= 3
    assert followups.overdue().count() == 1
    overdue = followups.overdue().get()
    assert overdue.item.number_label == "43/22"
    assert overdue.notes.exists()
    assert FollowUpNote.objects.filter(followup__in=followups).count() >= 5
    statuses = set(followups.values_list("status", flat=True))
    assert {"in_progress", "done", "not_started"} <= statuses


def test_the_demo_council_publishes_it_without_internal_notes(
    demo,  # noqa: F811
    client,
):
    register = client.get(reverse("public:decisions", args=[SLUG])).content.decode()
    assert "Pågår" in register and "Fullført" in register
    page = client.get(reverse("public:item", args=[SLUG, 2022, 43])).content.decode()
    assert "forfalt" in page
    assert "Arbeidsgruppe med Folkehelseinstituttet" in page
    assert "finansieringen av arbeidsgruppens neste fase" not in page


def test_the_dashboard_and_the_reminders_find_the_demos_follow_up(
    demo,  # noqa: F811
    client,
):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="sekretariat"))
    dashboard = client.get(reverse("workspace:dashboard")).content.decode()
    assert "Forfalt oppfølging" in dashboard and "43/22" in dashboard
    mail.outbox.clear()
    # 43/22 is overdue and 45/22 due in five days: one reminder each.
    assert followup_reminders_send() == 2
    assert followup_reminders_send() == 0
