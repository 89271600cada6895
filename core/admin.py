from django.contrib import admin

from core.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox, to read: what was sent to whom, and what failed with which error.
    Sending again is the workspace's «send again» (or `manage.py requeue_mail`)."""

    list_display = ["created_at", "kind", "recipient_email", "status", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient_email", "recipient_name", "subject", "topic"]
    exclude = ["raw_message"]
    readonly_fields = [
        field.name for field in OutgoingMail._meta.fields if field.name != "raw_message"
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
