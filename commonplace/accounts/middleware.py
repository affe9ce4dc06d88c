from django.conf import settings
from django.shortcuts import render
from django.utils import translation


def deactivated_response(request):
    return render(request, "accounts/deactivated.html", status=403)


class ActiveMemberMiddleware:
    """Refuse members-only views to deactivated accounts with a clear 403.

    Runs after Django's LoginRequiredMiddleware, which has already sent anonymous visitors to
    the login page; public views (marked with ``login_not_required``) stay open to everyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        user = request.user
        if user.is_authenticated and not user.is_active:
            return deactivated_response(request)
        return None


class MemberLanguageMiddleware:
    """Keep the language cookie in step with the language a member chose for their account.

    The cookie is what sends an unprefixed URL such as ``/`` to ``/fr/``; setting it from the
    account means a member's choice follows them to every browser they log in from.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if cookie != user.language and translation.check_for_language(user.language):
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    user.language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    path=settings.LANGUAGE_COOKIE_PATH,
                    domain=settings.LANGUAGE_COOKIE_DOMAIN,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                )
        return response
