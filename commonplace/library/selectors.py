"""Reads of the library, already filtered by what the viewer may see, with what each page
shows preloaded (part of each function's contract)."""

import difflib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from commonplace.accounts.permissions import is_member, is_steward
from commonplace.conversations.models import Reply, Topic
from commonplace.core.bilingual import current_language
from commonplace.core.models import FocusArea, Region
from commonplace.library import finding
from commonplace.library.models import (
    Audience,
    Collection,
    CollectionItem,
    EditSuggestion,
    Resource,
    ResourceFile,
    ResourceKind,
    ResourceVersion,
    TranslationRequest,
)

PER_PAGE = 20
SHELF_SIZE = 6
COLLECTION_SHELF = 4
RELATED = 4
COMMENTS_SHOWN = 5
SEARCH_LIMIT = 1000
NATIONAL = "national"
SORTS = ("relevance", "new", "used", "title")


@dataclass
class Filters:
    """What a reader chose on the library list; every choice lives in the address so a view
    can be shared. Unknown values are ignored rather than refused."""

    q: str = ""
    kind: str = ""
    area: str = ""
    audience: str = ""
    province: str = ""
    language: str = ""
    licence: str = ""
    sort: str = ""
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, data) -> "Filters":
        def one(name: str, limit: int = 60) -> str:
            value = data.get(name, "")
            return value[:limit] if isinstance(value, str) else ""

        filters = cls(
            q=one("q", 200).strip(),
            kind=one("kind"),
            area=one("area"),
            audience=one("audience"),
            province=one("province"),
            language=one("language"),
            licence=one("licence"),
            sort=one("sort"),
        )
        if filters.kind not in ResourceKind.Key.values:
            filters.kind = ""
        if filters.language not in Resource.Language.values:
            filters.language = ""
        if filters.licence not in Resource.Licence.values:
            filters.licence = ""
        if filters.sort not in SORTS:
            filters.sort = ""
        return filters

    @property
    def chosen(self) -> bool:
        return any(
            (
                self.q,
                self.kind,
                self.area,
                self.audience,
                self.province,
                self.language,
                self.licence,
            )
        )

    def query(self) -> str:
        """The filters as a query string, for pagination links and shared addresses."""
        pairs = [
            (name, getattr(self, name))
            for name in ("q", "kind", "area", "audience", "province", "language", "licence", "sort")
            if getattr(self, name)
        ]
        return urlencode(pairs)


def _shown(viewer, *, public: bool) -> QuerySet:
    """Resources on the shelves for this viewer: shared ones (visitors: public ones)."""
    resources = Resource.objects.filter(status=Resource.Status.PUBLISHED)
    if public or not is_member(viewer):
        resources = resources.filter(is_public=True)
    return resources


def _for_cards(resources: QuerySet) -> QuerySet:
    # What library/resource_card.html shows; a card has no focus areas, so none are fetched.
    return resources.select_related("kind", "region")


def _in_reader_language(resources: QuerySet) -> QuerySet:
    """Of a bilingual pair, only the version in the reader's language is listed."""
    language = current_language()
    return resources.exclude(
        Q(translation__language__in=[language, Resource.Language.BOTH])
        & Q(translation__status=Resource.Status.PUBLISHED)
        & ~Q(language__in=[language, Resource.Language.BOTH])
    )


