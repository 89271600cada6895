"""`import_minutes --dry-run` recognises the demo meeting 6/2022 in three sources:

(a) the PDF this product rendered for it (its frozen PDF/A),
(b) the reference minutes' own text (tests/data/),
(c) a DOCX written from the demo meeting here, with python-docx,

each giving the same structure as the demo meeting's published document, field by
field: meeting facts, attendance with substitutes and «fra kl. 12», every item's
number, title, type and body, all 55 inputs with attribution, written flag, sub-points
and order, and every decision with its label. A failure lists each field that does not
agree.
"""

import datetime
import hashlib
import io
import json
import re
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import formats, translation

from archive.models import ImportedMinutes
from minutes.document import MinutesDocument
from minutes.models import Attachment, Meeting, Minutes
from minutes.public import published_document
from tests.reference_minutes import SLUG

REFERENCE = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "referat-nasjonalt-e-helserad-2022-12-02.txt"
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def media(demo, db):
    """The demo's files live in the module's folder (overrides the package's)."""


@pytest.fixture
def expected(media) -> dict:
    meeting = Meeting.objects.get(council__slug=SLUG, year=2022, number=6)
    return published_document(meeting).to_snapshot()


def dry_run(path: Path) -> dict:
    out = io.StringIO()
    call_command(
        "import_minutes", str(path), "--council", SLUG, "--dry-run", stdout=out
    )
    return json.loads(out.getvalue())


def disagreements(got: dict, want: dict, *, presenters: bool = True) -> list[str]:
    """Every field of the recognised minutes that differs from the expected."""
    wrong = []

    def check(label, a, b):
        if a != b:
            wrong.append(f"{label}: got {a!r}, expected {b!r}")

    for name in ("number", "year", "date", "start_time", "end_time", "venue"):
        check(f"meeting.{name}", got["meeting"][name], want["meeting"][name])
    check("council.name", got["council"]["name"], want["council"]["name"])
    for group in ("members_present", "members_absent", "substitutes", "secretariat"):
        check(group, got[group], want[group])
    check("items", len(got["items"]), len(want["items"]))
    for a, b in zip(got["items"], want["items"], strict=False):
        sak = b["number_label"]
        fields = ["number_label", "number", "year", "title", "kind", "body"]
        if presenters:
            fields.append("presenters")
        for name in fields:
            check(f"{sak}.{name}", a[name], b[name])
        decision = (a["decision"] or {}), (b["decision"] or {})
        for name in ("label", "text"):
            check(
                f"{sak}.decision.{name}", decision[0].get(name), decision[1].get(name)
            )
        check(f"{sak}.inputs", len(a["inputs"]), len(b["inputs"]))
        for n, (x, y) in enumerate(zip(a["inputs"], b["inputs"], strict=False), 1):
            for name in ("text", "attributed_to", "organisation_slug", "is_written"):
                check(f"{sak}.input {n}.{name}", x[name], y[name])
            check(
                f"{sak}.input {n}.children",
                [(c["text"], c["attributed_to"]) for c in x["children"]],
                [(c["text"], c["attributed_to"]) for c in y["children"]],
            )
    return wrong


def count_inputs(snapshot: dict) -> int:
    return sum(len(item["inputs"]) for item in snapshot["items"])


def test_the_products_own_pdf_imports_back_into_the_demo_meeting(expected, tmp_path):
    minutes = Minutes.objects.get(meeting__council__slug=SLUG, meeting__number=6)
    path = tmp_path / "referat.pdf"
    with minutes.pdf_file.open("rb") as handle:
        path.write_bytes(handle.read())

    got = dry_run(path)

    assert count_inputs(expected) == 55
    assert disagreements(got, expected) == []
    assert got["format"] == "referat/2"


def test_the_reference_text_imports_into_the_demo_meeting(expected):
    got = dry_run(REFERENCE)

    # The reference names no presenters apart from its body text («Mariann Hornnes,
    # Direktoratet for e-helse, orienterte …»): everything else agrees.
    assert disagreements(got, expected, presenters=False) == []
    assert all(item["presenters"] == "" for item in got["items"])


