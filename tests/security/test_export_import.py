"""export_all and import_all move everything, files included, to an empty database."""

import json

import pytest
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from council.models import Council
from minutes.models import Attachment
from ops.backup import _exported_models
from tests.world import build_world

# These tests empty the database, so they build their own world (tests/world.py)
# rather than share the module's filled one (tests/security/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, list]:
    """Every exported row, by model, in primary-key order."""
    result = {}
    for model in _exported_models():
        rows = json.loads(
            serializers.serialize(
                "json",
                model._base_manager.order_by("pk"),
                use_natural_foreign_keys=True,
            )
        )
        result[model._meta.label] = rows
    return result


def test_a_round_trip_loses_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    attachment = Attachment.objects.first()
    assert attachment is not None, "the demo has an attachment"
    original_bytes = attachment.file.read()
    before = snapshot()
    assert len(before["council.Council"]) == 2  # both demo councils
    archive = tmp_path / "export.zip"
    call_command("export_all", str(archive), stdout=open("/dev/null", "w"))

    call_command("flush", "--noinput")
    default_storage.delete(attachment.file.name)
    assert not Council.objects.exists()

    call_command("import_all", str(archive), stdout=open("/dev/null", "w"))
    after = snapshot()
    differences = [
        (label, old["pk"], field, old["fields"][field], new["fields"].get(field))
        for label in before
        for old, new in zip(before[label], after[label], strict=False)
        for field in old["fields"]
        if old["fields"][field] != new["fields"].get(field)
    ]
    assert differences == []
    assert {label: len(rows) for label, rows in after.items()} == {
        label: len(rows) for label, rows in before.items()
    }
    restored = Attachment.objects.get(pk=attachment.pk)
    assert restored.file.read() == original_bytes


def test_import_refuses_a_database_that_is_not_empty(tmp_path):
    build_world()
    archive = tmp_path / "export.zip"
    call_command("export_all", str(archive), stdout=open("/dev/null", "w"))
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_all", str(archive))


def test_import_refuses_a_file_that_is_not_an_export(tmp_path):
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="Not an export file"):
        call_command("import_all", str(bogus))


def test_a_damaged_file_in_the_export_is_detected(tmp_path, settings):
    import zipfile

    settings.MEDIA_ROOT = tmp_path / "media"
    from tests.factories import make_meeting

    meeting = make_meeting(build_world().council_a)
    Attachment.objects.create(
        meeting=meeting, title="Papir", file=ContentFile(b"%PDF-1.4 x", name="a.pdf")
    )
    archive = tmp_path / "export.zip"
    call_command("export_all", str(archive), stdout=open("/dev/null", "w"))
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as target:
        for entry in source.namelist():
            content = source.read(entry)
            if entry.startswith("files/"):
                content = b"tampered"
            target.writestr(entry, content)
    call_command("flush", "--noinput")
    with pytest.raises(CommandError, match="damaged"):
        call_command("import_all", str(damaged))
