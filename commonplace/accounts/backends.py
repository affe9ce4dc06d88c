from allauth.account.auth_backends import AuthenticationBackend


class MemberBackend(AuthenticationBackend):
    """allauth's email login, but a deactivated member's session still resolves to them.

    Django's default would quietly turn them into an anonymous visitor and send them round the
    login page; keeping the account lets ActiveMemberMiddleware tell them plainly, in their
    language, that the account was deactivated. Logging in again is still refused.
    """

    def get_user(self, user_id):
        user_model = self._get_user_model()
        try:
            return user_model._default_manager.get(pk=user_id)
        except user_model.DoesNotExist:
            return None

    @staticmethod
    def _get_user_model():
        from django.contrib.auth import get_user_model

        return get_user_model()
