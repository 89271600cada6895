"""Follow-up in /arbeid/: the council's secretariat lists, filters, adds, edits and
notes follow-up; another council's secretariat gets a 404 whatever the id; the
dashboard shows each council's overdue follow-up."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from minutes.models import FollowUp, FollowUpNote
from tests.followups import add_followup, published_items

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def items(world):
    return published_items(world.council_a, titles=("Kjernejournal", "Helsedata"))


@pytest.fixture
def followup(world, items):
    return add_followup(
        items[0],
        responsible=world.membership_a.organisation,
        due_date=days(-3),
        task="Utrede kjernejournal",
    )


def test_the_secretariat_adds_follow_up_from_the_councils_list(
    world, items, clients_for
):
    alice = clients_for("secretariat_a")
    url = reverse("workspace:followups", args=[world.council_a.slug])
    page = alice.get(url).content.decode()
    assert "Kjernejournal" in page  # offered in the list of decisions
    response = alice.post(
        url,
        {
            "item": items[1].pk,
            "task": "Lage en plan",
            "responsible": f"p:{world.member_a.person.pk}",
            "due_date": days(20).isoformat(),
            "status": "not_started",
        },
    )
    assert response.status_code == 302
    followup = FollowUp.objects.get()
    assert (followup.item, followup.responsible_person) == (
        items[1],
        world.member_a.person,
    )
    page = alice.get(url).content.decode()
    assert "Lage en plan" in page and "Bob Medlem" in page


def test_another_councils_people_cannot_be_chosen(world, items, clients_for):
    alice = clients_for("secretariat_a")
    url = reverse("workspace:item_followups", args=[items[0].pk])
    page = alice.get(url).content.decode()
    assert "Charlie Medlem" not in page
    response = alice.post(
        url,
        {
            "task": "Noe",
            "responsible": f"p:{world.member_b.person.pk}",
            "due_date": days(5).isoformat(),
            "status": "not_started",
        },
    )
    assert response.status_code == 200
    assert "Velg en ansvarlig fra listen." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_edit_and_note_record_the_history(world, followup, clients_for):
    alice = clients_for("secretariat_a")
    edit = reverse("workspace:followup", args=[followup.pk])
    assert "Utrede kjernejournal" in alice.get(edit).content.decode()
    response = alice.post(
        edit,
        {
            "task": "Utrede kjernejournal",
            "responsible": f"o:{world.membership_a.organisation.pk}",
            "due_date": days(10).isoformat(),
            "status": "in_progress",
        },
    )
    assert response.status_code == 302
    followup.refresh_from_db()
    assert followup.status == "in_progress" and followup.due_date == days(10)
    response = alice.post(
        reverse("workspace:followup_note", args=[followup.pk]),
        {
            "date": TODAY.isoformat(),
            "text": "Utkast sendt på høring.",
            "status": "done",
            "is_internal": "on",
        },
    )
    assert response.status_code == 302
    followup.refresh_from_db()
    assert followup.status == "done"
    notes = list(FollowUpNote.objects.filter(followup=followup).order_by("id"))
    assert [n.status for n in notes] == ["in_progress", "done"]
    assert notes[1].is_internal and notes[1].author == world.secretariat_a
    page = alice.get(edit).content.decode()
    assert "Utkast sendt på høring." in page


def test_the_list_filters_by_status_and_overdue(world, items, followup, clients_for):
    add_followup(
        items[1],
        responsible=world.member_a.person,
        due_date=days(30),
        task="Framtidig arbeid",
        status="in_progress",
    )
    alice = clients_for("secretariat_a")
    url = reverse("workspace:followups", args=[world.council_a.slug])
    overdue = alice.get(url, {"forfalt": "1"}).content.decode()
    assert "Utrede kjernejournal" in overdue and "Framtidig arbeid" not in overdue
    in_progress = alice.get(url, {"status": "in_progress"}).content.decode()
    assert "Framtidig arbeid" in in_progress
    assert "Utrede kjernejournal" not in in_progress


def test_another_councils_follow_up_is_a_404_whatever_the_id(
    world, items, followup, clients_for
):
    cecilie = clients_for("secretariat_b")  # council B's secretariat
    bob = clients_for("member_a")  # a member reads, never edits
    for client in (cecilie, bob):
        for name, args in (
            ("workspace:followup", [followup.pk]),
            ("workspace:item_followups", [items[0].pk]),
            ("workspace:followups", [world.council_a.slug]),
        ):
            assert client.get(reverse(name, args=args)).status_code == 404
        for name in (
            "workspace:followup",
            "workspace:followup_note",
            "workspace:followup_delete",
        ):
            url = reverse(name, args=[followup.pk])
            assert client.post(url, {"text": "x"}).status_code == 404
        missing = reverse("workspace:followup", args=[followup.pk + 1000])
        assert client.get(missing).status_code == 404
    assert FollowUp.objects.filter(pk=followup.pk).exists()
    assert not FollowUpNote.objects.exists()


def test_a_draft_item_says_why_it_has_no_follow_up_yet(world, clients_for):
    item = world.draft_a.items.get(standard="secretariat_info")
    page = clients_for("secretariat_a").get(
        reverse("workspace:item_followups", args=[item.pk])
    )
    assert page.status_code == 200
    assert "ikke godkjent ennå" in page.content.decode()


def test_delete_removes_a_mistake(world, followup, clients_for):
    alice = clients_for("secretariat_a")
    response = alice.post(reverse("workspace:followup_delete", args=[followup.pk]))
    assert response.status_code == 302
    assert not FollowUp.objects.exists()


def test_the_dashboard_shows_overdue_follow_up_per_council(
    world, items, followup, clients_for
):
    add_followup(
        items[1], responsible=world.member_a.person, due_date=days(5), task="Ikke ennå"
    )
    page = clients_for("secretariat_a").get(reverse("workspace:dashboard"))
    content = page.content.decode()
    assert "Forfalt oppfølging" in content
    assert "Utrede kjernejournal" in content
    assert "Ikke ennå" not in content
    # Council B's dashboard does not show council A's.
    other = clients_for("secretariat_b").get(reverse("workspace:dashboard"))
    assert "Utrede kjernejournal" not in other.content.decode()
    assert "Ingen oppfølging er forfalt." in other.content.decode()


def test_the_setting_is_on_the_settings_page(world, clients_for):
    alice = clients_for("secretariat_a")
    url = reverse("workspace:council_settings", args=[world.council_a.slug])
    assert 'name="publishes_followup"' in alice.get(url).content.decode()


def test_the_meeting_page_links_each_decision_to_its_follow_up(
    world, items, clients_for
):
    page = clients_for("secretariat_a").get(
        reverse("workspace:meeting", args=[items[0].meeting_id])
    )
    assert reverse("workspace:item_followups", args=[items[0].pk]) in (
        page.content.decode()
    )
