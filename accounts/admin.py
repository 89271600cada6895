from django.contrib import admin

from accounts.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are made and sent in /arbeid/ (accounts/invitations.py); the admin
    shows them and can only revoke (by setting «trukket tilbake»)."""

    list_display = ["person", "email", "kind", "role", "council", "sent_at"]
    list_filter = ["kind", "role", "council"]
    search_fields = ["person__name", "email"]
    fields = [
        "kind",
        "role",
        "council",
        "person",
        "email",
        "user",
        "created_by",
        "created_at",
        "sent_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    readonly_fields = [f for f in fields if f != "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False
