"""Admin: managers configure the criteria of a cycle here. Assignments, reviews and decisions are
read-only: they change only through ``reviews.services``, which check the conflicts of interest,
the quotas and the states, and write the audit trail and the notifications."""

from django.contrib import admin

from .models import AwardDecision, Criterion, CriterionScore, OutcomeVerification, Review, ReviewAssignment


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["cycle", "order", "code", "name", "name_local", "weight", "scale_min", "scale_max"]
    list_filter = ["cycle"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewing only: a change here would bypass the services' checks, audit events and e-mails."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["case", "reviewer", "due_on", "assigned_by", "assigned_at"]
    list_filter = ["case__cycle"]
    raw_id_fields = ["case"]


class CriterionScoreInline(ReadOnlyInline):
    model = CriterionScore


class OutcomeVerificationInline(ReadOnlyInline):
    model = OutcomeVerification


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["assignment", "state", "weighted_score", "recommendation", "submitted_at"]
    list_filter = ["state", "assignment__case__cycle"]
    inlines = [CriterionScoreInline, OutcomeVerificationInline]
    raw_id_fields = ["assignment"]


@admin.register(AwardDecision)
class AwardDecisionAdmin(ReadOnlyAdmin):
    list_display = ["case", "level", "decided_by", "decided_at"]
    list_filter = ["case__cycle", "level"]
    raw_id_fields = ["case"]
    # The level may be empty (no award), so the admin's default joins would leave it out.
    list_select_related = ["case", "level", "decided_by"]
