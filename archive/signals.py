"""A pending import's file goes with its row, however the row goes (saved,
discarded, cleared as stale, or with its council or user)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from archive.models import PendingImport


@receiver(post_delete, sender=PendingImport)
def pending_file_delete(sender, instance: PendingImport, **kwargs) -> None:
    """Deleted once the deletion is committed: a rolled-back save keeps both."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
