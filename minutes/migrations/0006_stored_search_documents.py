"""Search documents stored in a generated column, on PostgreSQL only.

Ranking a search read every match's text and parsed it again (to_tsvector per row),
seconds for a common word in a large archive. PostgreSQL now keeps each row's
document in a generated `search_document` column, indexed with GIN, and the search
ranks the stored document (public/search.py, SearchDocument). The column is computed
by the database on every write, so nothing in Django writes it, and the model does not
declare it. SQLite searches without it.
"""

from django.db import migrations

DOCUMENTS = [
    # (table, index, the document as it stood in the expression index it replaces)
    (
        "minutes_agendaitem",
        "item_search_gin",
        "(COALESCE(title, '')::text || ' ') || COALESCE(body, '')",
    ),
    ("minutes_input", "input_search_gin", "COALESCE(text, '')"),
    (
        "minutes_decision",
        "decision_search_gin",
        "COALESCE(NULLIF(final_text, ''), proposed_text, '')",
    ),
]


def add_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index, document in DOCUMENTS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_document tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig, {document})) "
            "STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {index} ON {table} USING gin (search_document)"
        )


def drop_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index, document in DOCUMENTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN search_document")
        schema_editor.execute(
            f"CREATE INDEX {index} ON {table} USING gin "
            f"(to_tsvector('norwegian'::regconfig, {document}))"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0005_frozen_content_triggers"),
    ]

    operations = [
        # The expression indexes leave the models' state; the same names now index
        # the stored documents (on PostgreSQL).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="agendaitem", name="item_search_gin"),
                migrations.RemoveIndex(model_name="input", name="input_search_gin"),
                migrations.RemoveIndex(
                    model_name="decision", name="decision_search_gin"
                ),
            ],
            database_operations=[
                migrations.RunPython(add_documents, drop_documents, elidable=False)
            ],
        ),
    ]
