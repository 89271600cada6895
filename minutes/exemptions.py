"""Exempt content under offentleglova: what may be withheld from the public, on which
legal basis (hjemmel), and the words the public reads in its place.

The rule is applied once, in MinutesDocument.public() (minutes/document.py), which
every public path reads; the row-based public paths (search, the API's lists, an
organisation's inputs) leave exempt rows out with the filters below.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Suggestions for the legal basis; any basis may be typed (§ 13 needs the law that
# imposes secrecy, e.g. «offl. § 13 jf. fvl. § 13 første ledd nr. 1»).
BASES = [
    "offl. § 13 jf. fvl. § 13 første ledd nr. 1",
    "offl. § 13 jf. fvl. § 13 første ledd nr. 2",
    "offl. § 14 første ledd",
    "offl. § 15 første ledd",
    "offl. § 23 første ledd",
    "offl. § 23 tredje ledd",
    "offl. § 24 andre ledd",
    "offl. § 25 første ledd",
    "offl. § 26 første ledd",
    "offl. § 27 første ledd",
]

BASIS_MAX_LENGTH = 200
BASIS_HELP = gettext_lazy(
    "Hjemmelen for å unnta, f.eks. «offl. § 23 første ledd». Tomt: offentlig."
)


def exempt_text(basis: str) -> str:
    """What the public reads in place of exempt content."""
    return _("Unntatt offentlighet, jf. %(basis)s") % {"basis": basis}


def neutral_title() -> str:
    """The title the public reads for an item whose title is exempt too."""
    return _("Sak unntatt offentlighet")


def public_items() -> Q:
    """Items whose title and body the public may search and list."""
    return Q(exemption_scope="")


def public_inputs() -> Q:
    """Inputs the public may read: not exempt themselves, nor under an item that is
    exempt as a whole."""
    return Q(exemption_basis="") & ~Q(item__exemption_scope="whole")


def public_decisions() -> Q:
    return Q(exemption_basis="") & ~Q(item__exemption_scope="whole")
