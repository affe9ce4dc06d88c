"""/healthz tells a monitor whether the site can serve pages and deliver background work."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commonplace.core import schedule
from commonplace.core.heartbeat import HeartbeatThread, beat
from commonplace.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_healthz_is_unhealthy_when_no_worker_has_ever_reported(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "ok",
        "worker": {"status": "missing", "last_seen": None},
    }


def test_healthz_is_healthy_while_a_worker_beats(client):
    beat("worker-one", timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["worker"]["status"] == "ok"


def test_healthz_notices_a_worker_that_went_silent(client, settings):
    beat("worker-one", timezone.now())
    WorkerHeartbeat.objects.update(
        last_seen=timezone.now() - timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS + 1)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"]["status"] == "stale"


def test_healthz_is_not_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_reports_and_cleans_up_after_itself():
    thread = HeartbeatThread(interval=0.05)
    thread.start()
    try:
        for _ in range(100):
            if WorkerHeartbeat.objects.filter(worker_id=thread.worker_id).exists():
                break
            thread.stopping.wait(0.05)
        assert WorkerHeartbeat.objects.filter(worker_id=thread.worker_id).exists()
    finally:
        thread.stop()
        thread.join(timeout=5)
    assert not WorkerHeartbeat.objects.filter(worker_id=thread.worker_id).exists()


def test_periodic_jobs_run_when_due_and_one_failure_does_not_stop_the_rest(monkeypatch):
    calls = []

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(schedule, "_jobs", {})
    schedule.every(60, name="broken")(broken)
    schedule.every(60, name="counted")(lambda: calls.append("ran"))
    assert schedule.run_due(now=1000.0) == ["broken", "counted"]
    assert schedule.run_due(now=1030.0) == []
    assert schedule.run_due(now=1061.0) == ["broken", "counted"]
    assert calls == ["ran", "ran"]
