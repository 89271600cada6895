"""What the reference minutes of 2 December 2022 say, typed from the document
(tests/data/referat-nasjonalt-e-helserad-2022-12-02.txt), for the demo data tests.

Typed here, not read from ops/demo_data.py, so a slip in either shows up as a failure.
"""

SLUG = "nasjonalt-e-helserad"

# «Til stede», in the reference's order: (person, organisation they represent).
PRESENT = [
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
]
# «Ikke til stede», with the substitute «Stedfortreder» where there was one.
ABSENT = [
    ("Kristin W. Wieland", "KS", "Terje Wistner"),
    ("Steffen Sutorius", "Digitaliseringsdirektoratet", None),
    ("Lill Sverresdatter Larsen", "Norsk Sykepleierforbund", "Kai Øivind Brenden"),
]
SECRETARIAT = ["Lucie Aunan", "Siv Ingebrigtsen", "Vibeke Jonassen Wang", "Karen Lima"]

AGENDA = [
    ("38/22", "Godkjenning av innkalling og dagsorden", "godkjenning"),
    (
        "39/22",
        "Godkjenning av referatet fra møtet 21. september 2022 i Nasjonalt e-helseråd",
        "godkjenning",
    ),
    ("40/22", "Orientering fra Direktoratet for e-helse", "orientering"),
    ("41/22", "Helseteknologiordningen", "anbefaling"),
    ("42/22", "Ny nasjonal e-helsestrategi", "anbefaling"),
    (
        "43/22",
        "Styring og forankring av digitalisering Helse- og smittevernberedskapen",
        "drofting",
    ),
    (
        "44/22",
        "Status helsedatasatsingen og etablering av Helsedatarådet og brukerråd for "
        "helsedata",
        "drofting",
    ),
    ("45/22", "Digital samhandling – PDS og PLL i 2023", "drofting"),
    ("46/22", "Eventuelt", "eventuelt"),
]

# Full sentences of each decision, in order.
DECISIONS = {
    "38/22": ["Nasjonalt e-helseråd godkjenner innkalling og dagsorden."],
    "39/22": [
        "Nasjonalt e-helseråd godkjenner referatet fra møtet 21. september 2022."
    ],
    "40/22": ["Nasjonalt e-helseråd tar sakene til orientering."],
    "41/22": [
        "Nasjonalt e-helseråd anbefaler at ambisjonsnivå 3 velges på journalområdet "
        "og støtter innretningen rundt standardisering.",
        "Velferdsteknologi bør innfases i arbeidet fra start, med opptrapping etter at "
        "evaluering av velferdsteknologiprogrammet foreligger.",
        "Direktoratet for e-helse bes ta med seg innspillene som ble gitt i møtet og "
        "synliggjøre disse for departementet.",
    ],
    "42/22": [
        "Nasjonalt e-helseråd stiller seg bak ny nasjonal e-helsestrategi for helse- "
        "og omsorgssektoren.",
        "Strategien skal være retningsgivende for relevante strategier og planer.",
        "Nasjonalt e-helseråd stiller seg også bak hvordan strategien skal følges opp "
        "i 2023, som beskrevet i «Plan for realisering av nasjonal e-helsestrategi "
        "v.0.95».",
        "Det skal jobbes videre med realiseringsplanen og særskilt med "
        "målindikatorene sammen med aktørene i sektor.",
    ],
    "43/22": [
        "Nasjonalt e-helseråd tar saken til orientering og støtter innretningen og "
        "understreker viktigheten av videre arbeid med digitalisering av helse- og "
        "smittevernberedskapen.",
        "Direktoratet for e-helse bes om å ta med innspill fra møtet og følge opp "
        "saken videre.",
    ],
    "44/22": [
        "Nasjonalt e-helseråd er orientert om status på arbeidet med "
        "helsedatasatsingen og etablering av helsedataråd og brukerråd for "
        "helsedata, og ber om at innspill fremkommet i møtet vurderes inn i videre "
        "arbeid.",
    ],
    "45/22": [
        "Nasjonalt e-helseråd stiller seg bak de foreslåtte prioriteringene fra PDS "
        "og PLL i 2023 (alternativ 3).",
        "Fordelingen av budsjett kan tas opp igjen i NUIT i 2 kvartal hvis "
        "programmene møter på uforutsette hendelser eller bruker mindre midler enn "
        "planlagt.",
    ],
    "46/22": [],
}

