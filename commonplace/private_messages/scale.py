"""Private conversations for ``make bench``: half a conversation per member (5,000 at 10,000
members), in bulk inserts, with the bench member in 200 of them and one of 300 messages."""

import random
from datetime import timedelta

from django.utils import timezone

from commonplace.accounts.models import Role
from commonplace.accounts.scale import scale_users
from commonplace.core.markdown import render_markdown
from commonplace.core.seeding import save_bench_paths
from commonplace.private_messages.models import Participant, PrivateConversation, PrivateMessage

SUBJECT = "scale: "
BATCH = 5000
MEMBER_CONVERSATIONS = 200
LONG = 300
TEXTS = [
    "Thank you for your answer in the caregiver thread. Could we talk about it on a call?",
    "Merci pour le gabarit! Je vous écris après notre rencontre de mars.",
    "Here is the **wording** we used on the pharmacy cards.",
]


def seed(log, options: dict) -> None:
    if PrivateConversation.objects.filter(subject__startswith=SUBJECT).exists():
        log("The scale private conversations already exist")
        return None
    people = list(scale_users().filter(is_active=True).order_by("pk").values_list("pk", "role"))
    if len(people) < 4:
        return None
    member_ids = [pk for pk, _role in people]
    bench_member = next(pk for pk, role in people if role == Role.MEMBER)
    total = max(1, len(people) // 2)
    chooser = random.Random(total)
    html = {text: render_markdown(text) for text in TEXTS}
    now = timezone.now()
    plans = []  # (people, message count) per conversation
    for index in range(total):
        group = chooser.sample(member_ids, chooser.randint(2, 4))
        if index < MEMBER_CONVERSATIONS and bench_member not in group:
            group[0] = bench_member
        count = LONG if index == 0 else chooser.randint(1, 6)
        plans.append((group, count))
    PrivateConversation.objects.bulk_create(
        (
            PrivateConversation(
                subject=f"{SUBJECT}{index + 1}",
                created_at=now - timedelta(minutes=53 * (total - index) + count),
                last_activity_at=now - timedelta(minutes=53 * (total - index)),
                last_number=count,
            )
            for index, (_group, count) in enumerate(plans)
        ),
        batch_size=BATCH,
    )
    ids = list(
        PrivateConversation.objects.filter(subject__startswith=SUBJECT)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    Participant.objects.bulk_create(
        (
            # Everyone has read all but the last message, so unread counts have work to do.
            Participant(conversation_id=pk, member_id=member, read_number=count - 1)
            for pk, (group, count) in zip(ids, plans, strict=True)
            for member in dict.fromkeys(group)
        ),
        batch_size=BATCH,
    )
    PrivateMessage.objects.bulk_create(
        (
            PrivateMessage(
                conversation_id=pk,
                number=number,
                author_id=group[number % len(group)],
                body=TEXTS[(pk + number) % len(TEXTS)],
                body_html=html[TEXTS[(pk + number) % len(TEXTS)]],
                created_at=now - timedelta(minutes=count - number),
            )
            for pk, (group, count) in zip(ids, plans, strict=True)
            for number in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    save_bench_paths(
        {
            "messages": "/en/messages/",
            "messages-long": f"/en/messages/{ids[0]}/?page={(LONG + 49) // 50}",
        }
    )
    log(f"Created {len(ids):,} private conversations")
    return None
