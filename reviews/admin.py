from django.contrib import admin

from .models import AwardDecision, Criterion, CriterionScore, OutcomeVerification, Review, ReviewAssignment


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["cycle", "order", "code", "name", "name_local", "weight", "scale_min", "scale_max"]
    list_filter = ["cycle"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["case", "reviewer", "due_on", "assigned_by", "assigned_at"]
    list_filter = ["case__cycle"]
    raw_id_fields = ["case"]


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0


class OutcomeVerificationInline(admin.TabularInline):
    model = OutcomeVerification
    extra = 0


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["assignment", "state", "weighted_score", "recommendation", "submitted_at"]
    list_filter = ["state", "assignment__case__cycle"]
    inlines = [CriterionScoreInline, OutcomeVerificationInline]
    raw_id_fields = ["assignment"]


@admin.register(AwardDecision)
class AwardDecisionAdmin(admin.ModelAdmin):
    list_display = ["case", "level", "decided_by", "decided_at"]
    list_filter = ["case__cycle", "level"]
    raw_id_fields = ["case"]
