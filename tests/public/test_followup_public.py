"""The public sees follow-up only where the council chooses to publish it: status,
due date and responsible on the item page and in the decision register (and its CSV
and JSON), never an internal note; cached pages follow a change at once."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from minutes.models import FollowUp
from minutes.services.followup import followup_note_add, followup_update
from tests.followups import add_followup, published_items

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def followup(world):
    item = published_items(world.council_a)[0]
    followup = add_followup(
        item,
        responsible=world.membership_a.organisation,
        due_date=TODAY - datetime.timedelta(days=2),
        task="Utrede felles journalløsning",
        status=FollowUp.Status.IN_PROGRESS,
    )
    followup_note_add(followup=followup, text="Forprosjekt startet.")
    followup_note_add(
        followup=followup, text="Hemmelig forhandlingsnotat", is_internal=True
    )
    return followup


def publish_followup(council, on: bool = True) -> None:
    council.publishes_followup = on
    council.save()


def item_url(followup) -> str:
    item = followup.item
    return reverse("public:item", args=[item.council.slug, item.year, item.number])


def register_url(council, **query) -> str:
    url = reverse("public:decisions", args=[council.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_nothing_public_unless_the_council_chooses(world, followup, client):
    item_page = client.get(item_url(followup)).content.decode()
    register = client.get(register_url(world.council_a)).content.decode()
    for page in (item_page, register):
        assert "Utrede felles journalløsning" not in page
        assert "Pågår" not in page
        assert "Forprosjekt startet." not in page
    assert "oppfolging" not in client.get(
        register_url(world.council_a, format="csv")
    ).content.decode("utf-8-sig")
    data = client.get(register_url(world.council_a, format="json")).json()
    assert data["decisions"] and all("followup" not in d for d in data["decisions"])


def test_status_due_date_and_responsible_when_the_council_publishes(
    world, followup, client
):
    publish_followup(world.council_a)
    organisation = world.membership_a.organisation.name
    item_page = client.get(item_url(followup)).content.decode()
    assert "Utrede felles journalløsning" in item_page
    assert "Pågår" in item_page and "forfalt" in item_page
    assert organisation in item_page
    assert followup.due_date.isoformat() in item_page
    assert "Forprosjekt startet." in item_page
    register = client.get(register_url(world.council_a)).content.decode()
    assert "Pågår" in register and organisation in register
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(register_url(world.council_a, format="csv")).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    row = next(r for r in rows if r["tittel"] == "Kjernejournal")
    assert row["oppfolging_status"] == "Pågår"
    assert row["oppfolging_frist"] == followup.due_date.isoformat()
    assert row["oppfolging_ansvarlig"] == organisation
    assert {r["oppfolging_status"] for r in rows if r is not row} <= {""}
    data = client.get(register_url(world.council_a, format="json")).json()
    entry = next(d for d in data["decisions"] if d["title"] == "Kjernejournal")
    assert entry["followup"] == [
        {
            "task": "Utrede felles journalløsning",
            "responsible": organisation,
            "due_date": followup.due_date.isoformat(),
            "status": "in_progress",
            "status_label": "Pågår",
            "overdue": True,
        }
    ]


def test_internal_notes_never_reach_the_public(world, followup, client):
    publish_followup(world.council_a)
    for url in (
        item_url(followup),
        register_url(world.council_a),
        register_url(world.council_a, format="csv"),
        register_url(world.council_a, format="json"),
        reverse("public:meeting", args=[world.council_a.slug, 2024, 1]),
        reverse("api:decision-list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Hemmelig forhandlingsnotat" not in response.content.decode(), url


def test_a_change_shows_at_once_on_cached_pages(world, followup, client):
    publish_followup(world.council_a)
    assert "Pågår" in client.get(item_url(followup)).content.decode()
    assert "Pågår" in client.get(register_url(world.council_a)).content.decode()
    followup_update(
        followup=followup,
        task=followup.task,
        due_date=followup.due_date,
        responsible_organisation=followup.responsible_organisation,
        status=FollowUp.Status.DONE,
    )
    item_page = client.get(item_url(followup)).content.decode()
    assert "Fullført" in item_page and "forfalt" not in item_page
    assert "Fullført" in client.get(register_url(world.council_a)).content.decode()
    # Switching publication off hides it again at once.
    publish_followup(world.council_a, on=False)
    assert "Fullført" not in client.get(item_url(followup)).content.decode()


def test_another_councils_register_shows_none_of_it(world, followup, client):
    publish_followup(world.council_a)
    publish_followup(world.council_b)
    page = client.get(register_url(world.council_b)).content.decode()
    assert "Utrede felles journalløsning" not in page


def test_a_decision_withheld_from_the_public_keeps_its_follow_up_private(
    world, followup
):
    """Where the published document marks an item or its decision exempt (under
    offentleglova), its follow-up, whose task restates the decision, is withheld."""
    from types import SimpleNamespace

    from minutes.public import public_followups

    publish_followup(world.council_a)
    council = world.council_a
    plain = SimpleNamespace(id=followup.item_id, decision=None)
    whole = SimpleNamespace(id=followup.item_id, exemption_scope="whole", decision=None)
    decision = SimpleNamespace(
        id=followup.item_id,
        decision=SimpleNamespace(exemption="offl. § 23 første ledd"),
    )
    assert followup.item_id in public_followups(council, [plain])
    assert public_followups(council, [whole]) == {}
    assert public_followups(council, [decision]) == {}
