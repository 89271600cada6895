"""`export_einnsyn`: a published meeting as one eInnsyn Moetemappe, valid against
eInnsyn's OpenAPI document, built from the published version only."""

import datetime
import hashlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive import einnsyn
from archive.published import published_minutes
from minutes.models import AgendaItem, Minutes
from minutes.services import lifecycle
from tests.archive.conftest import SITE_URL
from tests.archive.schemas import assert_valid_einnsyn, einnsyn_errors, schema_ref

pytestmark = pytest.mark.django_db


def export(*args) -> dict:
    out = StringIO()
    call_command("export_einnsyn", *args, stdout=out)
    return json.loads(out.getvalue())


def test_a_published_meeting_is_a_valid_moetemappe(published):
    folder = export("testradet", "1/2024")

    assert_valid_einnsyn(folder, "Moetemappe.MoetemappeCreate")
    assert folder["moetenummer"] == "1/2024"
    assert folder["utvalg"] == "Testrådet"
    assert folder["moetedato"] == "2024-03-01T10:00:00+01:00"
    assert folder["moetested"] == "Møterom 1"
    assert folder["externalId"] == f"{SITE_URL}/testradet/mote/2024/1/"


def test_every_item_is_a_moetesak_in_order_with_its_number_and_decision(published):
    folder = export("testradet", "1/2024")
    items = list(published.items.order_by("order"))

    saker = folder["moetesak"]
    assert [s["offentligTittel"] for s in saker] == [i.title for i in items]
    assert [s["moetesakssekvensnummer"] for s in saker] == [i.number for i in items]
    assert {s["moetesaksaar"] for s in saker} == {2024}
    for sak in saker:
        assert_valid_einnsyn(sak, "Moetesak.MoetesakCreate")
    strategy = next(s for s in saker if s["offentligTittel"] == "Ny nasjonal strategi")
    assert strategy["moetesakstype"] == "annet"
    assert strategy["legacyMoetesakstype"] == "Drøfting"
    assert strategy["innstilling"] == {
        "tekstInnhold": "Rådet tar saken til orientering.",
        "tekstFormat": "text/plain",
    }
    assert strategy["vedtak"] == {
        "vedtakstekst": {
            "tekstInnhold": "Rådet støtter strategien med innspillene fra møtet.",
            "tekstFormat": "text/plain",
        },
        "dato": "2024-03-01",
    }
    approval = saker[0]
    assert approval["moetesakstype"] == "godkjenning"
    # A proposal nobody replaced is the recommendation, not a decision.
    eventuelt = saker[-1]
    assert eventuelt["offentligTittel"] == "Eventuelt"
    assert "vedtak" not in eventuelt


def test_the_protocol_is_the_frozen_pdf_with_its_checksum(published, client):
    folder = export("testradet", "1/2024")
    minutes = Minutes.objects.get(meeting=published)

    [protocol] = folder["moetedokument"]
    [description] = protocol["dokumentbeskrivelse"]
    [file] = description["dokumentobjekt"]
    assert file["sjekksum"] == minutes.pdf_sha256
    assert file["sjekksumAlgoritme"] == "SHA-256"
    # eInnsyn fetches the file from the public site: the address gives these bytes.
    assert file["referanseDokumentfil"].startswith(SITE_URL)
    path = file["referanseDokumentfil"].removeprefix(SITE_URL)
    response = client.get(path)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == minutes.pdf_sha256


def test_the_export_reads_the_published_version_not_a_correction_in_progress(
    published, world
):
    lifecycle.minutes_start_correction(
        minutes=published.minutes, by=world.secretariat_a, reason="Feil tittel"
    )
    AgendaItem.objects.filter(meeting=published, title="Ny nasjonal strategi").update(
        title="Rettet tittel"
    )
    world.council_a.name = "Nytt navn på rådet"
    world.council_a.save()

    folder = export("testradet", "1/2024")

    titles = [s["offentligTittel"] for s in folder["moetesak"]]
    assert "Ny nasjonal strategi" in titles
    assert "Rettet tittel" not in titles
    assert folder["utvalg"] == "Testrådet"
    assert_valid_einnsyn(folder)


def test_the_file_is_written_with_a_short_report(published, tmp_path):
    target = tmp_path / "moete.json"
    out = StringIO()
    call_command("export_einnsyn", "testradet", "1/2024", "-o", target, stdout=out)

    folder = json.loads(target.read_text(encoding="utf-8"))
    assert_valid_einnsyn(folder)
    count = len(folder["moetesak"])
    assert f"med {count} møtesaker til {target}" in out.getvalue()


def test_unpublished_minutes_are_refused(world):
    world.draft_a  # noqa: B018 - made on first use
    with pytest.raises(CommandError, match="er ikke publisert"):
        export("testradet", "1/" + str(world.draft_a.year))


def test_approved_but_unpublished_minutes_are_refused(world):
    from tests.archive.conftest import record_meeting

    meeting = record_meeting(world.council_a, datetime.date(2024, 3, 1))
    world.council_a.publish_on_approval = False
    world.council_a.save()
    lifecycle.minutes_approve_historical(
        minutes=meeting.minutes,
        approved_at=datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC),
    )
    assert Minutes.objects.get(meeting=meeting).status == Minutes.Status.APPROVED

    with pytest.raises(CommandError, match=r"ikke publisert \(Godkjent\)"):
        export("testradet", "1/2024")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("finnes-ikke", "1/2024"), "Fant ikke noe råd med kortnavnet «finnes-ikke»"),
        (("testradet", "9/2024"), "Testrådet har ikke noe møte 9/2024"),
        (("testradet", "2024"), "Skriv møtet som nummer/år, for eksempel 6/2022"),
    ],
)
def test_unknown_council_meeting_or_label_is_said_plainly(world, args, message):
    with pytest.raises(CommandError, match=message):
        export(*args)


def test_the_english_message_is_there_for_english_users(world):
    from django.utils import translation

    with (
        translation.override("en"),
        pytest.raises(CommandError, match="No council with the short name"),
    ):
        export("finnes-ikke", "1/2024")


def test_a_changed_pdf_is_not_exported(published):
    minutes = Minutes.objects.get(meeting=published)
    with minutes.pdf_file.open("ab") as handle:
        handle.write(b"tampered")

    with pytest.raises(CommandError, match="stemmer ikke med sin SHA-256"):
        export("testradet", "1/2024")


def test_the_schema_check_is_not_vacuous(published):
    """The validator the tests rely on refuses what eInnsyn would refuse."""
    folder = einnsyn.moetemappe(published_minutes(published.council, 2024, 1))
    assert einnsyn_errors(folder, schema_ref("Moetemappe.MoetemappeCreate")) == []

    missing = {k: v for k, v in folder.items() if k != "moetenummer"}
    read_only = {**folder, "id": "mm_01"}
    misspelt = {**folder, "moetested_": "x"}
    bad_type = {**folder, "moetesak": [{**folder["moetesak"][0], "moetesakstype": "x"}]}
    bad_date = {**folder, "moetedato": "1. mars 2024"}
    for wrong, expected in [
        (missing, "'moetenummer' is a required property"),
        (read_only, "read-only property"),
        (misspelt, "/moetested_: not in the schema"),
        (bad_type, "is not one of"),
        (bad_date, "is not a 'date-time'"),
    ]:
        errors = einnsyn_errors(wrong, schema_ref("Moetemappe.MoetemappeCreate"))
        assert any(expected in error for error in errors), errors
