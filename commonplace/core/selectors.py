from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet

from commonplace.core.models import AuditEntry, Community, Page

COMMUNITY_CACHE_KEY = "core:community"
DEFAULT_COMMUNITY_NAME = "Commonplace"


def community() -> Community:
    """The community's settings, from the cache (one query per process after each edit).

    Returns an unsaved placeholder named "Commonplace" when no community has been set up yet,
    so a fresh database still renders every page.
    """
    cached = cache.get(COMMUNITY_CACHE_KEY)
    if cached is None:
        cached = Community.objects.first() or Community(name_en=DEFAULT_COMMUNITY_NAME)
        cache.set(COMMUNITY_CACHE_KEY, cached, 300)
    return cached


def community_name() -> str:
    return community().name


def page_by_slug(slug: str) -> Page | None:
    return Page.objects.filter(slug=slug).first()


def audit_entries(*, verb: str = "") -> QuerySet[AuditEntry]:
    """Newest first; the actor is a snapshot column, so no join is needed."""
    entries = AuditEntry.objects.all()
    if verb:
        entries = entries.filter(verb=verb)
    return entries


def audit_verbs() -> list[str]:
    """The actions found in the log, for its filter (cached: it reads the whole table)."""
    verbs = cache.get("core:audit-verbs")
    if verbs is None:
        verbs = list(AuditEntry.objects.order_by("verb").values_list("verb", flat=True).distinct())
        cache.set("core:audit-verbs", verbs, 300)
    return verbs


def paginate(request, items, *, per_page: int = 25):
    """A page of ``items`` from ``?page=``; a page number out of range gives the last page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
