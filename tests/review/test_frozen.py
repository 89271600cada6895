"""Approved minutes cannot be changed by any path: model save() and delete(),
queryset update() and delete(), forms, the admin, the workspace, the API, and on
PostgreSQL not even raw SQL."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from minutes.errors import MinutesFrozenError
from minutes.frozen import minutes_assert_editable
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    Input,
    Meeting,
    MinutesVersion,
)
from minutes.services import lifecycle
from tests.review.conftest import FROZEN, frozen_rows


@pytest.mark.parametrize(
    "kind, field, value",
    [
        ("meeting", "venue", "Et annet sted"),
        ("item", "title", "Ny tittel"),
        ("input", "text", "Omskrevet"),
        ("decision", "final_text", "Et annet vedtak"),
        ("attendance", "note", "bare under sak 1"),
    ],
)
def test_save_is_refused(frozen, kind, field, value):
    row = frozen_rows(frozen)[kind]
    setattr(row, field, value)
    with pytest.raises(MinutesFrozenError, match=FROZEN):
        row.save()
    row.refresh_from_db()
    assert getattr(row, field) != value


@pytest.mark.parametrize("kind", ["item", "input", "decision", "attendance"])
def test_delete_is_refused(frozen, kind):
    row = frozen_rows(frozen)[kind]
    with pytest.raises(MinutesFrozenError, match=FROZEN):
        row.delete()
    assert type(row).objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize(
    "model, lookup, values",
    [
        (Meeting, "pk", {"venue": "X"}),
        (AgendaItem, "meeting", {"title": "X"}),
        (Input, "item__meeting", {"text": "X"}),
        (Decision, "item__meeting", {"final_text": "X"}),
        (Attendance, "meeting", {"note": "X"}),
        (Attachment, "meeting", {"title": "X"}),
    ],
)
def test_queryset_update_and_delete_are_refused(frozen, model, lookup, values):
    rows = model.objects.filter(**{lookup: frozen.meeting.pk})
    assert rows.exists()
    with pytest.raises(MinutesFrozenError, match=FROZEN):
        rows.update(**values)
    if model is not Meeting:
        with pytest.raises(MinutesFrozenError, match=FROZEN):
            rows.delete()


def test_a_new_input_cannot_be_added(frozen):
    with pytest.raises(MinutesFrozenError):
        Input.objects.create(item=frozen.item, text="Sneket inn")
    assert not Input.objects.filter(text="Sneket inn").exists()


def test_a_form_shows_the_refusal_as_a_form_error(frozen):
    from django.forms import modelform_factory

    form_class = modelform_factory(Input, fields=["text", "order"])
    form = form_class(
        {"text": "Endret", "order": 1}, instance=frozen_rows(frozen)["input"]
    )
    assert not form.is_valid()
    assert FROZEN in str(form.non_field_errors())


def test_other_meetings_stay_editable(frozen):
    item = frozen.later.items.first()
    item.title = "Fortsatt redigerbar"
    item.save()
    entry = Input.objects.create(item=item, text="Nytt innspill")
    updated = AgendaItem.objects.filter(meeting=frozen.later).update(presenters="Alice")
    assert AgendaItem.objects.get(pk=item.pk).title == "Fortsatt redigerbar"
    assert Input.objects.get(pk=entry.pk).item == item
    assert updated == frozen.later.items.count() > 0
    later = AgendaItem.objects.filter(meeting=frozen.later)
    assert set(later.values_list("presenters", flat=True)) == {"Alice"}
    # The frozen meeting beside it took none of it.
    assert not AgendaItem.objects.filter(
        meeting=frozen.meeting, presenters="Alice"
    ).exists()


def test_the_admin_shows_the_message_and_changes_nothing(client, world, frozen):
    client.force_login(world.operator)
    input_row = frozen_rows(frozen)["input"]
    url = reverse("admin:minutes_input_change", args=[input_row.pk])
    response = client.post(
        url,
        {
            "item": frozen.item.pk,
            "order": 1,
            "text": "Endret i admin",
            "attribution": "none",
        },
    )
    assert response.status_code == 200
    assert FROZEN in response.content.decode()
    input_row.refresh_from_db()
    assert input_row.text == "Strategien må forankres i kommunene."


def test_the_workspace_shows_the_message_and_changes_nothing(client, frozen):
    client.force_login(frozen.alice)
    response = client.post(
        reverse("workspace:meeting_edit", args=[frozen.meeting.pk]),
        {"date": "2024-03-01", "number": 1, "venue": "Et annet sted"},
    )
    assert FROZEN in response.content.decode()
    assert Meeting.objects.get(pk=frozen.meeting.pk).venue != "Et annet sted"


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_the_api_is_read_only(client, frozen, method):
    url = reverse("api:input-detail", args=[frozen.inputs[0].pk])
    response = getattr(client, method)(
        url, data='{"text": "API"}', content_type="application/json"
    )
    assert response.status_code in (401, 403, 405)
    assert Input.objects.get(pk=frozen.inputs[0].pk).text != "API"


def test_a_version_snapshot_never_changes(frozen):
    version = MinutesVersion.objects.get(minutes=frozen.minutes)
    version.content = {"items": []}
    with pytest.raises(MinutesFrozenError):
        version.save()
    with pytest.raises(MinutesFrozenError):
        version.delete()


def test_a_correction_makes_the_content_editable_again(frozen):
    lifecycle.minutes_start_correction(
        minutes=frozen.minutes, by=frozen.alice, reason="Feil i innspill"
    )
    row = frozen_rows(frozen)["input"]
    row.text = "Rettet tekst"
    row.save()
    assert Input.objects.get(pk=row.pk).text == "Rettet tekst"


def test_the_guard_error_is_a_validation_error(frozen):
    with pytest.raises(ValidationError):
        minutes_assert_editable(meeting=frozen.meeting)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The frozen-content triggers exist on PostgreSQL only, by design; "
    "on SQLite the model guards above are the protection.",
)
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE minutes_input SET text = 'raw' WHERE item_id = %(item)s",
        "DELETE FROM minutes_input WHERE item_id = %(item)s",
        "UPDATE minutes_decision SET final_text = 'raw' WHERE item_id = %(item)s",
        "UPDATE minutes_agendaitem SET title = 'raw' WHERE id = %(item)s",
        "DELETE FROM minutes_attachment WHERE meeting_id = %(meeting)s",
        "UPDATE council_meeting SET venue = 'raw' WHERE id = %(meeting)s",
        "DELETE FROM council_attendance WHERE meeting_id = %(meeting)s",
        'INSERT INTO minutes_input (item_id, parent_id, "order", text, attribution,'
        " is_written, revision, updated_at) VALUES (%(item)s, NULL, 9, 'raw', 'none',"
        " false, 1, now())",
        "UPDATE minutes_minutesversion SET content = '{}'"
        " WHERE minutes_id = %(minutes)s",
        "DELETE FROM minutes_minutesversion WHERE minutes_id = %(minutes)s",
    ],
)
def test_postgresql_refuses_raw_sql_on_frozen_rows(frozen, sql):
    params = {
        "item": frozen.item.pk,
        "meeting": frozen.meeting.pk,
        "minutes": frozen.minutes.pk,
    }
    with pytest.raises(DatabaseError) as caught:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    assert "kan ikke" in str(caught.value)
    assert Input.objects.get(pk=frozen.inputs[0].pk).text.startswith("Strategien")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The frozen-content triggers exist on PostgreSQL only, by design.",
)
def test_postgresql_allows_raw_sql_on_other_meetings(frozen):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE minutes_agendaitem SET presenters = 'raw' WHERE meeting_id = %s",
            [frozen.later.pk],
        )
    assert frozen.later.items.filter(presenters="raw").exists()
