"""Small past minutes of a test council, as a secretariat would have them in a text
file, laid out as the importer reads them (archive/importing/parse.py): two items,
one input attributed to the member's organisation, two decisions."""

from council.models import Council, Membership


def minutes_text(
    council: Council,
    membership: Membership,
    *,
    number: int = 3,
    year: int = 2023,
    title: str = "Ny strategi",
) -> str:
    organisation = membership.organisation.name
    yy = f"{year % 100:02d}"
    return f"""Referat fra møte i {council.name}
Møte {number}/{year}
Dato 14. mars {year}
Tid Kl. 10.00 – 15.00
Sted Møterom 1
Til stede
{membership.person.name} ({organisation})
Sak Agenda {council.name} Sakstype
1/{yy} Godkjenning av innkalling og dagsorden Godkjenning
2/{yy} {title} Drøfting
1/{yy} Godkjenning av innkalling og dagsorden
Vedtak:
Innkalling og dagsorden godkjennes.
2/{yy} {title}
Direktoratet la fram utkastet til strategi.
Følgende innspill og spørsmål ble svart ut i møtet:
• {organisation} mener strategien må forankres i kommunene.
Vedtak:
Rådet tar saken til orientering.
"""
