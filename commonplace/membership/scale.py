"""Ten thousand join requests for ``make bench``: the review queue measured at a busy size."""

import random
from datetime import timedelta

from django.utils import timezone

from commonplace.core.models import Region
from commonplace.membership.models import JoinRequest, JoinRequestEvent

SCALE_DOMAIN = "requests.scale.commonplace.test"
BATCH_SIZE = 2000
FIRST = ["Anne", "Bashir", "Chloé", "Dev", "Élise", "Farah", "Gabriel", "Hana", "Ian", "Josée"]
LAST = ["Bouchard", "Cardinal", "Deschamps", "Fraser", "Gill", "Lavoie", "Nguyen", "Singh"]
INITIATIVES = [
    "A grief café in the public library.",
    "Un réseau de voisins aidants dans notre quartier.",
    "Training volunteers to accompany people who live alone with a serious illness.",
    "Une charte municipale de ville bienveillante.",
    "Death literacy workshops in two high schools.",
]
# Most requests were decided long ago; a few hundred are open, as in a busy real queue.
STATUS_WEIGHTS = [
    (JoinRequest.Status.APPROVED, 70),
    (JoinRequest.Status.DECLINED, 20),
    (JoinRequest.Status.NEW, 7),
    (JoinRequest.Status.AWAITING_INFORMATION, 3),
]


def seed(log, options: dict) -> None:
    wanted = options.get("join_requests", 10_000)
    existing = JoinRequest.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").count()
    if existing >= wanted:
        return None
    chooser = random.Random(wanted)
    statuses = [status for status, _weight in STATUS_WEIGHTS]
    weights = [weight for _status, weight in STATUS_WEIGHTS]
    provinces = list(Region.objects.values_list("slug", flat=True)) or [""]
    now = timezone.now()
    batch: list[JoinRequest] = []
    for index in range(existing, wanted):
        status = chooser.choices(statuses, weights)[0]
        submitted = now - timedelta(minutes=chooser.randint(10, 60 * 24 * 700))
        answered = submitted + timedelta(hours=chooser.randint(2, 120))
        decided = status in (JoinRequest.Status.APPROVED, JoinRequest.Status.DECLINED)
        batch.append(
            JoinRequest(
                name=f"{chooser.choice(FIRST)} {chooser.choice(LAST)}",
                email=f"applicant{index}@{SCALE_DOMAIN}",
                organization=f"Compassionate {chooser.choice(LAST)} Network",
                initiative=chooser.choice(INITIATIVES),
                goals="Learn from others and share what works.",
                language=chooser.choice(["en", "fr"]),
                province=chooser.choice(provinces),
                status=status,
                submitted_at=submitted,
                first_response_at=answered if status != JoinRequest.Status.NEW else None,
                decided_at=answered if decided else None,
                stewards_notified_at=submitted,
            )
        )
        if len(batch) >= BATCH_SIZE:
            _insert(batch)
            batch = []
    _insert(batch)
    log(f"Added {wanted - existing} join requests")
    return None


def _insert(batch: list[JoinRequest]) -> None:
    created = JoinRequest.objects.bulk_create(batch)
    JoinRequestEvent.objects.bulk_create(
        JoinRequestEvent(
            request=request, kind=JoinRequestEvent.Kind.SUBMITTED, created_at=request.submitted_at
        )
        for request in created
    )
