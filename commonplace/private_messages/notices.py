"""What private messages tell members about, through the notifications mechanism.

Every notice about a conversation sits under "private:<id>", so a member who leaves loses all
of them in one ``withdraw``, and "private:12" never touches conversation 120.
"""

from django.utils.translation import gettext_lazy as _

from commonplace.notifications import kinds

MESSAGE = "private_messages.message"


def register_kinds() -> None:
    kinds.register(
        kinds.Kind(
            key=MESSAGE,
            label=_("Private messages"),
            sentence=_("%(actor)s wrote to you: “%(title)s”"),
        )
    )


def conversation_key(conversation_id: int) -> str:
    return f"private:{conversation_id}"


def message_key(conversation_id: int, number: int) -> str:
    return f"{conversation_key(conversation_id)}/message:{number}"
