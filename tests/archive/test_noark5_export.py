"""`export_noark5`: a council's year of published minutes as a Noark 5 v5.0
arkivuttrekk (arkivstruktur.xml beside the PDFs), valid against Arkivverket's
schemas."""

import datetime
import hashlib
from io import StringIO
from xml.etree import ElementTree as ET

import pytest
from django.core.management import CommandError, call_command

from archive import noark5
from archive.exemptions import Exemption
from minutes.models import Minutes
from tests.archive.conftest import record_meeting
from tests.archive.schemas import assert_valid_noark5
from tests.factories import make_meeting, publish

pytestmark = pytest.mark.django_db

N = {"n": noark5.NAMESPACE}
XSI_TYPE = f"{{{noark5.XSI}}}type"


def export(directory, council="testradet", year="2024") -> str:
    out = StringIO()
    call_command("export_noark5", council, year, "-o", str(directory), stdout=out)
    return out.getvalue()


def folders(root: ET.Element) -> list[ET.Element]:
    return root.findall("n:arkivdel/n:mappe", N)


def text(element: ET.Element, path: str) -> str | None:
    found = element.find(path, N)
    return found.text if found is not None else None


@pytest.fixture
def year_2024(world):
    """Council A's 2024: two published meetings and a draft that must stay out."""
    first = publish(record_meeting(world.council_a, datetime.date(2024, 3, 1)))
    second = publish(
        make_meeting(council=world.council_a, date=datetime.date(2024, 6, 1))
    )
    draft = make_meeting(council=world.council_a, date=datetime.date(2024, 9, 1))
    return first, second, draft


def test_the_extract_is_valid_noark5_with_a_folder_per_published_meeting(
    year_2024, tmp_path
):
    first, second, _draft = year_2024
    output = export(tmp_path / "uttrekk")

    target = tmp_path / "uttrekk" / "arkivstruktur.xml"
    assert "Skrev 2 møter fra 2024" in output
    assert_valid_noark5(target)
    root = ET.parse(target).getroot()
    assert text(root, "n:tittel") == "Testrådet"
    assert text(root, "n:arkivdel/n:tittel") == "Møtereferater 2024"
    meetings = folders(root)
    assert [m.get(XSI_TYPE) for m in meetings] == ["moetemappe", "moetemappe"]
    assert [text(m, "n:moetenummer") for m in meetings] == ["1/2024", "2/2024"]
    assert [text(m, "n:moetedato") for m in meetings] == ["2024-03-01", "2024-06-01"]
    assert text(meetings[0], "n:utvalg") == "Testrådet"
    assert text(meetings[0], "n:moetested") == "Møterom 1"


def test_each_item_is_a_moeteregistrering_after_the_protocol(year_2024, tmp_path):
    first, _second, _draft = year_2024
    export(tmp_path)
    root = ET.parse(tmp_path / "arkivstruktur.xml").getroot()

    registrations = folders(root)[0].findall("n:registrering", N)
    assert {r.get(XSI_TYPE) for r in registrations} == {"moeteregistrering"}
    protocol, *items = registrations
    assert text(protocol, "n:moeteregistreringstype") == "Møteprotokoll"
    expected = list(first.items.order_by("order"))
    assert [text(r, "n:registreringsID") for r in items] == [
        i.number_label for i in expected
    ]
    assert [text(r, "n:tittel") for r in items] == [i.title for i in expected]
    strategy = next(r for r in items if text(r, "n:tittel") == "Ny nasjonal strategi")
    assert text(strategy, "n:moetesakstype") == "Drøfting"
    assert text(strategy, "n:moeteregistreringstype") == "Vedtak"
    description = text(strategy, "n:beskrivelse")
    assert "Direktoratet la fram utkastet." in description
    assert "- Strategien må forankres i kommunene." in description
    assert description.endswith(
        "Vedtak:\nRådet støtter strategien med innspillene fra møtet."
    )
    # A proposal nobody replaced is printed as such, not registered as a decision.
    assert text(items[0], "n:moeteregistreringstype") == "Saksframlegg"
    assert text(items[0], "n:beskrivelse").startswith("Forslag til vedtak:")
    # Past minutes approved before their version was made: created no later.
    for element in (root, folders(root)[0], items[0]):
        created = text(element, "n:opprettetDato")
        closed = text(element, "n:avsluttetDato") or text(element, "n:arkivertDato")
        assert created <= closed
    # Nothing is exempt yet: no skjerming anywhere.
    assert root.find(".//n:skjerming", N) is None


