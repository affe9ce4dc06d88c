from django.contrib import admin

from commonplace.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    exclude = ["raw"]
    readonly_fields = [
        "created_at", "status", "from_email", "recipients", "subject", "attempts",
        "next_attempt_at", "claimed_at", "sent_at", "last_error",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False
