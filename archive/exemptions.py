"""Where exempt content (unntatt offentlighet) meets the exports: one place.

The minutes document marks an item exempt in part («body») or whole, with its legal
basis (minutes/exemptions.py). The exports read the public version of the document,
where exempt text is already replaced by «Unntatt offentlighet, jf. <hjemmel>»; this
function tells them which items are exempt and on what basis, so that the Noark 5
extract gets a `skjerming` with the legal basis on the item's `moeteregistrering`.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.document import Item
from minutes.exemptions import neutral_title


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
    """The exemption of an item of the published document; None: all public."""
    if not item.exemption_scope or not item.exemption:
        return None
    whole = item.exemption_scope == "whole"
    return Exemption(
        legal_basis=item.exemption,
        fields=("tittel", "beskrivelse") if whole else ("beskrivelse",),
        public_title=neutral_title() if whole else "",
    )
