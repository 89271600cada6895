"""The world's personas have the access their roles say (tests/world.py)."""

from django.urls import reverse

from tests.world import PASSWORD, PERSONAS


def test_alice_opens_the_workspace_of_council_a_and_gets_404_for_council_b(
    client, world
):
    client.force_login(world.secretariat_a)
    own = reverse("workspace:council", args=[world.council_a.slug])
    other = reverse("workspace:council", args=[world.council_b.slug])
    assert own == "/arbeid/rad/testradet/"
    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 404


def test_bob_reads_the_draft_of_council_a_and_gets_404_for_council_b(client, world):
    client.force_login(world.member_a)
    own = client.get(reverse("review:read", args=[world.draft_a.pk]))
    assert own.status_code == 200
    assert world.draft_a.title in own.content.decode()
    other = reverse("review:read", args=[world.draft_b.pk])
    assert other == f"/gjennomsyn/{world.draft_b.pk}/"
    assert client.get(other).status_code == 404


def test_charlie_of_council_b_gets_404_for_the_draft_of_council_a(client, world):
    client.force_login(world.member_b)
    response = client.get(reverse("review:read", args=[world.draft_a.pk]))
    assert response.status_code == 404


def test_anonymous_is_sent_to_log_in_from_the_workspace(client, world):
    response = client.get("/arbeid/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=/arbeid/")


def test_the_operator_is_staff_and_has_the_admin(world):
    assert world.operator.is_staff and world.operator.is_superuser
    assert world.client("operator").get("/admin/").status_code == 200
    for persona in ("secretariat_a", "member_a", "secretariat_b", "member_b"):
        assert not world.user(persona).is_staff, persona


def test_everyone_logs_in_with_the_password(world):
    for persona in PERSONAS[1:]:
        assert world.user(persona).check_password(PASSWORD), persona
    assert PERSONAS[0] == "anonymous" and world.user("anonymous") is None


def test_the_published_minutes_are_public_and_the_draft_is_not(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    assert world.published_a.minutes.status == "published"
    assert client.get(world.published_a.get_absolute_url()).status_code == 200
    assert client.get(world.draft_a.get_absolute_url()).status_code == 404
