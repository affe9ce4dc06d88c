from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from commonplace.core import views as core_views

admin.site.site_header = "Commonplace"
# The admin signs in through allauth too, so login throttling and two-factor authentication apply.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", core_views.switch_language, name="set_language"),
    path(
        "favicon.ico",
        login_not_required(
            RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True)
        ),
    ),
]

urlpatterns += i18n_patterns(
    path("", include("commonplace.core.urls")),
    path("join/", include("commonplace.membership.urls")),
    path("people/", include("commonplace.people.urls")),
    path("conversations/", include("commonplace.conversations.urls")),
    path("messages/", include("commonplace.private_messages.urls")),
    path("library/", include("commonplace.library.urls")),
    path("search/", include("commonplace.search.urls")),
    path("notifications/", include("commonplace.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
