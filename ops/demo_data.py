"""The demo data: Nasjonalt e-helseråd, its members and three of its meetings.

Meeting 6/2022 (2 December 2022) is the council's own published minutes, transcribed
with the PDF's ragged line breaks joined and nothing else changed, the council's typos
included. Meeting 5/2022 (whose minutes 39/22 approves) and meeting 1/2023 (whose item 2
approves meeting 6) are invented around it so the demo shows a whole year's life.

Plain data only; `python manage.py load_demo` turns it into rows through the services.
Dates are ISO strings, times "HH:MM". Inputs are dicts: `text`, and at most one of
`organisation` (a name below) or `sector` (a sector name below); `written` marks a
written input. Items are dicts listed in agenda order: `standard` marks one that
`meeting_create` adds, the others are added with `agenda_item_add` and moved to their
place. `decision` is the final text, `proposed` the proposal when it differs.
"""

COUNCIL = {
    "name": "Nasjonalt e-helseråd",
    "slug": "nasjonalt-e-helserad",
    "description": (
        "Nasjonalt e-helseråd er det øverste rådet i den nasjonale rådsmodellen for "
        "e-helse. Rådet gir råd om nasjonale prioriteringer, strategier og tiltak for "
        "digitalisering i helse- og omsorgssektoren, med representanter fra kommunene, "
        "spesialisthelsetjenesten, statlige virksomheter, pasient- og "
        "brukerorganisasjonene og profesjonsforeningene."
    ),
    "secretariat_organisation": "Direktoratet for e-helse",
    "default_venue": "Radisson Blu, Gardermoen",
    "default_start_time": "10:00",
    "default_end_time": "16:00",
    "approval_rule": "next_meeting",
    # The reference minutes print «Oppdatert vedtak» over a changed proposal.
    "marks_updated_decisions": True,
}

# (name, how an input from one of its representatives is credited)
SECTORS = [
    ("Kommunal sektor", "Representant fra kommunal sektor"),
    ("Spesialisthelsetjenesten", "Representant fra spesialisthelsetjenesten"),
    ("Statlig sektor", "Representant fra statlig sektor"),
    (
        "Pasient- og brukerorganisasjonene",
        "Representant fra pasient- og brukerorganisasjonene",
    ),
    ("Profesjonsforeningene", "Representant fra profesjonsforeningene"),
]

# (name, short name, sector)
ORGANISATIONS = [
    ("Helse Vest RHF", "", "Spesialisthelsetjenesten"),
    ("Helse Midt-Norge RHF", "Helse Midt RHF", "Spesialisthelsetjenesten"),
    ("Helse Nord RHF", "", "Spesialisthelsetjenesten"),
    ("Helse Sør-Øst RHF", "", "Spesialisthelsetjenesten"),
    ("Direktoratet for e-helse", "", "Statlig sektor"),
    ("Helsedirektoratet", "", "Statlig sektor"),
    ("Folkehelseinstituttet", "FHI", "Statlig sektor"),
    ("Oslo kommune", "", "Kommunal sektor"),
    ("Kristiansand kommune", "", "Kommunal sektor"),
    ("Nordreisa kommune", "", "Kommunal sektor"),
    ("Bergen kommune", "", "Kommunal sektor"),
    ("Trondheim kommune", "", "Kommunal sektor"),
    ("FFO", "", "Pasient- og brukerorganisasjonene"),
    ("Nasjonalforeningen for folkehelsen", "", "Pasient- og brukerorganisasjonene"),
    ("Legeforeningen", "", "Profesjonsforeningene"),
    ("Norsk helsenett SF", "", "Statlig sektor"),
    ("KS", "", "Kommunal sektor"),
    ("Digitaliseringsdirektoratet", "", "Statlig sektor"),
    ("Norsk Sykepleierforbund", "", "Profesjonsforeningene"),
]

# The members table of the minutes of 2 December 2022, in its order:
# (person, the organisation they represent).
MEMBERS = [
    ("Erik Hansen", "Helse Vest RHF"),
    ("Per Olav Skjesol", "Helse Midt-Norge RHF"),
    ("Barthold Vonen", "Helse Nord RHF"),
    ("Rune Simensen", "Helse Sør-Øst RHF"),
    ("Mariann Hornnes", "Direktoratet for e-helse"),
    ("Jan Arild Lyngstad", "Helsedirektoratet"),
    ("Christine Bergland", "Folkehelseinstituttet"),
    ("Svein Lyngroth", "Oslo kommune"),
    ("Camilla Dunsæd", "Kristiansand kommune"),
    ("Jan Hugo Sørensen", "Nordreisa kommune"),
    ("Kjell Wolff", "Bergen kommune"),
    ("Wenche P. Dehli", "Trondheim kommune"),
    ("Lilly Ann Elvestad", "FFO"),
    ("Mina Gerhardsen", "Nasjonalforeningen for folkehelsen"),
    ("Ivar Halvorsen", "Legeforeningen"),
    ("Johan Ronæs", "Norsk helsenett SF"),
    ("Kristin W. Wieland", "KS"),
    ("Steffen Sutorius", "Digitaliseringsdirektoratet"),
    ("Lill Sverresdatter Larsen", "Norsk Sykepleierforbund"),
]

# People who are not members: substitutes and the secretariat's staff.
OTHER_PEOPLE = [
    ("Terje Wistner", "KS"),
    ("Kai Øivind Brenden", "Norsk Sykepleierforbund"),
    ("Lucie Aunan", "Direktoratet for e-helse"),
    ("Siv Ingebrigtsen", "Direktoratet for e-helse"),
    ("Vibeke Jonassen Wang", "Direktoratet for e-helse"),
    ("Karen Lima", "Direktoratet for e-helse"),
]

SECRETARIAT_STAFF = [
    "Lucie Aunan",
    "Siv Ingebrigtsen",
    "Vibeke Jonassen Wang",
    "Karen Lima",
]

# Logins: (username, password, e-mail, person or "", kind). The passwords are for the
# demo only and are printed by the command.
USERS = [
    (
        "sekretariat",
        "demo-sekretariat",
        "sekretariat@example.org",
        "Karen Lima",
        "secretariat",
    ),
    ("medlem", "demo-medlem", "medlem@example.org", "Erik Hansen", "member"),
    ("admin", "demo-admin", "admin@example.org", "", "administrator"),
]

