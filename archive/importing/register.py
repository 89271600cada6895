"""The council's register as the importer matches names against it: only the
council's own organisations, sectors and item kinds (council/access.py), as the
«Hvem» field does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.access import council_organisations, council_sectors
from council.models import Council, Organisation
from minutes.models import ItemKind


@dataclass(frozen=True)
class Attribution:
    """Who an input is attributed to, as the document prints it."""

    label: str
    organisation_slug: str = ""


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class Register:
    def __init__(self, council: Council) -> None:
        self.council = council
        secretariat = council.secretariat_organisation
        self.secretariat_name = secretariat.name if secretariat else ""
        self.organisations = list(council_organisations(council))
        self.sectors = list(council_sectors(council))

    def kinds(self) -> list[tuple[str, str]]:
        """(value, label) of every kind the council uses, longest label first."""
        kinds = [(str(k.value), str(k.label)) for k in ItemKind]
        kinds += [(kind, kind) for kind in self.council.extra_item_kinds or []]
        return sorted(kinds, key=lambda pair: -len(pair[1]))

    def organisation(self, written: str) -> Organisation | None:
        """The organisation written by its name or short name, any case."""
        wanted = _fold(written)
        for organisation in self.organisations:
            names = {organisation.name, organisation.short_name} - {""}
            if wanted in {_fold(name) for name in names}:
                return organisation
        return None

    def attribution(self, text: str) -> Attribution | None:
        """Whom an input names: an organisation it opens with («Helse Vest RHF
        mener …»), or a sector's representative it opens with («Representant fra
        kommunal sektor …») or names in its first sentence («En annen representant
        fra kommunal sektor …», «Videre ble det påpekt fra representant fra …»). At
        the opening the longest name that fits wins."""
        opening = _fold(text)
        first_sentence = re.split(r"(?<=[.!?]) ", opening, maxsplit=1)[0]
        candidates: list[tuple[int, Attribution]] = []
        for organisation in self.organisations:
            for name in {organisation.name, organisation.short_name} - {""}:
                if re.match(re.escape(_fold(name)) + r"\b", opening):
                    candidates.append(
                        (len(name), Attribution(organisation.name, organisation.slug))
                    )
        mentioned: list[tuple[int, Attribution]] = []
        for sector in self.sectors:
            label = sector.representative_label or sector.name
            pattern = (
                r"\brepresentant(er)? (fra|for) "
                + re.escape(_fold(sector.name))
                + r"\b"
            )
            if opening.startswith(_fold(label)) or re.match(
                r"(en )?" + pattern, opening
            ):
                candidates.append((len(label), Attribution(label)))
            else:
                match = re.search(pattern, first_sentence)
                if match:
                    mentioned.append((match.start(), Attribution(label)))
        if candidates:
            return max(candidates, key=lambda pair: pair[0])[1]
        if mentioned:
            return min(mentioned, key=lambda pair: pair[0])[1]
        return None
