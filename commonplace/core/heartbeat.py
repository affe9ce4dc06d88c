import logging
import os
import socket
import threading

from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from commonplace.core import schedule
from commonplace.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def beat(worker_id: str, started_at) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": timezone.now(),
        },
    )


class HeartbeatThread(threading.Thread):
    """Beside the task worker: says "still alive" every few seconds and runs periodic jobs."""

    def __init__(self, interval: float):
        super().__init__(name="worker-heartbeat", daemon=True)
        self.interval = interval
        self.worker_id = get_random_string(32)
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                close_old_connections()
                try:
                    beat(self.worker_id, self.started_at)
                    schedule.run_due()
                except Exception:
                    import logging

                    logging.getLogger(__name__).exception("Worker heartbeat failed")
                self.stopping.wait(self.interval)
        finally:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
