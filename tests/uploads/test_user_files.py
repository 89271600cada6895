"""User files never run: whatever a paper contains and whatever type was stored for
it, every path that serves one (public pages, the workspace, the API) serves it as a
download, with a type its content shows from the allow-list (anything else as
application/octet-stream), nosniff and a sandboxing Content-Security-Policy. The
admin checks an upload's content as the workspace does and never takes a typed type.

Alice serves Testrådet's secretariat; Root is the operator in the admin.
"""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minutes.admin import ItemAttachmentInline, MeetingAttachmentInline
from minutes.models import Attachment
from tests.factories import PDF_BYTES, UserFactory, make_meeting, publish

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></html>"
JS = b"fetch('/arbeid/').then(r => r.text()).then(t => alert(t));\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def alice(council):
    user = UserFactory(username="alice")
    council.secretariat_users.add(user)
    return user


def _paper(meeting, name: str, content: bytes, stored_type: str) -> Attachment:
    """A paper put straight into the database and storage, as the admin could
    before: any content, and whatever content type was typed for it."""
    return Attachment.objects.create(
        meeting=meeting,
        item=meeting.items.first(),
        title=name,
        original_name=name,
        file=ContentFile(content, name=name),
        content_type=stored_type,
        size=len(content),
        is_public=True,
    )


@pytest.fixture
def papers(council):
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    papers = {
        "html": _paper(meeting, "side.html", HTML, "text/html"),
        "js": _paper(meeting, "skript.js", JS, "application/javascript"),
        # A typed type claims PDF, the content is HTML; and the other way round.
        "html_as_pdf": _paper(meeting, "notat.pdf", HTML, "application/pdf"),
        "pdf_as_html": _paper(meeting, "notat2.pdf", PDF_BYTES, "text/html"),
    }
    publish(meeting)
    return meeting, papers


def _responses(client, alice, meeting, paper):
    """The same paper from the public page, the workspace and the API (both the
    access and the download address)."""
    public = reverse(
        "public:attachment",
        args=[meeting.council.slug, meeting.year, meeting.number, paper.pk],
    )
    workspace = reverse("workspace:attachment_download", args=[paper.pk])
    api = reverse("api:file-download", args=[paper.pk])
    secretariat = type(client)()
    secretariat.force_login(alice)
    return {
        "public": client.get(public),
        "workspace": secretariat.get(workspace),
        "api": client.get(api),
        "api download=1": client.get(api + "?download=1"),
    }


def _assert_never_runs(response, expected_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == expected_type
    assert response["X-Content-Type-Options"] == "nosniff"
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in directives


@pytest.mark.parametrize("name", ["html", "js", "html_as_pdf"])
def test_html_and_script_are_downloads_of_no_runnable_type_on_every_path(
    client, alice, papers, name
):
    meeting, papers = papers
    for path, response in _responses(client, alice, meeting, papers[name]).items():
        try:
            _assert_never_runs(response, "application/octet-stream")
        except AssertionError:
            pytest.fail(f"{name} from {path}: {dict(response.headers)}")
        assert b"".join(response.streaming_content) in (HTML, JS)


def test_a_pdf_is_served_as_pdf_whatever_type_was_stored(client, alice, papers):
    meeting, papers = papers
    responses = _responses(client, alice, meeting, papers["pdf_as_html"])
    for path, response in responses.items():
        try:
            _assert_never_runs(response, "application/pdf")
        except AssertionError:
            pytest.fail(f"{path}: {dict(response.headers)}")
        assert b"".join(response.streaming_content) == PDF_BYTES


# The admin ------------------------------------------------------------------------


@pytest.fixture
def root_client(client, db):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(root)
    return client


@pytest.fixture
def meeting(council):
    return make_meeting(council, datetime.date(2025, 1, 10))


def _admin_add(root_client, meeting, name: str, content: bytes, **extra):
    return root_client.post(
        reverse("admin:minutes_attachment_add"),
        {
            "meeting": meeting.pk,
            "title": "Notat",
            "file": SimpleUploadedFile(name, content),
            "is_public": "on",
            "order": 0,
            **extra,
        },
    )


def test_the_admin_refuses_an_html_file_by_its_content(root_client, meeting):
    response = _admin_add(root_client, meeting, "notat.pdf", HTML)
    assert response.status_code == 200
    assert "Denne filtypen kan ikke lastes opp" in response.content.decode()
    assert not Attachment.objects.filter(meeting=meeting).exists()


def test_the_admin_refuses_a_pdf_named_png(root_client, meeting):
    response = _admin_add(root_client, meeting, "bilde.png", PDF_BYTES)
    assert "men innholdet er PDF" in response.content.decode()
    assert not Attachment.objects.filter(meeting=meeting).exists()


def test_the_admin_takes_the_type_from_the_content_never_from_what_is_typed(
    root_client, meeting
):
    page = root_client.get(reverse("admin:minutes_attachment_add")).content.decode()
    assert 'name="content_type"' not in page
    response = _admin_add(
        root_client, meeting, "notat.pdf", PDF_BYTES, content_type="text/html"
    )
    assert response.status_code == 302
    paper = Attachment.objects.get(meeting=meeting)
    assert paper.content_type == "application/pdf"
    assert paper.size == len(PDF_BYTES)
    assert paper.original_name == "notat.pdf"


@pytest.mark.parametrize(
    "inline, parent",
    [(MeetingAttachmentInline, "meeting"), (ItemAttachmentInline, "item")],
)
def test_the_admin_inlines_check_uploads_the_same_way(rf, meeting, inline, parent):
    request = rf.get("/")
    request.user = get_user_model().objects.create_superuser("root", "r@x.org", "pw")
    instance = meeting if parent == "meeting" else meeting.items.first()
    formset_class = inline(type(instance), admin.site).get_formset(request, instance)
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-title": "Notat",
        f"{prefix}-0-is_public": "on",
        f"{prefix}-0-order": "1",
        f"{prefix}-0-content_type": "text/html",
    }
    files = {f"{prefix}-0-file": SimpleUploadedFile("notat.pdf", HTML)}
    if parent == "item":
        data[f"{prefix}-0-meeting"] = meeting.pk
    formset = formset_class(data, files, instance=instance, prefix=prefix)
    assert not formset.is_valid()
    assert "Denne filtypen kan ikke lastes opp" in str(formset.errors)

    files = {f"{prefix}-0-file": SimpleUploadedFile("notat.pdf", PDF_BYTES)}
    formset = formset_class(data, files, instance=instance, prefix=prefix)
    assert formset.is_valid(), formset.errors
    (paper,) = formset.save()
    assert (paper.content_type, paper.size) == ("application/pdf", len(PDF_BYTES))
