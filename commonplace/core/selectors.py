from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet

from commonplace.core.models import (
    AuditEntry,
    Community,
    FocusArea,
    OrganizationType,
    Page,
    Region,
    SpokenLanguage,
)

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


VOCABULARY_CACHE_SECONDS = 300


def _terms(model) -> list:
    """The active terms of one taxonomy, in order, cached (they change rarely, appear often)."""
    key = f"core:terms:{model._meta.model_name}"
    terms = cache.get(key)
    if terms is None:
        terms = list(model.objects.filter(is_active=True))
        cache.set(key, terms, VOCABULARY_CACHE_SECONDS)
    return terms


def forget_terms(model) -> None:
    cache.delete(f"core:terms:{model._meta.model_name}")


def regions() -> list[Region]:
    return _terms(Region)


def focus_areas() -> list[FocusArea]:
    return _terms(FocusArea)


def organization_types() -> list[OrganizationType]:
    return _terms(OrganizationType)


def spoken_languages() -> list[SpokenLanguage]:
    return _terms(SpokenLanguage)


def region_name(slug: str) -> str:
    """The name of a province or territory in the reader's language ("" if unknown)."""
    return next((str(region.name) for region in regions() if region.slug == slug), "")


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
