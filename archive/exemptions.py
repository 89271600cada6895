"""Where exempt content (unntatt offentlighet) meets the exports: one place.

The minutes cannot yet mark an item, input or decision exempt (the openness issue,
14, adds it to the document), so today nothing is exempt and `item_exemption`
returns None for every item. When the document carries an exemption, this function
reads it and both exports follow: eInnsyn gets a redacted `offentligTittel` beside
`offentligTittelSensitiv`, and the Noark 5 extract gets a `skjerming` with the legal
basis on the item's `moeteregistrering` (archive/noark5.py writes it already).
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.document import Item


@dataclass(frozen=True)
class Exemption:
    """Why and what of an item is withheld from the public."""

    # The legal basis as written in the minutes: «offl. § 23 første ledd».
    legal_basis: str
    # Noark 5 M500 tilgangsrestriksjon: the code of the restriction.
    restriction: str = "UO"
    # Noark 5 M502 skjermingMetadata: the fields withheld («tittel», «beskrivelse»).
    fields: tuple[str, ...] = ("beskrivelse",)
    # The title the public may see in place of the real one, when the title itself
    # is exempt; empty when the title is public.
    public_title: str = ""


def item_exemption(item: Item) -> Exemption | None:
    """The exemption of an item of the published document; None: all public.

    The document has no exemption data yet (see the module's note), so no item is
    exempt. Nothing here guesses one from the text.
    """
    return None
