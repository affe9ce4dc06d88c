"""Small periodic jobs run by the task worker's heartbeat loop.

Apps register a function with ``every(seconds, name=...)`` in their ``AppConfig.ready``; the core
knows nothing of what the jobs do. Jobs must be quick and idempotent: they usually just enqueue
real tasks, and with several workers each one may run them.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass
class PeriodicJob:
    name: str
    seconds: float
    function: Callable[[], object]
    last_run: float = field(default=0.0)

    def due(self, now: float) -> bool:
        return now - self.last_run >= self.seconds


_jobs: dict[str, PeriodicJob] = {}


def every(seconds: float, *, name: str):
    def register(function: Callable[[], object]) -> Callable[[], object]:
        _jobs[name] = PeriodicJob(name=name, seconds=seconds, function=function)
        return function

    return register


def jobs() -> list[PeriodicJob]:
    return list(_jobs.values())


def run_due(now: float | None = None) -> list[str]:
    """Run every job whose interval has passed; one failing job never stops the others."""
    now = time.monotonic() if now is None else now
    ran = []
    for job in _jobs.values():
        if not job.due(now):
            continue
        job.last_run = now
        try:
            job.function()
        except Exception:
            logger.exception("Periodic job %s failed", job.name)
        ran.append(job.name)
    return ran
