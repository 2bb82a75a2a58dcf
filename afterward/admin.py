"""Admin: the cycles' follow-up points are edited here; reports and adoptions are read here (their
changes go through the audited services)."""

from django.contrib import admin

from .models import Adoption, FollowUpPoint, FollowUpReport, FollowUpValue


@admin.register(FollowUpPoint)
class FollowUpPointAdmin(admin.ModelAdmin):
    list_display = ["cycle", "years_after"]
    list_filter = ["cycle"]
    list_select_related = ["cycle"]


class FollowUpValueInline(admin.TabularInline):
    model = FollowUpValue
    extra = 0
    can_delete = False
    readonly_fields = ["outcome", "value", "evidence", "evidence_local", "evidence_url", "verification"]


@admin.register(FollowUpReport)
class FollowUpReportAdmin(admin.ModelAdmin):
    list_display = ["case", "years_after", "due_on", "deadline", "state", "status"]
    list_filter = ["state", "status", "years_after"]
    list_select_related = ["case__government__parent", "case__cycle"]
    search_fields = ["case__title", "case__title_local", "case__government__name_local"]
    inlines = [FollowUpValueInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["source", "adopter", "adopter_tier", "kind", "adopted_on", "state"]
    list_filter = ["state", "kind", "adopter_tier"]
    list_select_related = ["source__government__parent", "source__cycle", "adopter__parent"]
    search_fields = ["source__title", "source__title_local", "adopter__name", "adopter__name_local"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