def resources_page(
    *, viewer, filters: Filters, page_number, public: bool = False
) -> tuple[Page, bool]:
    """A page of resources matching ``filters`` (kind and region preloaded), and whether
    the order is by relevance. Search words rank results unless another order was chosen."""
    resources = _shown(viewer, public=public)
    if filters.kind:
        resources = resources.filter(kind__key=filters.kind)
    if filters.area:
        resources = resources.filter(areas__slug=filters.area)
    if filters.audience:
        resources = resources.filter(audiences__slug=filters.audience)
    if filters.province == NATIONAL:
        resources = resources.filter(region__isnull=True)
    elif filters.province:
        resources = resources.filter(region__slug=filters.province)
    if filters.language:
        resources = resources.filter(language__in=[filters.language, Resource.Language.BOTH])
    else:
        resources = _in_reader_language(resources)
    if filters.licence:
        resources = resources.filter(licence=filters.licence)
    ranked: list[int] | None = None
    if filters.q:
        from commonplace.search.selectors import search

        audiences = ["members", "stewards"] if is_steward(viewer) else ["members"]
        ranked = [
            object_id
            for object_id, _score in search(
                kind=finding.KIND, query=filters.q, audiences=audiences, limit=SEARCH_LIMIT
            )
        ]
        resources = resources.filter(pk__in=ranked)
    by_relevance = ranked is not None and filters.sort in ("", "relevance")
    if filters.sort == "used":
        order = ["-use_count", "-published_at", "-pk"]
    elif filters.sort == "title":
        order = ["title", "pk"]
    else:
        order = ["-published_at", "-pk"]
    # Each filter joins at most one row per resource (one focus area, one audience by its
    # unique slug), so the ids need no DISTINCT.
    ids = resources.order_by(*order).values_list("pk", flat=True)
    if by_relevance and ranked is not None:
        # At most SEARCH_LIMIT ids, put in the order the search ranked them.
        rank = {object_id: position for position, object_id in enumerate(ranked)}
        page = Paginator(
            sorted(ids, key=lambda object_id: rank.get(object_id, len(rank))), PER_PAGE
        ).get_page(page_number)
    else:
        # The database counts and cuts out the page: a list of thousands of resources is
        # never read into Python.
        page = Paginator(ids, PER_PAGE).get_page(page_number)
    page_ids = list(page.object_list)
    found = {item.pk: item for item in _for_cards(Resource.objects.filter(pk__in=page_ids))}
    page.object_list = [found[pk] for pk in page_ids if pk in found]
    return page, by_relevance


def home_shelves(viewer) -> dict:
    """The library home: newest, most used, recurring problems (each a short list) and the
    collections with their first few resources."""
    shown = _in_reader_language(_shown(viewer, public=False))
    cards = _for_cards(shown)
    # Only the first few items of each collection, in one query (a window over the
    # collections); each item is checked against ``shown`` by its key, rather than the
    # collection items being matched against every resource shown.
    collections = Collection.objects.prefetch_related(
        Prefetch(
            "items",
            queryset=CollectionItem.objects.filter(
                Exists(shown.filter(pk=OuterRef("resource_id")))
            ).select_related("resource__kind")[:COLLECTION_SHELF],
            to_attr="shown_items",
        )
    )
    return {
        "newest": list(cards.order_by("-published_at", "-pk")[:SHELF_SIZE]),
        "most_used": list(
            cards.filter(use_count__gt=0).order_by("-use_count", "-published_at")[:SHELF_SIZE]
        ),
        "problems": list(
            cards.filter(kind__key=ResourceKind.Key.PROBLEM).order_by("-published_at", "-pk")[
                :SHELF_SIZE
            ]
        ),
        "collections": list(collections),
    }


def kinds() -> list[ResourceKind]:
    return list(ResourceKind.objects.all())


def filter_choices() -> dict:
    """The vocabularies the filters offer."""
    return {
        "kinds": kinds(),
        "areas": list(FocusArea.objects.filter(is_active=True)),
        "audiences": list(Audience.objects.filter(is_active=True)),
        "regions": list(Region.objects.filter(is_active=True)),
        "languages": Resource.Language.choices,
        "licences": Resource.Licence.choices,
    }


