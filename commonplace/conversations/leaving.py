"""What a member's leaving does to conversations.

Their account's rows go with it (follows, reading places, reactions), and what they wrote
stays, credited to a former member, unless they asked for it to be removed too. Then their
words go without tearing the threads others answered in: each reply of theirs is deleted as if
they had deleted it, its text, earlier versions and files erased; a topic nobody else answered
goes entirely; a topic others answered keeps its title and their replies, its opening text
erased.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from commonplace.accounts.models import User
from commonplace.conversations import finding, notices, services
from commonplace.conversations.models import Attachment, Reply, Revision, Space, Topic
from commonplace.core.storage import delete_files
from commonplace.notifications.services import withdraw


@transaction.atomic
def member_forget(*, member: User, remove_content: bool) -> None:
    """Registered with ``accounts.deletion``; runs before the account row is deleted."""
    if not remove_content:
        return
    files: list[FieldFile] = []
    touched: set[int] = set()
    now = timezone.now()
    for reply in Reply.objects.filter(author=member, deleted_at__isnull=True).select_related(
        "topic"
    ):
        reply.deleted_at = now
        reply.save(update_fields=["deleted_at"])
        services.reply_gone(reply)
    replies = Reply.objects.filter(author=member)
    touched.update(replies.values_list("topic_id", flat=True))
    files += _files_gone(Attachment.objects.filter(reply__in=replies))
    Revision.objects.filter(reply__in=replies).delete()
    replies.update(body="", body_html="")

    for topic in Topic.objects.filter(author=member):
        touched.add(topic.pk)
        answered = Reply.objects.filter(topic=topic).exclude(author=member).exists()
        if answered:
            files += _files_gone(Attachment.objects.filter(topic=topic, reply__isnull=True))
            Revision.objects.filter(topic=topic, reply__isnull=True).delete()
            Topic.objects.filter(pk=topic.pk).update(body="", body_html="")
            continue
        files += [item.file for item in Attachment.objects.filter(topic=topic)]
        if not (topic.is_hidden or topic.is_pending or topic.merged_into_id):
            Space.objects.filter(pk=topic.space_id, topic_count__gt=0).update(
                topic_count=F("topic_count") - 1
            )
        withdraw(target_key_prefix=notices.topic_key(topic))
        topic.delete()
    # Indexed again from what is left; a topic that is gone leaves search.
    finding.index_later(*touched)
    # Storage takes no part in the transaction: files go once the rows are gone for good.
    transaction.on_commit(lambda: delete_files(files))


def _files_gone(attachments) -> list[FieldFile]:
    files = [item.file for item in attachments]
    attachments.delete()
    return files
