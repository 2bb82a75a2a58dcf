"""Admin: managers edit the taxonomies and award cycles (with their award levels); cases are
read-mostly here, since every change to a case goes through the audited workflow services."""

from django.contrib import admin

from .models import (
    Attachment,
    AwardCycle,
    AwardLevel,
    CaseEvent,
    CaseObstacle,
    CaseRemedy,
    InnovationCase,
    JargonTerm,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipantKind,
    Purpose,
    RemedyType,
    ServiceArea,
)


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_local", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name", "name_local"]
    ordering = ["order", "code"]


for taxonomy in (Purpose, ObstacleType, RemedyType, ParticipantKind, ServiceArea, OutcomeKind):
    admin.site.register(taxonomy, TaxonomyAdmin)


@admin.register(JargonTerm)
class JargonTermAdmin(TaxonomyAdmin):
    """The glossary of management jargon the reviewers' substantiation check highlights."""

    list_display = ["code", "name", "name_local", "variants", "order", "is_active"]
    search_fields = ["code", "name", "name_local", "variants"]


class AwardLevelInline(admin.TabularInline):
    model = AwardLevel
    extra = 0


@admin.register(AwardCycle)
class AwardCycleAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "state", "submission_opens", "submission_closes", "review_deadline"]
    list_filter = ["state"]
    search_fields = ["title", "title_local"]
    inlines = [AwardLevelInline]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class ObstacleInline(ReadOnlyInline):
    model = CaseObstacle
    fields = ["obstacle_type", "description_local", "description"]


class RemedyInline(ReadOnlyInline):
    model = CaseRemedy
    fields = ["remedy_type", "description_local", "description"]


class OutcomeInline(ReadOnlyInline):
    model = Outcome
    fields = ["kind", "indicator", "indicator_local", "unit", "baseline", "result", "evidence", "verification"]


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["original_name", "kind", "content_type", "size", "uploaded_by", "uploaded_at"]


class EventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ["at", "kind", "actor", "from_state", "to_state", "message", "changes"]
    ordering = ["at", "id"]


@admin.register(InnovationCase)
class InnovationCaseAdmin(admin.ModelAdmin):
    """Read-only: cases change through the submission and review workflow, which audits them."""

    list_display = ["id", "display_title", "government", "cycle", "state", "tier", "uses_ict", "is_illustrative"]
    list_filter = ["state", "cycle", "tier", "uses_ict", "purpose", "service_area", "is_illustrative"]
    search_fields = ["title", "title_local", "government__name", "government__name_local", "government__code"]
    # A government is shown with its parent ("Gumi, Gyeongsangbuk-do"): joined, not read per row.
    list_select_related = ["government__parent", "cycle"]
    inlines = [ObstacleInline, RemedyInline, OutcomeInline, AttachmentInline, EventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
