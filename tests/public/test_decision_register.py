"""/<council>/vedtak/: every published decision once, with filters, CSV and JSON;
nothing of unpublished minutes or of later edits."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Decision
from tests.factories import make_meeting, publish

pytestmark = pytest.mark.django_db


def decide(meeting, title, text, kind="beslutning"):
    item = AgendaItem.objects.get(meeting=meeting, standard="secretariat_info")
    if title:
        item = AgendaItem.objects.create(
            meeting=meeting,
            council=meeting.council,
            year=meeting.year,
            number=item.number + 50,
            order=90,
            title=title,
            kind=kind,
        )
        Decision.objects.create(item=item, final_text=text)
    return item


@pytest.fixture
def register(world):
    council = world.council_a
    first = make_meeting(council=council, date=datetime.date(2023, 5, 1))
    decide(first, "Nasjonal kjernejournal", "Rådet støtter innføringen.")
    publish(first)
    second = make_meeting(council=council, date=datetime.date(2024, 2, 1))
    decide(second, "Pasientens legemiddelliste", "Rådet anbefaler videre arbeid.")
    publish(second)
    draft = make_meeting(council=council, date=datetime.date(2024, 9, 1))
    decide(draft, "Hemmelig utkast", "Ikke publisert vedtak.")
    return council


def url(council, **query):
    base = reverse("public:decisions", args=[council.slug])
    if not query:
        return base
    from urllib.parse import urlencode

    return f"{base}?{urlencode(query)}"


def test_every_published_decision_once_with_its_link(client, register):
    page = client.get(url(register)).content.decode()
    assert page.count("Rådet støtter innføringen.") == 1
    assert page.count("Rådet anbefaler videre arbeid.") == 1
    assert "Ikke publisert vedtak" not in page and "Hemmelig utkast" not in page
    item = AgendaItem.objects.get(title="Nasjonal kjernejournal")
    permalink = reverse("public:item", args=[register.slug, item.year, item.number])
    assert f'href="{permalink}"' in page
    assert client.get(permalink).status_code == 200


def test_filters_by_year_type_and_words(client, register):
    by_year = client.get(url(register, ar=2023)).content.decode()
    assert "Nasjonal kjernejournal" in by_year
    assert "Pasientens legemiddelliste" not in by_year
    words = client.get(url(register, q="LEGEMIDDELLISTE videre")).content.decode()
    assert "Pasientens legemiddelliste" in words
    assert "Nasjonal kjernejournal" not in words
    kind = client.get(url(register, type="beslutning")).content.decode()
    assert "Nasjonal kjernejournal" in kind
    assert "Rådet tar sakene til orientering" not in kind
    nothing = client.get(url(register, q="finnesikke")).content.decode()
    assert "Ingen vedtak passer." in nothing


def test_csv_parses_and_follows_the_filters(client, register):
    response = client.get(url(register, format="csv", ar=2024))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = [row["tittel"] for row in rows]
    assert "Pasientens legemiddelliste" in titles
    assert "Nasjonal kjernejournal" not in titles
    row = next(r for r in rows if r["tittel"] == "Pasientens legemiddelliste")
    assert row["vedtak"] == "Rådet anbefaler videre arbeid."
    assert row["motedato"] == "2024-02-01"
    assert row["lenke"].startswith("http://testserver/")


def test_json_lists_the_same_decisions(client, register):
    data = client.get(url(register, format="json")).json()
    texts = [d["text"] for d in data["decisions"]]
    assert texts.count("Rådet støtter innføringen.") == 1
    assert "Ikke publisert vedtak." not in texts
    assert data["count"] == len(data["decisions"])


def test_an_unknown_council_is_404(client, world):
    assert client.get("/finnes-ikke/vedtak/").status_code == 404
