"""Public pages show published minutes and nothing else."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from minutes.models import Attachment, Attendance, Input
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    make_meeting,
    make_published_meeting,
)
from tests.public.helpers import filled_meeting, publish

pytestmark = pytest.mark.django_db


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_an_unpublished_meeting_is_not_found(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    item = meeting.items.first()
    assert client.get(item.get_absolute_url()).status_code == 404
    home = client.get(reverse("public:home")).content.decode()
    assert meeting.get_absolute_url() not in home


def test_the_meeting_page_shows_the_minutes_in_order(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    member = MembershipFactory(council=council, person__name="Kari Nordmann")
    Attendance.objects.create(
        meeting=meeting,
        membership=member,
        person=member.person,
        arrived_at=datetime.time(12),
    )
    first = meeting.items.order_by("order").first()
    Input.objects.create(item=first, order=1, text="Første <innspill>")
    Input.objects.create(item=first, order=2, text="Andre innspill")
    first.decision.final_text = first.decision.proposed_text
    first.decision.save()
    publish(meeting)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    page = page[page.index('<article class="minutes"') :]
    expected = [
        f"Referat fra møte i {council.name}",
        "Møte",
        "1/2022",
        "1. februar 2022",
        "Kari Nordmann",
        "fra kl. 12",
        "1/22",
        "Godkjenning av innkalling og dagsorden",
        "Følgende innspill og spørsmål ble svart ut i møtet:",
        "Første &lt;innspill&gt;",
        "Andre innspill",
        "Vedtak:",
        f"{council.name} godkjenner innkalling og dagsorden.",
        "Eventuelt",
    ]
    position = 0
    for text in expected:
        found = page.find(text, position)
        assert found >= 0, f"{text!r} missing or out of order"
        position = found + len(text)
    assert "<innspill>" not in page


def test_the_item_permalink_shows_one_item(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.order_by("order").first()
    assert item.get_absolute_url() == f"/{council.slug}/sak/2022/1/"
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Godkjenning av innkalling og dagsorden" in response.content.decode()


def test_the_item_is_cited_by_the_sites_own_address_whatever_the_host(
    client, council, settings
):
    settings.SITE_URL = "https://referater.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "intern.example.org"]
    item = make_published_meeting(council, datetime.date(2022, 2, 1)).items.first()
    # The first visitor came by another name of the server; the page is cached.
    client.get(item.get_absolute_url(), HTTP_HOST="intern.example.org")
    page = client.get(item.get_absolute_url()).content.decode()
    assert f"https://referater.example.org{item.get_absolute_url()}" in page
    assert "intern.example.org" not in page


def test_the_home_page_lists_published_meetings(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    page = client.get("/").content.decode()
    assert council.name in page
    assert meeting.get_absolute_url() in page


def test_pages_are_in_norwegian_with_english_available(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<html lang="nb">' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<html lang="en">' in page
    assert "Minutes of the meeting of" in page


def test_the_council_page_lists_members_by_sector_and_meetings_by_year(client, council):
    bergen = OrganisationFactory(name="Bergen kommune", sector__name="Kommunal sektor")
    member = MembershipFactory(
        council=council, person__name="Kari Nordmann", organisation=bergen
    )
    MembershipFactory(
        council=council,
        person__name="Gammel Medlem",
        end_date=datetime.date(2020, 1, 1),
    )
    old = make_published_meeting(council, datetime.date(2021, 5, 1))
    new = make_published_meeting(council, datetime.date(2022, 2, 1))
    draft = make_meeting(council, datetime.date(2022, 3, 1))
    page = client.get(council.get_absolute_url()).content.decode()
    assert "Kommunal sektor" in page
    assert "Bergen kommune" in page and "Kari Nordmann" in page
    assert reverse("public:organisation", args=[member.organisation.slug]) in page
    assert "Gammel Medlem" not in page
    assert page.index('id="ar-2022"') < page.index('id="ar-2021"')
    assert page.index(new.get_absolute_url()) < page.index(old.get_absolute_url())
    assert draft.get_absolute_url() not in page
    assert 'type="application/atom+xml"' in page and 'type="text/calendar"' in page


def test_the_meeting_page_links_public_attachments_only(client, council):
    meeting = make_meeting(council, datetime.date(2022, 6, 1))
    item = meeting.items.first()
    public = Attachment.objects.create(
        meeting=meeting,
        item=item,
        title="Offentlig notat",
        file=ContentFile(b"offentlig", name="a.pdf"),
        size=9,
    )
    internal = Attachment.objects.create(
        meeting=meeting,
        title="Internt notat",
        file=ContentFile(b"internt", name="b.pdf"),
        is_public=False,
    )
    publish(meeting)
    page = client.get(meeting.get_absolute_url()).content.decode()
    public_url = reverse(
        "public:attachment", args=[council.slug, 2022, meeting.number, public.pk]
    )
    internal_url = reverse(
        "public:attachment", args=[council.slug, 2022, meeting.number, internal.pk]
    )
    assert public_url in page
    assert "Internt notat" not in page
    response = client.get(public_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"offentlig"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(internal_url).status_code == 404


def test_the_item_permalink_shows_inputs_and_decision_with_anchors(client, council):
    meeting = filled_meeting(council, datetime.date(2022, 2, 1), size=2)
    item = meeting.items.get(title="Sak om tema 1")
    entry = item.inputs.first()
    page = client.get(item.get_absolute_url()).content.decode()
    assert f'id="innspill-{entry.pk}"' in page
    assert 'id="vedtak"' in page
    assert "Rådet tar tema 1 til orientering." in page
    assert f"Sak {item.number_label}" in page
    assert reverse("public:organisation", args=[entry.organisation.slug]) in page


def test_the_item_permalink_highlights_the_searched_words(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    Input.objects.create(item=item, text="Om legemiddelliste <script>x</script>")
    publish(meeting)
    page = client.get(
        item.get_absolute_url(), {"q": "legemiddelliste <script>"}
    ).content.decode()
    assert "<mark>legemiddelliste</mark>" in page
    assert "<script>x" not in page
    assert "&lt;script&gt;" in page


def test_the_organisation_page_lists_its_published_inputs(client, council):
    meeting = filled_meeting(council, datetime.date(2022, 2, 1), size=2)
    draft = filled_meeting(council, datetime.date(2022, 3, 1), size=1, published=False)
    organisation = Input.objects.filter(item__meeting=meeting).first().organisation
    draft_input = Input.objects.filter(item__meeting=draft).first()
    Input.objects.filter(pk=draft_input.pk).update(
        organisation=organisation, text="Hemmelig utkast"
    )
    page = client.get(
        reverse("public:organisation", args=[organisation.slug])
    ).content.decode()
    assert organisation.name in page
    shown = Input.objects.filter(organisation=organisation, item__meeting=meeting)
    assert shown.count() == 2
    for entry in shown:
        assert entry.text in page
        assert f"#innspill-{entry.pk}" in page
    assert "Hemmelig utkast" not in page


def test_the_accessibility_statement_says_what_was_checked(client, db):
    page = client.get("/tilgjengelighet/").content.decode()
    assert "<h1>Tilgjengelighetserklæring</h1>" in page
    assert "axe-core" in page and "320" in page
    assert reverse("public:accessibility") in client.get("/").content.decode()


def test_public_pages_do_not_run_as_council_slugs(db):
    from council.models import RESERVED_SLUGS

    assert {"sok", "tilgjengelighet", "virksomhet", "sitemap.xml"} <= RESERVED_SLUGS
