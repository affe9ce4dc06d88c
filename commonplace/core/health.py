from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from commonplace.core.models import WorkerHeartbeat


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def freshest_heartbeat() -> WorkerHeartbeat | None:
    try:
        return WorkerHeartbeat.objects.order_by("-last_seen").first()
    except DatabaseError:
        return None


def report() -> tuple[bool, dict]:
    """Whether the platform can serve and deliver, with the facts behind the answer."""
    database = database_ok()
    heartbeat = freshest_heartbeat() if database else None
    now = timezone.now()
    worker_fresh = bool(
        heartbeat
        and heartbeat.last_seen >= now - timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS)
    )
    body = {
        "status": "ok" if database and worker_fresh else "error",
        "database": "ok" if database else "error",
        "worker": {
            "status": "ok" if worker_fresh else ("stale" if heartbeat else "missing"),
            "last_seen": heartbeat.last_seen.isoformat() if heartbeat else None,
        },
    }
    return database and worker_fresh, body
