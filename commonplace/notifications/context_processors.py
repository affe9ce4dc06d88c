from functools import cache, partial

from commonplace.accounts.permissions import is_member
from commonplace.notifications import selectors


def notifications(request):
    """The bell's unread count, for active members.

    Given to templates as a function they call on first use (and only once): pages that never
    show the header, such as htmx fragments, never run the query.
    """
    user = getattr(request, "user", None)
    if user is None or not is_member(user):
        return {}
    return {
        "unread_notifications": cache(partial(selectors.unread_count, member=user)),
        "unread_notifications_cap": selectors.UNREAD_COUNT_CAP,
    }
