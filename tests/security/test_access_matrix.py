"""Every URL the project defines, requested by every persona, checked against a rule.

The URLs come from Django's resolver, walked recursively, so a new URL is covered as
soon as it exists: without an entry in RULES its test fails and says so. Parameters
are filled from the world of tests/world.py as tests/security/conftest.py fills it:
council A with a published meeting and an unpublished one (in review) whose every
text carries MARKER, and council B.

The rules, per persona (anonymous, secretariat_a, member_a, secretariat_b, member_b,
operator):
- public: everyone gets 200 (published objects of council A);
- public_unpublished_404: the same, and the same URL built for the unpublished
  meeting is 404 for everyone, the secretariat included (public pages show only
  published minutes);
- draft_readers: members and secretariat of A (and the operator) read the draft;
  council B gets 404 (existence is private); anonymous goes to login (or 404);
- secretariat_edit: A's secretariat and the operator get the page; A's and B's
  members and B's secretariat get 404, for GET and POST alike (or 405 where the
  page takes no POST); anonymous goes to login;
- secretariat_post / reader_post: mutations are POST-only: those allowed get 405 on
  GET (we do not mutate the shared data), the others 404 on POST;
- uploader_only: a pending import of past minutes: only the secretary of A who
  uploaded it gets the page; everyone else, the operator and B's secretariat
  included, gets 404 for GET and POST; anonymous goes to login;
- secretariat_any, authenticated, account_step, authenticated_post: pages about
  the logged-in user themself;
- token: signed links: a valid link opens, a bad one gives a clear page;
- admin: Django's admin is for the operator only. Of the admin's own URL tree only
  the index and one changelist are requested here (ADMIN_TESTED); test_admin_pages.py
  requests every list, search, add, change, history and delete page of every
  registered model for every persona.

Whatever the rule, MARKER never appears in a response to the public or to council B,
and never in any response of a public page or the API.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts import invitations
from accounts.models import Invitation
from archive.importing.pending import pending_create
from archive.models import PendingImport
from minutes.mail import absence_token, meeting_mails
from minutes.models import FollowUp
from minutes.services import agenda
from minutes.services.followup import followup_create
from tests.factories import CouncilFactory, make_meeting, publish
from tests.import_samples import minutes_text
from tests.security.conftest import MARKER, FilledWorld
from tests.world import PERSONAS

OK, NOT_FOUND, NOT_ALLOWED = "200", "404", "405"
LOGIN, ADMIN_LOGIN, REDIRECT = "login", "admin login", "redirect"

# Personas who must never see council A's drafts.
OUTSIDERS = ("anonymous", "member_b", "secretariat_b", "staff")
A_READERS = ("member_a", "secretariat_a", "operator")
A_EDITORS = ("secretariat_a", "operator")


@dataclass(frozen=True)
class Route:
    name: str | None
    route: str
    params: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.name or f"<unnamed> {self.route}"


def walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (
                f"{namespace}:{entry.name}" if namespace else entry.name
            )
            route = prefix + str(entry.pattern)
            params = tuple(re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))
            yield Route(name, route, tuple(a or b for a, b in params))


ROUTES = list(walk(get_resolver()))

ADMIN_TESTED = {"admin:index", "admin:council_council_changelist"}

RULES = {
    "healthz": "public",
    "set_language": "set_language",
    # /konto/
    "login": "login_page",
    "logout": "logout",
    "password_change": "authenticated",
    "password_change_done": "authenticated",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "token",
    "password_reset_complete": "public",
    "review:absence_report": "token",
    "accounts:account": "authenticated",
    "accounts:otp_verify": "account_step",
    "accounts:otp_setup": "account_step",
    "accounts:otp_missing": "account_step",
    "accounts:invitation": "token",
    "accounts:recovery_codes": "authenticated",
    "accounts:logout_everywhere": "authenticated_post",
    # /arbeid/
    "workspace:dashboard": "secretariat_any",
    "workspace:council": "secretariat_edit",
    "workspace:council_new": "operator_only",
    "workspace:council_settings": "secretariat_edit",
    "workspace:secretary_invite": "secretariat_post",
    "workspace:member_invite": "secretariat_post",
    "workspace:invitation_resend": "secretariat_post",
    "workspace:invitation_revoke": "secretariat_post",
    "workspace:login_enrol": "secretariat_post",
    "workspace:login_active": "secretariat_post",
    "workspace:meeting_create": "secretariat_edit",
    "workspace:members": "secretariat_edit",
    "workspace:import": "secretariat_edit",
    "workspace:import_review": "uploader_only",
    "workspace:import_discard": "secretariat_post",
    "workspace:membership_edit": "secretariat_edit",
    "workspace:membership_delete": "secretariat_post",
    "workspace:organisations": "secretariat_edit",
    "workspace:organisation_edit": "secretariat_edit",
    "workspace:sectors": "secretariat_edit",
    "workspace:sector_edit": "secretariat_edit",
    "workspace:meeting": "secretariat_edit",
    "workspace:meeting_edit": "secretariat_edit",
    "workspace:item_add": "secretariat_post",
    "workspace:agenda_paste": "secretariat_post",
    "workspace:attachment_upload": "secretariat_post",
    "workspace:summons": "secretariat_edit",
    "workspace:attendance": "secretariat_edit",
    "workspace:attendance_add": "secretariat_post",
    "workspace:minute": "secretariat_edit",
    "workspace:late_item_add": "secretariat_post",
    "workspace:item_handling": "secretariat_post",
    "workspace:attendance_remove": "secretariat_post",
    "workspace:mail_resend": "secretariat_post",
    "workspace:item": "secretariat_edit",
    "workspace:item_move": "secretariat_post",
    "workspace:item_delete": "secretariat_edit",
    "workspace:item_history": "secretariat_edit",
    "workspace:input_create": "secretariat_post",
    "workspace:input_action": "secretariat_post",
    "workspace:input_exemption": "secretariat_post",
    "workspace:decision_adopt": "secretariat_post",
    "workspace:vote_create": "secretariat_post",
    "workspace:protocol_entry_create": "secretariat_post",
    "workspace:disqualification_create": "secretariat_post",
    "workspace:formal_remove": "secretariat_post",
    "workspace:save": "secretariat_post",
    "workspace:attachment_download": "secretariat_edit",
    "workspace:attachment_update": "secretariat_post",
    # Follow-up of decisions; an item of minutes not yet approved shows why it has
    # none, so the item's page answers for the draft's item too.
    "workspace:followups": "secretariat_edit",
    "workspace:item_followups": "secretariat_edit",
    "workspace:followup": "secretariat_edit",
    "workspace:followup_note": "secretariat_post",
    "workspace:followup_delete": "secretariat_post",
    # /api/
    "api:index": "public",
    "api:openapi": "public",
    "api:system-list": "public",
    "api:upcoming-meetings": "public",
    "api:body-list": "public",
    "api:body-detail": "public",
    "api:organization-list": "public",
    "api:organization-detail": "public",
    "api:person-list": "public",
    "api:person-detail": "public",
    "api:membership-list": "public",
    "api:membership-detail": "public",
    "api:meeting-list": "public",
    "api:meeting-detail": "public_unpublished_404",
    "api:meeting-minutes": "public_unpublished_404",
    "api:minutes-schema": "public",
    "api:agendaitem-list": "public",
    "api:agendaitem-detail": "public_unpublished_404",
    "api:input-list": "public",
    "api:input-detail": "public_unpublished_404",
    "api:decision-list": "public",
    "api:decision-detail": "public_unpublished_404",
    "api:file-list": "public",
    "api:file-detail": "public_unpublished_404",
    "api:file-download": "public_unpublished_404",
    r"<unnamed> api/^(?P<rest>[\s\S]*)$": "api_fallback",
    # PDFs
    "public:minutes_pdf": "public_unpublished_404",
    "review:draft_pdf": "draft_readers",
    "review:summons_pdf": "draft_readers",
    "review:summons_version_pdf": "draft_readers",
    # /gjennomsyn/
    "review:index": "authenticated",
    "review:read": "draft_readers",
    "review:comment": "reader_post",
    "review:decide": "reader_post",
    "review:compare": "draft_readers",
    "review:dashboard": "secretariat_edit",
    "review:send": "secretariat_post",
    "review:resolve": "secretariat_post",
    "review:approve_at_meeting": "secretariat_post",
    "review:approve_online": "secretariat_post",
    "review:publish": "secretariat_post",
    "review:correct": "secretariat_post",
    "review:history": "secretariat_edit",
    "review:followups": "draft_readers",
    "public:version": "public_unpublished_404",
    "public:version_pdf": "public_unpublished_404",
    # Public pages
    "public:home": "public",
    "public:search": "public",
    "public:accessibility": "public",
    "public:organisation": "public",
    "public:sitemap": "public",
    "public:council": "public",
    "public:council_feed": "public",
    "public:council_calendar": "public",
    "public:decisions": "public",
    "public:meeting": "public_unpublished_404",
    "public:attachment": "public_unpublished_404",
    "public:item": "public_unpublished_404",
    # Reports («RS 3/24») and procedural points («Pkt. 1») of a council that
    # numbers them apart: council A numbers every item as a sak, so the check makes
    # such a council of its own.
    "public:report_item": "public_series_404",
    "public:procedural_item": "public_series_404",
    # Django's admin: see the module docstring.
    "admin:index": "admin",
    "admin:council_council_changelist": "admin",
}

# Query strings for pages that need one to show something: a search that finds the
# published item (and would find the draft if search leaked it).
QUERIES = {"public:search": "?q=saksfremstilling"}

# Kinds that show only public content: no persona may see MARKER there.
PUBLIC_KINDS = {
    "public",
    "public_unpublished_404",
    "public_series_404",
    "api_fallback",
}


def rule_for(route: Route) -> str | None:
    if route.key in RULES:
        return RULES[route.key]
    if route.route.startswith("admin/") and route.key not in ADMIN_TESTED:
        return "admin_tree_skipped"
    return None


# Parameters -------------------------------------------------------------------------

API_PK = {
    "api:organization-detail": lambda w, t: w.organisation.pk,
    "api:person-detail": lambda w, t: w.membership_a.person.pk,
    "api:membership-detail": lambda w, t: w.membership_a.pk,
    "api:meeting-detail": lambda w, t: t.meeting.pk,
    "api:meeting-minutes": lambda w, t: t.meeting.pk,
    "api:agendaitem-detail": lambda w, t: t.item.pk,
    "api:input-detail": lambda w, t: t.input.pk,
    "api:decision-detail": lambda w, t: t.item.decision.pk,
    "api:file-detail": lambda w, t: t.public_attachment.pk,
    "api:file-download": lambda w, t: t.public_attachment.pk,
}


def council_a_invitation(world: FilledWorld) -> Invitation:
    """An open invitation to council A's secretariat."""
    invitation = Invitation.objects.filter(council=world.council_a).first()
    if invitation is None:
        invitation, _token = invitations.invitation_create(
            by=world.operator,
            council=world.council_a,
            role=Invitation.Role.SECRETARIAT,
            email="invitert@example.org",
            name="Invitert Sekretær",
        )
    return invitation


