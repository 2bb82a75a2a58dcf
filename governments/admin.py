from django.contrib import admin

from .models import LocalGovernment


@admin.register(LocalGovernment)
class LocalGovernmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_local", "tier", "parent", "population", "population_year", "is_active")
    list_filter = ("tier", "is_active", "parent")
    search_fields = ("code", "name", "name_local")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    ordering = ("code",)
