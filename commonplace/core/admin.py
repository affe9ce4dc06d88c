from django.contrib import admin

from commonplace.core.models import AuditEntry, Community, Page


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "updated_at"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_en", "title_fr", "updated_at", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        from commonplace.core.services import page_update

        page_update(
            page=obj,
            editor=request.user,
            title_en=obj.title_en,
            title_fr=obj.title_fr,
            body_en=obj.body_en,
            body_fr=obj.body_fr,
        )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_name", "verb", "target_label"]
    list_filter = ["verb"]
    search_fields = ["actor_name", "target_label", "note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
