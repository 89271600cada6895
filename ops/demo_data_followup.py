"""Demo follow-up of the decisions of meeting 6/2022 (issue 14): plain data that
`load_demo` turns into rows through minutes/services/followup.py once the meetings
are loaded.

Due dates and note dates of open follow-up are given in days from the day the demo is
loaded (`due_in_days`, `days_ago`), so an overdue follow-up stays overdue and one
due soon is reminded by `send_followup_reminders`; finished follow-up has fixed dates.
Each follow-up names its item by sak number («41/22») and its responsible by an
organisation or a person of demo_data. A note may set a status; `internal` notes are
never public.
"""

# The demo council shows its follow-up on its item pages and decision register.
PUBLISHES_FOLLOWUP = True

FOLLOWUPS = [
    {
        "item": "41/22",
        "task": (
            "Ta med rådets innspill i arbeidet med helseteknologiordningen "
            "(ambisjonsnivå 3 på journalområdet) og legge fram en plan for innfasing "
            "av velferdsteknologi når evalueringen av velferdsteknologiprogrammet "
            "foreligger."
        ),
        "organisation": "Direktoratet for e-helse",
        "due_in_days": 45,
        "notes": [
            {
                "days_ago": 40,
                "status": "in_progress",
                "text": (
                    "Innspillene fra møtet er samlet og sendt til prosjektgruppen for "
                    "helseteknologiordningen."
                ),
            },
            {
                "days_ago": 9,
                "text": "Utkast til plan for innfasing av velferdsteknologi er på "
                "høring i NUIT.",
            },
        ],
    },
    {
        "item": "42/22",
        "task": (
            "Følge opp den nye nasjonale e-helsestrategien i 2023 slik «Plan for "
            "realisering av nasjonal e-helsestrategi» beskriver, og rapportere til "
            "rådet."
        ),
        "person": "Mariann Hornnes",
        "due_date": "2023-12-31",
        "notes": [
            {
                "date": "2023-02-15",
                "status": "in_progress",
                "text": "Realiseringsplanen for 2023 er lagt fram for NUIT.",
            },
            {
                "date": "2023-12-05",
                "status": "done",
                "text": "Status for oppfølgingen i 2023 er lagt fram for rådet.",
            },
        ],
    },
    {
        "item": "43/22",
        "task": (
            "Ta med innspillene fra møtet i det videre arbeidet med digitalisering av "
            "helse- og smittevernberedskapen, og legge fram status for rådet."
        ),
        "organisation": "Direktoratet for e-helse",
        # Overdue: the due date is two weeks past whenever the demo is loaded.
        "due_in_days": -14,
        "notes": [
            {
                "days_ago": 60,
                "status": "in_progress",
                "text": (
                    "Arbeidsgruppe med Folkehelseinstituttet og Helsedirektoratet er "
                    "etablert."
                ),
            },
            {
                "days_ago": 20,
                "internal": True,
                "text": (
                    "Fristen holder ikke: finansieringen av arbeidsgruppens neste fase "
                    "er ikke avklart."
                ),
            },
        ],
    },
    {
        "item": "45/22",
        "task": (
            "Ta opp fordelingen av budsjettet for PDS og PLL i NUIT i 2. kvartal "
            "dersom programmene møter uforutsette hendelser eller bruker mindre "
            "midler enn planlagt."
        ),
        "organisation": "Norsk helsenett SF",
        # Due within the reminder window (FOLLOWUP_REMINDER_DAYS, 7 by default).
        "due_in_days": 5,
        "notes": [
            {
                "days_ago": 3,
                "text": "Programmene rapporterer forbruk til NUIT før fristen.",
            },
        ],
    },
]
