"""Load the demo council, Nasjonalt e-helseråd, with three meetings and demo logins.

Everything goes through the services and the model validation that a user's edits go
through, so the demo is data the application itself could have produced. Running it
again changes nothing: an existing demo council is left as it is.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation
from django.utils.text import slugify

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.models import AgendaItem, Attachment, Attendance, Input, Meeting, Minutes
from minutes.services import agenda, followup, lifecycle, summons
from ops import demo_data, demo_data_followup, demo_fjordvik
from ops.demo_common import create_demo_logins, demo_time, saved
from ops.fjordvik_loader import FjordvikLoader

NO_MAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
AT_ONCE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# slugify drops letters it cannot decompose, so «Sør-Øst» would become «sr-st».
_NORWEGIAN_TO_ASCII = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}
)


def _slug(name: str) -> str:
    return slugify(name.translate(_NORWEGIAN_TO_ASCII))


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing `lines`, built by hand: no PDF tool needed."""

    def pdf_string(text: str) -> bytes:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("cp1252") + b")"

    stream = b"BT /F1 12 Tf 16 TL 56 780 Td " + b" ".join(
        pdf_string(line) + b" Tj T*" for line in lines
    )
    stream += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return pdf


class Command(BaseCommand):
    help = "Load the demo council Nasjonalt e-helseråd, its meetings and demo logins."

    def handle(self, *args, **options) -> None:
        # The demo's history is not news: loading it e-mails nobody. Its mail is
        # «sent» at once, to no one, when the transaction commits (the outbox keeps
        # it, so the summons page shows the demo's summons as sent).
        no_mail = override_settings(EMAIL_BACKEND=NO_MAIL_BACKEND, TASKS=AT_ONCE)
        with translation.override("nb"), no_mail, transaction.atomic():
            notes = self.load_reference_council()
            notes.update(self.load_fjordvik())
        self.stdout.write("\nDemo logins (for trying the site only):")
        for username, password, _email, person, kind in (
            demo_data.USERS + demo_fjordvik.USERS
        ):
            who = f"{kind}, {person}" if person else kind
            line = f"  {username:<20} password: {password:<18} ({who})"
            self.stdout.write(line + notes.get(username, ""))
            if username in demo_data.TOTP_USERS + demo_fjordvik.TOTP_USERS:
                self.stdout.write(
                    f"  {'':<20} two-factor secret: {demo_data.TOTP_SECRET} "
                    "(type it into an authenticator app)"
                )

    def load_reference_council(self) -> dict[str, str]:
        if Council.objects.filter(slug=demo_data.COUNCIL["slug"]).exists():
            self.stdout.write("Demo data already loaded: nothing was created.")
            return {}
        loader = DemoLoader()
        loader.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {demo_data.COUNCIL['name']} with "
                f"{len(demo_data.MEMBERS)} members and "
                f"{len(demo_data.MEETINGS)} meetings."
            )
        )
        return loader.user_notes

    def load_fjordvik(self) -> dict[str, str]:
        if Council.objects.filter(slug=demo_fjordvik.COUNCIL["slug"]).exists():
            self.stdout.write(
                f"{demo_fjordvik.COUNCIL['name']} already loaded: nothing was created."
            )
            return {}
        loader = FjordvikLoader()
        loader.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {demo_fjordvik.COUNCIL['name']} with "
                f"{len(demo_fjordvik.MEMBERS)} members and "
                f"{len(demo_fjordvik.MEETINGS)} meetings."
            )
        )
        return loader.user_notes


