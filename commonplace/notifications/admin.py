from django.contrib import admin

from commonplace.notifications.models import Notification, OutboxMessage


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


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: to answer "why did I (not) get this email?", never to write notifications."""

    list_display = ["created_at", "recipient", "kind", "title", "read_at", "emailed_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]
    search_fields = ["target_key", "recipient__email"]
    raw_id_fields = ["recipient", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
