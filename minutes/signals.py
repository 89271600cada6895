"""Cached public pages are forgotten when what they show changes.

Publishing and correcting minutes invalidate in minutes/services/lifecycle.py; these
receivers cover the rest, whichever way the change is made (admin, workspace,
commands). Content of approved minutes cannot change, so it needs no receiver here;
follow-up of decisions, which is not part of the record, does.
"""

from django.db.models.signals import post_delete, post_save

from core.cache import invalidate_all_public_pages, invalidate_public_pages
from council.models import Council, Membership, Organisation, Person, Sector
from minutes.models import (
    AgendaItem,
    Attachment,
    Decision,
    FollowUp,
    FollowUpNote,
    Meeting,
)

# Fields never shown on public pages: saving only these leaves the cache alone.
PRIVATE_FIELDS = {"email", "language", "user", "updated_at"}


def _everything_changed(sender, update_fields=None, **kwargs) -> None:
    # Names of councils, people, organisations and sectors appear on every kind of
    # page, across councils.
    if update_fields and set(update_fields) <= PRIVATE_FIELDS:
        return
    invalidate_all_public_pages()


def _invalidate_council(councils) -> None:
    # A deleted council's rows may be gone already: then its scope is moot.
    slug = councils.values_list("slug", flat=True).first()
    if slug is not None:
        invalidate_public_pages(council=slug)


def _council_changed(sender, instance, **kwargs) -> None:
    # Upcoming meetings and members show on the council's pages and the home page.
    _invalidate_council(Council.objects.filter(pk=instance.council_id))


def _attachment_changed(sender, instance, **kwargs) -> None:
    # Public attachments show on the meeting page.
    _invalidate_council(Council.objects.filter(meetings=instance.meeting_id))


# What the public agenda of a summoned meeting shows (minutes/public.py).
AGENDA_FIELDS = {
    AgendaItem: {"title", "kind", "number", "order", "is_late_addition"},
    Decision: {"proposed_text"},
}


def _agenda_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields and not set(update_fields) & AGENDA_FIELDS[sender]:
        return  # typing into the minutes changes nothing public
    meeting_id = (
        instance.meeting_id if sender is AgendaItem else instance.item.meeting_id
    )
    _invalidate_council(
        Council.objects.filter(
            meetings=meeting_id, meetings__summons_sent_at__isnull=False
        )
    )


def _followup_changed(sender, instance, **kwargs) -> None:
    # Follow-up shows on the item pages and the decision register of a council that
    # publishes it; the rows change after approval, so they need their own receiver.
    council_id = (
        instance.council_id
        if sender is FollowUp
        else FollowUp.objects.filter(pk=instance.followup_id)
        .values_list("council_id", flat=True)
        .first()
    )
    if council_id is not None:
        _invalidate_council(
            Council.objects.filter(pk=council_id, publishes_followup=True)
        )


def connect() -> None:
    for model in (FollowUp, FollowUpNote):
        post_save.connect(_followup_changed, sender=model)
        post_delete.connect(_followup_changed, sender=model)
    for model in (AgendaItem, Decision):
        post_save.connect(_agenda_changed, sender=model)
        post_delete.connect(_agenda_changed, sender=model)
    for model in (Council, Person, Organisation, Sector):
        post_save.connect(_everything_changed, sender=model)
        post_delete.connect(_everything_changed, sender=model)
    for model in (Meeting, Membership):
        post_save.connect(_council_changed, sender=model)
        post_delete.connect(_council_changed, sender=model)
    post_save.connect(_attachment_changed, sender=Attachment)
    post_delete.connect(_attachment_changed, sender=Attachment)
