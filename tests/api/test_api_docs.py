"""A developer finds the API described on a page at /api/."""

from django.urls import reverse


def test_the_documentation_page_lists_every_endpoint(client, db):
    response = client.get(reverse("api:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Åpne data: API for møtereferater</h1>" in page
    for path in [
        "/api/meetings/",
        "/api/meetings/{id}/",
        "/api/inputs/",
        "/api/files/",
    ]:
        assert f"GET {path}" in page
    assert "modified_since" in page and "ISO 8601" in page
    assert 'href="/api/openapi.json"' in page
    assert 'id="Input"' in page and 'id="Decision"' in page


def test_the_system_object_points_to_the_councils(client, archive):
    system = client.get("/api/system/").json()
    assert system["type"] == "https://schema.oparl.org/1.1/System"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = client.get(system["body"]).json()["data"]
    assert [b["name"] for b in bodies] == ["Testrådet", "Det andre rådet"]


def test_a_meeting_reads_like_oparl(client, archive):
    meeting = client.get(f"/api/meetings/{archive.published.pk}/").json()
    assert meeting["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert meeting["id"] == f"http://testserver/api/meetings/{archive.published.pk}/"
    assert meeting["start"] == "2022-12-02T10:00:00+01:00"
    assert meeting["end"] == "2022-12-02T16:00:00+01:00"
    assert meeting["location"]["description"] == "Møterom 1"
    items = meeting["agendaItem"]
    assert [i["number"] for i in items] == ["1/22", "2/22", "3/22"]
    first = items[0]
    assert first["type"] == "https://schema.oparl.org/1.1/AgendaItem"
    assert first["resolutionText"] == "Vedtak i sak 1/22"
    assert first["result"] == "Oppdatert vedtak"
    assert [f["name"] for f in first["auxiliaryFile"]] == ["Vedlegg offentlig"]
    assert first["web"].endswith("/testradet/sak/2022/1/")
    decision = client.get(first["decision"]).json()
    assert decision["resolutionText"] == first["resolutionText"]
    assert decision["proposedText"].endswith("godkjenner innkalling og dagsorden.")
