"""The minutes row changes only along the state machine; a stored PDF never changes.

Migration 0005's triggers freeze the content of approved minutes, but not the
minutes row itself: raw SQL could set a published row back to «draft», rewrite the
content, restore «published» and replace the stored PDF's SHA-256. This trigger on
minutes_minutes (PostgreSQL only; a no-op on SQLite, where the model's guards are the
protection, as for 0005) refuses:

1. An UPDATE of `status` other than these, the moves minutes/services/lifecycle.py
   makes (minutes/status.py's TRANSITIONS, read when this migration runs):

       draft      → in_review   (sent for review)
       draft      → approved    (approved at a meeting, or past minutes recorded)
       in_review  → approved    (approved online or at a meeting)
       correcting → approved    (a correction approved)
       approved   → published   (published, or at once on approval)
       published  → correcting  (a correction started)

   Staying in the same state is always allowed. Nothing goes back to a draft or to
   review, and a correction stays «correcting» through its own review.

2. Any change of pdf_file, pdf_sha256, pdf_size or pdf_rendered_at once pdf_sha256
   is set, with one exception: the UPDATE that moves the row from «correcting» to
   «approved» may clear all four together. That is the services' own path
   (_minutes_approve): the earlier PDF was copied to its MinutesVersion when the
   correction started (and versions cannot change, 0005), so the corrected minutes
   get a PDF of their own. The PDF is then stored by a second UPDATE in the same
   transaction (minutes/pdf.py's store_approved_pdf), which rule 3 allows.

3. Setting the PDF fields while they are empty, unless the row is (then) approved or
   published: a PDF planted on a draft would otherwise be kept at its approval
   (store_approved_pdf keeps whatever is stored).

4. A DELETE of minutes that have been approved (approved, published, correcting):
   with the foreign keys checked only at commit, deleting the row and inserting it
   again with the same id would get round rules 1 to 3.

INSERT is not checked: a meeting has one minutes row, so only a new meeting gets
one, and import_all loads rows in the state they were exported in.

If TRANSITIONS changes, add a migration that runs `create_trigger` again (CREATE OR
REPLACE): existing databases keep the function as this migration made it.
"""

from django.db import migrations

from minutes.status import TRANSITIONS, MinutesStatus

FUNCTION = "minutes_guard_minutes_row"


def _approved_once() -> list[str]:
    """The states that come after an approval: approved and every state reachable
    from it."""
    seen = {MinutesStatus.APPROVED.value}
    todo = [MinutesStatus.APPROVED.value]
    while todo:
        for new in TRANSITIONS[todo.pop()]:
            if new not in seen:
                seen.add(new)
                todo.append(new)
    return sorted(seen)


def _sql_list(values) -> str:
    return ", ".join(f"'{value}'" for value in values)


def function_sql() -> str:
    moves = sorted(
        f"{old}>{new}" for old, targets in TRANSITIONS.items() for new in targets
    )
    frozen = [MinutesStatus.APPROVED.value, MinutesStatus.PUBLISHED.value]
    return f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status IN ({_sql_list(_approved_once())}) THEN
            RAISE EXCEPTION 'Et godkjent referat kan ikke slettes.'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
        AND NOT (OLD.status || '>' || NEW.status) = ANY(ARRAY[{_sql_list(moves)}])
    THEN
        RAISE EXCEPTION 'Referatet kan ikke gå fra status % til %.',
            OLD.status, NEW.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.pdf_file, NEW.pdf_sha256, NEW.pdf_size, NEW.pdf_rendered_at)
        IS DISTINCT FROM
        (OLD.pdf_file, OLD.pdf_sha256, OLD.pdf_size, OLD.pdf_rendered_at)
    THEN
        IF OLD.pdf_sha256 <> '' AND NOT (
            OLD.status = '{MinutesStatus.CORRECTING.value}'
            AND NEW.status = '{MinutesStatus.APPROVED.value}'
            AND NEW.pdf_file = '' AND NEW.pdf_sha256 = '' AND NEW.pdf_size = 0
            AND NEW.pdf_rendered_at IS NULL
        ) THEN
            RAISE EXCEPTION 'Den lagrede PDF-en til referatet kan ikke endres.'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.pdf_sha256 = '' AND NEW.status NOT IN ({_sql_list(frozen)}) THEN
            RAISE EXCEPTION 'En PDF kan ikke lagres før referatet er godkjent.'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def create_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    # params=None: the SQL holds plpgsql «%» placeholders, not query parameters.
    schema_editor.execute(function_sql(), params=None)
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS minutes_row_guard ON minutes_minutes;"
        "CREATE TRIGGER minutes_row_guard "
        "BEFORE UPDATE OR DELETE ON minutes_minutes "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();",
        params=None,
    )


def drop_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS minutes_row_guard ON minutes_minutes;"
    )
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}();")


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0009_approval_method_imported"),
    ]

    operations = [
        # The guarded queryset (MinutesQuerySet) for Django's internal lookups too.
        migrations.AlterModelOptions(
            name="minutes",
            options={
                "base_manager_name": "objects",
                "verbose_name": "referat",
                "verbose_name_plural": "referater",
            },
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
