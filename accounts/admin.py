from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "name_local", "email", "role", "government", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff")
    # A government is shown with its parent: joined, not read per row.
    list_select_related = ("government__parent",)
    autocomplete_fields = ("government",)
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Award role"), {"fields": ("role", "government")}),
        (_("Korean name and language"), {"fields": ("name_local", "language")}),
    )
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Award role"), {"fields": ("role", "government")}))


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are made, used and revoked through the managers' pages (audited)."""

    list_display = ("email", "role", "government", "invited_by", "created_at", "expires_at", "accepted_at")
    list_filter = ("role",)
    list_select_related = ("government__parent", "invited_by")
    search_fields = ("email",)
    exclude = ("token_hash",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are seen (never their secret) and can be deleted; people make them on their account page."""

    list_display = ("name", "user", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    search_fields = ("name", "user__username")
    exclude = ("key_hash",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
