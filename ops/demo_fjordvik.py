"""The second demo council: Eldrerådet i Fjordvik kommune, invented.

A municipal council for the elderly, shaped unlike Nasjonalt e-helseråd: its minutes
are a «Protokoll», procedural points («Pkt. 1») stand outside the case sequence, its
cases are numbered «PS 15/24» and its reports «RS 3/24», members sit for parties, and
the protocol records votes, inhabilitet and protokolltilførsler. Fjordvik kommune is
invented; so are the people.

Meeting 2/2024 is the first meeting in the system (its saker start at PS 7/24, the
council counted 1–6 on paper). Meeting 3/2024 approves 2/2024 with a correction and
shows every element a municipal protocol has; it is published once 4/2024 approves
it. Meeting 4/2024 is held and its protocol is still a draft; it takes up the item
3/2024 postponed.

Plain data only; `python manage.py load_demo` turns it into rows through the services.
Items are dicts in agenda order: `series` is "procedural" («Pkt.»), "case" («PS») or
"report" («RS»); `decision` is the final text, `proposed` the proposal when it
differs; `vote`, `protocol_entries`, `disqualifications`, `postponed`,
`handled_kind` and `correction` are the protocol's formal elements.
"""

COUNCIL = {
    "name": "Eldrerådet i Fjordvik kommune",
    "slug": "eldreradet-fjordvik",
    "description": (
        "Eldrerådet er et lovpålagt medvirkningsorgan for eldre i Fjordvik kommune "
        "(kommuneloven § 5-12). Rådet uttaler seg i alle saker som gjelder eldre, "
        "før kommunestyret, formannskapet eller administrasjonen avgjør dem."
    ),
    "secretariat_organisation": "Fjordvik kommune",
    "default_venue": "Fjordvik rådhus, formannskapssalen",
    "default_start_time": "10:00",
    "default_end_time": "13:00",
    "approval_rule": "next_meeting",
    "marks_updated_decisions": False,
    # How the council's own minutes look.
    "document_name": "protokoll",
    "case_prefix": "PS",
    "report_prefix": "RS",
    "procedural_label": "Pkt.",
    "prints_speakers": True,
    "inputs_heading": "Ordskifte:",
    "states_quorum": True,
    # The council numbered PS 1–6/24 on paper before it used the system.
    "first_case_numbers": {"2024": 7},
}

# The term that began after the local elections of 2023.
TERM_START = "2023-10-01"

SECTOR = ("Kommunal sektor", "Representant fra kommunal sektor")
ORGANISATION = "Fjordvik kommune"

# (person, function, party), in the order of the protocol's members table.
MEMBERS = [
    ("Randi Fjeldstad", "chair", "Ap"),
    ("Odd Sætre", "deputy_chair", "H"),
    ("Gunvor Lie", "member", "Sp"),
    ("Knut Brekke", "member", "FrP"),
    ("Solveig Haugland", "member", "SV"),
    ("Arne Tveit", "member", "KrF"),
    ("Marit Engen", "member", "Ap"),
    ("Bjørn Aas", "member", "V"),
]
DEPUTIES = [
    ("Ingrid Vik", "deputy", "FrP"),
    ("Tor Moen", "deputy", "Ap"),
    ("Eva Lund", "deputy", "H"),
]
PEOPLE = [name for name, _role, _party in MEMBERS + DEPUTIES]
# The municipality's staff: the secretary and the officials who present saker.
SECRETARY = "Siri Holm"
OFFICIALS = ["Hanne Berg", "Kjetil Nesse"]

# Logins: (username, password, e-mail, person, kind). Demo only.
USERS = [
    (
        "sekretariat-fjordvik",
        "demo-sekretariat",
        "sekretariat-fjordvik@example.org",
        SECRETARY,
        "secretariat",
    ),
    (
        "medlem-fjordvik",
        "demo-medlem",
        "medlem-fjordvik@example.org",
        "Gunvor Lie",
        "member",
    ),
]
# The secretariat signs in with two factors, with the demo's shared TOTP secret.
TOTP_USERS = ("sekretariat-fjordvik",)

PKT_SUMMONS = {
    "series": "procedural",
    "title": "Godkjenning av innkalling og saksliste",
    "kind": "godkjenning",
    "decision": "Innkalling og saksliste godkjennes.",
}


