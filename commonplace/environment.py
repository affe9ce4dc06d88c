"""Reading settings from the environment, failing loudly on values that make no sense.

Every helper raises ``ImproperlyConfigured`` naming the variable, so a typo in a deployment
stops start-up with a message an administrator can act on instead of a half-working site.
"""

import json
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """A string variable; ``NAME_FILE`` (a path) is read when ``NAME`` itself is unset."""
    if name in os.environ:
        return os.environ[name]
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"{name}_FILE: cannot read {file_name!r} ({error})."
            ) from error
    return default


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no, on/off), not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_json_object(name: str) -> dict:
    """A JSON object (``{"bucket_name": "files"}``), empty when unset; ``NAME_FILE`` works too,
    so credentials inside it can stay out of the environment."""
    raw = env_str(name, "")
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f'{name} must be a JSON object, such as {{"key": "value"}}.'
        ) from None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object, not {type(value).__name__}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, default: str, *, schemes: set[str]) -> str:
    raw = env_str(name, default).strip()
    parts = urlsplit(raw)
    if parts.scheme not in schemes:
        allowed = ", ".join(sorted(schemes))
        raise ImproperlyConfigured(f"{name} must start with one of {allowed}, not {raw!r}.")
    if parts.scheme in {"http", "https"} and not parts.netloc:
        raise ImproperlyConfigured(f"{name} must include a host name, not {raw!r}.")
    return raw


def env_time_zone(name: str, default: str) -> str:
    value = os.environ.get(name, default)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"{name} must be an IANA time zone such as America/Toronto, not {value!r}."
        ) from None
    return value


def mailer_from_url(name: str, raw: str) -> dict:
    """Turn ``EMAIL_URL`` into a Django ``MAILERS`` entry.

    smtp://user:pass@host:587?starttls=true   STARTTLS (the usual submission port)
    smtps://user:pass@host:465                implicit TLS
    smtp://host:25                            plain, for a relay on the same network
    console://  file:///path  locmem://  dummy://  for development and tests
    Optional query values: timeout (seconds), ssl_certfile, ssl_keyfile.
    """
    parts = urlsplit(raw)
    scheme = parts.scheme
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in simple:
        return {"BACKEND": simple[scheme]}
    if scheme == "file":
        if not parts.path:
            raise ImproperlyConfigured(f"{name}: file:// needs a folder, e.g. file:///var/mail.")
        return {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": parts.path},
        }
    if scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"{name} must start with smtp://, smtps://, console://, file://, locmem:// or "
            f"dummy://, not {scheme + '://' if scheme else repr(raw)}."
        )
    if not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} must name the SMTP host, e.g. smtp://mail.example.org:587."
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has a port that is not a number.") from None
    starttls = query.get("starttls", query.get("tls", "false")).lower()
    if starttls not in TRUE_WORDS | FALSE_WORDS:
        raise ImproperlyConfigured(f"{name}: starttls must be true or false, not {starttls!r}.")
    options: dict = {
        "host": parts.hostname,
        "port": port or (465 if scheme == "smtps" else 25),
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": scheme == "smtps",
        "use_tls": scheme == "smtp" and starttls in TRUE_WORDS,
    }
    if "timeout" in query:
        try:
            options["timeout"] = float(query["timeout"])
        except ValueError:
            raise ImproperlyConfigured(f"{name}: timeout must be a number of seconds.") from None
    else:
        options["timeout"] = 20
    for key in ("ssl_certfile", "ssl_keyfile"):
        if key in query:
            options[key] = query[key]
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
