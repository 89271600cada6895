"""Database triggers that keep approved minutes frozen, on PostgreSQL only.

The models refuse changes to frozen content (minutes/frozen.py); these triggers refuse
the same INSERT, UPDATE and DELETE at the database, so a script that bypasses the ORM
cannot rewrite approved minutes either. SQLite has no such triggers: there the
model-level guards are the protection.

One function serves every table: its first argument names the column that leads to the
meeting, the second says whether that column is an agenda item's id.
"""

from django.db import migrations

CONTENT_TABLES = [
    # (table, column leading to the meeting, "meeting" or "item")
    ("council_meeting", "id", "meeting"),
    ("council_attendance", "meeting_id", "meeting"),
    ("minutes_agendaitem", "meeting_id", "meeting"),
    ("minutes_attachment", "meeting_id", "meeting"),
    ("minutes_input", "item_id", "item"),
    ("minutes_decision", "item_id", "item"),
]

CREATE_FUNCTIONS = """
CREATE OR REPLACE FUNCTION minutes_refuse_frozen() RETURNS trigger AS $$
DECLARE
    ids bigint[] := ARRAY[]::bigint[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        ids := ids || (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        ids := ids || (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    END IF;
    IF TG_ARGV[1] = 'item' THEN
        SELECT coalesce(array_agg(meeting_id), ARRAY[]::bigint[]) INTO ids
        FROM minutes_agendaitem WHERE id = ANY(ids);
    END IF;
    IF EXISTS (
        SELECT 1 FROM minutes_minutes
        WHERE meeting_id = ANY(ids) AND status IN ('approved', 'published')
    ) THEN
        RAISE EXCEPTION
            'Referatet er godkjent og kan ikke endres (% på %).', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION minutes_refuse_version_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'En referatversjon kan ikke slettes.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.content IS DISTINCT FROM OLD.content
        OR NEW.number IS DISTINCT FROM OLD.number
        OR NEW.minutes_id IS DISTINCT FROM OLD.minutes_id
        OR NEW.reason IS DISTINCT FROM OLD.reason THEN
        RAISE EXCEPTION 'En referatversjon kan ikke endres etter at den er laget.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [CREATE_FUNCTIONS]
    for table, column, kind in CONTENT_TABLES:
        statements.append(
            f"DROP TRIGGER IF EXISTS minutes_frozen_guard ON {table};"
            f"CREATE TRIGGER minutes_frozen_guard "
            f"BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION minutes_refuse_frozen('{column}', '{kind}');"
        )
    statements.append(
        "DROP TRIGGER IF EXISTS minutes_version_guard ON minutes_minutesversion;"
        "CREATE TRIGGER minutes_version_guard "
        "BEFORE UPDATE OR DELETE ON minutes_minutesversion "
        "FOR EACH ROW EXECUTE FUNCTION minutes_refuse_version_change();"
    )
    for statement in statements:
        # params=None: the SQL holds plpgsql «%» placeholders, not query parameters.
        schema_editor.execute(statement, params=None)


def drop_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _column, _kind in CONTENT_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS minutes_frozen_guard ON {table};")
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS minutes_version_guard ON minutes_minutesversion;"
    )
    schema_editor.execute("DROP FUNCTION IF EXISTS minutes_refuse_frozen();")
    schema_editor.execute("DROP FUNCTION IF EXISTS minutes_refuse_version_change();")


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0001_initial"),
        ("minutes", "0004_review_versions_comments_approvals"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
