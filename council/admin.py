from django.contrib import admin

from council.models import Council, Membership, Organisation, Person, Sector


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person", "organisation"]
    fields = [
        "person",
        "organisation",
        "role",
        "party",
        "start_date",
        "end_date",
        "order",
    ]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "secretariat_organisation", "approval_rule"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["secretariat_users"]
    autocomplete_fields = ["secretariat_organisation"]
    inlines = [MembershipInline]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "representative_label"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "sector"]
    list_filter = ["sector"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "email", "user"]
    list_filter = ["organisation__sector"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "organisation",
        "council",
        "role",
        "party",
        "start_date",
        "end_date",
    ]
    list_filter = ["council", "role", "organisation__sector"]
    search_fields = ["person__name", "organisation__name"]
    autocomplete_fields = ["person", "organisation"]
