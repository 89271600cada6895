"""Loads the second demo council, Eldrerådet i Fjordvik kommune (ops/demo_fjordvik.py).

Like the first demo, everything goes through the services and the model validation a
user's edits go through.
"""

import datetime

from django.utils import timezone

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.models import AgendaItem, Attendance, Input, Meeting, Minutes
from minutes.services import agenda, formal, handling, lifecycle, summons
from ops import demo_fjordvik
from ops.demo_common import create_demo_logins, demo_time, saved

D = demo_fjordvik


class FjordvikLoader:
    """Creates the council, its people and logins, and meetings 2–4/2024 in date
    order: each meeting is planned, summoned, held and minuted; the next one's
    first case item approves it."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.seats: dict[str, Membership] = {}
        self.user_notes: dict[str, str] = {}

    def load(self) -> Council:
        council = self.create_council()
        self.create_people(council)
        secretariat_user = self.create_users(council)
        previous: Meeting | None = None
        for data in D.MEETINGS:
            meeting = self.create_meeting(council, data, previous)
            if previous is not None:
                self.approve_previous(meeting, previous, data)
            if data["minutes"] == Minutes.Status.DRAFT:
                break
            # The secretariat sends the protocol to the members before the next
            # meeting approves it.
            lifecycle.minutes_send_for_review(
                minutes=Minutes.objects.get(meeting=meeting),
                by=secretariat_user,
                # A deadline cannot be past; the next meeting approves it anyway.
                deadline=timezone.localdate() + datetime.timedelta(days=14),
            )
            previous = meeting
        return council

    # The council and its people ------------------------------------------------------

    def create_council(self) -> Council:
        data = D.COUNCIL
        sector = Sector.objects.filter(name=D.SECTOR[0]).first() or saved(
            Sector(name=D.SECTOR[0], representative_label=D.SECTOR[1])
        )
        self.organisation = Organisation.objects.filter(
            name=D.ORGANISATION
        ).first() or saved(
            Organisation(name=D.ORGANISATION, slug="fjordvik-kommune", sector=sector)
        )
        return saved(
            Council(
                name=data["name"],
                slug=data["slug"],
                description=data["description"],
                secretariat_organisation=self.organisation,
                default_venue=data["default_venue"],
                default_start_time=demo_time(data["default_start_time"]),
                default_end_time=demo_time(data["default_end_time"]),
                approval_rule=data["approval_rule"],
                marks_updated_decisions=data["marks_updated_decisions"],
                document_name=data["document_name"],
                case_prefix=data["case_prefix"],
                report_prefix=data["report_prefix"],
                procedural_label=data["procedural_label"],
                prints_speakers=data["prints_speakers"],
                states_quorum=data["states_quorum"],
                inputs_heading=data["inputs_heading"],
                first_case_numbers=data["first_case_numbers"],
            )
        )

    def create_people(self, council: Council) -> None:
        for name in [*D.PEOPLE, D.SECRETARY, *D.OFFICIALS]:
            self.people[name] = saved(Person(name=name, organisation=self.organisation))
        for order, (name, role, party) in enumerate(D.MEMBERS + D.DEPUTIES, start=1):
            self.seats[name] = saved(
                Membership(
                    council=council,
                    person=self.people[name],
                    organisation=self.organisation,
                    role=role,
                    party=party,
                    start_date=datetime.date.fromisoformat(D.TERM_START),
                    order=order,
                )
            )

    def create_users(self, council: Council):
        """The demo logins; returns the secretariat's."""
        return create_demo_logins(
            council=council,
            users=D.USERS,
            totp_users=D.TOTP_USERS,
            people=self.people,
            notes=self.user_notes,
        )

    # Meetings ------------------------------------------------------------------------

    def create_meeting(
        self, council: Council, data: dict, previous: Meeting | None
    ) -> Meeting:
        meeting = agenda.meeting_create(
            council=council,
            date=datetime.date.fromisoformat(data["date"]),
            number=data["number"],
            start_time=demo_time(data.get("start_time")),
            end_time=demo_time(data.get("end_time")),
            with_standard_items=False,
        )
        items = [
            self.plan_item(meeting, item_data, previous) for item_data in data["items"]
        ]
        # Items an earlier meeting postponed come onto this agenda.
        handling.postponed_carry_into(meeting=meeting)
        summons.summons_mark_sent(meeting=meeting)
        self.record_attendance(meeting, data)
        for item, item_data in zip(items, data["items"], strict=True):
            self.minute_item(item, item_data)
        return meeting

    def plan_item(
        self, meeting: Meeting, data: dict, previous: Meeting | None
    ) -> AgendaItem:
        fields = {
            "series": data["series"],
            "presenters": data.get("presenters", ""),
            "body": data.get("body", ""),
        }
        if data["kind"] == "eventuelt":
            fields["standard"] = AgendaItem.Standard.ANY_OTHER_BUSINESS
        if data.get("approves_previous"):
            fields["standard"] = AgendaItem.Standard.MINUTES_APPROVAL
            fields["approves_minutes_of"] = previous
        return agenda.agenda_item_add(
            meeting=meeting,
            title=data["title"],
            kind=data["kind"],
            proposed_decision=data.get("proposed", data.get("decision", "")),
            before_any_other_business=False,
            **fields,
        )

    def record_attendance(self, meeting: Meeting, data: dict) -> None:
        for order, (name, _role, _party) in enumerate(D.MEMBERS, start=1):
            status, detail = data["attendance"].get(name, ("present", ""))
            row = Attendance(
                meeting=meeting,
                role=Attendance.Role.MEMBER,
                membership=self.seats[name],
                person=self.people[name],
                order=order,
                status=status,
            )
            if status == Attendance.Status.LEFT:
                row.note = detail
            elif detail:
                row.substitute = self.people[detail]
            saved(row)
        for order, name in enumerate(data["officials"], start=1):
            saved(
                Attendance(
                    meeting=meeting,
                    role=Attendance.Role.OFFICIAL,
                    person=self.people[name],
                    order=order,
                )
            )
        saved(
            Attendance(
                meeting=meeting,
                role=Attendance.Role.SECRETARIAT,
                person=self.people[D.SECRETARY],
            )
        )

    def minute_item(self, item: AgendaItem, data: dict) -> None:
        for order, input_data in enumerate(data.get("inputs", []), start=1):
            saved(
                Input(
                    item=item,
                    order=order,
                    text=input_data["text"],
                    attribution=Input.Attribution.PERSON,
                    person=self.people[input_data["person"]],
                )
            )
        if data.get("decision"):
            item.decision.final_text = data["decision"]
            saved(item.decision)
        if data.get("handled_kind") or "postponed" in data:
            item.refresh_from_db()
            handling.item_handling_update(
                item=item,
                revision=item.revision,
                handled_kind=data.get("handled_kind", ""),
                postponed="postponed" in data,
                postponed_reason=data.get("postponed", ""),
            )
        for row in data.get("disqualifications", []):
            formal.disqualification_add(
                item=item,
                person=self.people[row["person"]],
                basis=row["basis"],
                substitute=self.people.get(row.get("stood_in", "")),
            )
        vote = data.get("vote")
        if vote:
            formal.vote_add(
                item=item,
                outcome=vote["result"],
                votes_for=vote.get("for"),
                votes_against=vote.get("against"),
                against_names=", ".join(
                    self.named(name) for name in vote.get("against_names", [])
                ),
            )
        for entry in data.get("protocol_entries", []):
            formal.protocol_entry_add(
                item=item, person=self.people[entry["person"]], text=entry["text"]
            )

    def named(self, name: str) -> str:
        """«Odd Sætre (H)»: a name as the protocol prints it, with the party."""
        seat = self.seats.get(name)
        return f"{name} ({seat.party})" if seat and seat.party else name

    def approve_previous(self, meeting: Meeting, previous: Meeting, data: dict) -> None:
        """The meeting's approval item approves the previous protocol, with the
        correction the meeting made to it first."""
        item = meeting.items.get(approves_minutes_of=previous)
        item_data = next(i for i in data["items"] if i.get("approves_previous"))
        for change in item_data.get("corrects", []):
            corrected = AgendaItem.objects.get(
                meeting=previous, series=change["series"], number=change["number"]
            )
            decision = corrected.decision
            decision.final_text = change["decision"]
            saved(decision)
        minutes = Minutes.objects.get(meeting=previous)
        lifecycle.minutes_approve_at_meeting(
            minutes=minutes, item=item, correction=item_data.get("correction", "")
        )
        minutes.refresh_from_db()
        if minutes.status == Minutes.Status.APPROVED:
            lifecycle.minutes_publish(minutes=minutes)
