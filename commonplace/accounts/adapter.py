import math
import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from commonplace.accounts.middleware import deactivated_response


class CommunityAccountAdapter(DefaultAccountAdapter):
    """How allauth behaves in a community that people join by invitation."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # One message for an unknown address and a wrong password, so nobody can probe
        # who is a member.
        "email_password_mismatch": _(
            "This email address and password do not match an account. Check both and try again."
        ),
    }

    def is_open_for_signup(self, request) -> bool:
        # Accounts come from approved join requests or an administrator's invitation.
        return False

    def get_login_redirect_url(self, request) -> str:
        # A member lands in the language they chose for their account, whatever the login page.
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.language)

    def respond_user_inactive(self, request, user):
        return deactivated_response(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Write to people in the language of their account, not of the page that triggered it.
        from commonplace.accounts.models import User

        language = (
            User.objects.filter(email__iexact=email).values_list("language", flat=True).first()
            or translation.get_language()
        )
        from django.conf import settings

        from commonplace.core.selectors import community_name

        # Links were built in the language of the page that triggered the email; point them at
        # the recipient's language instead.
        context = {
            key: translate_url(value, language)
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        context["site_url"] = settings.SITE_URL
        with translation.override(language):
            context["community_name"] = community_name()
            context["about_url"] = settings.SITE_URL + reverse("core:about")
            super().send_mail(template_prefix, email, context)

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            seconds = self._seconds_until_login_allowed(request, **credentials)
            minutes = max(1, math.ceil(seconds / 60))
            raise ValidationError(
                ngettext(
                    "Too many failed attempts to log in with this email. "
                    "Please wait %(minutes)d minute before trying again.",
                    "Too many failed attempts to log in with this email. "
                    "Please wait %(minutes)d minutes before trying again.",
                    minutes,
                )
                % {"minutes": minutes},
                code="too_many_login_attempts",
            ) from None

    def _seconds_until_login_allowed(self, request, **credentials) -> float:
        """When the oldest counted failure leaves the window, one more attempt is allowed."""
        key = self._get_login_attempts_cache_key(request, **credentials)
        wait = 0.0
        now = time.time()
        for rate in allauth_ratelimit.get_rates(app="allauth.account", action="login_failed"):
            cache_key = allauth_ratelimit.get_cache_key(
                request, app="allauth.account", action="login_failed", rate=rate, key=key
            )
            history = cache.get(cache_key, [])
            if len(history) >= rate.amount:
                oldest_counted = history[rate.amount - 1]
                wait = max(wait, oldest_counted + rate.duration - now)
        return wait

    def format_email_subject(self, subject: str) -> str:
        from commonplace.core.selectors import community_name

        return f"[{community_name()}] {subject}" if subject else gettext("Message")
