"""A few private conversations between demo members: a flyer asked for and shared, a French
exchange about a municipal charter, and a small group comparing notes."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from commonplace.accounts.models import Role, User
from commonplace.notifications.models import Notification
from commonplace.private_messages.models import Participant, PrivateConversation, PrivateMessage
from commonplace.private_messages.services import conversation_start, message_post

# subject, people ("alice", "benoit", "steward" or an index into the demo members), and the
# messages as (who, text); the first message's author starts the conversation.
CONVERSATIONS = [
    ("Your caregiver café flyer", ["alice", 2],
     [("alice", "Hi Aisha, I loved your introduction. Could I see the flyer you made for the "
                "caregiver café? We are planning one with our library in the new year."),
      (2, "Of course! I will attach it to a reply in the Caregiver support space so others can "
          "use it too. The trick was to never write *caregiver* on it: we wrote *Looking after "
          "someone?* instead."),
      ("alice", "That is such a good idea. Thank you!"),
      (2, "One more thing: ask the library to put it next to the large-print books. That is "
          "where most of our people found it.")]),
    ("Charte municipale : votre premier engagement", ["benoit", 0],
     [("benoit", "Bonjour Marie-Ève, félicitations pour la charte! Pourriez-vous me dire comment "
                 "vous avez présenté le projet au conseil la toute première fois?"),
      (0, "Merci Benoît! Nous avons commencé par une rencontre informelle avec deux élus, avec "
          "trois témoignages de citoyens. La présentation officielle est venue six mois plus tard."),
      ("benoit", "Merci, c'est très utile. Je vous écris de nouveau après notre rencontre de mars.")]),
    ("Pharmacy cards: comparing notes", ["alice", 3, 5, "steward"],
     [(3, "Since the pharmacy cards came up in the caregiver thread, I thought the four of us "
          "could compare wording before we each print a batch."),
      (5, "Ours says: *Are you helping someone get through a serious illness? You are not "
          "alone.* Then the phone number of the hospice line."),
      ("steward", "Lovely. If you agree, I would like to share the final wording in the "
                  "library section once the pilots are done."),
      ("alice", "Yes please. I can bring the Ottawa numbers after our winter pilot.")]),
]  # fmt: skip


def seed(log):
    if PrivateConversation.objects.exists():
        return []
    members = list(
        User.objects.filter(email__endswith="@demo.commonplace.test", role=Role.MEMBER)
        .exclude(email__in=["alice@demo.commonplace.test", "benoit@demo.commonplace.test"])
        .order_by("date_joined", "pk")[:8]
    )
    named = {
        "alice": User.objects.filter(email="alice@demo.commonplace.test").first(),
        "benoit": User.objects.filter(email="benoit@demo.commonplace.test").first(),
        "steward": User.objects.filter(role=Role.STEWARD).order_by("pk").first(),
    }
    if len(members) < 8 or None in named.values():
        log("Private messages need the demo members first; skipped")
        return []

    def person(who) -> User:
        found = named[who] if isinstance(who, str) else members[who]
        assert found is not None  # checked above
        return found

    start = timezone.now() - timedelta(days=6)
    with transaction.atomic():
        for index, (subject, people, messages) in enumerate(CONVERSATIONS):
            author, first = person(messages[0][0]), messages[0][1]
            others = [person(who) for who in people if person(who).pk != author.pk]
            conversation = conversation_start(
                author=author, recipients=others, subject=subject, body=first
            )
            for who, text in messages[1:]:
                message_post(conversation=conversation, author=person(who), body=text)
            # Spread over the last week, a few hours between messages.
            moment = start + timedelta(days=index * 2)
            for number in range(1, len(messages) + 1):
                PrivateMessage.objects.filter(conversation=conversation, number=number).update(
                    created_at=moment + timedelta(hours=3 * number)
                )
            PrivateConversation.objects.filter(pk=conversation.pk).update(
                created_at=moment, last_activity_at=moment + timedelta(hours=3 * len(messages))
            )
            Participant.objects.filter(conversation=conversation).update(joined_at=moment)
        # These are the demo's past: shown in the app, never a burst of email when the worker
        # starts.
        Notification.objects.filter(
            kind="private_messages.message", emailed_at__isnull=True
        ).update(emailed_at=timezone.now())
    log(f"Created {len(CONVERSATIONS)} private conversations")
    return []
