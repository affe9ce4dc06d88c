"""About 20 spaces, 20,000 topics and 200,000 replies for ``make bench``, in bulk inserts.

Two topics are long on purpose: one of 500 replies and one of 2,000, the threads a page must
stay fast on. Their addresses go to ``VAR_DIR/bench-paths.json`` for the bench to open.
"""

import random
from datetime import timedelta

from django.utils import timezone

from commonplace.accounts.models import Role
from commonplace.accounts.scale import scale_users
from commonplace.conversations import finding
from commonplace.conversations.models import (
    ReadPosition,
    Reply,
    Space,
    SpaceFollow,
    Topic,
    TopicFollow,
)
from commonplace.core.markdown import render_markdown
from commonplace.core.seeding import save_bench_paths
from commonplace.search.services import index_new

SPACES = 20
# Per scale member: 10,000 members give 20,000 topics and 200,000 replies.
TOPICS_PER_MEMBER = 2
REPLIES_PER_MEMBER = 20
LONG_THREADS = (500, 2000)
BATCH = 5000
PREFIX = "scale-"
TITLES = [
    "Starting a grief café in a small town", "Volunteer training that sticks",
    "Respite schedules for caregivers", "Bringing council on board for a charter",
    "Measuring loneliness without a long survey", "Un café deuil à la bibliothèque",
    "Recruter des bénévoles après la pandémie", "Funding a coordinator after the grant",
    "Advance care planning in workplaces", "Neighbour check-ins in winter",
]  # fmt: skip
TEXTS = [
    "We tried this last spring. **What worked**: a host per table and a clear closing.",
    "Nous avons commencé avec six bénévoles; aujourd'hui nous sommes vingt.",
    "Has anyone used the three-item loneliness scale? It took one minute per person.",
    "> Start with a conversation, not a program.\n\nAgreed, and map what already exists.",
    "Our library lends us a room for free. Libraries are wonderful partners.",
]


def seed(log, options: dict) -> None:
    if Space.objects.filter(slug__startswith=PREFIX).exists():
        log("The scale conversations already exist")
        return None
    people = list(scale_users().filter(is_active=True).order_by("pk").values_list("pk", "role"))
    if not people:
        return None
    member_ids = [pk for pk, _role in people]
    topic_total = TOPICS_PER_MEMBER * len(people)
    reply_total = REPLIES_PER_MEMBER * len(people)
    # A small community (the tests') gets no long threads: they would be most of its replies.
    long_threads = LONG_THREADS if reply_total >= 10 * sum(LONG_THREADS) else ()
    bench_member = next(pk for pk, role in people if role == Role.MEMBER)
    chooser = random.Random(topic_total)
    html = {text: render_markdown(text) for text in TEXTS}
    spaces = Space.objects.bulk_create(
        Space(
            slug=f"{PREFIX}{number}",
            name_en=f"Practice circle {number}",
            name_fr=f"Cercle de pratique {number}",
            description_en="Conversations among members working on the same kind of initiative.",
            description_fr="Conversations entre membres qui mènent le même genre d'initiative.",
            position=100 + number,
            # Two private spaces, which the bench member does not belong to.
            is_private=number >= SPACES - 1,
        )
        for number in range(1, SPACES + 1)
    )
    spaces = list(Space.objects.filter(slug__startswith=PREFIX).order_by("position"))
    now = timezone.now()
    ordinary = topic_total - len(long_threads)
    # Replies spread over the ordinary topics; the long threads get theirs on top.
    per_topic = [0] * ordinary
    for _ in range(reply_total - sum(long_threads)):
        per_topic[chooser.randrange(ordinary)] += 1
    counts = list(long_threads) + per_topic
    topics = []
    for index, count in enumerate(counts):
        started = now - timedelta(minutes=37 * (topic_total - index))
        text = TEXTS[index % len(TEXTS)]
        topics.append(
            Topic(
                space=spaces[0] if index < len(long_threads) else spaces[index % SPACES],
                author_id=member_ids[chooser.randrange(len(member_ids))],
                kind="question" if index % 3 == 0 else "discussion",
                title=f"{TITLES[index % len(TITLES)]} ({index + 1})",
                slug="long-thread" if index < len(long_threads) else "topic",
                body=text,
                body_html=html[text],
                reply_count=count,
                last_number=count,
                created_at=started,
                last_activity_at=started + timedelta(minutes=count),
            )
        )
    Topic.objects.bulk_create(topics, batch_size=BATCH)
    topics = list(
        Topic.objects.filter(space__slug__startswith=PREFIX).order_by("pk").only("pk", "space_id")
    )
    for space in spaces:
        Space.objects.filter(pk=space.pk).update(
            topic_count=Topic.objects.filter(space=space, is_hidden=False).count()
        )
    log(f"Created {len(spaces)} spaces and {len(topics):,} topics")
    batch: list[Reply] = []
    written = 0
    for topic, count in zip(topics, counts, strict=True):
        for number in range(1, count + 1):
            text = TEXTS[(topic.pk + number) % len(TEXTS)]
            batch.append(
                Reply(
                    topic_id=topic.pk,
                    number=number,
                    author_id=member_ids[(topic.pk * 31 + number) % len(member_ids)],
                    body=text,
                    body_html=html[text],
                    created_at=now - timedelta(minutes=count - number),
                )
            )
            if len(batch) >= BATCH:
                Reply.objects.bulk_create(batch)
                written += len(batch)
                batch = []
    Reply.objects.bulk_create(batch)
    written += len(batch)
    log(f"Created {written:,} replies")
    # Indexed like the worker would, so the one search has every topic's words to look through.
    indexed = sum(
        index_new(kind=finding.KIND, objects=finding.all_topic_documents(space_id=space.pk))
        for space in spaces
    )
    log(f"Indexed {indexed:,} search entries for the topics")
    # The bench member follows a few spaces and has read part of the long threads, so their
    # home page and the unread counts have work to do.
    SpaceFollow.objects.bulk_create(
        SpaceFollow(space=space, member_id=bench_member) for space in spaces[:3]
    )
    TopicFollow.objects.bulk_create(
        TopicFollow(topic_id=topic.pk, member_id=bench_member) for topic in topics[:200]
    )
    ReadPosition.objects.bulk_create(
        ReadPosition(topic_id=topic.pk, member_id=bench_member, number=count // 2)
        for topic, count in list(zip(topics, counts, strict=True))[:400]
    )
    paths = {"space": f"/en/conversations/{spaces[1].slug}/"}
    if long_threads:
        for (topic, count), name in zip(
            list(zip(topics, counts, strict=True))[:2], ["500", "2000"], strict=True
        ):
            base = f"/en/conversations/{spaces[0].slug}/{topic.pk}-long-thread/"
            paths[f"topic-{name}"] = base
            paths[f"topic-{name}-last"] = f"{base}?page={(count + 49) // 50}"
    save_bench_paths(paths)
    return None