def council_a_followup(world: FilledWorld) -> FollowUp:
    """A follow-up of the decision in council A's published minutes."""
    followup = FollowUp.objects.filter(council=world.council_a).first()
    if followup is None:
        followup = followup_create(
            item=world.published.item,
            task="Følg opp vedtaket",
            due_date=datetime.date(2024, 6, 1),
            responsible_organisation=world.organisation,
            by=world.secretariat_a,
        )
    return followup


def council_a_pending_import(world: FilledWorld) -> PendingImport:
    """Past minutes of council A uploaded by its secretary for import, waiting to
    be checked."""
    pending = PendingImport.objects.filter(council=world.council_a).first()
    if pending is None:
        text = minutes_text(world.council_a, world.membership_a, number=9, year=2019)
        pending, _recognised = pending_create(
            council=world.council_a,
            user=world.secretariat_a,
            name="referat.txt",
            content=text.encode(),
        )
    return pending


def council_a_summons_version(meeting) -> int:
    """A sent summons of the meeting (version 1), stored as the service stores it."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from minutes.models import SummonsVersion
    from tests.factories import PDF_BYTES

    if not SummonsVersion.objects.filter(meeting=meeting, number=1).exists():
        name = default_storage.save("innkallinger/test.pdf", ContentFile(PDF_BYTES))
        SummonsVersion.objects.create(
            meeting=meeting,
            number=1,
            file=name,
            sha256="0" * 64,
            size=len(PDF_BYTES),
            sent_at=timezone.now(),
        )
    return 1


def param(route: Route, name: str, world: FilledWorld, target) -> object:
    """The value of one URL parameter for the object under test (`target`: the
    published or the unpublished meeting of council A, with its item, input, …)."""
    is_item_url = "/sak/<int:year>" in route.route
    if name == "pk" and route.key in API_PK:
        return API_PK[route.key](world, target)
    if name == "slug":
        return (
            world.organisation.slug
            if route.key == "public:organisation"
            else world.council_a.slug
        )
    values = {
        "council_slug": lambda: world.council_a.slug,
        "year": lambda: (target.item if is_item_url else target.meeting).year,
        "number": lambda: (target.item if is_item_url else target.meeting).number,
        "meeting_id": lambda: target.meeting.pk,
        "item_id": lambda: target.item.pk,
        "input_id": lambda: target.input.pk,
        "decision_id": lambda: target.item.decision.pk,
        "attendance_id": lambda: target.attendance.pk,
        # One of the meeting's mails (the review's, for the unpublished meeting).
        "mail_id": lambda: meeting_mails(target.meeting).first().pk,
        "attachment_id": lambda: (
            (
                target.public_attachment
                if route.route.startswith("<slug:council_slug>")
                else target.internal_attachment
            ).pk
        ),
        "comment_id": lambda: world.draft.comment.pk,
        "followup_id": lambda: council_a_followup(world).pk,
        "membership_id": lambda: world.membership_a.pk,
        "invitation_id": lambda: council_a_invitation(world).pk,
        "import_id": lambda: council_a_pending_import(world).pk,
        "user_id": lambda: world.member_a.pk,
        "organisation_id": lambda: world.organisation.pk,
        "sector_id": lambda: world.sector.pk,
        "version": lambda: (
            council_a_summons_version(target.meeting)
            if route.key == "review:summons_version_pdf"
            else 1
        ),
        # workspace:save: one field of the item.
        "kind": lambda: "sak",
        "pk": lambda: target.item.pk,
        "field": lambda: "body",
    }
    if name not in values:
        pytest.fail(
            f"{route.key}: no value for URL parameter «{name}»; add it to param()"
        )
    return values[name]()


def url(route: Route, world: FilledWorld, target=None, **given) -> str:
    target = target or world.draft
    kwargs = {
        name: given[name] if name in given else param(route, name, world, target)
        for name in route.params
    }
    return reverse(route.name, kwargs=kwargs) + QUERIES.get(route.key, "")


# Answers ----------------------------------------------------------------------------


def outcome(response) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("login")):
            return LOGIN
        return REDIRECT
    return str(response.status_code)


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


class Checker:
    """Requests a URL as personas and collects every mismatch, so one failure
    report lists the whole row of the matrix."""

    def __init__(self, route: Route, kind: str, clients: dict):
        self.route, self.kind, self.clients = route, kind, clients
        self.problems: list[str] = []

    def expect(
        self, persona: str, path: str, allowed: set[str], *, method: str = "get"
    ) -> bytes:
        client = self.clients[persona]
        response = getattr(client, method)(path)
        got = outcome(response)
        content = body(response)
        if got not in allowed:
            self.problems.append(
                f"{persona} {method.upper()} {path}: got {got}, expected "
                f"{' or '.join(sorted(allowed))}"
            )
        if (persona in OUTSIDERS or self.kind in PUBLIC_KINDS) and (
            MARKER.encode() in content
        ):
            self.problems.append(
                f"{persona} {method.upper()} {path}: the response shows draft text"
            )
        return content

    def expect_all(self, path: str, allowed: set[str], *, method: str = "get"):
        for persona in PERSONAS:
            self.expect(persona, path, allowed, method=method)

    def done(self) -> None:
        assert not self.problems, f"{self.route.key} ({self.kind}):\n" + "\n".join(
            self.problems
        )


def check_public(c: Checker, world: FilledWorld) -> None:
    c.expect_all(url(c.route, world, world.published), {OK})


def check_public_unpublished_404(c: Checker, world: FilledWorld) -> None:
    c.expect_all(url(c.route, world, world.published), {OK})
    c.expect_all(url(c.route, world, world.draft), {NOT_FOUND})
    if "attachment_id" in c.route.params or c.route.key.startswith("api:file"):
        # An internal paper of published minutes is no more public than a draft.
        internal = world.published.internal_attachment.pk
        given = {"attachment_id": internal} if "attachment_id" in c.route.params else {}
        if "pk" in c.route.params:
            given = {"pk": internal}
        c.expect_all(url(c.route, world, world.published, **given), {NOT_FOUND})


def check_public_series_404(c: Checker, world: FilledWorld) -> None:
    """A report or procedural point is public once its minutes are; a draft's is a
    404 for everyone, with nothing of its text shown."""
    council = CouncilFactory(report_prefix="RS", procedural_label="Pkt.")
    published = make_meeting(council=council, date=datetime.date(2024, 3, 1))
    draft = make_meeting(council=council, date=datetime.date(2024, 6, 1))
    for meeting, title in ((published, "Offentlig melding"), (draft, MARKER)):
        for series in ("report", "procedural"):
            agenda.agenda_item_add(meeting=meeting, title=title, series=series)
    publish(published)
    for meeting, expected in ((published, OK), (draft, NOT_FOUND)):
        if c.route.key == "public:procedural_item":
            kwargs = {"year": 2024, "number": meeting.number, "point": 1}
        else:
            kwargs = {"year": 2024, "number": 1 if meeting == published else 2}
        path = reverse(c.route.name, kwargs={"council_slug": council.slug, **kwargs})
        c.expect_all(path, {expected})


def check_draft_readers(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world, world.draft)
    for persona in PERSONAS:
        if persona in A_READERS:
            c.expect(persona, path, {OK})
        elif persona == "anonymous":
            c.expect(persona, path, {LOGIN, NOT_FOUND})
        else:
            c.expect(persona, path, {NOT_FOUND})


def check_secretariat_edit(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world, world.draft)
    for persona in PERSONAS:
        if persona in A_EDITORS:
            c.expect(persona, path, {OK})
        elif persona == "anonymous":
            c.expect(persona, path, {LOGIN})
            c.expect(persona, path, {LOGIN}, method="post")
        else:
            c.expect(persona, path, {NOT_FOUND})
            # A page that takes no POST may say so; one that does must not act.
            c.expect(persona, path, {NOT_FOUND, NOT_ALLOWED}, method="post")


def _check_post_only(c: Checker, world: FilledWorld, allowed: tuple[str, ...]) -> None:
    path = url(c.route, world, world.draft)
    for persona in PERSONAS:
        if persona in allowed:
            # GET is refused; a POST would change the shared data, so we stop here.
            c.expect(persona, path, {NOT_ALLOWED})
        elif persona == "anonymous":
            c.expect(persona, path, {LOGIN}, method="post")
        else:
            c.expect(persona, path, {NOT_FOUND}, method="post")


def check_uploader_only(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world, world.draft)
    for persona in PERSONAS:
        if persona == "secretariat_a":
            c.expect(persona, path, {OK})
        elif persona == "anonymous":
            c.expect(persona, path, {LOGIN})
            c.expect(persona, path, {LOGIN}, method="post")
        else:
            c.expect(persona, path, {NOT_FOUND})
            c.expect(persona, path, {NOT_FOUND}, method="post")


def check_operator_only(c: Checker, world: FilledWorld) -> None:
    """The operator's pages in /arbeid/ (a new council): 404 for everyone else."""
    path = url(c.route, world)
    for persona in PERSONAS:
        if persona == "operator":
            c.expect(persona, path, {OK})
        elif persona == "anonymous":
            c.expect(persona, path, {LOGIN})
        else:
            c.expect(persona, path, {NOT_FOUND})
            c.expect(persona, path, {NOT_FOUND}, method="post")


