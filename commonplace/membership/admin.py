from django.contrib import admin

from commonplace.membership.models import (
    Invitation,
    JoinQuestion,
    JoinRequest,
    JoinRequestEvent,
    StewardMessage,
)


class EventInline(admin.TabularInline):
    model = JoinRequestEvent
    extra = 0
    readonly_fields = ["kind", "actor_name", "message", "created_at"]
    exclude = ["actor"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organization", "status", "submitted_at"]
    list_filter = ["status", "language", "province"]
    search_fields = ["name", "email", "organization"]
    exclude = ["information_token_hash"]
    readonly_fields = ["submitted_at", "first_response_at", "decided_at", "decided_by"]
    inlines = [EventInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "role", "created_at", "expires_at", "used_at", "revoked_at"]
    exclude = ["token_hash"]
    readonly_fields = ["created_at", "used_at", "join_request", "created_by"]


admin.site.register(JoinQuestion)
admin.site.register(StewardMessage)
