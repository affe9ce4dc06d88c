from commonplace.accounts.permissions import is_steward
from commonplace.core.selectors import community as current_community


def community(request):
    """What every page's header and footer need: the community and the viewer's standing."""
    return {
        "community": current_community(),
        "viewer_is_steward": is_steward(request.user) if hasattr(request, "user") else False,
    }