def resource_for(pk: int) -> Resource | None:
    """The resource with everything its page shows preloaded: kind, region, creator, its
    translation, the conversation it came from, focus areas, audiences, ``author_ids`` and
    ``authors``, ``current_files`` and ``old_files``, and its collections. The caller checks
    ``permissions.can_see_resource``."""
    resource = (
        Resource.objects.select_related(
            "kind",
            "region",
            "created_by",
            "translation",
            "source_topic__space",
            "discussion__space",
        )
        .prefetch_related(
            "areas",
            "audiences",
            "authors",
            "collections",
            Prefetch(
                "files",
                queryset=ResourceFile.objects.filter(replaced_at__isnull=True),
                to_attr="current_files",
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if resource is not None:
        resource.author_ids = {author.pk for author in resource.authors.all()}  # type: ignore[attr-defined]
    return resource


def related_resources(resource: Resource, viewer) -> list[Resource]:
    """Other shared resources on the same focus areas, the most used first."""
    area_ids = [area.pk for area in resource.areas.all()]
    if not area_ids:
        return []
    candidates = (
        _in_reader_language(_shown(viewer, public=not is_member(viewer)))
        .filter(areas__in=area_ids)
        .exclude(pk__in=[resource.pk, resource.translation_id or 0])
        .order_by("-use_count", "-published_at")
        .values_list("pk", flat=True)
        .distinct()[:RELATED]
    )
    ids = list(candidates)
    found = {item.pk: item for item in Resource.objects.filter(pk__in=ids).select_related("kind")}
    return [found[pk] for pk in ids if pk in found]


def related_topics(resource: Resource, member) -> list[Topic]:
    """Conversations the member may read on the same focus areas (latest first), the one the
    resource came from leading."""
    if not is_member(member):
        return []
    from commonplace.conversations.selectors import topics_shown

    area_ids = [area.pk for area in resource.areas.all()]
    # Comment threads of resources (this one's or others') are not conversations to point to.
    visible = topics_shown(member=member, counts=False).filter(library_resource__isnull=True)
    chosen: list[Topic] = []
    if resource.source_topic_id:
        chosen = list(visible.filter(pk=resource.source_topic_id).select_related("space"))
    if area_ids:
        through = Topic.areas.through.objects.filter(focusarea_id__in=area_ids)
        chosen += list(
            visible.filter(pk__in=through.values("topic_id"))
            .exclude(pk=resource.source_topic_id or 0)
            .select_related("space")[: RELATED - len(chosen)]
        )
    return chosen


def made_from_topic(topic_id: int, viewer) -> list[Resource]:
    """Resources made from a conversation that ``viewer`` may open, for the conversation's
    page to point to: drafts only for their authors and the stewards, archived ones last."""
    if not is_member(viewer):
        return []
    made = Resource.objects.filter(source_topic_id=topic_id)
    if not is_steward(viewer):
        made = made.filter(
            ~Q(status=Resource.Status.DRAFT) | Q(authors=viewer) | Q(created_by=viewer)
        ).distinct()
    order = [Resource.Status.DRAFT, Resource.Status.PUBLISHED, Resource.Status.ARCHIVED]
    return sorted(
        made.select_related("kind").order_by("-created_at")[:10],
        key=lambda resource: order.index(Resource.Status(resource.status)),
    )


def kept_from(made: list[Resource]) -> Resource | None:
    """Of ``made_from_topic``'s answer, the draft or shared resource a conversation already
    became (an archived one does not count: the conversation may be kept anew)."""
    return next(
        (resource for resource in made if resource.status != Resource.Status.ARCHIVED), None
    )


def latest_comments(resource: Resource, member) -> list[Reply]:
    """The last few comments the member can see, oldest of them first: none while moderators
    hide the conversation they belong to (``resource.discussion.space`` preloaded)."""
    from commonplace.conversations.permissions import can_see_topic

    if resource.discussion is None or not can_see_topic(resource.discussion, member):
        return []
    replies = (
        Reply.objects.filter(
            topic=resource.discussion,
            deleted_at__isnull=True,
            is_hidden=False,
            is_pending=False,
        )
        .select_related("author")
        .order_by("-number")[:COMMENTS_SHOWN]
    )
    return list(reversed(list(replies)))


def versions(resource: Resource) -> list[ResourceVersion]:
    return list(resource.versions.select_related("editor"))


@dataclass(frozen=True)
class Change:
    """One line of a diff: ``how`` is "same", "added" or "removed"."""

    how: str
    text: str


def changes(older: str, newer: str) -> list[Change]:
    """A line-by-line comparison a person can read, kept short: unchanged stretches longer
    than a few lines are cut to their edges."""
    rows: list[Change] = []
    old_lines, new_lines = older.splitlines(), newer.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            same = old_lines[a_start:a_end]
            if len(same) > 6:
                same = [*same[:2], "…", *same[-2:]]
            rows += [Change("same", line) for line in same]
            continue
        rows += [Change("removed", line) for line in old_lines[a_start:a_end]]
        rows += [Change("added", line) for line in new_lines[b_start:b_end]]
    return rows


def version_pair(resource: Resource, number: int) -> tuple[ResourceVersion, ResourceVersion | None]:
    """Version ``number`` and the one before it (None for the first); raises DoesNotExist."""
    chosen = resource.versions.select_related("editor").get(number=number)
    previous = resource.versions.filter(number__lt=number).order_by("-number").first()
    return chosen, previous


def files_of(resource: Resource, ids: list[int]) -> list[ResourceFile]:
    return list(resource.files.filter(pk__in=ids))


def open_suggestions(resource: Resource) -> list[EditSuggestion]:
    return list(
        resource.suggestions.filter(status=EditSuggestion.Status.OPEN).select_related("member")
    )


def drafts_for(member) -> list[Resource]:
    """Drafts the member may finish: their own, or every draft for a steward (newest first)."""
    drafts = Resource.objects.filter(status=Resource.Status.DRAFT).select_related("kind")
    if not is_steward(member):
        drafts = drafts.filter(Q(authors=member) | Q(created_by=member)).distinct()
    return list(drafts.order_by("-created_at")[:50])


def translation_requests() -> list[dict]:
    """Resources members asked to have in the other language, the most asked for first."""
    from django.db.models import Count, Min

    asked = (
        TranslationRequest.objects.values("resource")
        .annotate(asked=Count("pk"), since=Min("created_at"))
        .order_by("-asked", "since")[:100]
    )
    rows = list(asked)
    resources = Resource.objects.in_bulk([row["resource"] for row in rows])
    return [
        {"resource": resources[row["resource"]], "asked": row["asked"], "since": row["since"]}
        for row in rows
        if row["resource"] in resources
    ]


def unreadable_files() -> list[ResourceFile]:
    """Files whose text could not be read, for stewards to look at (newest first)."""
    return list(
        ResourceFile.objects.filter(extraction=ResourceFile.Extraction.FAILED)
        .select_related("resource")
        .order_by("-created_at")[:100]
    )


def translation_candidates(resource: Resource) -> QuerySet:
    """Resources that could be the other language's version of this one."""
    return (
        Resource.objects.exclude(pk=resource.pk)
        .exclude(status=Resource.Status.DRAFT)
        .exclude(language=resource.language)
        .order_by("title")
    )


def for_data_download(member) -> dict:
    """What the member put into the library, for their data download: resources they wrote or
    shared, their "I used this" notes, suggested edits and translation requests."""
    from commonplace.library.models import ResourceUse

    written = (
        Resource.objects.filter(Q(authors=member) | Q(created_by=member)).distinct().order_by("pk")
    )
    return {
        "resources": [
            {
                "title": resource.title,
                "status": resource.status,
                "public": resource.is_public,
                "created": resource.created_at.isoformat(),
                "shared_by_me": resource.created_by_id == member.pk,
            }
            for resource in written
        ],
        "used": [
            {"resource": use.resource.title, "note": use.note, "when": use.created_at.isoformat()}
            for use in ResourceUse.objects.filter(member=member).select_related("resource")
        ],
        "suggested_edits": [
            {
                "resource": suggestion.resource.title,
                "title": suggestion.title,
                "summary": suggestion.summary,
                "body": suggestion.body,
                "note": suggestion.note,
                "status": suggestion.status,
                "when": suggestion.created_at.isoformat(),
            }
            for suggestion in EditSuggestion.objects.filter(member=member).select_related(
                "resource"
            )
        ],
        "translations_asked_for": [
            {"resource": request.resource.title, "when": request.created_at.isoformat()}
            for request in TranslationRequest.objects.filter(member=member).select_related(
                "resource"
            )
        ],
    }