def write_docx(document: dict, path: Path) -> None:
    """The minutes as a secretariat would type them in Word: one paragraph a line,
    Word's bullet styles for lists and inputs."""
    out = docx.Document()
    meeting = document["meeting"]

    def line(text: str, style: str | None = None) -> None:
        out.add_paragraph(text, style=style)

    def rich(text: str) -> None:
        for block in text.split("\n\n"):
            for row in block.split("\n"):
                if row.startswith("  - "):
                    line(row[4:], "List Bullet 2")
                elif row.startswith("- "):
                    line(row[2:], "List Bullet")
                else:
                    line(row)

    def person(p: dict) -> str:
        text = f"{p['name']} ({p['organisation']})"
        return f"{text} – {p['partial_note']}" if p["partial_note"] else text

    with translation.override("nb"):
        day = formats.date_format(
            datetime.date.fromisoformat(meeting["date"]), "j. F Y"
        )
    line(f"Referat fra møte i {document['council']['name']}")
    line(f"Møte {meeting['number_label']}")
    line(f"Dato {day}")
    start, end = meeting["start_time"].replace(":", "."), meeting["end_time"]
    line(f"Tid Kl. {start} – {end.replace(':', '.')}")
    line(f"Sted {meeting['venue']}")
    line("Til stede")
    for p in document["members_present"]:
        line(person(p))
    line("Ikke til stede")
    for p in document["members_absent"]:
        line(person(p))
    line("Stedfortreder")
    for s in document["substitutes"]:
        line(f"{s['substitute']} for {s['member']} ({s['organisation']})")
    line(document["council"]["secretariat_organisation"])
    for p in document["secretariat"]:
        line(p["name"])
    line(f"Sak Agenda {document['council']['name']} Sakstype")
    for item in document["items"]:
        line(f"{item['number_label']} {item['title']} {item['kind_label']}")
    for item in document["items"]:
        line(f"{item['number_label']} {item['title']}")
        if item["presenters"]:
            line(f"Innledere: {item['presenters']}")
        if item["body"]:
            rich(item["body"])
        if item["inputs"]:
            line("Følgende innspill og spørsmål ble svart ut i møtet:")
            for entry in item["inputs"]:
                line(entry["text"], "List Bullet")
                for child in entry["children"]:
                    line(child["text"], "List Bullet 2")
        if item["decision"]:
            line(f"{item['decision']['label']}:")
            line(item["decision"]["text"])
    out.save(str(path))


def test_a_docx_written_from_the_demo_meeting_imports_into_it(expected, tmp_path):
    path = tmp_path / "referat.docx"
    write_docx(expected, path)

    got = dry_run(path)

    assert disagreements(got, expected) == []


def test_a_dry_run_changes_nothing(expected):
    before = Meeting.objects.count()
    dry_run(REFERENCE)
    assert Meeting.objects.count() == before


# Saving ------------------------------------------------------------------------------


def as_meeting_7(text: str) -> str:
    """The reference minutes as if they were a later meeting, 7/2022 with saker
    47/22–55/22, so they can be saved beside the demo's 6/2022."""
    text = text.replace("Møte 6/2022", "Møte 7/2022")
    return re.sub(r"\b(3[89]|4[0-6])/22\b", lambda m: f"{int(m[1]) + 9}/22", text)


def test_imported_minutes_are_saved_approved_with_the_original(expected, tmp_path):
    path = tmp_path / "referat-7-2022.txt"
    path.write_text(
        as_meeting_7(REFERENCE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    recognised = dry_run(path)

    out = io.StringIO()
    call_command(
        "import_minutes",
        str(path),
        "--council",
        SLUG,
        "--approved",
        "2022-12-10",
        stdout=out,
    )

    assert "Importerte møte 7/2022 i Nasjonalt e-helseråd: 9 saker og 55 innspill" in (
        out.getvalue()
    )
    meeting = Meeting.objects.get(council__slug=SLUG, year=2022, number=7)
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.approval_method == Minutes.ApprovalMethod.IMPORTED
    assert minutes.approved_at.date() == datetime.date(2022, 12, 10)
    assert minutes.status in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED)
    assert minutes.pdf_sha256  # the product's own frozen PDF, as for any approval
    record = ImportedMinutes.objects.get(meeting=meeting)
    content = path.read_bytes()
    assert record.sha256 == hashlib.sha256(content).hexdigest()
    with record.original.file.open("rb") as handle:
        assert handle.read() == content
    assert record.original.original_name == "referat-7-2022.txt"

    # What was saved reads back as what was recognised, field for field, but one:
    # «Oppdatert vedtak» is the label of a decision that differs from its proposal,
    # and the minutes do not print the proposal, so the saved decision (its
    # proposal unknown, not invented) reads «Vedtak».
    saved = MinutesDocument.from_rows(meeting).to_snapshot()
    assert disagreements(saved, recognised, presenters=False) == [
        "54/22.decision.label: got 'Vedtak', expected 'Oppdatert vedtak'"
    ]


def test_a_meeting_already_there_is_not_imported_again(expected, tmp_path):
    before = Meeting.objects.count()
    with pytest.raises(CommandError, match="har allerede møte 6/2022"):
        call_command(
            "import_minutes", str(REFERENCE), "--council", SLUG, stdout=io.StringIO()
        )
    assert Meeting.objects.count() == before


def test_a_failure_half_way_leaves_nothing_behind(expected, tmp_path):
    text = as_meeting_7(REFERENCE.read_text(encoding="utf-8")).replace(
        "Johan Ronæs (Norsk helsenett SF)", "Ukjent Person (Norsk helsenett SF)"
    )
    path = tmp_path / "referat.txt"
    path.write_text(text, encoding="utf-8")
    counts = (Meeting.objects.count(), Attachment.objects.count())

    with pytest.raises(CommandError, match="Ukjent Person står som medlem"):
        call_command(
            "import_minutes", str(path), "--council", SLUG, stdout=io.StringIO()
        )

    assert (Meeting.objects.count(), Attachment.objects.count()) == counts
