"""Slow work about conversations, done by the worker: their search entries."""

from django.tasks import task

from commonplace.conversations import finding
from commonplace.conversations.models import Topic
from commonplace.search.services import index, remove


@task()
def index_topic(topic_id: int) -> str:
    """Write the topic's search entries from what it says now (see ``finding.topic_documents``);
    a topic that no longer exists leaves search."""
    topic = Topic.objects.select_related("space").filter(pk=topic_id).first()
    if topic is None:
        remove(kind=finding.KIND, object_id=topic_id)
        return "gone"
    index(kind=finding.KIND, object_id=topic.pk, documents=finding.topic_documents(topic))
    return "indexed"


@task()
def index_space(space_id: int) -> str:
    """Write again the entries of every topic in the space: after it became private (or open),
    who may find each of them changed."""
    count = 0
    for topic_id, documents in finding.all_topic_documents(space_id=space_id):
        index(kind=finding.KIND, object_id=topic_id, documents=documents)
        count += 1
    return f"{count} indexed"
