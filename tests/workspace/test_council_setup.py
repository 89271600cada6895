"""A council set up and run without the admin: the operator makes it and invites its
first secretary; the secretariat keeps its settings, kinds, standard items, first
sak number and logins in /arbeid/."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Invitation
from council.models import Council
from minutes.models import AgendaItem
from minutes.services.agenda import meeting_create
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def settings_url(council) -> str:
    return reverse("workspace:council_settings", args=[council.slug])


def test_the_operator_makes_a_council_and_invites_its_secretary(
    clients_for, django_capture_on_commit_callbacks
):
    oscar = clients_for("operator")
    with django_capture_on_commit_callbacks(execute=True):
        response = oscar.post(
            reverse("workspace:council_new"),
            {
                "name": "Eldrerådet i Fjordvik kommune",
                "slug": "eldreradet-fjordvik",
                "secretariat_organisation": "Fjordvik kommune",
                "secretary_name": "Siri Sekretær",
                "secretary_email": "siri@example.org",
            },
        )
    council = Council.objects.get(slug="eldreradet-fjordvik")
    assert response["Location"] == reverse("workspace:members", args=[council.slug])
    assert council.secretariat_organisation.name == "Fjordvik kommune"
    invitation = Invitation.objects.get(council=council)
    assert invitation.role == Invitation.Role.SECRETARIAT
    assert len(mail.outbox) == 1
    page = oscar.get(response["Location"]).content.decode()
    assert "/konto/invitasjon/" in page  # the link, shown once
    assert "/konto/invitasjon/" not in oscar.get(response["Location"]).content.decode()


@pytest.mark.parametrize("persona", ["secretariat_a", "member_a", "staff"])
def test_only_the_operator_makes_councils(clients_for, persona):
    response = clients_for(persona).post(
        reverse("workspace:council_new"), {"name": "X", "slug": "x"}
    )
    assert response.status_code == 404
    assert not Council.objects.filter(slug="x").exists()


def test_a_reserved_or_taken_slug_is_refused_in_norwegian(clients_for, world):
    oscar = clients_for("operator")
    for slug, message in [("admin", "er reservert"), ("testradet", "finnes")]:
        response = oscar.post(
            reverse("workspace:council_new"),
            {
                "name": f"Rådet {slug}",
                "slug": slug,
                "secretary_name": "S",
                "secretary_email": "s@example.org",
            },
        )
        assert response.status_code == 200
        assert message in response.content.decode()


def test_the_secretariat_edits_the_settings(alice_client, council):
    response = alice_client.post(
        settings_url(council),
        {
            "part": "settings",
            "description": "Om oss",
            "default_venue": "Rådhuset",
            "default_start_time": "09:00",
            "default_end_time": "12:00",
            "approval_rule": "online_majority",
            "publish_on_approval": "",
            "marks_updated_decisions": "on",
            "members_require_2fa": "on",
        },
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.default_venue == "Rådhuset"
    assert council.approval_rule == "online_majority"
    assert council.members_require_2fa and not council.publish_on_approval


def kinds_post(rows):
    data = {
        "part": "kinds",
        "kinds-TOTAL_FORMS": len(rows),
        "kinds-INITIAL_FORMS": 0,
        "kinds-MIN_NUM_FORMS": 0,
        "kinds-MAX_NUM_FORMS": 100,
    }
    for i, (original, name, order, retired) in enumerate(rows):
        data.update(
            {
                f"kinds-{i}-original": original,
                f"kinds-{i}-name": name,
                f"kinds-{i}-ORDER": order,
            }
        )
        if retired:
            data[f"kinds-{i}-retired"] = "on"
    return data


def test_item_kinds_are_added_renamed_reordered_and_retired(alice_client, council):
    alice_client.post(
        settings_url(council),
        kinds_post([("", "Høring", 2, False), ("", "Referatsak", 1, False)]),
    )
    council.refresh_from_db()
    assert council.extra_item_kinds == ["Referatsak", "Høring"]

    meeting = make_meeting(council=council)
    item = AgendaItem.objects.filter(meeting=meeting).first()
    AgendaItem.objects.filter(pk=item.pk).update(kind="Høring")
    alice_client.post(
        settings_url(council),
        kinds_post(
            [("Referatsak", "Referatsak", 2, True), ("Høring", "Til høring", 1, False)]
        ),
    )
    council.refresh_from_db()
    assert council.extra_item_kinds == ["Til høring"]
    assert council.retired_item_kinds == ["Referatsak"]
    item.refresh_from_db()
    assert item.kind == "Til høring"  # the draft follows the new name
    # A retired kind is no longer offered for new items, and never typed as JSON.
    page = alice_client.get(reverse("workspace:item", args=[item.pk])).content.decode()
    assert "Til høring" in page and ">Referatsak<" not in page


def test_a_standard_kind_name_is_refused(alice_client, council):
    response = alice_client.post(
        settings_url(council), kinds_post([("", "Orientering", 1, False)])
    )
    assert "er en av standardtypene" in response.content.decode()


def test_standard_items_shape_new_meetings(alice_client, council):
    rows = [
        ("summons_approval", "Godkjenning av innkalling", "godkjenning", 1, False),
        ("", "Velkommen og presentasjon", "orientering", 2, False),
        ("secretariat_info", "Orientering fra sekretariatet", "orientering", 3, True),
        ("any_other_business", "Eventuelt", "eventuelt", 4, False),
    ]
    data = {
        "part": "standard",
        "items-TOTAL_FORMS": len(rows),
        "items-INITIAL_FORMS": len(rows),
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 50,
    }
    for i, (standard, title, kind, order, delete) in enumerate(rows):
        data.update(
            {
                f"items-{i}-standard": standard,
                f"items-{i}-title": title,
                f"items-{i}-kind": kind,
                f"items-{i}-ORDER": order,
                f"items-{i}-proposed_decision": "",
            }
        )
        if delete:
            data[f"items-{i}-DELETE"] = "on"
    assert alice_client.post(settings_url(council), data).status_code == 302
    import datetime

    council.refresh_from_db()
    meeting = meeting_create(council=council, date=datetime.date(2031, 5, 5))
    titles = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("title", flat=True)
    )
    assert titles == [
        "Godkjenning av innkalling",
        "Velkommen og presentasjon",
        "Eventuelt",
    ]


def test_the_first_sak_number_of_a_year(alice_client, council):
    import datetime

    response = alice_client.post(
        settings_url(council), {"part": "first_number", "year": 2032, "number": 14}
    )
    assert response.status_code == 302
    council.refresh_from_db()
    meeting = meeting_create(council=council, date=datetime.date(2032, 3, 1))
    numbers = sorted(
        AgendaItem.objects.filter(meeting=meeting).values_list("number", flat=True)
    )
    assert numbers[0] == 14
    refused = alice_client.post(
        settings_url(council), {"part": "first_number", "year": 2032, "number": 3}
    )
    assert "har allerede saker" in refused.content.decode()


def test_another_councils_settings_are_a_404(clients_for, world):
    for persona in ("secretariat_b", "member_a", "staff"):
        response = clients_for(persona).get(settings_url(world.council_a))
        assert response.status_code == 404, persona


def test_the_members_page_shows_logins_and_invites(
    alice_client, council, world, django_capture_on_commit_callbacks
):
    from tests.world import add_member

    add_member(council, "tmp2", name="Mona Medlem")
    from council.models import Person

    mona = Person.objects.get(name="Mona Medlem")
    mona.user.delete()
    seat = mona.memberships.get()
    page = alice_client.get(reverse("workspace:members", args=[council.slug]))
    html = page.content.decode()
    assert "har innlogging" in html  # Bob
    assert "Inviter" in html
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            reverse("workspace:member_invite", args=[council.slug, seat.pk]),
            {"email": "mona@example.org"},
        )
    assert mail.outbox[-1].to == ["mona@example.org"]
    html = alice_client.get(
        reverse("workspace:members", args=[council.slug])
    ).content.decode()
    assert "invitert, gyldig til" in html
    assert 'id="new-invitation-link"' in html
