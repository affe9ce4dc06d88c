"""What conversations tell members about, through the notifications mechanism.

Target keys name whole segments ("space:3/topic:12/reply:5"): withdrawing "space:3/topic:12"
takes every notice about topic 12 and its replies, and never touches topic 120.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from commonplace.core import audit
from commonplace.notifications import kinds
from commonplace.notifications.services import notify

REPLY_TO_MY_TOPIC = "conversations.reply_to_my_topic"
REPLY_IN_FOLLOWED = "conversations.reply_in_followed_topic"
NEW_TOPIC_IN_SPACE = "conversations.new_topic_in_space"
MENTION = "conversations.mention"
ANSWER_ACCEPTED = "conversations.answer_accepted"
MODERATION = "conversations.moderation"


def register_kinds() -> None:
    for kind in (
        kinds.Kind(
            key=REPLY_TO_MY_TOPIC,
            label=_("Replies to topics I started"),
            sentence=_("%(actor)s replied to your topic “%(title)s”"),
        ),
        kinds.Kind(
            key=REPLY_IN_FOLLOWED,
            label=_("Replies in topics I follow"),
            sentence=_("%(actor)s replied in “%(title)s”"),
        ),
        kinds.Kind(
            key=NEW_TOPIC_IN_SPACE,
            label=_("New topics in spaces I follow"),
            sentence=_("%(actor)s started “%(title)s”"),
        ),
        kinds.Kind(
            key=MENTION,
            label=_("Mentions of my name"),
            sentence=_("%(actor)s mentioned you in “%(title)s”"),
        ),
        kinds.Kind(
            key=ANSWER_ACCEPTED,
            label=_("My answers being accepted"),
            sentence=_("%(actor)s accepted your answer in “%(title)s”"),
        ),
        kinds.Kind(
            key=MODERATION,
            label=_("Moderators acting on my posts"),
            sentence=_("A moderator changed your post in “%(title)s”"),
        ),
    ):
        kinds.register(kind)


def space_key(space_id: int) -> str:
    return f"space:{space_id}"


def topic_key(topic) -> str:
    """Under its space, so that a member who leaves a private space loses every notice about
    it in one step."""
    return f"space:{topic.space_id}/topic:{topic.pk}"


def reply_key(topic, number: int) -> str:
    return f"{topic_key(topic)}/reply:{number}"


# What an author is told about a moderator's act, translated when it is sent, into the author's
# own language.
EDITED = gettext_noop("A moderator edited your post. The earlier text is in its history.")
DELETED = gettext_noop("A moderator deleted your reply.")
HIDDEN = gettext_noop(
    "A moderator hid your post. Others no longer see it; you and moderators still do."
)
RESTORED = gettext_noop("A moderator restored your post. Everyone can see it again.")
LOCKED = gettext_noop("A moderator closed this topic to new replies.")
UNLOCKED = gettext_noop("A moderator opened this topic to replies again.")
MOVED = gettext_noop("A moderator moved your topic to another space.")
APPROVED = gettext_noop("A moderator approved your post. Everyone can see it now.")
DECLINED = gettext_noop(
    "A moderator decided not to publish your post. You can still read it and edit it."
)
MERGED = gettext_noop("A moderator merged your topic into another one. Its links lead there.")
SPLIT = gettext_noop("A moderator moved some replies of your topic into a new topic.")


def moderation_told(topic, reply, moderator, verb: str, message: str) -> None:
    """Record a moderator's act in the audit log and tell the post's author what happened, in
    the author's language (``message`` is one of the sentences above)."""
    post = reply or topic
    audit.record(moderator, verb, post, note=f"topic {topic.pk}")
    author = post.author
    if author is None or author.pk == moderator.pk:
        return
    with translation.override(author.language):
        excerpt = gettext(message)
    key = reply_key(topic, reply.number) if reply else topic_key(topic)
    if reply:
        url_name, url_kwargs = (
            "conversations:reply-link",
            {"topic_id": topic.pk, "number": reply.number},
        )
    else:
        url_name, url_kwargs = "conversations:topic-link", {"topic_id": topic.pk}
    notify(
        recipients=[author],
        kind=MODERATION,
        actor=moderator,
        # Each act is its own notice: being told twice about two acts is right.
        target_key=f"{key}/moderation:{timezone.now().timestamp()}",
        url_name=url_name,
        url_kwargs=url_kwargs,
        title=topic.title,
        excerpt=excerpt,
    )