def check_secretariat_post(c: Checker, world: FilledWorld) -> None:
    _check_post_only(c, world, A_EDITORS)


def check_reader_post(c: Checker, world: FilledWorld) -> None:
    _check_post_only(c, world, A_READERS)


def check_secretariat_any(c: Checker, world: FilledWorld) -> None:
    """A page about the councils the user serves: 404 for those who serve none."""
    path = url(c.route, world)
    for persona in PERSONAS:
        if persona == "anonymous":
            c.expect(persona, path, {LOGIN})
        elif persona.startswith("member") or persona == "staff":
            c.expect(persona, path, {NOT_FOUND})
        else:
            c.expect(persona, path, {OK})


def check_authenticated(
    c: Checker, world: FilledWorld, allowed=frozenset({OK})
) -> None:
    path = url(c.route, world)
    for persona in PERSONAS:
        c.expect(persona, path, {LOGIN} if persona == "anonymous" else set(allowed))


def check_account_step(c: Checker, world: FilledWorld) -> None:
    # The code page sends a user who has already given the code onwards.
    check_authenticated(c, world, {OK, REDIRECT})


def check_authenticated_post(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world)
    for persona in PERSONAS:
        c.expect(persona, path, {LOGIN} if persona == "anonymous" else {NOT_ALLOWED})