def _signing(name: str) -> dict:
    return {
        "series": "procedural",
        "title": "Valg av én representant til å underskrive protokollen sammen med "
        "leder",
        "kind": "beslutning",
        "decision": f"{name} velges til å underskrive protokollen sammen med leder.",
    }


PKT_ANY_OTHER_BUSINESS = {
    "series": "procedural",
    "title": "Eventuelt",
    "kind": "eventuelt",
    "body": "Det ble ikke tatt opp saker under eventuelt.",
}

MEETING_2_2024 = {
    "number": 2,
    "date": "2024-04-17",
    "start_time": "10:00",
    "end_time": "12:30",
    "attendance": {"Solveig Haugland": ("notified_absence", "")},
    "officials": ["Hanne Berg"],
    "minutes": "published",
    "items": [
        PKT_SUMMONS,
        _signing("Gunvor Lie"),
        {
            "series": "case",
            "title": "Godkjenning av protokoll fra møte 1/2024",
            "kind": "godkjenning",
            "decision": "Protokollen fra møte 1/2024 godkjennes.",
        },
        {
            "series": "case",
            "title": "Demensplan for Fjordvik kommune 2024–2028",
            "kind": "til_uttalelse",
            "presenters": "Hanne Berg, kommunalsjef helse og omsorg",
            "body": (
                "Kommunedirektøren har lagt frem forslag til demensplan. Planen skal "
                "behandles i kommunestyret 30. mai 2024, og eldrerådet er bedt om å "
                "uttale seg."
            ),
            "decision": (
                "Eldrerådet støtter forslaget til demensplan og ber om at "
                "dagaktivitetstilbudet for hjemmeboende med demens økes fra to til "
                "fire dager i uken i 2025."
            ),
        },
        {
            "series": "case",
            "title": "Tilgjengelighet i sentrum – befaring med teknisk etat",
            "kind": "beslutning",
            "body": (
                "Rådet har mottatt flere henvendelser om manglende benker og dårlig "
                "brøyting av fortau i sentrum."
            ),
            "decision": (
                "Eldrerådet gjennomfører befaring i sentrum sammen med teknisk etat "
                "i mai. Leder og nestleder deltar."
            ),
        },
        {
            "series": "report",
            "title": "Årsmelding 2023 for Eldrerådet i Fjordvik kommune",
            "kind": "referatsaker",
            "decision": "Referatsaken tas til orientering.",
        },
        PKT_ANY_OTHER_BUSINESS,
    ],
}

# The correction made when 3/2024 approved the protocol of 2/2024.
CORRECTION_2_2024 = (
    "I PS 9/24 skal det stå at befaringen gjennomføres i juni, ikke i mai. "
    "Protokollen endres i tråd med dette."
)
CORRECTED_DECISION_9_24 = (
    "Eldrerådet gjennomfører befaring i sentrum sammen med teknisk etat i juni. "
    "Leder og nestleder deltar."
)