# Bullets under «Følgende innspill og spørsmål ble svart ut i møtet:», counted in
# the reference: (first words, last words, who it is attributed to).
INPUTS = {
    "38/22": [],
    "39/22": [],
    "40/22": [
        (
            "Representant fra kommunal sektor ønsker et høyere",
            "av tiltakene kunne realiseres.",
            "Representant fra kommunal sektor",
        ),
        (
            "Helse Sør-øst RHF mener det beste vi",
            "få midler i 2024.",
            "Helse Sør-Øst RHF",
        ),
    ],
    "41/22": [
        (
            "Direktoratet for e-helse innledet drøftingen med at",
            "rammene i dette møtet.",
            "Direktoratet for e-helse",
        ),
        (
            "KS innledet med kommunal sektors forventninger til",
            "sektors representanter i rådet.",
            "KS",
        ),
        (
            "Representant fra kommunal sektor ønsket Helseteknologiordningen",
            "felles drifts- og forretningsmodeller.",
            "Representant fra kommunal sektor",
        ),
        (
            "Representant fra kommunal sektor uttalte at Helseteknologiordningen",
            "innad og mellom kommuner.",
            "Representant fra kommunal sektor",
        ),
        (
            "Legeforeningen uttalte at ordningen har flere fellestrekk",
            "journal og samarbeidsplattformer på.",
            "Legeforeningen",
        ),
        (
            "Norsk Sykepleierforbund uttrykte bekymring for en fragmentert",
            "med Felles kommunal journal.",
            "Norsk Sykepleierforbund",
        ),
        (
            "En representant fra kommunal sektor uttalte at",
            "økt samhandling må tydeliggjøres.",
            "Representant fra kommunal sektor",
        ),
        (
            "Norsk helsenett SF uttalte at ordningen er",
            "at kommunene kan samhandle.",
            "Norsk helsenett SF",
        ),
        (
            "Representant fra pasient- og brukerorganisasjonene uttalte at",
            "grunnlaget for hele ordningen.",
            "Representant fra pasient- og brukerorganisasjonene",
        ),
        (
            "Helse Vest RHF mener at Felles kommunal",
            "til Felles kommunal journal.",
            "Helse Vest RHF",
        ),
        (
            "Helse Midt-Norge RHF uttalte at dette er",
            "fleste kommunene i Norge.",
            "Helse Midt-Norge RHF",
        ),
        (
            "Representant fra kommunal sektor er urolig for",
            "gjelder anskaffelser eller innføring.",
            "Representant fra kommunal sektor",
        ),
        (
            "Representant for kommunal sektor uttalte at gjennom",
            "2023 effektivt til forberedelser.",
            "Representant fra kommunal sektor",
        ),
        (
            "Direktoratet for e-helse oppsummerte diskusjonen med å",
            "Nasjonalt e-helseråd 2. desember.",
            "Direktoratet for e-helse",
        ),
    ],
    "42/22": [
        (
            "Ny nasjonal e-helsestrategi for helse- og omsorgssektoren",
            "på arbeidet og prosessen.",
            "",
        ),
        (
            "Representant fra kommunal sektor sa at Direktoratet",
            "trenger KS mer tid.",
            "Representant fra kommunal sektor",
        ),
        (
            "Direktoratet for e-helse understreket viktigheten av at",
            "programmene, ikke i strategien.",
            "Direktoratet for e-helse",
        ),
        (
            "Representant fra kommunal sektor lurte på hvordan",
            "om den nye strategien",
            "Representant fra kommunal sektor",
        ),
        (
            "Flere representanter fra kommunal sektor støttet dette",
            "er samlet om denne.",
            "Representant fra kommunal sektor",
        ),
        (
            "Helse Midt-Norge RHF støtter strategien og at",
            "til realisering av den.",
            "Helse Midt-Norge RHF",
        ),
        (
            "FHI viste til at EU har tatt",
            "uten å jobbe internasjonalt.",
            "Folkehelseinstituttet",
        ),
        (
            "FHI mener at ambisjonen til helseregistrene bør",
            "blir til nasjonale felleskomponenter",
            "Folkehelseinstituttet",
        ),
        (
            "FHI kom med innspill om at Helse",
            "for resten av sektor.",
            "Folkehelseinstituttet",
        ),
        (
            "Norsk helsenett SF spurte om måleindikatorene gjelder",
            "av oppfølgingen av strategien.",
            "Norsk helsenett SF",
        ),
        (
            "Helsedirektoratet mener vi må ha mer oppmerksomhet",
            "samordne tjenester overfor innbygger.",
            "Helsedirektoratet",
        ),
        (
            "Helse Sør-Øst RHF mener det er viktig",
            "til å starte med.",
            "Helse Sør-Øst RHF",
        ),
        (
            "Representant fra kommunal sektor mener det er",
            "strategien bør ligge fast.",
            "Representant fra kommunal sektor",
        ),
        (
            "Representant fra kommunal sektor mener at ambisjonsnivået",
            "i første kvartal 2023.",
            "Representant fra kommunal sektor",
        ),
        (
            "Representant fra kommunal sektor påpekte at forretningsmodellene",
            "bør arbeides med videre.",
            "Representant fra kommunal sektor",
        ),
    ],
    "43/22": [
        (
            "Legeforeningen nevnte at alle kommunene viste seg",
            "den bruker vi ikke.",
            "Legeforeningen",
        ),
        (
            "Norsk sykepleierforbund mener det er nyttig vi",
            "på den eksisterende infrastrukturen.",
            "Norsk Sykepleierforbund",
        ),
        (
            "Representant fra pasient- og brukerorganisasjonene lurte på",
            "utfordring i dette arbeidet.",
            "Representant fra pasient- og brukerorganisasjonene",
        ),
        (
            "Representant fra kommunal sektor nevnte at pandemien",
            "utfordre det juridiske reglementet.",
            "Representant fra kommunal sektor",
        ),
        (
            "Helse Vest RHF mener det er konkret",
            "pandemien traff kommunene hardest.",
            "Helse Vest RHF",
        ),
        (
            "Norsk helsenett SF mener de bør inkluderes",
            "også inn i TBU.",
            "Norsk helsenett SF",
        ),
        (
            "Representant fra kommunal sektor mener digital hjemmeoppfølging",
            "og smått for kommunene.",
            "Representant fra kommunal sektor",
        ),
        (
            "Helsedirektoratet understreket at de dataene sektor er",
            "det kommer til beredskapsarbeid.",
            "Helsedirektoratet",
        ),
        (
            "FHI kommenterte at pandemien viste oss et",
            "ikke med ustrukturerte data.",
            "Folkehelseinstituttet",
        ),
        (
            "Representant fra kommunal sektor spilte inn at",
            "avhengig av eksterne systemer.",
            "Representant fra kommunal sektor",
        ),
        (
            "En annen representant fra kommunal sektor understreket",
            "at det arbeidet fortsetter.",
            "Representant fra kommunal sektor",
        ),
        (
            "Direktoratet for e-helse kommenterte at de er",
            "løftes inn i rådsmodellen.",
            "Direktoratet for e-helse",
        ),
    ],
    "44/22": [
        (
            "Helsedirektoratet spurte om det er gjort nye",
            "som fortsatt er gjeldende.",
            "Helsedirektoratet",
        ),
        (
            "Helse Midt-Norge RHF spilte inn at det",
            "å samarbeide med registerforvalterne.",
            "Helse Midt-Norge RHF",
        ),
        (
            "FHI nevnte at det som virkelig betyr",
            "god og hensiktsmessig måte.",
            "Folkehelseinstituttet",
        ),
        (
            "Helse Sør-Øst RHF minnet E-helserådet om en",
            "Schrems II være borte.",
            "Helse Sør-Øst RHF",
        ),
    ],
    "45/22": [
        (
            "Prioriteringene programmene har lagt i alternativ 3",
            "støtte i Nasjonalt e-helseråd.",
            "",
        ),
        (
            "Legeforeningen mener det er viktig å lykkes",
            "å velge alternativ 3.",
            "Legeforeningen",
        ),
        (
            "Helsedirektoratet antar det kan være usikkerhet og",
            "å eventuelt justere noe.",
            "Helsedirektoratet",
        ),
        (
            "Representant fra kommunal sektor mener alternativ 3",
            "synliggjøre databehandleransvaret og prioriteringene.",
            "Representant fra kommunal sektor",
        ),
        (
            "Representant fra kommunal sektor mener det er",
            "hvor dette kan realiseres.",
            "Representant fra kommunal sektor",
        ),
        (
            "Videre ble det påpekt fra representant fra",
            "det blir svært uheldig.",
            "Representant fra kommunal sektor",
        ),
        (
            "Helse Vest RHF tok til orde for",
            "i programstyremøtet 14. desember.",
            "Helse Vest RHF",
        ),
        (
            "Oslo kommune var ikke tilstede under saken,",
            "er videresendt til programmene.",
            "Oslo kommune",
        ),
    ],
    "46/22": [],
}