def check_login_page(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world)
    for persona in PERSONAS:
        c.expect(persona, path, {OK} if persona == "anonymous" else {REDIRECT})


def check_logout(c: Checker, world: FilledWorld) -> None:
    # Logging out is POST-only, so a link or image cannot log anyone out.
    c.expect_all(url(c.route, world), {NOT_ALLOWED})


def check_set_language(c: Checker, world: FilledWorld) -> None:
    c.expect_all(url(c.route, world), {REDIRECT}, method="post")


def check_token(c: Checker, world: FilledWorld) -> None:
    if c.route.key == "review:absence_report":
        good = reverse(
            "review:absence_report",
            args=[
                absence_token(
                    meeting=world.draft.meeting, membership=world.membership_a
                )
            ],
        )
        bad = reverse("review:absence_report", args=["ikke-en-gyldig-lenke"])
        c.expect_all(good, {OK})
        message, bad_status = "Lenken er ugyldig.", NOT_FOUND
    elif c.route.key == "accounts:invitation":
        _invitation, token = invitations.invitation_create(
            by=world.operator,
            council=world.council_a,
            role=Invitation.Role.SECRETARIAT,
            email="ny@example.org",
            name="Ny Sekretær",
        )
        c.expect_all(reverse("accounts:invitation", args=[token]), {OK})
        bad = reverse("accounts:invitation", args=["ikke-en-gyldig-lenke"])
        message, bad_status = "Lenken er ikke gyldig", "410"
    elif c.route.key == "password_reset_confirm":
        bad = url(c.route, world, uidb64="MQ", token="feil-token")
        message, bad_status = "Lenken er ugyldig eller brukt", OK
    else:
        pytest.fail(f"{c.route.key}: say how to build a good and a bad token")
    for persona in PERSONAS:
        content = c.expect(persona, bad, {bad_status})
        if message.encode() not in content:
            c.problems.append(f"{persona} GET {bad}: no «{message}» on the page")


