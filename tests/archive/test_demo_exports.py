"""The exports on the demo council, as issue 15 asks: `export_einnsyn
nasjonalt-e-helserad 6/2022` validates against eInnsyn's schema with nine moetesak,
and `export_noark5 nasjonalt-e-helserad 2022` against the Noark 5 schemas.

The expected items are typed from the reference minutes (tests/reference_minutes.py).
"""

import hashlib
import io
import json
from xml.etree import ElementTree as ET

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from archive import noark5
from minutes.models import Minutes
from tests.archive.schemas import assert_valid_einnsyn, assert_valid_noark5
from tests.reference_minutes import AGENDA, DECISIONS, SLUG

N = {"n": noark5.NAMESPACE}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo council, loaded once for the module (its PDFs take a while) inside a
    transaction rolled back at the end; tests that use it also ask for `db`."""
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=str(media), SITE_URL="https://referater.example"),
        django_db_blocker.unblock(),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def media(demo, settings, db):
    """Override the archive package's autouse media fixture: the demo's PDFs live in
    the module's folder."""


def test_meeting_6_2022_is_one_moetemappe_with_nine_moetesak(media, tmp_path):
    target = tmp_path / "6-2022.json"
    call_command(
        "export_einnsyn", SLUG, "6/2022", "-o", str(target), stdout=io.StringIO()
    )
    folder = json.loads(target.read_text(encoding="utf-8"))

    assert_valid_einnsyn(folder, "Moetemappe.MoetemappeCreate")
    assert folder["moetenummer"] == "6/2022"
    assert folder["utvalg"] == "Nasjonalt e-helseråd"
    assert folder["moetedato"] == "2022-12-02T10:00:00+01:00"
    assert folder["moetested"] == "Radisson Blu, Gardermoen"
    saker = folder["moetesak"]
    assert len(saker) == 9
    assert [
        (
            f"{s['moetesakssekvensnummer']}/{s['moetesaksaar'] % 100}",
            s["offentligTittel"],
        )
        for s in saker
    ] == [(number, title) for number, title, _kind in AGENDA]
    decided = {
        f"{s['moetesakssekvensnummer']}/22": s["vedtak"]["vedtakstekst"]["tekstInnhold"]
        for s in saker
        if "vedtak" in s
    }
    for number, sentences in DECISIONS.items():
        for sentence in sentences:
            assert sentence in " ".join(decided[number].split())
    minutes = Minutes.objects.get(meeting__council__slug=SLUG, meeting__number=6)
    [document] = folder["moetedokument"]
    [file] = document["dokumentbeskrivelse"][0]["dokumentobjekt"]
    assert file["sjekksum"] == minutes.pdf_sha256


def test_2022_is_a_valid_noark5_extract(media, tmp_path):
    call_command(
        "export_noark5", SLUG, "2022", "-o", str(tmp_path), stdout=io.StringIO()
    )

    target = tmp_path / "arkivstruktur.xml"
    assert_valid_noark5(target)
    root = ET.parse(target).getroot()
    meetings = root.findall("n:arkivdel/n:mappe", N)
    assert [m.findtext("n:moetenummer", namespaces=N) for m in meetings] == [
        "5/2022",
        "6/2022",
    ]
    december = meetings[1]
    items = december.findall("n:registrering", N)[1:]
    assert [r.findtext("n:registreringsID", namespaces=N) for r in items] == [
        number for number, _title, _kind in AGENDA
    ]
    names = [
        p.findtext("n:moetedeltakerNavn", namespaces=N)
        for p in december.findall("n:moetedeltaker", N)
    ]
    assert "Terje Wistner" in names  # the substitute for Kristin W. Wieland
    assert "Steffen Sutorius" not in names  # absent, no substitute
    for objekt in root.iter(f"{{{noark5.NAMESPACE}}}dokumentobjekt"):
        content = tmp_path / objekt.findtext("n:referanseDokumentfil", namespaces=N)
        digest = hashlib.sha256(content.read_bytes()).hexdigest()
        assert digest == objekt.findtext("n:sjekksum", namespaces=N)


def test_the_meeting_in_review_is_not_exported(media):
    with pytest.raises(CommandError, match=r"er ikke publisert \(Til gjennomsyn\)"):
        call_command("export_einnsyn", SLUG, "1/2023", stdout=io.StringIO())
