"""The task worker, on the database queue and on RQ, delivers what the site enqueues."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SEND = """
from django.core.mail import send_mail
send_mail("Worker check", "Delivered by the worker.", None, ["amelie@example.org"])
"""


def redis_is_running() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


@pytest.fixture
def site_env(tmp_path):
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "EMAIL_URL": f"file://{mail_dir}",
        "VAR_DIR": str(tmp_path),
    }
    env.pop("REDIS_URL", None)
    manage("migrate", "--no-input", "-v", "0", env=env)
    return env, mail_dir


def delivered(mail_dir: Path) -> str:
    return "".join(path.read_text() for path in mail_dir.glob("*.log")) if mail_dir.exists() else ""


def test_the_database_worker_delivers_queued_email(site_env):
    env, mail_dir = site_env
    manage("shell", "-c", SEND, env=env)
    assert delivered(mail_dir) == ""
    manage("worker", "--batch", env=env)
    assert "Subject: Worker check" in delivered(mail_dir)


@pytest.mark.skipif(not redis_is_running(), reason="needs Redis on 127.0.0.1:6379")
def test_with_redis_the_rq_worker_delivers_queued_email(site_env):
    env, mail_dir = site_env
    env = {**env, "REDIS_URL": "redis://127.0.0.1:6379/15"}
    manage("shell", "-c", "import django_rq; django_rq.get_connection().flushdb()", env=env)
    manage("shell", "-c", SEND, env=env)
    assert delivered(mail_dir) == ""
    manage("worker", "--batch", env=env)
    assert "Subject: Worker check" in delivered(mail_dir)
