from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from commonplace.membership.models import JoinRequest, StewardDigest
from commonplace.notifications.email import send_templated

DIGEST_INTERVAL = timedelta(hours=1)


def _last_digest_at():
    return StewardDigest.objects.values_list("sent_at", flat=True).first()


def steward_digest_if_due(now=None) -> bool:
    """Queue the stewards' email when requests are waiting and the last one was an hour ago."""
    now = now or timezone.now()
    waiting = JoinRequest.objects.filter(
        status__in=JoinRequest.OPEN, stewards_notified_at__isnull=True
    ).exists()
    last = _last_digest_at()
    if not waiting or (last is not None and last > now - DIGEST_INTERVAL):
        return False
    steward_digest.enqueue()
    return True


@task()
def steward_digest() -> int:
    """Email every steward one list of the requests that arrived since the last email."""
    from commonplace.membership.services import steward_digest_recipients

    now = timezone.now()
    with transaction.atomic():
        last = _last_digest_at()
        if last is not None and last > now - DIGEST_INTERVAL:
            return 0
        waiting = list(
            JoinRequest.objects.filter(
                status__in=JoinRequest.OPEN, stewards_notified_at__isnull=True
            ).order_by("submitted_at")[:200]
        )
        if not waiting:
            return 0
        claimed = JoinRequest.objects.filter(
            pk__in=[r.pk for r in waiting], stewards_notified_at__isnull=True
        ).update(stewards_notified_at=now)
        if not claimed:
            return 0
        StewardDigest.objects.create(sent_at=now, request_count=len(waiting))
        for steward in steward_digest_recipients():
            send_templated(
                "membership/email/steward_digest",
                to=[steward.email],
                language=steward.language,
                context={"steward": steward, "requests": waiting},
            )
    return len(waiting)
