from functools import cache, partial

from commonplace.accounts.permissions import is_member
from commonplace.private_messages import selectors


def unread_messages(request):
    """The header's count of conversations with unread messages, for active members.

    A function templates call on first use (once): htmx fragments, which never show the
    header, never run the query.
    """
    user = getattr(request, "user", None)
    if user is None or not is_member(user):
        return {}
    return {
        "unread_conversations": cache(partial(selectors.unread_count, member=user)),
        "unread_conversations_cap": selectors.UNREAD_COUNT_CAP,
    }
