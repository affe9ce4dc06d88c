from commonplace.membership.permissions import can_review_requests
from commonplace.membership.selectors import new_request_count


def join_requests(request):
    """The count badge of new join requests, for stewards only."""
    user = getattr(request, "user", None)
    if user is None or not can_review_requests(user):
        return {}
    return {"new_join_requests": new_request_count()}