class DemoLoader:
    """Creates the demo rows in dependency order; meetings in date order."""

    def __init__(self) -> None:
        self.sectors: dict[str, Sector] = {}
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.memberships: list[Membership] = []
        self.user_notes: dict[str, str] = {}

    def load(self) -> None:
        self.create_organisations()
        council = self.create_council()
        self.create_people(council)
        wanted_status: dict[int, str] = {}
        in_review = []
        for data in demo_data.MEETINGS:
            meeting = self.create_meeting(council, data)
            wanted_status[meeting.pk] = data["minutes"]
            self.approve_previous(meeting, wanted_status)
            if data["minutes"] == Minutes.Status.IN_REVIEW:
                in_review.append((meeting, data))
        # The secretariat's login sends the new minutes for review.
        secretariat_user = self.create_users(council)
        for meeting, data in in_review:
            lifecycle.minutes_send_for_review(
                minutes=Minutes.objects.get(meeting=meeting),
                by=secretariat_user,
                deadline=timezone.localdate()
                + datetime.timedelta(days=data["review_days"]),
            )
        self.create_followups(council, secretariat_user)

    def create_followups(self, council: Council, secretariat_user) -> None:
        """The follow-up of 6/2022's decisions, written by the secretariat."""
        council.publishes_followup = demo_data_followup.PUBLISHES_FOLLOWUP
        council.save(update_fields=["publishes_followup", "updated_at"])
        today = timezone.localdate()

        def day(data: dict, days_after_today: int) -> datetime.date:
            if "date" in data:
                return datetime.date.fromisoformat(data["date"])
            return today + datetime.timedelta(days=days_after_today)

        for data in demo_data_followup.FOLLOWUPS:
            number, year = data["item"].split("/")
            item = AgendaItem.objects.get(
                council=council,
                year=2000 + int(year),
                series="case",
                number=int(number),
            )
            entry = followup.followup_create(
                item=item,
                task=data["task"],
                due_date=day(
                    {"date": data["due_date"]} if "due_date" in data else {},
                    data.get("due_in_days", 0),
                ),
                responsible_organisation=self.organisations.get(
                    data.get("organisation", "")
                ),
                responsible_person=self.people.get(data.get("person", "")),
                by=secretariat_user,
            )
            for note in data["notes"]:
                followup.followup_note_add(
                    followup=entry,
                    text=note["text"],
                    date=day(note, -note.get("days_ago", 0)),
                    status=note.get("status", ""),
                    is_internal=note.get("internal", False),
                    by=secretariat_user,
                )

    def create_organisations(self) -> None:
        for name, label in demo_data.SECTORS:
            self.sectors[name] = saved(Sector(name=name, representative_label=label))
        for name, short_name, sector in demo_data.ORGANISATIONS:
            self.organisations[name] = saved(
                Organisation(
                    name=name,
                    short_name=short_name,
                    slug=_slug(name),
                    sector=self.sectors[sector],
                )
            )

    def create_council(self) -> Council:
        data = demo_data.COUNCIL
        return saved(
            Council(
                name=data["name"],
                slug=data["slug"],
                description=data["description"],
                secretariat_organisation=self.organisations[
                    data["secretariat_organisation"]
                ],
                default_venue=data["default_venue"],
                default_start_time=demo_time(data["default_start_time"]),
                default_end_time=demo_time(data["default_end_time"]),
                approval_rule=data["approval_rule"],
                marks_updated_decisions=data["marks_updated_decisions"],
            )
        )

    def create_people(self, council: Council) -> None:
        for name, organisation in demo_data.MEMBERS + demo_data.OTHER_PEOPLE:
            self.people[name] = saved(
                Person(name=name, organisation=self.organisations[organisation])
            )
        for order, (name, organisation) in enumerate(demo_data.MEMBERS, start=1):
            self.memberships.append(
                saved(
                    Membership(
                        council=council,
                        person=self.people[name],
                        organisation=self.organisations[organisation],
                        role=Membership.Role.MEMBER,
                        order=order,
                    )
                )
            )

    def create_meeting(self, council: Council, data: dict) -> Meeting:
        meeting = agenda.meeting_create(
            council=council,
            date=datetime.date.fromisoformat(data["date"]),
            number=data["number"],
            start_time=demo_time(data.get("start_time")),
            end_time=demo_time(data.get("end_time")),
            venue=data.get("venue"),
        )
        if data.get("first_item_number"):
            # The council started counting this year's saker before the system.
            meeting.first_item_number = data["first_item_number"]
            meeting.save(update_fields=["first_item_number", "updated_at"])
            agenda.agenda_renumber(meeting=meeting)
        # Before the meeting: the agenda and the proposals, then the summons.
        items = [
            self.plan_item(meeting, position, item_data)
            for position, item_data in enumerate(data["items"], start=1)
        ]
        summons.summons_mark_sent(meeting=meeting)
        # After it: attendance and the minutes of each item.
        self.record_attendance(meeting, data)
        for item, item_data in zip(items, data["items"], strict=True):
            self.minute_item(meeting, item, item_data)
        return meeting

    def plan_item(self, meeting: Meeting, position: int, data: dict) -> AgendaItem:
        fields = {
            "title": data["title"],
            "kind": data["kind"],
            "presenters": data.get("presenters", ""),
            "body": data.get("body", ""),
            "exemption_scope": data.get("exemption_scope", ""),
            "exemption_basis": data.get("exemption_basis", ""),
        }
        proposed = data.get("proposed", data.get("decision", ""))
        if data.get("standard"):
            item = meeting.items.get(standard=data["standard"])
            for name, value in fields.items():
                setattr(item, name, value)
            saved(item)
            item.decision.proposed_text = proposed
            saved(item.decision)
            return item
        item = agenda.agenda_item_add(
            meeting=meeting, proposed_decision=proposed, **fields
        )
        while item.order > position:
            agenda.agenda_move(item=item, delta=-1)
            item.refresh_from_db()
        return item

    def record_attendance(self, meeting: Meeting, data: dict) -> None:
        for order, membership in enumerate(self.memberships, start=1):
            name = membership.person.name
            row = Attendance(
                meeting=meeting,
                role=Attendance.Role.MEMBER,
                membership=membership,
                person=membership.person,
                order=order,
                arrived_at=demo_time(data["arrived"].get(name)),
            )
            if name in data["absent"]:
                row.status = Attendance.Status.ABSENT
                row.substitute = self.people.get(data["absent"][name])
            saved(row)
        for order, name in enumerate(data["secretariat"], start=1):
            saved(
                Attendance(
                    meeting=meeting,
                    role=Attendance.Role.SECRETARIAT,
                    person=self.people[name],
                    order=order,
                )
            )

    def minute_item(self, meeting: Meeting, item: AgendaItem, data: dict) -> None:
        for order, input_data in enumerate(data.get("inputs", []), start=1):
            entry = Input(
                item=item,
                order=order,
                text=input_data["text"],
                is_written=input_data.get("written", False),
            )
            if "organisation" in input_data:
                entry.attribution = Input.Attribution.ORGANISATION
                entry.organisation = self.organisations[input_data["organisation"]]
            elif "sector" in input_data:
                entry.attribution = Input.Attribution.SECTOR
                entry.sector = self.sectors[input_data["sector"]]
            saved(entry)
        if data.get("decision"):
            item.decision.final_text = data["decision"]
            saved(item.decision)
        for order, paper in enumerate(data.get("attachments", []), start=1):
            content = minimal_pdf(paper["lines"])
            attachment = Attachment(
                meeting=meeting,
                item=item,
                title=paper["title"],
                original_name=paper["filename"],
                content_type="application/pdf",
                size=len(content),
                is_public=True,
                order=order,
            )
            attachment.file.save(paper["filename"], ContentFile(content), save=False)
            saved(attachment)

    def approve_previous(self, meeting: Meeting, wanted_status: dict[int, str]) -> None:
        """The meeting's approval item approves the previous minutes, as in 39/22."""
        item = meeting.items.filter(
            standard=AgendaItem.Standard.MINUTES_APPROVAL,
            approves_minutes_of__isnull=False,
        ).first()
        if item is None:
            return
        minutes = Minutes.objects.get(meeting_id=item.approves_minutes_of_id)
        lifecycle.minutes_approve_at_meeting(minutes=minutes, item=item)
        minutes.refresh_from_db()
        wanted = wanted_status.get(item.approves_minutes_of_id)
        # A council that publishes on approval has already published them.
        if (
            wanted == Minutes.Status.PUBLISHED
            and minutes.status == Minutes.Status.APPROVED
        ):
            lifecycle.minutes_publish(minutes=minutes)

    def create_users(self, council: Council):
        """The demo logins; returns the secretariat's."""
        return create_demo_logins(
            council=council,
            users=demo_data.USERS,
            totp_users=demo_data.TOTP_USERS,
            people=self.people,
            notes=self.user_notes,
        )
