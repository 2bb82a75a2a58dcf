from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "government", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff")
    list_select_related = ("government",)
    autocomplete_fields = ("government",)
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Award role"), {"fields": ("role", "government")}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Award role"), {"fields": ("role", "government")}))