# Some inputs in full: broken lines rejoined, the council's own wording kept.
FULL_INPUTS = {
    "40/22": [
        "Representant fra kommunal sektor ønsker et høyere ambisjonsnivå i "
        "statsbudsjettet. Utfordringen handler om tillitsmodell. Uten en felles "
        "tillitsmodell vil ingen av tiltakene kunne realiseres.",
        "Helse Sør-øst RHF mener det beste vi kan gjøre er å evne å levere noe i 2023, "
        "for å få midler i 2024.",
    ],
    "41/22": [
        "Helse Midt-Norge RHF uttalte at dette er en god ordning når "
        "forretningsmodeller, samhandlingsplattform og driftsorganisasjon er på "
        "plass, noe som ikke er tilfelle for de fleste kommunene i Norge.",
    ],
    "42/22": [
        "Ny nasjonal e-helsestrategi for helse- og omsorgssektoren fikk bred støtte i "
        "Nasjonalt e-helseråd, og Direktoratet for e-helse fikk gode tilbakemeldinger "
        "på arbeidet og prosessen.",
        "Helse Sør-Øst RHF mener det er viktig å komme i gang med arbeidet, og at "
        "realiseringsplanen som er presentert er ¨godt nok til å starte med.",
        "FHI mener at ambisjonen til helseregistrene bør være at de blir til "
        "nasjonale felleskomponenter",
    ],
    "43/22": [
        "Legeforeningen nevnte at alle kommunene viste seg avhengig av fastlegene "
        "under pandemien for å kunne søke opp og finne de sårbare gruppene i "
        "kommunen når det kom til vaksinering. Verktøyet hadde vi, men det var ikke "
        "fult integrert. Videre påpekte legeforeningen at sektor har anledning til en "
        "årlig trening på dette under influensasesongen, men den bruker vi ikke.",
    ],
    "45/22": [
        "Oslo kommune var ikke tilstede under saken, men har sendt inn skriftlig "
        "innspill som er videresendt til programmene.",
    ],
}
