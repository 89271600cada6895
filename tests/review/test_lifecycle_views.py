"""The whole life of minutes through the pages, for both kinds of approval rule.

Alice (secretariat) sends the draft; Bob, Carol and Dave read, comment and approve in
the browser; Alice answers and sends version 2; the public sees the minutes at once.
"""

import datetime

from django.urls import reverse

from minutes.models import Minutes, MinutesEvent, ReviewComment
from tests.factories import approving_item
from tests.review.conftest import refresh


def login(client, user):
    client.force_login(user)
    return client


def test_online_approval_from_draft_to_public_page(client, cast, deadline, mailoutbox):
    meeting = cast.meeting
    public_url = meeting.get_absolute_url()
    assert client.get(public_url).status_code == 404

    # Alice sends the draft for review.
    login(client, cast.alice)
    response = client.post(
        reverse("review:send", args=[meeting.pk]), {"deadline": deadline.isoformat()}
    )
    assert response.status_code == 302
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW
    assert {m.to[0] for m in mailoutbox} == {
        "bob@example.org",
        "carol@example.org",
        "dave@example.org",
        "erin@example.org",
    }

    # Bob reads the draft, marked as such, and comments on one input.
    login(client, cast.bob)
    page = client.get(reverse("review:read", args=[meeting.pk])).content.decode()
    assert "UTKAST – ikke godkjent" in page
    assert "Strategien må forankres i kommunene." in page
    client.post(
        reverse("review:comment", args=[meeting.pk]),
        {"text": "Skriv «alle kommuner».", "input": cast.inputs[0].pk},
    )
    client.post(reverse("review:decide", args=[meeting.pk]), {"decision": "approve"})

    # Carol sees Bob's comment and asks for changes.
    login(client, cast.carol)
    page = client.get(reverse("review:read", args=[meeting.pk])).content.decode()
    assert "Skriv «alle kommuner»." in page
    client.post(
        reverse("review:decide", args=[meeting.pk]), {"decision": "request_changes"}
    )

    # Alice sees the comment under the item, accepts it, edits and sends version 2.
    login(client, cast.alice)
    page = client.get(reverse("review:dashboard", args=[meeting.pk])).content.decode()
    assert "Skriv «alle kommuner»." in page
    assert f"Sak {cast.item.number_label} Nasjonal e-helsestrategi" in page
    comment = ReviewComment.objects.get()
    mailoutbox.clear()
    client.post(
        reverse("review:resolve", args=[meeting.pk, comment.pk]),
        {"status": "accepted", "reply": "Godt forslag, rettet."},
    )
    assert [m.to for m in mailoutbox] == [["bob@example.org"]]
    cast.inputs[0].text = "Strategien må forankres i alle kommuner."
    cast.inputs[0].save()
    client.post(
        reverse("review:send", args=[meeting.pk]), {"deadline": deadline.isoformat()}
    )
    assert refresh(cast.minutes).version == 2

    # Members see exactly what changed.
    login(client, cast.dave)
    page = client.get(
        reverse("review:compare", args=[meeting.pk]) + "?fra=1&til=2"
    ).content.decode()
    assert "<ins>alle kommuner.</ins>" in page or "<ins>alle</ins>" in page
    assert "<del>kommunene.</del>" in page

    # Everyone approves version 2: approved, frozen and published at once.
    for user in (cast.bob, cast.carol, cast.dave):
        login(client, user)
        client.post(
            reverse("review:decide", args=[meeting.pk]), {"decision": "approve"}
        )
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approval_method == Minutes.ApprovalMethod.ONLINE
    client.logout()
    page = client.get(public_url).content.decode()
    assert "Strategien må forankres i alle kommuner." in page
    assert "av medlemmene." in page  # «Godkjent <date> av medlemmene.»

    # Alice's history lists every step.
    login(client, cast.alice)
    page = client.get(reverse("review:history", args=[meeting.pk])).content.decode()
    kinds = set(MinutesEvent.objects.values_list("kind", flat=True))
    assert {
        "sent_for_review",
        "commented",
        "comment_resolved",
        "member_approved",
        "member_requested_changes",
        "approved",
        "published",
    } <= kinds
    assert "Kommentar besvart" in page and "Publisert" in page


def test_approval_at_the_next_meeting_through_the_dashboard(
    client, next_meeting_cast, deadline
):
    cast = next_meeting_cast
    meeting = cast.meeting
    login(client, cast.alice)
    client.post(
        reverse("review:send", args=[meeting.pk]), {"deadline": deadline.isoformat()}
    )
    item = approving_item(meeting, datetime.date(2024, 5, 1))
    page = client.get(reverse("review:dashboard", args=[meeting.pk])).content.decode()
    assert item.title in page
    response = client.post(
        reverse("review:approve_at_meeting", args=[meeting.pk]), {"item": item.pk}
    )
    assert response.status_code == 302
    minutes = refresh(cast.minutes)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approved_by_item == item
    client.logout()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"Godkjent 1. mai 2024 i sak {item.number_label}" in page


def test_a_wrong_step_shows_a_clear_message_and_changes_nothing(client, cast):
    login(client, cast.alice)
    response = client.post(
        reverse("review:publish", args=[cast.meeting.pk]), follow=True
    )
    assert "Bare godkjente referater kan publiseres." in response.content.decode()
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT
    response = client.post(
        reverse("review:send", args=[cast.meeting.pk]), {"deadline": ""}, follow=True
    )
    assert "Sett en frist for gjennomsynet." in response.content.decode()


def test_mutations_reject_get(client, cast):
    login(client, cast.alice)
    for name in ("send", "publish", "correct", "comment", "decide"):
        response = client.get(reverse(f"review:{name}", args=[cast.meeting.pk]))
        assert response.status_code == 405, name
