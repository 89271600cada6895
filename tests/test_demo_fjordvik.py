"""The second demo council, Eldrerådet i Fjordvik kommune (`manage.py load_demo`).

Its published meeting 3/2024 must show, on the page and in the PDF, every element
issue 13 lists: a leader and deputy leader, «Meldt forfall» with «… møtte for …»,
«Ikke møtt», a member who «forlot møtet», an «inhabil» member who stepped aside, a
vote «vedtatt med 5 mot 2 stemmer», a «Protokolltilførsel», an item «utsatt» to
4/2024, «Referatsaker» as RS items, «Pkt.» points, PS numbers and the approval of
the previous protocol with a correction. The expected text is typed here, not read
from ops/demo_fjordvik.py.
"""

import base64
import html
import re
from io import StringIO

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp

from council.models import Council
from minutes.models import Meeting, Minutes
from ops import demo_data

pytestmark = pytest.mark.django_db

SLUG = "eldreradet-fjordvik"


def meeting(number: int) -> Meeting:
    return Meeting.objects.get(council__slug=SLUG, year=2024, number=number)


def page_text(client, number: int) -> str:
    response = client.get(meeting(number).get_absolute_url())
    assert response.status_code == 200
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(text).split())


def pdf_lines(number: int) -> list[str]:
    with meeting(number).minutes.pdf_file.open("rb") as stored:
        pages = pypdf.PdfReader(stored).pages
        return [
            line.strip() for page in pages for line in page.extract_text().split("\n")
        ]


def pdf_text(number: int) -> str:
    return " ".join(" ".join(pdf_lines(number)).split())


# What 3/2024 shows, in reading order where the order matters.
MEETING_3 = [
    "Protokoll fra møte i Eldrerådet i Fjordvik kommune",
    # «Godkjent …» on the page, «Protokollen ble godkjent …» in the PDF.
    "odkjent 18. september 2024 i PS 15/24 (møte 4/2024).",
    "Randi Fjeldstad (Ap), leder",
    "Odd Sætre (H), nestleder",
    "Forlot møtet",
    "Arne Tveit (KrF)",
    "Meldt forfall",
    "Knut Brekke (FrP)",
    "Ikke møtt",
    "Solveig Haugland (SV)",
    "Ingrid Vik møtte for Knut Brekke (FrP)",
    "7 til stede. Ett forfall. Ett medlem møtte ikke. Ett medlem forlot møtet. "
    "Ett varamedlem møtte.",
    "Møtet var vedtaksført: 7 av 8 medlemmer til stede.",
    "Pkt. 1",
    "Pkt. 2",
    "PS 10/24",
    "PS 11/24",
    "PS 12/24",
    "PS 13/24",
    "PS 14/24",
    "RS 2/24",
    "RS 3/24",
    "Pkt. 3",
]

ELEMENTS = [
    # Inhabilitet, with the legal basis and who stood in.
    "Marit Engen (Ap) ble erklært inhabil etter forvaltningsloven § 6 første ledd "
    "bokstav e og fratrådte under behandlingen av saken. Tor Moen (Ap) tiltrådte.",
    "Enstemmig vedtatt.",
    "Vedtatt med 5 mot 2 stemmer. Mot stemte: Odd Sætre (H), Ingrid Vik (FrP).",
    "Protokolltilførsel",
    "Fra Odd Sætre (H):",
    "Orientering – behandlet som til uttalelse",
    "Saken ble utsatt.",
    "Utsatt til PS 16/24 (møte 4/2024).",
    "Referatsaker",
]


def assert_in_order(text: str, expected: list[str]) -> None:
    position = 0
    for part in expected:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def test_the_council_is_set_up_as_a_municipal_council(demo):
    council = Council.objects.get(slug=SLUG)
    assert council.name == "Eldrerådet i Fjordvik kommune"
    assert (council.case_prefix, council.report_prefix) == ("PS", "RS")
    assert council.procedural_label == "Pkt."
    assert council.document_name == "protokoll"
    parties = set(council.memberships.values_list("party", flat=True))
    assert {"Ap", "H", "Sp", "FrP", "SV", "KrF", "V"} <= parties


