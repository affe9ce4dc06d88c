"""What conversations tell members about, through the notifications mechanism.

Target keys name whole segments ("space:3/topic:12/reply:5"): withdrawing "space:3/topic:12"
takes every notice about topic 12 and its replies, and never touches topic 120.
"""

from django.utils.translation import gettext_lazy as _

from commonplace.notifications import kinds

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