# Logins that need two-factor authentication get an authenticator with this fixed
# secret (base32): type it into an authenticator app to get their codes. Demo only.
TOTP_SECRET = "MOTEREFERATERDEMOTOFAKTORNOKKEL2"
TOTP_USERS = ("sekretariat", "admin")

ATTACHMENT_41_22 = {
    "title": "Tillegg til protokoll fra kommunal sektors representanter",
    "filename": "tillegg-til-protokoll-kommunal-sektor.pdf",
    "lines": [
        "Tillegg til protokoll fra kommunal sektors representanter",
        "Nasjonalt e-helseråd, møte 6/2022, sak 41/22 Helseteknologiordningen",
        "(Demodokument: innholdet er ikke gjengitt her.)",
    ],
}

# The sentence the public must never read (tests crawl the site for it).
EXEMPT_SENTENCE = "Fortrolig: forhandlingsposisjonen i anskaffelsen er drøftet."

# Meeting 5/2022: invented, so that 39/22 has minutes to approve. The council had used
# sak numbers up to 29/22 before this, so its first sak is 30/22.
MEETING_5_2022 = {
    "number": 5,
    "date": "2022-09-21",
    "first_item_number": 30,
    "absent": {},
    "arrived": {},
    "secretariat": SECRETARIAT_STAFF,
    "minutes": "published",
    "items": [
        {
            "standard": "summons_approval",
            "title": "Godkjenning av innkalling og dagsorden",
            "kind": "godkjenning",
            "body": "Det kom ingen innspill til innkalling og dagsorden.",
            "decision": "Nasjonalt e-helseråd godkjenner innkalling og dagsorden.",
        },
        {
            # The system holds no meeting 4/2022, so this approval item is an ordinary
            # item in the standard item's place.
            "title": (
                "Godkjenning av referatet fra møtet 16. juni 2022 i Nasjonalt "
                "e-helseråd"
            ),
            "kind": "godkjenning",
            "body": "Det kom ingen innspill til referatet.",
            "decision": (
                "Nasjonalt e-helseråd godkjenner referatet fra møtet 16. juni 2022."
            ),
        },
        {
            "standard": "secretariat_info",
            "title": "Orientering fra Direktoratet for e-helse",
            "kind": "orientering",
            "presenters": "Mariann Hornnes, Direktoratet for e-helse",
            "body": (
                "Mariann Hornnes, Direktoratet for e-helse, orienterte om status på "
                "følgende saker:\n"
                "\n"
                "- Forslag til statsbudsjett for 2023\n"
                "- Høringen av ny nasjonal e-helsestrategi\n"
                "- Dagsaktuelt\n"
                "  - Nasjonal e-helseportefølje\n"
                "  - Rådsmodellen høsten 2022"
            ),
            "decision": "Nasjonalt e-helseråd tar sakene til orientering.",
        },
        {
            "title": "Ny nasjonal e-helsestrategi – høringen",
            "kind": "drofting",
            "presenters": "Siv Ingebrigtsen, Direktoratet for e-helse",
            "body": (
                "Forslag til ny nasjonal e-helsestrategi for helse- og "
                "omsorgssektoren er på høring med høringsfrist 1. oktober 2022.\n"
                "\n"
                "Siv Ingebrigtsen, Direktoratet for e-helse, orienterte om de første "
                "høringsinnspillene og ønsket rådets innspill til hvordan strategien "
                "skal følges opp i en realiseringsplan."
            ),
            "decision": (
                "Nasjonalt e-helseråd tar saken til orientering. Direktoratet for "
                "e-helse bes ta med innspillene fra møtet i det videre arbeidet med "
                "strategien og realiseringsplanen."
            ),
        },
        {
            "title": "Nasjonal e-helseportefølje – prioriteringer for 2023",
            "kind": "anbefaling",
            "presenters": "Lucie Aunan, Direktoratet for e-helse",
            "body": (
                "Direktoratet for e-helse la frem forslag til prioriteringer i den "
                "nasjonale e-helseporteføljen for 2023, basert på anbefalingene fra "
                "NUIT og innspill fra aktørene i sektoren."
            ),
            "inputs": [
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor ba om at tiltak som gir "
                        "nytte i kommunene raskt, prioriteres høyt."
                    ),
                },
                {
                    "organisation": "Helse Vest RHF",
                    "text": (
                        "Helse Vest RHF støttet prioriteringene og pekte på "
                        "behovet for en felles tillitsmodell."
                    ),
                },
            ],
            "decision": (
                "Nasjonalt e-helseråd anbefaler de foreslåtte prioriteringene i "
                "nasjonal e-helseportefølje for 2023."
            ),
        },
        {
            # Exempt in part under offentleglova § 23 første ledd (a procurement):
            # the public reads the title and «Unntatt offentlighet, jf. …» in place
            # of the body; members read the full record.
            "title": "Anskaffelse av felles meldingsformidling – forhandlinger",
            "kind": "orientering",
            "presenters": "Direktoratet for e-helse",
            "body": (
                "Direktoratet for e-helse orienterte om status i forhandlingene med "
                "leverandørene i anskaffelsen av felles meldingsformidling.\n"
                "\n"
                f"{EXEMPT_SENTENCE}"
            ),
            "exemption_scope": "body",
            "exemption_basis": "offl. § 23 første ledd",
            "decision": "Nasjonalt e-helseråd tar saken til orientering.",
        },
        {
            "title": "Helsedatasatsingen – veien videre",
            "kind": "drofting",
            "presenters": "Håvard Kolle Riis, Direktoratet for e-helse",
            "body": (
                "Direktoratet for e-helse orienterte om arbeidet med "
                "helsedatasatsingen etter at helseanalyseplattformen ble satt på "
                "vent, og ba om rådets innspill til prioriteringene fremover."
            ),
            "decision": (
                "Nasjonalt e-helseråd tar saken til orientering og ber om å bli "
                "holdt orientert om arbeidet med helsedatasatsingen."
            ),
        },
        {
            "standard": "any_other_business",
            "title": "Eventuelt",
            "kind": "eventuelt",
            "body": "Det kom ingen saker til eventuelt.",
        },
    ],
}

