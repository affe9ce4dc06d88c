from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from commonplace.core.heartbeat import HeartbeatThread


class Command(BaseCommand):
    help = (
        "Run the background task worker (database queue, or RQ when REDIS_URL is set), "
        "with its heartbeat for /healthz and the periodic jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then exit."
        )

    def handle(self, *args, batch: bool = False, **options):
        heartbeat = HeartbeatThread(interval=settings.WORKER_HEARTBEAT_SECONDS)
        heartbeat.start()
        try:
            if settings.REDIS_URL:
                # RQ must build jobs with the tasks backend's Job class, or results are lost.
                call_command(
                    "rqworker",
                    "default",
                    burst=batch,
                    with_scheduler=True,
                    job_class="django_tasks_rq.backend.Job",
                )
            else:
                call_command(
                    "db_worker",
                    queue_name="*",
                    batch=batch,
                    reload=False,
                    startup_delay=not batch,
                    interval=1,
                )
        finally:
            heartbeat.stop()
            heartbeat.join(timeout=5)
