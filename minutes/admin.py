"""Admin: the operator's tool, and the secretariat's first authoring UI.

Meetings and items are created through the same services as the workspace, so
numbering and standard items follow the same rules.
"""

import os

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from minutes.errors import MinutesFrozenError
from minutes.files import upload_check
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    FollowUp,
    FollowUpNote,
    Input,
    Meeting,
    Minutes,
)
from minutes.services import agenda, lifecycle


class FrozenContentAdmin(admin.ModelAdmin):
    """Deleting frozen content says why and deletes nothing, never a 500.

    A frozen object has no delete permission, so the admin's own confirmation pages
    (one object, the bulk action, and the objects a meeting would take with it) list
    it as not deletable; asking to delete one object directly leads back to it with
    the freeze rule's message.
    """

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and _frozen_message(obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        message = obj is not None and _frozen_message(obj)
        if message:
            self.message_user(request, message, messages.ERROR)
            opts = self.opts
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk)
        return super().delete_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # The bulk action's «not allowed» page names the model, not the reason.
        if request.POST.get("action") == "delete_selected":
            selected = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
            rows = self.get_queryset(request).filter(pk__in=selected)
            message = next(filter(None, map(_frozen_message, rows)), "")
            if message:
                self.message_user(request, message, messages.ERROR)
                return redirect(request.get_full_path())
        return super().changelist_view(request, extra_context)


def _frozen_message(obj) -> str:
    """The freeze rule's message if `obj` belongs to frozen minutes, else ""."""
    try:
        obj.assert_editable()
    except MinutesFrozenError as error:
        return " ".join(error.messages)
    return ""


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "membership", "organisation", "substitute"]
    fields = [
        "role",
        "person",
        "membership",
        "organisation",
        "status",
        "substitute",
        "arrived_at",
        "left_at",
        "note",
        "order",
    ]
    verbose_name_plural = _("oppmøte")


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fk_name = "meeting"
    extra = 0
    fields = ["order", "number", "title", "kind", "is_late_addition"]
    readonly_fields = ["number"]
    show_change_link = True


class AttachmentAdminForm(forms.ModelForm):
    """A paper in the admin, checked by content as in the workspace; its type, size
    and original name come from the file, never from what is typed."""

    class Meta:
        model = Attachment
        fields = ["meeting", "item", "title", "file", "is_public", "order"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file, not the stored one
            self.instance.content_type = upload_check(upload)
            self.instance.size = upload.size
            self.instance.original_name = os.path.basename(upload.name)[:255]
        return upload

    def clean(self):
        cleaned_data = super().clean()
        # The item's inline has no meeting field: the paper is on the item's meeting.
        if self.instance.item_id and not self.instance.meeting_id:
            self.instance.meeting_id = self.instance.item.meeting_id
        return cleaned_data


class MeetingAttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentAdminForm
    fk_name = "meeting"
    extra = 0
    fields = ["title", "item", "file", "is_public", "order"]


@admin.register(Meeting)
class MeetingAdmin(FrozenContentAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "date", "venue", "minutes_status"]
    list_filter = ["council", "year", "minutes__status"]
    search_fields = ["council__name", "venue"]
    date_hierarchy = "date"
    autocomplete_fields = ["chair", "minute_taker"]
    readonly_fields = ["summons_sent_at"]
    inlines = [AttendanceInline, AgendaItemInline, MeetingAttachmentInline]

    @admin.display(description=_("referat"))
    def minutes_status(self, meeting: Meeting) -> str:
        minutes = getattr(meeting, "minutes", None)
        return minutes.get_status_display() if minutes else "–"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("council", "minutes")

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # New meetings get their standard items and draft minutes from the service.
        created = agenda.meeting_create(
            council=obj.council,
            date=obj.date,
            number=obj.number,
            start_time=obj.start_time,
            end_time=obj.end_time,
            venue=obj.venue,
        )
        obj.pk = created.pk
        obj.year = created.year
        obj.created_at = created.created_at
        super().save_model(request, obj, form, True)

    def save_formset(self, request, form, formset, change):
        if formset.model is not AgendaItem:
            super().save_formset(request, form, formset, change)
            return
        instances = formset.save(commit=False)
        meeting = form.instance
        for item in instances:
            if item.pk is None:
                agenda.agenda_item_add(
                    meeting=meeting,
                    title=item.title,
                    kind=item.kind,
                    is_late_addition=item.is_late_addition,
                )
            else:
                item.save()
        for item in formset.deleted_objects:
            item.delete()
        agenda.agenda_renumber(meeting=meeting)


class InputInline(admin.StackedInline):
    model = Input
    fk_name = "item"
    extra = 0
    fields = [
        "order",
        "text",
        "parent",
        "attribution",
        "organisation",
        "sector",
        "person",
        "is_written",
    ]
    autocomplete_fields = ["organisation", "person"]


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0
    max_num = 1
    can_delete = False


class ItemAttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentAdminForm
    fk_name = "item"
    extra = 0
    fields = ["title", "file", "is_public", "order"]


@admin.register(AgendaItem)
class AgendaItemAdmin(FrozenContentAdmin, SimpleHistoryAdmin):
    list_display = ["number_label", "title", "kind", "meeting"]
    list_display_links = ["number_label", "title"]
    list_filter = ["council", "year", "series", "kind"]
    search_fields = ["title", "body", "archive_reference"]
    # Postponing carries the item to the next meeting: on the minute-taking page
    # (minutes/services/handling.py), not here.
    readonly_fields = ["number", "revision", "is_postponed", "postponed_from"]
    autocomplete_fields = ["meeting", "approves_minutes_of"]
    inlines = [DecisionInline, InputInline, ItemAttachmentInline]

    @admin.display(description=_("sak"), ordering="number")
    def number_label(self, item: AgendaItem) -> str:
        return item.number_label

    def get_readonly_fields(self, request, obj=None):
        # The series is chosen when the item is made; moving an item to another
        # series renumbers it, which the workspace's item form does.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "series"] if obj is not None else readonly

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("meeting", "meeting__council")
        )

    def save_model(self, request, obj, form, change):
        if change:
            # The model moves the revision on, as for every other save.
            super().save_model(request, obj, form, change)
            return
        fields = {
            name: form.cleaned_data[name]
            for name in (
                "archive_reference",
                "is_late_addition",
                "approves_minutes_of",
                "presenters",
                "body",
                "standard",
                "series",
            )
            if name in form.cleaned_data
        }
        created = agenda.agenda_item_add(
            meeting=obj.meeting, title=obj.title, kind=obj.kind, **fields
        )
        obj.pk = created.pk
        obj.number = created.number
        obj.order = created.order
        obj.council_id = created.council_id
        obj.year = created.year
        # The service made an empty decision; the inline fills it in.
        Decision.objects.filter(item=created).delete()


