import statistics
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from commonplace.membership.models import JoinQuestion, JoinRequest, StewardMessage

OPEN_COUNT_CACHE_KEY = "membership:new-request-count"

SORTS = {"oldest": ("submitted_at", "id"), "newest": ("-submitted_at", "-id")}


def join_questions() -> dict[str, JoinQuestion]:
    """Stewards' wording for the join form, by question key (one query)."""
    return {question.key: question for question in JoinQuestion.objects.all()}


def review_queue(
    *, status: str = "", search: str = "", sort: str = "oldest"
) -> QuerySet[JoinRequest]:
    """Requests for the steward queue, filtered and sorted. Open ones by default.

    ``search`` looks in the name, email, organization and both answers.
    """
    requests = JoinRequest.objects.all()
    if status in JoinRequest.Status.values:
        requests = requests.filter(status=status)
    else:
        requests = requests.filter(status__in=JoinRequest.OPEN)
    search = search.strip()
    if search:
        requests = requests.filter(
            Q(name__icontains=search)
            | Q(email__icontains=search)
            | Q(organization__icontains=search)
            | Q(initiative__icontains=search)
            | Q(goals__icontains=search)
        )
    return requests.order_by(*SORTS.get(sort, SORTS["oldest"])).only(
        "name", "email", "organization", "province", "language", "status", "submitted_at",
        "new_invitation_wanted_at",
    )  # fmt: skip


def request_with_history(pk: int) -> JoinRequest:
    """One request with its events (and their actors) and invitations preloaded."""
    return (
        JoinRequest.objects.select_related("decided_by")
        .prefetch_related("events", "invitations")
        .get(pk=pk)
    )


def possible_duplicates(request: JoinRequest) -> list[JoinRequest]:
    """Other requests from the same address or the same organization."""
    match = Q(email__iexact=request.email)
    if request.organization.strip():
        match |= Q(organization__iexact=request.organization.strip())
    return list(
        JoinRequest.objects.filter(match).exclude(pk=request.pk).order_by("-submitted_at")[:10]
    )


def new_request_count() -> int:
    """How many requests wait for a first look (cached briefly: it is on every steward page)."""
    count = cache.get(OPEN_COUNT_CACHE_KEY)
    if count is None:
        count = JoinRequest.objects.filter(status=JoinRequest.Status.NEW).count()
        cache.set(OPEN_COUNT_CACHE_KEY, count, 60)
    return count


def forget_new_request_count() -> None:
    """Called after every change to a request, so stewards see counts move at once."""
    cache.delete_many([OPEN_COUNT_CACHE_KEY, FIGURES_CACHE_KEY])


FIGURES_CACHE_KEY = "membership:response-figures"


def response_figures(now=None) -> dict:
    """Open requests now, and the median wait for a first answer over the last 90 days.

    Cached for a minute: the median reads every answered request of the quarter.
    """
    if now is None:
        cached = cache.get(FIGURES_CACHE_KEY)
        if cached is not None:
            return cached
        figures = _response_figures(timezone.now())
        cache.set(FIGURES_CACHE_KEY, figures, 60)
        return figures
    return _response_figures(now)


def _response_figures(now) -> dict:
    open_count = JoinRequest.objects.filter(status__in=JoinRequest.OPEN).count()
    answered = JoinRequest.objects.filter(
        first_response_at__isnull=False, submitted_at__gte=now - timedelta(days=90)
    ).values_list("submitted_at", "first_response_at")
    waits = [
        (answered_at - submitted).total_seconds()
        for submitted, answered_at in answered
        if answered_at is not None
    ]
    median = timedelta(seconds=statistics.median(waits)) if waits else None
    return {"open": open_count, "median_first_response": median, "answered": len(waits)}


def steward_message(key: str) -> StewardMessage:
    """The stewards' version of a standard message (unsaved and empty if never edited)."""
    return StewardMessage.objects.filter(key=key).first() or StewardMessage(key=key)
