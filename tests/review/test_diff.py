"""Comparing two versions: words inserted and deleted per item; inputs changed,
added, removed and reordered; items added and removed."""

import pytest

from minutes.diff import version_diff, word_diff
from minutes.document import MinutesDocument, minutes_snapshot
from minutes.models import AgendaItem, Input


def test_word_diff_marks_insertions_and_deletions():
    segments = word_diff(
        "Rådet tar saken til orientering.", "Rådet tar saken raskt til etterretning."
    )
    marked = [(s.kind, s.text) for s in segments if s.kind != "equal"]
    assert marked == [
        ("ins", "raskt "),
        ("del", "orientering."),
        ("ins", "etterretning."),
    ]
    assert "".join(s.text for s in segments if s.kind != "del") == (
        "Rådet tar saken raskt til etterretning."
    )


@pytest.fixture
def before(cast):
    return _document(cast)


def _document(cast) -> MinutesDocument:
    """The minutes as a version keeps them: snapshot, then read back."""
    return MinutesDocument.from_snapshot(minutes_snapshot(meeting=cast.meeting))


def _item_diff(cast, before):
    diff = version_diff(before, _document(cast))
    return next(i for i in diff.items if i.title == "Nasjonal e-helsestrategi"), diff


def test_an_unchanged_version_has_no_changes(cast, before):
    diff = version_diff(before, _document(cast))
    assert not diff.has_changes


def test_a_changed_input_shows_its_words(cast, before):
    Input.objects.filter(pk=cast.inputs[1].pk).update(text="Finansieringen er avklart.")
    item, _diff = _item_diff(cast, before)
    changed = [i for i in item.inputs if i.status == "changed"]
    assert len(changed) == 1
    kinds = {(s.kind, s.text) for s in changed[0].segments}
    assert ("del", "uklar.") in kinds and ("ins", "avklart.") in kinds
    assert item.status == "changed"


def test_added_and_removed_inputs_are_listed(cast, before):
    cast.inputs[2].delete()
    Input.objects.create(item=cast.item, order=9, text="Et nytt innspill.")
    item, _diff = _item_diff(cast, before)
    statuses = {(i.status, i.segments[0].text) for i in item.inputs}
    assert ("added", "Et nytt innspill.") in statuses
    assert ("removed", "Pasientens behov må komme først.") in statuses


def test_reordered_inputs_are_marked_moved(cast, before):
    Input.objects.filter(pk=cast.inputs[2].pk).update(order=0)
    item, _diff = _item_diff(cast, before)
    moved = [i for i in item.inputs if i.moved]
    assert [m.segments[0].text for m in moved] == ["Pasientens behov må komme først."]
    assert all(i.status == "same" for i in item.inputs)


def test_body_and_decision_changes_are_diffed(cast, before):
    AgendaItem.objects.filter(pk=cast.item.pk).update(
        body="Direktoratet orienterte kort om strategien."
    )
    cast.item.decision.final_text = "Rådet støtter strategien."
    cast.item.decision.save()
    item, _diff = _item_diff(cast, before)
    labels = {f.label for f in item.fields}
    assert {"Saksfremstilling", "Vedtak"} <= labels
    body = next(f for f in item.fields if f.label == "Saksfremstilling")
    assert ("ins", "kort ") in {(s.kind, s.text) for s in body.segments}


def test_added_and_removed_items(cast, before):
    from minutes.services import agenda

    agenda.agenda_item_add(meeting=cast.meeting, title="Helt ny sak")
    cast.item.delete()
    diff = version_diff(before, _document(cast))
    status = {i.title: i.status for i in diff.items}
    assert status["Helt ny sak"] == "added"
    assert status["Nasjonal e-helsestrategi"] == "removed"


def test_the_compare_page_marks_ins_and_del(client, cast, deadline):
    from django.urls import reverse

    from minutes.services import lifecycle

    lifecycle.minutes_send_for_review(
        minutes=cast.minutes, by=cast.alice, deadline=deadline
    )
    Input.objects.filter(pk=cast.inputs[1].pk).update(text="Finansieringen er avklart.")
    Input.objects.create(item=cast.item, order=9, text="Helt nytt.")
    lifecycle.minutes_send_for_review(
        minutes=cast.minutes, by=cast.alice, deadline=deadline
    )
    client.force_login(cast.carol)
    page = client.get(
        reverse("review:compare", args=[cast.meeting.pk]) + "?fra=1&til=2"
    ).content.decode()
    assert "<del>uklar.</del><ins>avklart.</ins>" in page
    assert "Nytt innspill:" in page and "<ins>Helt nytt.</ins>" in page


def test_an_attendance_status_change_is_shown(cast, before):
    from minutes.models import Attendance

    bob = Attendance.objects.create(
        meeting=cast.meeting,
        role=Attendance.Role.MEMBER,
        membership=cast.bob.person.memberships.get(),
        person=cast.bob.person,
        status=Attendance.Status.NOTIFIED_ABSENCE,
    )
    with_bob = _document(cast)
    bob.status = Attendance.Status.NO_SHOW
    bob.save()
    diff = version_diff(with_bob, _document(cast))
    attendance = next(f for f in diff.meeting_fields if f.label == "Oppmøte")
    changed = {(s.kind, s.text.strip()) for s in attendance.segments}
    assert ("del", "Meldt") in changed or ("del", "Meldt forfall:") in changed
    assert any(kind == "ins" and "møtt" in text for kind, text in changed)
