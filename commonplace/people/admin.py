from django.contrib import admin

from commonplace.people.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "province", "completed_at"]
    list_filter = ["province"]
    search_fields = ["user__email", "user__name", "organization"]
    raw_id_fields = ["user"]