def check_admin(c: Checker, world: FilledWorld) -> None:
    path = url(c.route, world)
    for persona in PERSONAS:
        c.expect(persona, path, {OK} if persona == "operator" else {ADMIN_LOGIN})


def check_api_fallback(c: Checker, world: FilledWorld) -> None:
    c.expect_all("/api/finnes-ikke/", {NOT_FOUND})


CHECKS = {
    "public": check_public,
    "public_unpublished_404": check_public_unpublished_404,
    "public_series_404": check_public_series_404,
    "draft_readers": check_draft_readers,
    "secretariat_edit": check_secretariat_edit,
    "secretariat_post": check_secretariat_post,
    "uploader_only": check_uploader_only,
    "operator_only": check_operator_only,
    "reader_post": check_reader_post,
    "secretariat_any": check_secretariat_any,
    "authenticated": check_authenticated,
    "account_step": check_account_step,
    "authenticated_post": check_authenticated_post,
    "login_page": check_login_page,
    "logout": check_logout,
    "set_language": check_set_language,
    "token": check_token,
    "admin": check_admin,
    "api_fallback": check_api_fallback,
}


CHECKED_ROUTES = [r for r in ROUTES if rule_for(r) != "admin_tree_skipped"]


@pytest.mark.parametrize("route", CHECKED_ROUTES, ids=lambda r: r.key)
def test_every_url_answers_each_persona_by_its_rule(route, world, clients):
    kind = rule_for(route)
    assert kind is not None, (
        f"{route.key} ({route.route}) has no access rule: add it to RULES in "
        "tests/security/test_access_matrix.py"
    )
    checker = Checker(route, kind, clients)
    CHECKS[kind](checker, world)
    checker.done()


def test_every_rule_names_a_url_that_exists():
    keys = {route.key for route in ROUTES}
    assert set(RULES) - keys == set()
    assert set(RULES.values()) <= set(CHECKS)


def test_the_matrix_covers_the_whole_project():
    """The resolver walk finds every part of the site, so new URLs cannot hide."""
    names = {route.key for route in ROUTES}
    for prefix in ("public:", "workspace:", "review:", "api:", "accounts:"):
        assert any(name.startswith(prefix) for name in names), prefix
    assert len(CHECKED_ROUTES) > 90


def test_the_draft_text_is_there_for_those_who_may_read_it(world, clients):
    """The control for every «shows draft text» check above: the marker is really in
    the draft, the workspace and the draft PDF's source pages."""
    for persona in A_READERS:
        response = clients[persona].get(
            reverse("review:read", args=[world.draft.meeting.pk])
        )
        assert MARKER in response.content.decode()
    minute = reverse("workspace:minute", args=[world.draft.meeting.pk])
    assert MARKER in clients["secretariat_a"].get(minute).content.decode()
