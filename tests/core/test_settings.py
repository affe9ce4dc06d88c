"""Settings come from the environment, and a bad value stops start-up naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from commonplace.environment import env_bool, env_int, env_time_zone, env_url, mailer_from_url

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "false",
    "HTTPS": "true",
    "SECRET_KEY": "x" * 30 + "-production-like-secret-key-for-deploy-checks-" + "y" * 10,
    "ALLOWED_HOSTS": "community.example.org",
    "SITE_URL": "https://community.example.org",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587?starttls=true",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Start from the real environment minus what the test session itself set (tests/environment.py).
    test_only = {*PRODUCTION, "DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_silent_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_checking_for_missing_migrations_needs_no_secret_key():
    """A bare checkout (no DEBUG, no key) can still ask whether models and migrations agree;
    the control above shows that serving, or even `check`, still refuses without a key."""
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("makemigrations", "--check", "--dry-run", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_the_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(PRODUCTION["SECRET_KEY"] + "\n")
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    env["SECRET_KEY_FILE"] = str(secret)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("TIME_ZONE", "Mars/Olympus_Mons"),
        ("DATABASE_URL", "mysql://root@localhost/commonplace"),
        ("EMAIL_URL", "pigeon://coop"),
        ("SITE_URL", "community.example.org"),
        ("OUTBOX_MAX_ATTEMPTS", "lots"),
        ("LOGIN_ATTEMPTS_LIMIT", "0"),
        ("FILE_STORAGE_OPTIONS", "{bucket: files}"),
        ("FILE_STORAGE_OPTIONS", "[1, 2]"),
        ("LIBRARY_FILE_MAX_BYTES", "big"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_message_naming_the_setting(variable, value):
    result = run_manage("check", env={**PRODUCTION, variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.splitlines()[-1]


def test_booleans_accept_the_usual_words(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", True) is True


def test_numbers_must_be_whole_and_in_range(monkeypatch):
    monkeypatch.setenv("COUNT", "12")
    assert env_int("COUNT", 1, minimum=1) == 12
    monkeypatch.setenv("COUNT", "-3")
    with pytest.raises(ImproperlyConfigured, match="COUNT must be at least 1"):
        env_int("COUNT", 1, minimum=1)


def test_time_zone_defaults_to_toronto(monkeypatch):
    monkeypatch.delenv("TZ_UNDER_TEST", raising=False)
    assert env_time_zone("TZ_UNDER_TEST", "America/Toronto") == "America/Toronto"


def test_urls_need_a_known_scheme_and_a_host():
    assert env_url("NOPE", "https://a.example", schemes={"https"}) == "https://a.example"
    with pytest.raises(ImproperlyConfigured, match="NOPE must include a host"):
        env_url("NOPE", "https://", schemes={"https"})


def test_email_url_understands_starttls_and_implicit_tls():
    starttls = mailer_from_url(
        "EMAIL_URL", "smtp://me%40x.org:p%3Ass@mail.example.org:587?starttls=true"
    )
    assert starttls["OPTIONS"] | {"timeout": None} == {
        "host": "mail.example.org",
        "port": 587,
        "username": "me@x.org",
        "password": "p:ss",
        "use_ssl": False,
        "use_tls": True,
        "timeout": None,
    }
    implicit = mailer_from_url("EMAIL_URL", "smtps://mail.example.org")
    assert implicit["OPTIONS"]["use_ssl"] is True
    assert implicit["OPTIONS"]["port"] == 465
    assert mailer_from_url("EMAIL_URL", "console://")["BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "url", ["smtp://", "smtp://host:port", "smtp://h?starttls=perhaps", "file://"]
)
def test_email_url_mistakes_are_explained(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        mailer_from_url("EMAIL_URL", url)


@pytest.mark.parametrize(("value", "expected"), [(None, "60"), ("0", "0"), ("300", "300")])
def test_sqlite_connections_are_kept_as_long_as_db_conn_max_age_says(tmp_path, value, expected):
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path / 'kept.sqlite3'}"}
    if value is not None:
        env["DB_CONN_MAX_AGE"] = value
    script = (
        "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    )
    result = run_manage("shell", "--no-imports", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize("debug", ["true", "false"])
def test_a_log_line_from_django_is_written_once(debug):
    """Django's own console handler (on in development) would repeat what the root logger
    already writes: the worker's task lines came out twice."""
    env = {**PRODUCTION, "DEBUG": debug}
    result = run_manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('django.tasks').warning('Task one finished')",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).count("Task one finished") == 1
