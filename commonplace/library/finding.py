"""How resources are found: the text search reads for each resource, and which readers may
find it by that text.

Members find what is shared or archived; stewards find drafts too. The words inside PDF and
Word files join once a task has read them (library/tasks.py), which indexes the resource again.
"""

from collections.abc import Iterator

from django.db.models import Prefetch

from commonplace.library.models import Resource, ResourceFile
from commonplace.search import registry
from commonplace.search.services import index

KIND = "resource"
FILE_TEXT_LIMIT = 200_000
CHUNK = 500


def register_search() -> None:
    from django.utils.translation import gettext_lazy as _

    registry.register(KIND, all_documents)
    registry.register_finder(
        registry.Finder(
            key="resources", label=_("Resources"), find=find, more_url=more_url, position=10
        )
    )


def documents(resource: Resource) -> dict[str, str]:
    """The searchable text of ``resource`` by audience; ``files`` are read from
    ``resource.current_files`` when preloaded."""
    files = getattr(resource, "current_files", None)
    if files is None:
        files = list(resource.files.filter(replaced_at__isnull=True))
    parts = [resource.title, resource.summary, resource.body, resource.credits]
    parts += [item.original_name for item in files]
    parts += [item.text[:FILE_TEXT_LIMIT] for item in files if item.text]
    text = "\n".join(part for part in parts if part)
    audiences = {"stewards": text}
    if resource.status != Resource.Status.DRAFT:
        audiences["members"] = text
    return audiences


def resource_indexed(resource_id: int) -> None:
    """Make the search index agree with the resource as it is now (gone: taken out)."""
    resource = _with_files(Resource.objects.filter(pk=resource_id)).first()
    index(kind=KIND, object_id=resource_id, documents=documents(resource) if resource else {})


def all_documents() -> Iterator[tuple[int, dict[str, str]]]:
    last = 0
    while True:
        chunk = list(_with_files(Resource.objects.filter(pk__gt=last).order_by("pk"))[:CHUNK])
        if not chunk:
            return
        for resource in chunk:
            yield resource.pk, documents(resource)
        last = chunk[-1].pk


def _with_files(resources):
    return resources.prefetch_related(
        Prefetch(
            "files",
            queryset=ResourceFile.objects.filter(replaced_at__isnull=True),
            to_attr="current_files",
        )
    )


def find(viewer, query: str, limit: int) -> tuple[list, int]:
    """The library's part of the one search page."""
    from django.utils.text import Truncator

    from commonplace.library.selectors import Filters, resources_page
    from commonplace.library.services import resource_url
    from commonplace.search.registry import Found

    page, _by_relevance = resources_page(viewer=viewer, filters=Filters(q=query), page_number=1)
    found = [
        Found(
            title=resource.title,
            url=resource_url(resource),
            detail=str(resource.kind.name),
            excerpt=Truncator(resource.summary).chars(160),
        )
        for resource in page.object_list[:limit]
    ]
    return found, page.paginator.count


def more_url(query: str) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    return reverse("library:list") + "?" + urlencode({"q": query})
