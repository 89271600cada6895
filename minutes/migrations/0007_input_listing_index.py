"""An index for paging through every published input in id order (the API's list).

The visible inputs are those whose item's minutes are published; PostgreSQL joins
that condition over all inputs and sorts the ids. With (id, item_id) in one index it
reads neither the wide rows nor the table. PostgreSQL only: SQLite has no INCLUDE.
"""

from django.db import migrations


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX input_listing_idx ON minutes_input (id) INCLUDE (item_id)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX input_listing_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0006_stored_search_documents"),
    ]

    operations = [migrations.RunPython(add_index, drop_index, elidable=False)]