MEETING_3_2024 = {
    "number": 3,
    "date": "2024-06-05",
    "start_time": "10:00",
    "end_time": "12:45",
    # name: (status, who stood in / when they left)
    "attendance": {
        "Knut Brekke": ("notified_absence", "Ingrid Vik"),
        "Solveig Haugland": ("no_show", ""),
        "Arne Tveit": (
            "left",
            "Forlot møtet kl. 12.10, under behandlingen av PS 13/24",
        ),
    },
    "officials": ["Hanne Berg", "Kjetil Nesse"],
    "minutes": "published",
    "items": [
        PKT_SUMMONS,
        _signing("Bjørn Aas"),
        {
            "series": "case",
            "title": "Godkjenning av protokoll fra møte 2/2024",
            "kind": "godkjenning",
            "approves_previous": True,
            "correction": CORRECTION_2_2024,
            # What the correction changed, made before the approval is recorded.
            "corrects": [
                {"series": "case", "number": 9, "decision": CORRECTED_DECISION_9_24}
            ],
            "decision": (
                "Protokollen fra møte 2/2024 godkjennes med den rettelsen som ble "
                "gjort i møtet."
            ),
        },
        {
            "series": "case",
            "title": "Budsjett 2025 – tilskudd til seniorsentrene",
            "kind": "til_uttalelse",
            "presenters": "Kjetil Nesse, økonomisjef",
            "body": (
                "Kommunedirektøren foreslår å videreføre tilskuddet til de tre "
                "seniorsentrene på 2024-nivå, justert for prisvekst."
            ),
            "disqualifications": [
                {
                    "person": "Marit Engen",
                    "basis": "forvaltningsloven § 6 første ledd bokstav e",
                    "stood_in": "Tor Moen",
                }
            ],
            "vote": {"result": "unanimous"},
            "decision": (
                "Eldrerådet støtter at tilskuddet til seniorsentrene videreføres, og "
                "ber om at tilskuddet til Fjordvik seniorsenter økes med 150 000 "
                "kroner til utvidet åpningstid."
            ),
            "proposed": (
                "Eldrerådet støtter at tilskuddet til seniorsentrene videreføres på "
                "2024-nivå, justert for prisvekst."
            ),
        },
        {
            "series": "case",
            "title": "Høring: Boligsosial handlingsplan 2024–2027",
            "kind": "til_uttalelse",
            "presenters": "Hanne Berg, kommunalsjef helse og omsorg",
            "body": (
                "Planen foreslår å bygge 24 omsorgsboliger på Nordmarka i stedet for "
                "å rehabilitere Sentrum bo- og servicesenter."
            ),
            "inputs": [
                {
                    "person": "Odd Sætre",
                    "text": "Mente at rehabilitering av Sentrum bo- og servicesenter "
                    "er billigere og holder beboerne nær butikker og legekontor.",
                },
                {
                    "person": "Gunvor Lie",
                    "text": "Pekte på at Nordmarka mangler busstilbud på kveldstid.",
                },
            ],
            "vote": {
                "result": "adopted",
                "for": 5,
                "against": 2,
                "against_names": ["Odd Sætre", "Ingrid Vik"],
            },
            "protocol_entries": [
                {
                    "person": "Odd Sætre",
                    "text": (
                        "Høyre mener at Sentrum bo- og servicesenter bør "
                        "rehabiliteres før det bygges nytt på Nordmarka, og ber om "
                        "at kostnadene ved begge alternativene legges frem for "
                        "kommunestyret."
                    ),
                }
            ],
            "decision": (
                "Eldrerådet støtter forslaget til boligsosial handlingsplan, og ber "
                "om at det etableres kollektivtilbud til Nordmarka før de nye "
                "omsorgsboligene tas i bruk."
            ),
        },
        {
            "series": "case",
            "title": "Trygghetsalarmer og velferdsteknologi",
            "kind": "orientering",
            "handled_kind": "til_uttalelse",
            "presenters": "Hanne Berg, kommunalsjef helse og omsorg",
            "body": (
                "Kommunen bytter til digitale trygghetsalarmer høsten 2024. Saken "
                "var meldt som orientering; rådet valgte å uttale seg."
            ),
            "decision": (
                "Eldrerådet ber om at alle brukere får besøk og opplæring når "
                "alarmen byttes, og at pårørende varsles i god tid."
            ),
        },
        {
            "series": "case",
            "title": "Aktivitetstilbud for eldre sommeren 2024",
            "kind": "drofting",
            "postponed": "Saksfremlegget kom for sent til at rådet kunne behandle det.",
        },
        {
            "series": "report",
            "title": "Protokoll fra kommunestyret 23. mai 2024, sak 45/24 "
            "Seniorpolitisk plattform",
            "kind": "referatsaker",
            "decision": "Referatsaken tas til orientering.",
        },
        {
            "series": "report",
            "title": "Brev fra Statsforvalteren om tilsyn med hjemmetjenesten",
            "kind": "referatsaker",
            "decision": "Referatsaken tas til orientering.",
        },
        PKT_ANY_OTHER_BUSINESS,
    ],
}

MEETING_4_2024 = {
    "number": 4,
    "date": "2024-09-18",
    "start_time": "10:00",
    "end_time": "12:00",
    "attendance": {},
    "officials": ["Hanne Berg"],
    "minutes": "draft",
    "items": [
        PKT_SUMMONS,
        _signing("Gunvor Lie"),
        {
            "series": "case",
            "title": "Godkjenning av protokoll fra møte 3/2024",
            "kind": "godkjenning",
            "approves_previous": True,
            "decision": "Protokollen fra møte 3/2024 godkjennes.",
        },
        # PS 14/24 is carried here from 3/2024 by the postponement itself.
        PKT_ANY_OTHER_BUSINESS,
    ],
}

MEETINGS = [MEETING_2_2024, MEETING_3_2024, MEETING_4_2024]
