"""How topics are found: their searchable text, per audience, for the one search
(commonplace/search), and the call that keeps it up to date after a change.

A topic is found by its title, its opening post and the replies everyone in it can read; never
by a deleted, hidden or waiting reply. Only text every member may read goes to the "members"
audience, so a search can never put a private space's or a hidden topic's words before the
wrong eyes, whatever the selector does afterwards.
"""

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain

from django.db import transaction

from commonplace.conversations.models import Reply, Topic

KIND = "topic"
# Enough to find a long thread by what was said in it; a topic of a thousand replies costs the
# index no more than this, and words far down a thread rarely decide a search.
MAX_TEXT_LENGTH = 100_000
# Topics read per query while rebuilding; their replies come in one more query per chunk.
CHUNK_SIZE = 200


def topic_documents(topic: Topic) -> dict[str, str]:
    """The search documents of ``topic``: ``{"members": text, "stewards": text}``, the
    "members" one only while every member may read the topic (not in a private space, not
    hidden, not waiting for approval), neither once it was merged into another (its text lives
    on there). ``topic.space`` should be preloaded. One query for the replies."""
    if topic.merged_into_id is not None:
        return {}
    return _documents(topic, _visible_reply_bodies(Reply.objects.filter(topic=topic)))


def all_topic_documents(*, space_id: int | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Every topic's documents (only those in space ``space_id`` if given), for ``manage.py
    rebuild_search_index``: merged topics left out, topics in chunks of ``CHUNK_SIZE`` by id,
    two queries per chunk (the topics with their spaces, their replies)."""
    scope = Topic.objects.filter(merged_into=None)
    if space_id is not None:
        scope = scope.filter(space_id=space_id)
    last_pk = 0
    while True:
        topics = list(
            scope.filter(pk__gt=last_pk).select_related("space").order_by("pk")[:CHUNK_SIZE]
        )
        if not topics:
            return
        last_pk = topics[-1].pk
        bodies: dict[int, list[str]] = {topic.pk: [] for topic in topics}
        lengths = dict.fromkeys(bodies, 0)
        replies = Reply.objects.filter(topic_id__in=list(bodies)).order_by("topic_id", "number")
        for topic_id, body in _visible(replies).values_list("topic_id", "body").iterator():
            # Only what the cap keeps is held in memory, however long a thread is.
            if lengths[topic_id] < MAX_TEXT_LENGTH:
                bodies[topic_id].append(body)
                lengths[topic_id] += len(body)
        for topic in topics:
            yield topic.pk, _documents(topic, bodies[topic.pk])


def index_later(*topics: Topic | int) -> None:
    """Have the worker write these topics' search entries once the current transaction commits
    (at once outside one): indexing reads a whole thread, which has no place in a request, and
    a rolled-back change must not be indexed."""
    from commonplace.conversations.tasks import index_topic

    for topic in topics:
        topic_id = topic if isinstance(topic, int) else topic.pk
        transaction.on_commit(partial(index_topic.enqueue, topic_id))


def index_space_later(space_id: int) -> None:
    """Have the worker index every topic of the space again once the transaction commits."""
    from commonplace.conversations.tasks import index_space

    transaction.on_commit(lambda: index_space.enqueue(space_id))


def _documents(topic: Topic, reply_bodies: Iterable[str]) -> dict[str, str]:
    text = _capped([topic.title, topic.body], reply_bodies)
    open_to_members = not (topic.space.is_private or topic.is_hidden or topic.is_pending)
    return {"members": text, "stewards": text} if open_to_members else {"stewards": text}


def _capped(first: list[str], rest: Iterable[str]) -> str:
    parts: list[str] = []
    length = 0
    for text in chain(first, rest):
        if length >= MAX_TEXT_LENGTH:
            break
        parts.append(text[: MAX_TEXT_LENGTH - length])
        length += len(parts[-1]) + 1
    return "\n".join(parts)


def _visible(replies):
    return replies.filter(deleted_at=None, is_hidden=False, is_pending=False)


def _visible_reply_bodies(replies) -> Iterator[str]:
    # Streamed in order, so a long thread stops being read once the cap is reached.
    return _visible(replies).order_by("number").values_list("body", flat=True).iterator()


def find(viewer, query: str, limit: int) -> tuple[list, int]:
    """Conversations' part of the one search page."""
    from django.urls import reverse

    from commonplace.conversations.selectors import topics_matching
    from commonplace.search.registry import Found

    page = topics_matching(member=viewer, query=query, page_number=1)
    found = [
        Found(
            title=topic.title,
            url=reverse(
                "conversations:topic",
                kwargs={"space_slug": topic.space.slug, "topic_id": topic.pk, "slug": topic.slug},
            ),
            detail=str(topic.space.name),
        )
        for topic in list(page.object_list)[:limit]
    ]
    return found, page.paginator.count


def more_url(query: str) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    return reverse("conversations:latest") + "?" + urlencode({"q": query})
