"""Create an archive-scale data set for load tests and benchmarks.

By default 5 councils × 20 years × 8 meetings × 10 items × 15 inputs: 800 meetings,
8 000 items and 120 000 inputs, all with published minutes. It writes with
bulk_create, not through the per-item services, so it runs in a minute or two, but
the numbers follow the same rules: meetings numbered 1, 2, 3 … within each year, sak
numbers running on through the council's year across meetings, the standard items
first and Eventuelt last. Content goes in while the minutes are drafts (approved
minutes are frozen, on PostgreSQL by trigger); then every minutes is published.

It refuses to run when archive councils (slug «arkiv-…») already exist.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.document import minutes_snapshot
from minutes.models import (
    AgendaItem,
    Attendance,
    Decision,
    Input,
    ItemKind,
    Meeting,
    Minutes,
    MinutesVersion,
)

SLUG_PREFIX = "arkiv-"
BATCH = 2000

SECTORS = ["Kommunal sektor", "Spesialisthelsetjenesten", "Statlig sektor"]
TOPICS = [
    "Nasjonal e-helseportefølje",
    "Felles journalløsning",
    "Kjernejournal og pasientens legemiddelliste",
    "Helsedataprogrammet",
    "Digital hjemmeoppfølging",
    "Informasjonssikkerhet i sektoren",
    "Standardisering av helseterminologi",
    "Finansiering av nasjonale løsninger",
    "Samhandling mellom kommuner og sykehus",
    "Kunstig intelligens i klinisk praksis",
    "Elektronisk resept og multidose",
    "Velferdsteknologi i kommunene",
]
WORDS = (
    "rådet støtter arbeidet med felles løsninger og ber om at kommunene involveres "
    "tidlig i planleggingen gevinster risiko finansiering personvern journal "
    "samhandling pasient tjenester standard terminologi innføring prioritering "
    "kostnader helseforetak fastleger sykehjem legemidler data deling tillit"
).split()
KINDS = [
    ItemKind.INFORMATION,
    ItemKind.DISCUSSION,
    ItemKind.RECOMMENDATION,
    ItemKind.DECISION,
]


class Command(BaseCommand):
    help = (
        "Lag et arkiv i full skala (5 råd × 20 år × 8 møter × 10 saker × 15 innspill)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--councils", type=int, default=5)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--meetings", type=int, default=8, help="per år")
        parser.add_argument("--items", type=int, default=10, help="per møte")
        parser.add_argument("--inputs", type=int, default=15, help="per sak")
        parser.add_argument("--members", type=int, default=12, help="per råd")
        parser.add_argument(
            "--last-year", type=int, default=timezone.localdate().year - 1
        )
        parser.add_argument("--seed", type=int, default=2022)

    def handle(self, *args, **options) -> None:
        for name in ("councils", "years", "meetings", "items", "inputs", "members"):
            if options[name] < 1:
                raise CommandError(f"--{name} må være minst 1.")
        if options["items"] < 3:
            raise CommandError("--items må være minst 3 (standardsakene).")
        if options["meetings"] > 12:
            raise CommandError("--meetings kan være høyst 12 per år.")
        existing = Council.objects.filter(slug__startswith=SLUG_PREFIX).count()
        if existing:
            raise CommandError(
                f"Arkivdata finnes allerede ({existing} råd med kortnavn "
                f"«{SLUG_PREFIX}…»). Bruk en tom database, eller slett dem først."
            )
        self.random = random.Random(options["seed"])
        with transaction.atomic():
            counts = self._generate(**options)
        if connection.vendor == "postgresql":
            # Fresh statistics, so the planner knows the tables are no longer empty.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                "Laget {councils} råd, {meetings} møter, {items} saker og "
                "{inputs} innspill, alle med publisert referat.".format(**counts)
            )
        )

    def _text(self, words: int) -> str:
        text = " ".join(self.random.choice(WORDS) for _ in range(words))
        return text[:1].upper() + text[1:] + "."

    def _generate(self, **options) -> dict[str, int]:
        sectors = [Sector.objects.get_or_create(name=name)[0] for name in SECTORS]
        councils, members = [], {}
        for c in range(options["councils"]):
            secretariat = Organisation.objects.create(
                name=f"Arkivsekretariatet {c + 1}",
                slug=f"{SLUG_PREFIX}sekretariat-{c + 1}",
                sector=sectors[2],
            )
            council = Council.objects.create(
                name=f"Arkivrådet {c + 1}",
                slug=f"{SLUG_PREFIX}{c + 1}",
                secretariat_organisation=secretariat,
                default_venue="Møterom Arkiv",
                description="Generert arkiv for ytelsestester.",
            )
            organisations = Organisation.objects.bulk_create(
                Organisation(
                    name=f"Arkivvirksomhet {c + 1}-{o + 1}",
                    slug=f"{SLUG_PREFIX}virksomhet-{c + 1}-{o + 1}",
                    sector=sectors[o % len(sectors)],
                )
                for o in range(options["members"])
            )
            people = Person.objects.bulk_create(
                Person(name=f"Medlem {c + 1}-{p + 1}", organisation=org)
                for p, org in enumerate(organisations)
            )
            members[council.pk] = Membership.objects.bulk_create(
                Membership(
                    council=council,
                    person=person,
                    organisation=person.organisation,
                    role=Membership.Role.CHAIR if p == 0 else Membership.Role.MEMBER,
                    order=p,
                )
                for p, person in enumerate(people)
            )
            councils.append(council)

        first_year = options["last_year"] - options["years"] + 1
        per_year = options["meetings"]
        meetings = []
        for council in councils:
            for year in range(first_year, options["last_year"] + 1):
                for m in range(per_year):
                    month = 1 + m * 12 // per_year
                    day = datetime.date(year, month, 10 + m % 10)
                    meetings.append(
                        Meeting(
                            council=council,
                            year=year,
                            number=m + 1,
                            date=day,
                            start_time=datetime.time(10),
                            end_time=datetime.time(15),
                            venue=council.default_venue,
                            summons_sent_at=timezone.make_aware(
                                datetime.datetime.combine(
                                    day - datetime.timedelta(days=14),
                                    datetime.time(9),
                                )
                            ),
                        )
                    )
        meetings = Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        Minutes.objects.bulk_create(
            (Minutes(meeting=meeting) for meeting in meetings), batch_size=BATCH
        )
        attendances = []
        for meeting in meetings:
            for index, membership in enumerate(members[meeting.council_id]):
                absent = self.random.random() < 0.15
                attendances.append(
                    Attendance(
                        meeting=meeting,
                        membership=membership,
                        person_id=membership.person_id,
                        status=(
                            Attendance.Status.NOTIFIED_ABSENCE
                            if absent
                            else Attendance.Status.PRESENT
                        ),
                        order=index,
                    )
                )
        Attendance.objects.bulk_create(attendances, batch_size=BATCH)

        items = self._items(meetings, options["items"])
        Decision.objects.bulk_create(
            (
                Decision(
                    item=item,
                    proposed_text=f"{item.council.name} tar saken til orientering.",
                    final_text=(
                        f"{item.council.name} tar saken til orientering. "
                        + self._text(12)
                    ),
                )
                for item in items
            ),
            batch_size=BATCH,
        )
        total_inputs = self._inputs(items, members, options["inputs"])

        # Published last: content cannot be added to approved minutes. Each gets the
        # published version the public reads (minutes/public.py); the PDF is made on
        # the first download, as for minutes approved before PDFs were stored.
        now = timezone.now()
        MinutesVersion.objects.bulk_create(
            (
                MinutesVersion(
                    minutes=meeting.minutes,
                    number=1,
                    content=minutes_snapshot(meeting=meeting),
                    approved_at=now,
                    approval_method=Minutes.ApprovalMethod.MEETING,
                    published_at=now,
                )
                for meeting in meetings
            ),
            batch_size=BATCH,
        )
        # Along the state machine, as the services would: approved, then published.
        minutes = Minutes.objects.filter(meeting__in=meetings)
        minutes.transition(
            Minutes.Status.APPROVED,
            approved_at=now,
            approval_method=Minutes.ApprovalMethod.MEETING,
        )
        minutes.transition(Minutes.Status.PUBLISHED, published_at=now)
        return {
            "councils": len(councils),
            "meetings": len(meetings),
            "items": len(items),
            "inputs": total_inputs,
        }

    def _items(self, meetings: list[Meeting], per_meeting: int) -> list[AgendaItem]:
        items = []
        previous: dict[int, Meeting] = {}
        numbers: dict[tuple[int, int], int] = {}
        for meeting in meetings:
            council = meeting.council
            key = (council.pk, meeting.year)
            start = numbers.get(key, 0)
            before = previous.get(council.pk)
            titles = []
            titles.append(
                (
                    "Godkjenning av innkalling og dagsorden",
                    ItemKind.APPROVAL,
                    AgendaItem.Standard.SUMMONS_APPROVAL,
                    None,
                )
            )
            if before:
                titles.append(
                    (
                        f"Godkjenning av referatet fra møtet {before.date:%d.%m.%Y}",
                        ItemKind.APPROVAL,
                        AgendaItem.Standard.MINUTES_APPROVAL,
                        before,
                    )
                )
            while len(titles) < per_meeting - 1:
                titles.append(
                    (
                        self.random.choice(TOPICS),
                        self.random.choice(KINDS),
                        "",
                        None,
                    )
                )
            titles.append(
                (
                    "Eventuelt",
                    ItemKind.ANY_OTHER_BUSINESS,
                    AgendaItem.Standard.ANY_OTHER_BUSINESS,
                    None,
                )
            )
            titles = titles[:per_meeting]
            for order, (title, kind, standard, approves) in enumerate(titles, 1):
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        council=council,
                        year=meeting.year,
                        number=start + order,
                        order=order,
                        title=title,
                        kind=kind,
                        standard=standard,
                        approves_minutes_of=approves,
                        archive_reference=f"{meeting.year % 100:02d}/{order:05d}",
                        presenters="Sekretariatet",
                        body=self._text(40),
                    )
                )
            numbers[key] = start + len(titles)
            previous[council.pk] = meeting
        return AgendaItem.objects.bulk_create(items, batch_size=BATCH)

    def _inputs(self, items, members, per_item: int) -> int:
        total = 0
        batch = []
        for item in items:
            seats = members[item.council_id]
            for order in range(per_item):
                seat = seats[(item.pk + order) % len(seats)]
                choice = order % 3
                batch.append(
                    Input(
                        item=item,
                        order=order + 1,
                        text=self._text(25),
                        attribution=(
                            Input.Attribution.ORGANISATION,
                            Input.Attribution.PERSON,
                            Input.Attribution.NONE,
                        )[choice],
                        organisation_id=seat.organisation_id if choice == 0 else None,
                        person_id=seat.person_id if choice == 1 else None,
                    )
                )
            if len(batch) >= BATCH:
                Input.objects.bulk_create(batch, batch_size=BATCH)
                total += len(batch)
                batch = []
        Input.objects.bulk_create(batch, batch_size=BATCH)
        return total + len(batch)