def test_meeting_3_is_published_and_its_page_shows_every_element(demo, client):
    assert meeting(3).minutes.status == Minutes.Status.PUBLISHED
    text = page_text(client, 3)
    assert_in_order(text, MEETING_3)
    for element in ELEMENTS:
        assert element in text


def test_meeting_3_pdf_shows_every_element(demo):
    text = pdf_text(3)
    assert_in_order(text, MEETING_3)
    for element in ELEMENTS:
        assert element in text
    # Prefixed numbers stay on one line in the item headings: no «PS» alone.
    assert not [line for line in pdf_lines(3) if line in ("PS", "RS", "Pkt.")]


def test_meeting_2_was_approved_with_a_correction_as_a_new_version(demo, client):
    minutes = meeting(2).minutes
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.versions.count() == 2
    note = (
        "Protokollen er rettet etter vedtak i PS 10/24 (møte 3/2024): I PS 9/24 skal "
        "det stå at befaringen gjennomføres i juni, ikke i mai."
    )
    for text in (page_text(client, 2), pdf_text(2)):
        assert "odkjent 5. juni 2024 i PS 10/24 (møte 3/2024)." in text
        assert note in text
        assert "befaring i sentrum sammen med teknisk etat i juni" in text


def test_the_postponed_item_is_on_the_next_agenda_with_a_link_back(demo):
    carried = meeting(4).items.get(title="Aktivitetstilbud for eldre sommeren 2024")
    assert carried.number_label == "PS 16/24"
    assert carried.postponed_from.meeting == meeting(3)
    assert meeting(4).minutes.status == Minutes.Status.DRAFT


def test_the_fjordvik_logins(demo, client):
    users = get_user_model().objects
    council = Council.objects.get(slug=SLUG)
    secretary = users.get(username="sekretariat-fjordvik")
    assert secretary.check_password("demo-sekretariat")
    assert council.secretariat_users.filter(pk=secretary.pk).exists()
    assert not secretary.is_staff
    device = secretary.totpdevice_set.get()
    assert device.bin_key == base64.b32decode(demo_data.TOTP_SECRET)
    # The demo secret's current code is the one the device accepts.
    assert device.verify_token(f"{totp(device.bin_key):06d}")
    member = users.get(username="medlem-fjordvik")
    assert member.check_password("demo-medlem")
    assert council.memberships.filter(person__user=member).exists()
    assert re.search(r"sekretariat-fjordvik\s.*demo-sekretariat", demo)
    assert re.search(r"medlem-fjordvik\s.*demo-medlem", demo)


def test_running_it_twice_leaves_fjordvik_alone(demo):
    before = Meeting.objects.filter(council__slug=SLUG).count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Eldrerådet i Fjordvik kommune already loaded" in out.getvalue()
    assert Meeting.objects.filter(council__slug=SLUG).count() == before


def test_the_version_pages_speak_of_the_protocol(demo, client):
    m2 = meeting(2)
    # Version 1 went to the members; version 2, corrected, is the published one.
    url = f"/{SLUG}/mote/2024/2/versjon/2/"
    response = client.get(url)
    assert response.status_code == 200, url
    text = html.unescape(response.content.decode())
    assert "<title>Protokoll – Møte 2/2024 – versjon 2 –" in text
    assert "Dette er den gjeldende versjonen av protokollen." in text
    assert "referatet" not in text.lower().replace(m2.council.name.lower(), "")


def test_the_pdf_download_is_named_a_protocol(demo, client):
    response = client.get(meeting(3).get_absolute_url() + "referat.pdf")
    assert response.status_code == 200
    assert (
        'filename="protokoll-eldreradet-fjordvik-2024-06-05.pdf"'
        in (response["Content-Disposition"])
    )