# Meeting 6/2022, as in the council's published minutes of 2 December 2022.
MEETING_6_2022 = {
    "number": 6,
    "date": "2022-12-02",
    "start_time": "10:00",
    "end_time": "16:00",
    "venue": "Radisson Blu, Gardermoen",
    # Members not present: person -> their substitute, or "".
    "absent": {
        "Kristin W. Wieland": "Terje Wistner",
        "Steffen Sutorius": "",
        "Lill Sverresdatter Larsen": "Kai Øivind Brenden",
    },
    # Members present for part of the meeting: person -> time of arrival.
    "arrived": {"Lilly Ann Elvestad": "12:00"},
    "secretariat": SECRETARIAT_STAFF,
    "minutes": "published",
    "items": [
        {
            "standard": "summons_approval",
            "title": "Godkjenning av innkalling og dagsorden",
            "kind": "godkjenning",
            "body": "Det kom ingen innspill til innkalling og dagsorden.",
            "decision": "Nasjonalt e-helseråd godkjenner innkalling og dagsorden.",
        },
        {
            "standard": "minutes_approval",
            "title": (
                "Godkjenning av referatet fra møtet 21. september 2022 i Nasjonalt "
                "e-helseråd"
            ),
            "kind": "godkjenning",
            "body": (
                "Det har kommet innspill til små språklige endringer som er tatt med "
                "i referatet. Det kom ingen øvrige innspill til referatet."
            ),
            "decision": (
                "Nasjonalt e-helseråd godkjenner referatet fra møtet 21. september "
                "2022."
            ),
        },
        {
            "standard": "secretariat_info",
            "title": "Orientering fra Direktoratet for e-helse",
            "kind": "orientering",
            "presenters": "Mariann Hornnes, Direktoratet for e-helse",
            "body": (
                "Mariann Hornnes, Direktoratet for e-helse, orienterte om status på "
                "følgende sak:\n"
                "\n"
                "- Statsbudsjettet for 2023\n"
                "- Dagsaktuelt\n"
                "  - Tildelingsbrev 2023\n"
                "  - Lagringsprinsipper\n"
                "  - PDS og PLL i 2024"
            ),
            "inputs": [
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor ønsker et høyere "
                        "ambisjonsnivå i statsbudsjettet. Utfordringen handler om "
                        "tillitsmodell. Uten en felles tillitsmodell vil ingen av "
                        "tiltakene kunne realiseres."
                    ),
                },
                {
                    "organisation": "Helse Sør-Øst RHF",
                    "text": (
                        "Helse Sør-øst RHF mener det beste vi kan gjøre er å evne å "
                        "levere noe i 2023, for å få midler i 2024."
                    ),
                },
            ],
            "decision": "Nasjonalt e-helseråd tar sakene til orientering.",
        },
        {
            "title": "Helseteknologiordningen",
            "kind": "anbefaling",
            "presenters": (
                "Elin Høyvik Kindingstad, Direktoratet for e-helse; Siw Helene "
                "Myhrer, Helsedirektoratet; Terje Wistner, KS"
            ),
            "body": (
                "Direktoratet for e-helse har fått i oppdrag av Helse- og "
                "omsorgsdepartementet å samarbeide med Helsedirektoratet og KS om å "
                "utrede en helseteknologiordning som gjennom finansielle og andre "
                "virkemidler gir insentiver for kommunene til å igangsette "
                "anskaffelser og innføre bedre journalløsninger, og til innføring av "
                "velferdsteknologi.\n"
                "\n"
                "Elin Høyvik Kindingstad, Direktoratet for e-helse, Siw Helene "
                "Myhrer, Helsedirektoratet og Terje Wistner, KS, orienterte Nasjonalt "
                "e-helseråd om utredningen og ønsket innspill til sluttføringen av "
                "arbeidet."
            ),
            "inputs": [
                {
                    "organisation": "Direktoratet for e-helse",
                    "text": (
                        "Direktoratet for e-helse innledet drøftingen med at det har "
                        "vært en bred involvering gjennom utredningen selv om den er "
                        "gjennomført på kort tid. Direktoratet har fått mange "
                        "tilbakemeldinger på rammene og føringene som er lagt for "
                        "Helseteknologiordningen i oppdraget fra departementet. "
                        "E-helserådet ble oppfordret til å drøfte forslagene i "
                        "ordningen og ikke rammene i dette møtet."
                    ),
                },
                {
                    "organisation": "KS",
                    "text": (
                        "KS innledet med kommunal sektors forventninger til "
                        "Helseteknologiordningen, spesielt med hensyn til å "
                        "understøtte det videre arbeidet med felles journalløft, "
                        "oppsummert i vedlagt tillegg til protokoll fra kommunal "
                        "sektors representanter i rådet."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor ønsket "
                        "Helseteknologiordningen velkommen. I Midt-Norge er det noen "
                        "kommuner som er avventende på å koble seg opp på "
                        "Helseplattformen fordi de venter på en stor felles kommunal "
                        "satsning. Helseteknologiordningen slik den er beskrevet vil "
                        "ikke ivareta helheten. Tiltakene i Helseteknologiordningen må "
                        "oppfordre til et bredt kommunesamarbeid, inkludert fastleger "
                        "og sykehus. Videre er det viktig at ordningen bidrar til at "
                        "det utvikles felles drifts- og forretningsmodeller."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor uttalte at "
                        "Helseteknologiordningen er riktig vei å gå. Oslo kommune har "
                        "et samarbeid med Helse Sør-Øst RHF og oppfordrer til "
                        "tilsvarende samarbeid i andre regioner. Det må arbeides mer "
                        "med hva en journal er i dag og hva det er behov for av "
                        "utvikling fra markedet. Først da kan vi svare på hva vi har "
                        "behov for når det gjelder samhandling. Det er behov for at "
                        "Helseteknologiordningen dekker utprøvingsaktiviteter og ikke "
                        "minst samhandling innad og mellom kommuner."
                    ),
                },
                {
                    "organisation": "Legeforeningen",
                    "text": (
                        "Legeforeningen uttalte at ordningen har flere fellestrekk med "
                        "EPJ-løftet og vi må trekke lærdom fra dette arbeidet. Dagens "
                        "beskrivelse av journalen er utdatert. Det er behov for nye "
                        "måter å omtale journal og samarbeidsplattformer på."
                    ),
                },
                {
                    "organisation": "Norsk Sykepleierforbund",
                    "text": (
                        "Norsk Sykepleierforbund uttrykte bekymring for en fragmentert "
                        "og sakte utvikling. I dialog med leverandørene hører vi ofte "
                        "om manglende kompetanse som en del av årsaken til at det går "
                        "for sakte. Det bør derfor være mulig å benytte "
                        "tilskuddsmidler til kompetansehevende tiltak, implementering, "
                        "drift mv. Helseteknologiordningen må sees i sammenheng med "
                        "Felles kommunal journal."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "En representant fra kommunal sektor uttalte at "
                        "Helseteknologiordningen ikke løser problemene i kommunene. "
                        "Hvis Helseteknologiordningen nå er verktøyet regjeringen "
                        "satser på, må det innrettes slik at det forbedrer tjenesten. "
                        "Det må ikke bare stilles krav til kommunene, men også til "
                        "journalleverandørene. Helseteknologiordningen sitt forhold "
                        "til mål 4 i den nye nasjonale e-helsestrategien om "
                        "tilgjengelige data og økt samhandling må tydeliggjøres."
                    ),
                },
                {
                    "organisation": "Norsk helsenett SF",
                    "text": (
                        "Norsk helsenett SF uttalte at ordningen er for ensidig "
                        "innrettet mot anskaffelsesprosessen. Den må også hensynta "
                        "informasjonsdeling mellom nivåene og rammene for at kommunene "
                        "kan samhandle."
                    ),
                },
                {
                    "sector": "Pasient- og brukerorganisasjonene",
                    "text": (
                        "Representant fra pasient- og brukerorganisasjonene uttalte at "
                        "det at systemene snakker sammen må være grunnlaget for hele "
                        "ordningen."
                    ),
                },
                {
                    "organisation": "Helse Vest RHF",
                    "text": (
                        "Helse Vest RHF mener at Felles kommunal journal har en "
                        "innretning som gjør at den kan knyttes til "
                        "samhandlingsplattformen til Norsk helsenett SF. "
                        "Helseteknologiordningen må støtte opp under retningen til "
                        "Felles kommunal journal."
                    ),
                },
                {
                    "organisation": "Helse Midt-Norge RHF",
                    "text": (
                        "Helse Midt-Norge RHF uttalte at dette er en god ordning når "
                        "forretningsmodeller, samhandlingsplattform og "
                        "driftsorganisasjon er på plass, noe som ikke er tilfelle for "
                        "de fleste kommunene i Norge."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor er urolig for at ordningen "
                        "fragmenterer helsetjenesten. Målet om at informasjon skal "
                        "følge pasienten må stå øverst. Kommunene i Midt-Norge hadde "
                        "ikke hatt felles journal om det ikke var for at Helse "
                        "Midt-Norge RHF gikk i bresjen. Selv i en så stor kommune som "
                        "Trondheim er det ikke nok kapasitet og kompetanse til å dra "
                        "så store løft, verken når det gjelder anskaffelser eller "
                        "innføring."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant for kommunal sektor uttalte at gjennom arbeidet "
                        "med felles journalløft har flere leverandører vist "
                        "investeringsvilje. Helseteknologiordningen er ment for 2024 "
                        "og det vil ta tid å mobilisere. Det er derfor viktig å bruke "
                        "2023 effektivt til forberedelser."
                    ),
                },
                {
                    "organisation": "Direktoratet for e-helse",
                    "text": (
                        "Direktoratet for e-helse oppsummerte diskusjonen med å takke "
                        "for alle gode innspill og høyt engasjement. Det er tydelig at "
                        "det er mange meninger om rammene og føringene som er lagt til "
                        "grunn i oppdraget og at innretningen på ordningen må endres "
                        "noe. Vi er alle enige om at vi ønsker å løse kommunenes behov "
                        "og rådet støtter at vi går for ambisjonsnivå 3. Dette skal "
                        "være en støtte til kommunene. Vi skal starte opp med journal "
                        "og velferdsteknologi, men drøftingen i møtet viser et stort "
                        "utfordringsbilde innen samhandlingsområdet. Rådet er tydelig "
                        "på at ordningen alene ikke løser alt, men må sees i "
                        "sammenheng med annet pågående arbeid og at innretningen må "
                        "utvikles til å ha mer fokus på tilgjengeliggjøring av "
                        "informasjon for å tilrettelegge for bedre samhandling internt "
                        "i en kommune og mellom kommunene. Direktoratet oppfatter "
                        "støtte til hvordan standardisering er ivaretatt i "
                        "Helseteknologiordningen. Direktoratet for e-helse leverer i "
                        "henhold til saksunderlaget til Helse- og omsorgsdepartementet "
                        "7. desember, innenfor de føringen som ligger i oppdraget. Vi "
                        "vil i oversendelsen vedlegge et følgebrev og utkast til "
                        "referat fra behandlingen i Nasjonalt e-helseråd 2. desember."
                    ),
                },
            ],
            "decision": (
                "Nasjonalt e-helseråd anbefaler at ambisjonsnivå 3 velges på "
                "journalområdet og støtter innretningen rundt standardisering. "
                "Velferdsteknologi bør innfases i arbeidet fra start, med opptrapping "
                "etter at evaluering av velferdsteknologiprogrammet foreligger. "
                "Direktoratet for e-helse bes ta med seg innspillene som ble gitt i "
                "møtet og synliggjøre disse for departementet."
            ),
            "attachments": [ATTACHMENT_41_22],
        },
        {
            "title": "Ny nasjonal e-helsestrategi",
            "kind": "anbefaling",
            "presenters": "Siv Ingebrigtsen, Direktoratet for e-helse",
            "body": (
                "Direktoratet for e-helse sendte 31. mai 2022 forslag til ny nasjonal "
                "e-helsestrategi for helse- og omsorgssektoren på høring, med "
                "høringsfrist 1. oktober 2022. Direktoratet for e-helse har vurdert "
                "alle innkomne høringsinnspill, og utarbeidet et oppdatert forslag.\n"
                "\n"
                "Siv Ingebrigtsen, Direktoratet for e-helse, la frem saken for "
                "Nasjonalt e-helseråd med den hensikt å behandle endelig utkast til "
                "ny nasjonal e-helsestrategi, slik at strategien kan tre i kraft fra "
                "1. januar 2023."
            ),
            "inputs": [
                {
                    "text": (
                        "Ny nasjonal e-helsestrategi for helse- og omsorgssektoren "
                        "fikk bred støtte i Nasjonalt e-helseråd, og Direktoratet for "
                        "e-helse fikk gode tilbakemeldinger på arbeidet og prosessen."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor sa at Direktoratet for "
                        "e-helse har lyttet godt til KS. Nå må vi handle, få erfaring, "
                        "se hvordan dette fungerer, og justere etter hvert. Det er "
                        "fortsatt flere spørsmål som ikke er besvart i "
                        "realiseringsplanen, og relasjonen til andre aktiviteter og "
                        "planer er ennå noe utydelig. I tillegg må en prioritering av "
                        "måleindikatorene gjøres. Det kan gis støtte til strategien, "
                        "det er litt mer usikkerhet knyttet til realiseringsplanen. "
                        "Der trenger KS mer tid."
                    ),
                },
                {
                    "organisation": "Direktoratet for e-helse",
                    "text": (
                        "Direktoratet for e-helse understreket viktigheten av at vi nå "
                        "kommer i gang med arbeidet, får læring og justerer underveis. "
                        "Aktiviteter i underliggende planer er detaljert opp i selve "
                        "programmene, ikke i strategien."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor lurte på hvordan "
                        "direktoratet skal jobbe for at hele sektoren skal få et "
                        "eierskap til denne strategien, og hva som er tenkt rundt "
                        "lanseringen i januar. Direktoratet for e-helse svarte at de "
                        "har en kommunikasjonsplan og vil følge denne i 1.kvartal "
                        "Videre ble det nevnt viktigheten av å se på strategien og "
                        "dens rolle opp mot ny nasjonal helse- og samhandlingsplan. "
                        "Det vil bli et innstikk i Aftenposten 14.12 om den nye "
                        "strategien"
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Flere representanter fra kommunal sektor støttet dette med "
                        "kommunikasjon og at det er viktig at alle finner sin rolle i "
                        "strategien og er samlet om denne."
                    ),
                },
                {
                    "organisation": "Helse Midt-Norge RHF",
                    "text": (
                        "Helse Midt-Norge RHF støtter strategien og at vi nå må over "
                        "til realisering av den."
                    ),
                },
                {
                    "organisation": "Folkehelseinstituttet",
                    "text": (
                        "FHI viste til at EU har tatt en tydeligere og sterkere rolle "
                        "innenfor e-helse de siste årene. Det kommer ikke godt nok "
                        "frem i strategien og bør tydeliggjøres. Sektor skal "
                        "standardisere, men det er ikke enkelt uten å jobbe "
                        "internasjonalt."
                    ),
                },
                {
                    "organisation": "Folkehelseinstituttet",
                    "text": (
                        "FHI mener at ambisjonen til helseregistrene bør være at de "
                        "blir til nasjonale felleskomponenter"
                    ),
                },
                {
                    "organisation": "Folkehelseinstituttet",
                    "text": (
                        "FHI kom med innspill om at Helse Midt-Norge RHF som har den "
                        "største satsingen på e-helseområdet bør foreslå aktuelle "
                        "målindikatorer som vi kan følge ekstra med på. I Midt-Norge "
                        "er det mye spennende som skjer som det kan være motiverende "
                        "og ikke minst viktig å følge med på for resten av sektor."
                    ),
                },
                {
                    "organisation": "Norsk helsenett SF",
                    "text": (
                        "Norsk helsenett SF spurte om måleindikatorene gjelder for "
                        "hele strategiperioden. Direktoratet for e-helse svarte at de "
                        "vil justeres underveis, som en del av oppfølgingen av "
                        "strategien."
                    ),
                },
                {
                    "organisation": "Helsedirektoratet",
                    "text": (
                        "Helsedirektoratet mener vi må ha mer oppmerksomhet på det "
                        "tverrsektorielle samarbeidet. Det er stadig flere satsinger "
                        "med mål om å samordne tjenester overfor innbygger."
                    ),
                },
                {
                    "organisation": "Helse Sør-Øst RHF",
                    "text": (
                        "Helse Sør-Øst RHF mener det er viktig å komme i gang med "
                        "arbeidet, og at realiseringsplanen som er presentert er ¨godt "
                        "nok til å starte med."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener det er viktig å ha noe "
                        "forutsigbart, og at hovedinnretningen av strategien bør ligge "
                        "fast."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener at ambisjonsnivået som "
                        "er satt i realiseringsplanen ikke er forankret godt nok. Vi "
                        "må etterstrebe at ambisjonsnivåene harmoniseres med kommunene "
                        "sine ambisjonsnivåer. Planen må evalueres og eventuelt "
                        "justeres underveis. Planen kan likevel besluttes som "
                        "utgangspunkt for oppfølging i første kvartal 2023."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor påpekte at "
                        "forretningsmodellene på tvers av nivåene er kritiske for å "
                        "skalere opp e-helseløsningene. Det er ikke et mål i seg selv, "
                        "men en forutsetning. Dette er krevende og bør arbeides med "
                        "videre."
                    ),
                },
            ],
            "decision": (
                "Nasjonalt e-helseråd stiller seg bak ny nasjonal e-helsestrategi for "
                "helse- og omsorgssektoren. Strategien skal være retningsgivende for "
                "relevante strategier og planer. Nasjonalt e-helseråd stiller seg også "
                "bak hvordan strategien skal følges opp i 2023, som beskrevet i «Plan "
                "for realisering av nasjonal e-helsestrategi v.0.95». Det skal jobbes "
                "videre med realiseringsplanen og særskilt med målindikatorene sammen "
                "med aktørene i sektor."
            ),
        },
        {
            "title": (
                "Styring og forankring av digitalisering Helse- og "
                "smittevernberedskapen"
            ),
            "kind": "drofting",
            "presenters": "Ida Marie Ørvik, FHI; Terje Wistner og Mette Røhne, KS",
            "body": (
                "Ida Marie Ørvik, FHI, og Terje Wistner og Mette Røhne, KS, "
                "orienterte Nasjonalt e-helseråd om erfaringer med "
                "digitaliseringsarbeidet fra pandemien, samt planer for videre "
                "organisering av digitaliseringsarbeidet som sikrer en helhetlig og "
                "samlet innsats i videre arbeid med å styrke digital helse- og "
                "smittevernberedskap i ny planperiode."
            ),
            "inputs": [
                {
                    "organisation": "Legeforeningen",
                    "text": (
                        "Legeforeningen nevnte at alle kommunene viste seg avhengig av "
                        "fastlegene under pandemien for å kunne søke opp og finne de "
                        "sårbare gruppene i kommunen når det kom til vaksinering. "
                        "Verktøyet hadde vi, men det var ikke fult integrert. Videre "
                        "påpekte legeforeningen at sektor har anledning til en årlig "
                        "trening på dette under influensasesongen, men den bruker vi "
                        "ikke."
                    ),
                },
                {
                    "organisation": "Norsk Sykepleierforbund",
                    "text": (
                        "Norsk sykepleierforbund mener det er nyttig vi kapitaliserer "
                        "på den erfaringen vi gjorde under pandemien. Videre ble det "
                        "understreket at samhandling og datadeling må ikke eksplisitt "
                        "ses på i sammenheng med beredskapsarbeid, men også ses på opp "
                        "mot de løsningene som hele helsetjenesten bruker i dag, og på "
                        "den eksisterende infrastrukturen."
                    ),
                },
                {
                    "sector": "Pasient- og brukerorganisasjonene",
                    "text": (
                        "Representant fra pasient- og brukerorganisasjonene lurte på "
                        "hvor mye av dette som stoppes av juridiske hindringer. FHI "
                        "svarte at det juridiske er en stor utfordring i dette "
                        "arbeidet."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor nevnte at pandemien viste "
                        "oss at mye faktisk er mulig når det kommer til samhandling "
                        "når vi har et konkret problem. Sektor må i større grad tørre "
                        "å utfordre det juridiske reglementet."
                    ),
                },
                {
                    "organisation": "Helse Vest RHF",
                    "text": (
                        "Helse Vest RHF mener det er konkret læring sektor må ta med "
                        "seg videre fra pandemien. Videreføring av løsninger, "
                        "arbeidsmetodikken, og det å utfordre det juridiske. Videre "
                        "stilte Helse Vest RHF seg undrende til at "
                        "spesialisthelsetjenesten ikke er nevnt i dette arbeidet. Noe "
                        "som fikk støtte av Helse Sør-Øst RHF. FHI svarte at "
                        "spesialisthelsetjenesten har en viktig rolle her, og at det "
                        "må tydeliggjøres. Videre erkjente FHI at i kjølvannet av "
                        "pandemien har de ikke tenkt nok på spesialisthelsetjenesten "
                        "da pandemien traff kommunene hardest."
                    ),
                },
                {
                    "organisation": "Norsk helsenett SF",
                    "text": (
                        "Norsk helsenett SF mener de bør inkluderes i en "
                        "styringsgruppe for dette arbeidet. Under pandemien var ikke "
                        "finansiering eller det juridiske et problem. Hvis dette skal "
                        "omhandle de nasjonale e-helseløsningene bør det også inn i "
                        "TBU."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener digital "
                        "hjemmeoppfølging ble lite tatt i bruk under pandemien. Dette "
                        "kunne avlastet kommunene i større grad. Det er noe som må tas "
                        "med inn her. Videre er det viktig med gode digitale verktøy "
                        "for beredskap slik at informasjon fra blant andre sykehus og "
                        "laboratorium flyter bedre ut til kommunene. Under pandemien "
                        "ble det mye manuell oppfølging av stort og smått for "
                        "kommunene."
                    ),
                },
                {
                    "organisation": "Helsedirektoratet",
                    "text": (
                        "Helsedirektoratet understreket at de dataene sektor er "
                        "avhengig av i en krisetid må vi få inn og få tilgang til i "
                        "fredstid også. Svakhetene sektoren har i normal drift blir "
                        "veldig tydelig når vi kommer i en krise. Videre er det viktig "
                        "vi ser utover vår egen sektor når det kommer til "
                        "beredskapsarbeid."
                    ),
                },
                {
                    "organisation": "Folkehelseinstituttet",
                    "text": (
                        "FHI kommenterte at pandemien viste oss et mulighetsrom, men "
                        "også hvor dårlig det står til i det daglige. Vår sektor må "
                        "tenke beredskap i alt vi gjør, og at det må kunne skaleres "
                        "opp i en krise. Beredskapsregisteret er det kun FHI som har "
                        "tilgang til og som da kan analysere på den dataen. Videre "
                        "påpekte FHI at dersom de nasjonale e-helseløsningene skal "
                        "brukes i beredskapssammenheng må alle løsningene også inn i "
                        "finansieringsmodellen. Da er det viktig at det er nytte for "
                        "kommunene slik at de er villig til å betale for det. FHI "
                        "understreket også at i pandemien var nøkkelen strukturerte "
                        "data. Det holder ikke med ustrukturerte data."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor spilte inn at «inhouse» "
                        "kompetanse på dette er viktig. Det gjør at en kan snu seg "
                        "rundt fort og tilpasse seg nye hendelser og utfordringer. De "
                        "store kommunene og sykehusene kan ikke være for avhengig av "
                        "eksterne systemer."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "En annen representant fra kommunal sektor understreket at "
                        "problemet vi har til daglig knyttet til datadeling og "
                        "samhandling blir enda tydeligere i en krise. Kunnskapen vi "
                        "har fått etter pandemien må ikke gå tapt, men få frem "
                        "betydningen av at det arbeidet fortsetter."
                    ),
                },
                {
                    "organisation": "Direktoratet for e-helse",
                    "text": (
                        "Direktoratet for e-helse kommenterte at de er blitt utfordret "
                        "til å ta en rolle i dette arbeidet. En styringsgruppe for "
                        "beredskap vil ikke bli et nytt utvalg i rådsmodellen, men et "
                        "underorgan. Strategiske saker fra styringsgruppen kan løftes "
                        "inn i rådsmodellen."
                    ),
                },
            ],
            "decision": (
                "Nasjonalt e-helseråd tar saken til orientering og støtter "
                "innretningen og understreker viktigheten av videre arbeid med "
                "digitalisering av helse- og smittevernberedskapen. Direktoratet for "
                "e-helse bes om å ta med innspill fra møtet og følge opp saken videre."
            ),
        },
        {
            "title": (
                "Status helsedatasatsingen og etablering av Helsedatarådet og "
                "brukerråd for helsedata"
            ),
            "kind": "drofting",
            "presenters": "Håvard Kolle Riis, Direktoratet for e-helse",
            "body": (
                "Håvard Kolle Riis, Direktoratet for e-helse, ga Nasjonalt e-helseråd "
                "en oppdatert status på arbeidet med å realisere målbildet for "
                "helsedatasatsingen. I tillegg fikk Nasjonalt e-helseråd muligheten "
                "til å komme med innspill til hvordan Nasjonal rådsmodell for "
                "e-helse kan samspille med et Helsedataråd og et Brukerråd for "
                "helsedata som skal etableres."
            ),
            "inputs": [
                {
                    "organisation": "Helsedirektoratet",
                    "text": (
                        "Helsedirektoratet spurte om det er gjort nye vurderinger i "
                        "dette arbeidet opp mot GDPR og Schrems II, og om det fortsatt "
                        "er årsaken til at helseanalyseplattformen ikke realiseres. "
                        "Direktoratet for e-helse svarte at de jobber nå med en ny "
                        "vurdering på dette. Det er risiko ved løsningen som fortsatt "
                        "er gjeldende."
                    ),
                },
                {
                    "organisation": "Helse Midt-Norge RHF",
                    "text": (
                        "Helse Midt-Norge RHF spilte inn at det er motstand mot å "
                        "ensidig overføre vedtaksmyndighet for tilgjengeliggjøring fra "
                        "registerforvaltere. De mener det er viktig å bistå de lokale "
                        "vedtaksmyndighetene, og tenke mer mot bygging av nettverk. "
                        "Direktoratet for e-helse kommenterte at overføring av "
                        "vedtaksmyndighet nå i første omgang er for de sentrale "
                        "nasjonale registrene. Videre må det ses på "
                        "hensiktsmessigheten ved å overføre vedtaksmyndighet, i samråd "
                        "med registerforvalterne. Vi er helt avhengig av å samarbeide "
                        "med registerforvalterne."
                    ),
                },
                {
                    "organisation": "Folkehelseinstituttet",
                    "text": (
                        "FHI nevnte at det som virkelig betyr noe for forskerne er å "
                        "få raskere tilgang til dataene. FHI er usikre på om det er "
                        "tilstrekkelig med ressurser og kompetanse i helsedataservice "
                        "til å overta denne oppgaven. Det er svært uheldig om "
                        "behandlingstiden øker. FHI mener Direktoratet for e-helse må "
                        "bruke kjernekompetansen ellers i landet også, og ikke la det "
                        "kun ligge i miljøet på Tynset i en overgangsperiode. "
                        "Direktoratet for e-helse støtter at den viktigste oppgaven i "
                        "2023 er å redusere restanser og utleveringstid. Forberedelser "
                        "for overføring av vedtaksmyndighet skjer nå i tett samarbeid "
                        "med registerforvalterne, og det blir viktig å sikre at de "
                        "samlede ressursene benyttes på en god og hensiktsmessig måte."
                    ),
                },
                {
                    "organisation": "Helse Sør-Øst RHF",
                    "text": (
                        "Helse Sør-Øst RHF minnet E-helserådet om en avtale mellom USA "
                        "og EU som er på vei. Datatilsynet sier at når avtalen "
                        "signeres vil utfordringene knyttet til Schrems II være borte."
                    ),
                },
            ],
            "decision": (
                "Nasjonalt e-helseråd er orientert om status på arbeidet med "
                "helsedatasatsingen og etablering av helsedataråd og brukerråd for "
                "helsedata, og ber om at innspill fremkommet i møtet vurderes inn i "
                "videre arbeid."
            ),
        },
        {
            "title": "Digital samhandling – PDS og PLL i 2023",
            "kind": "drofting",
            "presenters": "Lucie Aunan, Direktoratet for e-helse",
            "body": (
                "I forslag til statsbudsjett 2023 fremgår det at det ikke er "
                "prioritert å finansiere PDS Steg 2 i 2023. Til sammen har program "
                "digital samhandling steg 1 og pasientens legemiddelliste fått 176,6 "
                "MNOK i 2023 over statsbudsjettet. I justert tillegg til "
                "tildelingsbrev nr. 7 til Direktoratet for e-helse fra Helse- og "
                "omsorgsdepartementet henvises det til at pasientens prøvesvar, "
                "pasientens legemiddelliste og dokumentdeling er nevnt særskilt i "
                "forslag til statsbudsjett 2023 og det bes om at disse områdene "
                "prioriteres.\n"
                "\n"
                "Lucie Aunan, Direktoratet for e-helse, la frem saken i møtet og "
                "ønsket at Nasjonalt e-helseråd stiller seg bak det anbefalte "
                "alternativ 3 fra PDS og PLL i 2023.\n"
                "\n"
                "Alternativ 3: «Prioriterte områder med økt fokus på å realisere "
                "konkret nytt»."
            ),
            "inputs": [
                {
                    "text": (
                        "Prioriteringene programmene har lagt i alternativ 3 som ble "
                        "presentert i møtet fikk bred støtte i Nasjonalt e-helseråd."
                    ),
                },
                {
                    "organisation": "Legeforeningen",
                    "text": (
                        "Legeforeningen mener det er viktig å lykkes i 2023, for å få "
                        "midler i 2024. Legeforeningen mener pasientens "
                        "legemiddelliste definitivt er det viktigste å fullføre "
                        "fortest mulig. Men hvis det viktigste for å få videre midler "
                        "er å holde hjulene i gang så er det forståelig å velge "
                        "alternativ 3."
                    ),
                },
                {
                    "organisation": "Helsedirektoratet",
                    "text": (
                        "Helsedirektoratet antar det kan være usikkerhet og risiko "
                        "innenfor de ulike alternativene som ble presentert. De mener "
                        "det derfor er viktig å gjøre en ny vurdering på vårparten for "
                        "så å eventuelt justere noe."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener alternativ 3 "
                        "synliggjør potensiale med de to store satsningene. I tillegg "
                        "får vi en større driv fra kommunene for å få opp tempo hvis "
                        "nytteverdien blir tydelig. Kommunene må kunne se gevinstene "
                        "ute i tjenesten. I tillegg ble det presisert at det bør være "
                        "noen nasjonale føringer på hvordan klare å synliggjøre "
                        "databehandleransvaret og prioriteringene."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener det er viktig å "
                        "mobilisere for ibruktagelse. Steg 2 inneholdt en del "
                        "forberedende arbeid til å ta i bruk løsningene. "
                        "Forutsetningen for å kunne gjøre det er felles tillitsmodell, "
                        "noe vi opplever mangler i dag. Vi må ha gode rammebetingelser "
                        "for tillitsmodeller hvor dette kan realiseres."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Videre ble det påpekt fra representant fra kommunal sektor at "
                        "det å redusere ambisjonsnivået på kjernejournal når kommunene "
                        "i lov er blitt bedt om å betale for det blir svært uheldig."
                    ),
                },
                {
                    "organisation": "Helse Vest RHF",
                    "text": (
                        "Helse Vest RHF tok til orde for at tillitsmodellen og "
                        "operasjonalisering av den er noe som må løses. Helse Sør-Øst "
                        "RHF støttet dette og informerte samtidig om at dette skal de "
                        "ses nærmere på i programstyremøtet 14. desember."
                    ),
                },
                {
                    "organisation": "Oslo kommune",
                    "written": True,
                    "text": (
                        "Oslo kommune var ikke tilstede under saken, men har sendt inn "
                        "skriftlig innspill som er videresendt til programmene."
                    ),
                },
            ],
            # The proposal was amended in the meeting: «Oppdatert vedtak».
            "proposed": (
                "Nasjonalt e-helseråd stiller seg bak de foreslåtte prioriteringene "
                "fra PDS og PLL i 2023 (alternativ 3)."
            ),
            "decision": (
                "Nasjonalt e-helseråd stiller seg bak de foreslåtte prioriteringene "
                "fra PDS og PLL i 2023 (alternativ 3). Fordelingen av budsjett kan tas "
                "opp igjen i NUIT i 2 kvartal hvis programmene møter på uforutsette "
                "hendelser eller bruker mindre midler enn planlagt."
            ),
        },
        {
            "standard": "any_other_business",
            "title": "Eventuelt",
            "kind": "eventuelt",
            "body": "Det kom ingen saker til eventuelt.",
        },
    ],
}