def test_the_protocol_pdf_lies_beside_the_structure_with_its_checksum(
    year_2024, tmp_path
):
    first, second, _draft = year_2024
    export(tmp_path)
    root = ET.parse(tmp_path / "arkivstruktur.xml").getroot()

    for meeting, folder in zip((first, second), folders(root), strict=True):
        minutes = Minutes.objects.get(meeting=meeting)
        objekt = folder.find("n:registrering/n:dokumentbeskrivelse/n:dokumentobjekt", N)
        reference = text(objekt, "n:referanseDokumentfil")
        assert reference.startswith("dokumenter/referat-testradet-")
        content = (tmp_path / reference).read_bytes()
        assert hashlib.sha256(content).hexdigest() == minutes.pdf_sha256
        assert text(objekt, "n:sjekksum") == minutes.pdf_sha256
        assert text(objekt, "n:sjekksumAlgoritme") == "SHA256"
        assert text(objekt, "n:filstoerrelse") == str(len(content))
        assert text(objekt, "n:format") == "fmt/479"


def test_attendance_is_in_moetedeltaker(year_2024, tmp_path, world):
    export(tmp_path)
    root = ET.parse(tmp_path / "arkivstruktur.xml").getroot()

    participants = [
        (text(p, "n:moetedeltakerNavn"), text(p, "n:moetedeltakerFunksjon"))
        for p in folders(root)[0].findall("n:moetedeltaker", N)
    ]
    organisation = world.membership_a.organisation.name
    assert ("Bob Medlem", f"Medlem ({organisation})") in participants


def test_the_same_data_gives_the_same_extract(year_2024, tmp_path):
    export(tmp_path / "a")
    export(tmp_path / "b")
    first = (tmp_path / "a" / "arkivstruktur.xml").read_bytes()
    assert first == (tmp_path / "b" / "arkivstruktur.xml").read_bytes()


def test_an_existing_extract_is_not_overwritten(year_2024, tmp_path):
    export(tmp_path)
    with pytest.raises(CommandError, match="har allerede et arkivuttrekk"):
        export(tmp_path)


def test_a_year_without_published_minutes_is_refused(world, tmp_path):
    make_meeting(council=world.council_a, date=datetime.date(2024, 9, 1))
    with pytest.raises(
        CommandError, match="Testrådet har ingen publiserte referater fra 2024"
    ):
        export(tmp_path)
    assert not (tmp_path / "arkivstruktur.xml").exists()


def test_an_unknown_council_is_said_plainly(world, tmp_path):
    with pytest.raises(CommandError, match="Fant ikke noe råd med kortnavnet «nei»"):
        export(tmp_path, council="nei")


def test_another_councils_meetings_stay_out(year_2024, world, tmp_path):
    publish(make_meeting(council=world.council_b, date=datetime.date(2024, 4, 1)))
    export(tmp_path)
    root = ET.parse(tmp_path / "arkivstruktur.xml").getroot()
    assert len(folders(root)) == 2
    assert "Det andre rådet" not in (tmp_path / "arkivstruktur.xml").read_text()


def test_an_exempt_item_carries_skjerming_with_its_legal_basis(
    year_2024, tmp_path, monkeypatch
):
    """The hook for exempt content (archive/exemptions.py): when the document marks
    an item exempt, its registration carries a valid skjerming."""
    exemption = Exemption(
        legal_basis="offl. § 23 første ledd",
        fields=("tittel", "beskrivelse"),
        public_title="Anskaffelse",
    )

    def exempt_strategy(item):
        return exemption if item.title == "Ny nasjonal strategi" else None

    monkeypatch.setattr(noark5, "item_exemption", exempt_strategy)
    export(tmp_path)

    target = tmp_path / "arkivstruktur.xml"
    assert_valid_noark5(target)
    root = ET.parse(target).getroot()
    [screened] = [
        r
        for r in root.iter(f"{{{noark5.NAMESPACE}}}registrering")
        if r.find("n:skjerming", N) is not None
    ]
    assert text(screened, "n:tittel") == "Ny nasjonal strategi"
    assert text(screened, "n:offentligTittel") == "Anskaffelse"
    assert text(screened, "n:skjerming/n:skjermingshjemmel") == "offl. § 23 første ledd"
    assert text(screened, "n:skjerming/n:tilgangsrestriksjon") == "UO"
    assert [m.text for m in screened.findall("n:skjerming/n:skjermingMetadata", N)] == [
        "tittel",
        "beskrivelse",
    ]


def test_the_schema_check_is_not_vacuous(year_2024, tmp_path):
    export(tmp_path)
    target = tmp_path / "arkivstruktur.xml"
    broken = target.read_text(encoding="utf-8").replace(
        "<moetenummer>1/2024</moetenummer>", "", 1
    )
    (tmp_path / "broken.xml").write_text(broken, encoding="utf-8")
    with pytest.raises(AssertionError, match="moetenummer"):
        assert_valid_noark5(tmp_path / "broken.xml")