@admin.register(Input)
class InputAdmin(FrozenContentAdmin, SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "item",
        "attribution",
        "organisation",
        "sector",
        "is_written",
    ]
    list_filter = ["attribution", "is_written", "item__council", "organisation"]
    search_fields = ["text"]
    autocomplete_fields = ["item", "organisation", "person"]


@admin.register(Attachment)
class AttachmentAdmin(FrozenContentAdmin):
    form = AttachmentAdminForm
    readonly_fields = ["original_name", "content_type", "size"]
    list_display = ["title", "meeting", "item", "is_public", "size"]
    list_filter = ["is_public", "meeting__council"]
    search_fields = ["title", "original_name"]
    autocomplete_fields = ["meeting", "item"]


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["meeting", "status", "version", "approved_at", "published_at"]
    list_filter = ["status", "meeting__council"]
    search_fields = ["meeting__council__name"]
    readonly_fields = [
        "meeting",
        "status",
        "version",
        "approved_at",
        "approval_method",
        "approved_by_item",
        "published_at",
        "correction_reason",
        "approval_correction",
    ]
    # Status changes go through the transitions in minutes/services/lifecycle.py,
    # which check the state and the user's role; the rest of the review is at
    # /gjennomsyn/.
    actions = ["publish_selected", "approve_online_selected"]

    def has_add_permission(self, request):
        # Minutes come with their meeting.
        return False

    def _transition(self, request, queryset, transition, done: str) -> None:
        for minutes in queryset:
            try:
                transition(minutes=minutes, by=request.user)
            except ValidationError as error:
                self.message_user(
                    request, f"{minutes}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                self.message_user(request, f"{minutes}: {done}", messages.SUCCESS)

    @admin.action(description=_("Publiser valgte godkjente referater"))
    def publish_selected(self, request, queryset):
        self._transition(request, queryset, lifecycle.minutes_publish, _("publisert."))

    @admin.action(
        description=_("Godkjenn valgte referater (når medlemmene har godkjent)")
    )
    def approve_online_selected(self, request, queryset):
        self._transition(
            request, queryset, lifecycle.minutes_approve_online, _("godkjent.")
        )


class FollowUpNoteInline(admin.TabularInline):
    model = FollowUpNote
    extra = 0
    fields = ["date", "text", "status", "is_internal", "author_name", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    """For looking up only: follow-up is managed in /arbeid/, through
    minutes/services/followup.py, which offers only the council's own people and
    organisations as responsible."""

    list_display = ["__str__", "council", "responsible_name", "due_date", "status"]
    list_filter = ["status", "council"]
    search_fields = ["task", "item__title"]
    inlines = [FollowUpNoteInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
