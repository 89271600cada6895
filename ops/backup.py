"""Move everything – data and files – out of one installation and into an empty one.

The archive is a zip with `data.json` (Django's serialisation with natural foreign
keys, so content types and permissions are matched by name; primary keys are kept) and
the stored files under `files/`, addressed by their storage names. Loading saves raw
rows, as loaddata does: no signal rewrites history, no business rule renumbers anything.
"""

import datetime
import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction

from council.models import Council, Organisation, Person

# Rebuilt by `migrate` in every installation, or worthless elsewhere.
EXCLUDED = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "admin.logentry",
}
EXCLUDED_APPS = {"axes"}
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _exported_models() -> list[type[models.Model]]:
    chosen = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in EXCLUDED or model._meta.app_label in EXCLUDED_APPS:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        chosen.append(model)
    return chosen


def _file_names() -> set[str]:
    names = set()
    for model in _exported_models():
        file_fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        for field in file_fields:
            values = model._base_manager.exclude(**{field.name: ""}).values_list(
                field.name, flat=True
            )
            names.update(name for name in values if name)
    return names


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's JSON encoder cuts times to milliseconds; a backup keeps them whole."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _all_rows():
    """Every row of every exported model, models in dependency order, rows by key."""
    app_models = {}
    for model in _exported_models():
        app_models.setdefault(apps.get_app_config(model._meta.app_label), []).append(
            model
        )
    for model in serializers.sort_dependencies(app_models.items(), allow_cycles=True):
        yield from model._base_manager.order_by(model._meta.pk.name).iterator()


def export_all(target: Path) -> dict[str, int]:
    """Write the whole installation to a zip file; returns counts for the report."""
    data = io.StringIO()
    serializers.serialize(
        "json",
        _all_rows(),
        stream=data,
        use_natural_foreign_keys=True,
        cls=FullPrecisionEncoder,
    )
    files = sorted(_file_names())
    manifest = {"format": FORMAT_VERSION, "files": {}}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data.getvalue())
        for name in files:
            if not default_storage.exists(name):
                raise BackupError(f"Stored file is missing: {name}")
            with default_storage.open(name, "rb") as handle:
                content = handle.read()
            manifest["files"][name] = hashlib.sha256(content).hexdigest()
            archive.writestr(f"files/{name}", content)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return {"objects": len(json.loads(data.getvalue())), "files": len(files)}


def _database_is_empty() -> bool:
    checked = [get_user_model(), Council, Organisation, Person]
    return not any(model._base_manager.exists() for model in checked)


def import_all(source: Path) -> dict[str, int]:
    """Load a zip made by export_all into an empty, migrated database."""
    if not _database_is_empty():
        raise BackupError(
            "The database is not empty. Import only into a freshly migrated database."
        )
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, FileNotFoundError) as exc:
        raise BackupError(f"Not an export file: {exc}") from None
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            data = archive.read("data.json").decode()
        except KeyError as exc:
            raise BackupError(f"Not an export file: {exc}") from None
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("Unknown export format version.")
        for name, digest in manifest["files"].items():
            content = archive.read(f"files/{name}")
            if hashlib.sha256(content).hexdigest() != digest:
                raise BackupError(f"File damaged in the export: {name}")
        with transaction.atomic():
            loaded = _save_all(data)
        for name in manifest["files"]:
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(
                name, ContentFile(archive.read(f"files/{name}"))
            )
            if saved != name:
                raise BackupError(f"Storage renamed {name} to {saved}")
    return {"objects": loaded, "files": len(manifest["files"])}


def _save_all(data: str) -> int:
    """Save the serialised rows in order, like loaddata: each row is deserialised only
    after the rows before it are saved, so natural keys find what they point to."""
    count = 0
    models_loaded = set()
    deferred = []
    with connection.constraint_checks_disabled():
        for obj in serializers.deserialize(
            "json", data, handle_forward_references=True
        ):
            obj.save()
            count += 1
            models_loaded.add(type(obj.object))
            if obj.deferred_fields:
                deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields()
    connection.check_constraints()
    # Sequences follow the loaded primary keys, so new rows do not collide (PostgreSQL).
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_loaded))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return count
