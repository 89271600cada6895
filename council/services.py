"""Setting a council up: the operator's one rule for making a council (the first
secretariat is invited by accounts/invitations.py)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from council.access import is_operator
from council.models import Council, Organisation


@transaction.atomic
def council_create(
    *,
    by: AbstractBaseUser,
    name: str,
    slug: str,
    description: str = "",
    secretariat_organisation: str = "",
) -> Council:
    """A new council. Only the operator makes councils. The secretariat's
    organisation is found by its full name, or made."""
    if not is_operator(by):
        raise PermissionDenied
    organisation = None
    if secretariat_organisation.strip():
        organisation_name = secretariat_organisation.strip()
        organisation = Organisation.objects.filter(
            name__iexact=organisation_name
        ).first()
        if organisation is None:
            base = slugify(organisation_name)[:180] or "virksomhet"
            unique, n = base, 2
            while Organisation.objects.filter(slug=unique).exists():
                unique, n = f"{base}-{n}", n + 1
            organisation = Organisation.objects.create(
                name=organisation_name, slug=unique
            )
    council = Council(
        name=name.strip(),
        slug=slug,
        description=description,
        secretariat_organisation=organisation,
    )
    council.full_clean()
    council.save()
    return council