# Meeting 1/2023: invented. Held, minuted and out for the members' review; its item
# 2/23 approves the minutes of 2 December 2022.
MEETING_1_2023 = {
    "number": 1,
    "date": "2023-03-09",
    "absent": {"Steffen Sutorius": ""},
    "arrived": {},
    "secretariat": SECRETARIAT_STAFF,
    "minutes": "in_review",
    # Sent to the members for review when the demo is loaded, with this many days.
    "review_days": 14,
    "items": [
        {
            "standard": "summons_approval",
            "title": "Godkjenning av innkalling og dagsorden",
            "kind": "godkjenning",
            "body": "Det kom ingen innspill til innkalling og dagsorden.",
            "decision": "Nasjonalt e-helseråd godkjenner innkalling og dagsorden.",
        },
        {
            "standard": "minutes_approval",
            "title": (
                "Godkjenning av referatet fra møtet 2. desember 2022 i Nasjonalt "
                "e-helseråd"
            ),
            "kind": "godkjenning",
            "body": "Det kom ingen innspill til referatet.",
            "decision": (
                "Nasjonalt e-helseråd godkjenner referatet fra møtet 2. desember 2022."
            ),
        },
        {
            "standard": "secretariat_info",
            "title": "Orientering fra Direktoratet for e-helse",
            "kind": "orientering",
            "presenters": "Mariann Hornnes, Direktoratet for e-helse",
            "body": (
                "Mariann Hornnes, Direktoratet for e-helse, orienterte om status på "
                "følgende saker:\n"
                "\n"
                "- Tildelingsbrev 2023\n"
                "- Lansering av nasjonal e-helsestrategi\n"
                "- Helseteknologiordningen etter oversendelsen til departementet"
            ),
            "decision": "Nasjonalt e-helseråd tar sakene til orientering.",
        },
        {
            "title": "Realiseringsplan for nasjonal e-helsestrategi – målindikatorer",
            "kind": "drofting",
            "presenters": "Siv Ingebrigtsen, Direktoratet for e-helse",
            "body": (
                "Nasjonalt e-helseråd ba i møtet 2. desember 2022 om at det jobbes "
                "videre med realiseringsplanen og særskilt med målindikatorene "
                "sammen med aktørene i sektor.\n"
                "\n"
                "Direktoratet for e-helse la frem et forslag til prioriterte "
                "målindikatorer for 2023 og ønsket rådets innspill."
            ),
            "inputs": [
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor mener indikatorene må "
                        "kunne måles uten ny rapportering fra kommunene."
                    ),
                },
                {
                    "organisation": "Helse Midt-Norge RHF",
                    "text": (
                        "Helse Midt-Norge RHF foreslo å følge bruken av "
                        "samhandlingsløsningene i regionen som en egen indikator."
                    ),
                },
                {
                    "organisation": "Legeforeningen",
                    "text": (
                        "Legeforeningen ba om at indikatorene også sier noe om "
                        "nytten for helsepersonell."
                    ),
                },
            ],
            "proposed": (
                "Nasjonalt e-helseråd støtter forslaget til prioriterte "
                "målindikatorer for 2023. Direktoratet for e-helse bes ta med "
                "innspillene fra møtet i det videre arbeidet."
            ),
        },
        {
            "title": "Felles tillitsmodell for deling av helseopplysninger",
            "kind": "anbefaling",
            "presenters": "Lucie Aunan, Direktoratet for e-helse",
            "body": (
                "Rådet har flere ganger pekt på at en felles tillitsmodell er en "
                "forutsetning for å ta i bruk løsningene for digital samhandling. "
                "Direktoratet for e-helse la frem en anbefaling om hvordan arbeidet "
                "med tillitsmodellen skal organiseres i 2023."
            ),
            "inputs": [
                {
                    "organisation": "Helse Vest RHF",
                    "text": (
                        "Helse Vest RHF støtter anbefalingen og ber om at "
                        "operasjonaliseringen av tillitsmodellen prioriteres."
                    ),
                },
                {
                    "sector": "Kommunal sektor",
                    "text": (
                        "Representant fra kommunal sektor ba om at kommunene "
                        "involveres tidlig i arbeidet."
                    ),
                },
            ],
            "proposed": (
                "Nasjonalt e-helseråd anbefaler at arbeidet med en felles "
                "tillitsmodell organiseres som beskrevet i saksunderlaget."
            ),
        },
        {
            "title": "Pasientens legemiddelliste – status for utprøvingen",
            "kind": "orientering",
            "presenters": "Lucie Aunan, Direktoratet for e-helse",
            "body": (
                "Direktoratet for e-helse orienterte om status for utprøvingen av "
                "pasientens legemiddelliste i Bergen kommune og Helse Vest RHF, og "
                "om planene for videre utbredelse."
            ),
            "proposed": "Nasjonalt e-helseråd tar saken til orientering.",
        },
        {
            "standard": "any_other_business",
            "title": "Eventuelt",
            "kind": "eventuelt",
            "body": "Det kom ingen saker til eventuelt.",
        },
    ],
}

# In date order: each meeting's approval item links to the one before it.
MEETINGS = [MEETING_5_2022, MEETING_6_2022, MEETING_1_2023]
