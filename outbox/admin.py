from django.contrib import admin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: messages are written by the services that cause them and resent by managers."""

    list_display = ("created_at", "kind", "to", "subject", "state", "attempts", "sent_at")
    list_filter = ("state", "kind")
    search_fields = ("to", "subject")
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.erase_when_sent:
            return [name for name in self.readonly_fields if name != "body"]
        return self.readonly_fields

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
