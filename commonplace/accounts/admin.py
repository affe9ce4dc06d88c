from django.contrib import admin

from commonplace.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "role", "language", "is_active", "date_joined"]
    list_filter = ["role", "is_active", "language"]
    search_fields = ["email", "name"]
    readonly_fields = ["date_joined", "last_login"]
    fields = ["email", "name", "role", "language", "is_active", "date_joined", "last_login"]
