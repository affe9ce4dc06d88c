"""Commonplace settings: one module, every value read from the environment.

README.md lists each variable with its default. A value that cannot be used stops start-up with
``ImproperlyConfigured`` naming the variable (see commonplace/environment.py).
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from commonplace.environment import (
    env_bool,
    env_int,
    env_json_object,
    env_list,
    env_str,
    env_time_zone,
    env_url,
    mailer_from_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# Commands that only read the code (is a migration missing? are the catalogues current?) sign
# nothing, so they run on a bare checkout with a key made up for the run and thrown away.
KEYLESS_COMMANDS = {"makemigrations", "makemessages", "compilemessages"}

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and not DEBUG and sys.argv[1:2] and sys.argv[1] in KEYLESS_COMMANDS:
    SECRET_KEY = secrets.token_urlsafe(50)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) is required when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: a fixed key would let anyone forge sessions on a real site.
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000", schemes={"http", "https"}).rstrip("/")

# HTTPS drives every setting that only makes sense behind TLS, so a development or benchmark
# run over plain HTTP can switch them off in one place.
HTTPS = env_bool("HTTPS", not DEBUG)

INSTALLED_APPS = [
    "commonplace.accounts",
    "commonplace.core",
    "commonplace.notifications",
    "commonplace.search",
    "commonplace.people",
    "commonplace.membership",
    "commonplace.conversations",
    "commonplace.private_messages",
    "commonplace.library",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.forms",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "commonplace.core.security.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "commonplace.core.queries.QueryCountMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "commonplace.accounts.middleware.ActiveMemberMiddleware",
    "commonplace.accounts.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "commonplace.urls"
WSGI_APPLICATION = "commonplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commonplace.core.context_processors.community",
                "commonplace.membership.context_processors.join_requests",
                "commonplace.notifications.context_processors.notifications",
                "commonplace.private_messages.context_processors.unread_messages",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'commonplace.sqlite3'}")
try:
    _database = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be used: {error}") from error
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes; IMMEDIATE transactions take
    # the write lock up front so two writers wait for each other instead of failing mid-way.
    # Connections are kept like PostgreSQL's (DB_CONN_MAX_AGE): opening one and running these
    # pragmas on every request took about half of a member page's time under `make bench`.
    _database["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a real file in WAL mode, as production does (an in-memory database locks whole
    # tables and would hide or invent concurrency problems); one file per test run.
    _database["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
elif _database["ENGINE"] == "django.db.backends.postgresql":
    _database["CONN_HEALTH_CHECKS"] = True
else:
    raise ImproperlyConfigured(
        "DATABASE_URL must point at SQLite (sqlite:///…) or PostgreSQL (postgres://…)."
    )
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background work --------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    env_url("REDIS_URL", REDIS_URL, schemes={"redis", "rediss", "unix"})
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300}}
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How long a worker may stay silent before /healthz reports it missing.
WORKER_HEARTBEAT_SECONDS = 10
WORKER_STALE_AFTER_SECONDS = env_int("WORKER_STALE_AFTER_SECONDS", 60, minimum=15)

# --- Email ----------------------------------------------------------------------------------
EMAIL_URL = env_str("EMAIL_URL", "console://")
# Every message is written to the outbox first; the worker hands it to the transport and
# retries with backoff, so an SMTP outage delays mail instead of losing it.
MAILERS = {
    "default": {"BACKEND": "commonplace.notifications.outbox.OutboxBackend"},
    "transport": mailer_from_url("EMAIL_URL", EMAIL_URL),
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Commonplace <community@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 12, minimum=1)

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["commonplace.accounts.backends.MemberBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

ACCOUNT_ADAPTER = "commonplace.accounts.adapter.CommunityAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
LOGIN_ATTEMPTS_LIMIT = env_int("LOGIN_ATTEMPTS_LIMIT", 5, minimum=1)
LOGIN_ATTEMPTS_TIMEOUT = env_int("LOGIN_ATTEMPTS_TIMEOUT", 300, minimum=10)
ACCOUNT_RATE_LIMITS = {
    # Per address (the "key") and per IP, so guessing one member's password and spraying
    # many accounts from one place are both slowed down.
    "login_failed": f"20/m/ip,{LOGIN_ATTEMPTS_LIMIT}/{LOGIN_ATTEMPTS_TIMEOUT}s/key",
}
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"login": "commonplace.accounts.forms.LoginForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Commonplace")

# --- Joining ------------------------------------------------------------------------------
INVITATION_DAYS = env_int("INVITATION_DAYS", 14, minimum=1)
# Fewer seconds than this between opening and sending the join form looks like a bot.
JOIN_FORM_MIN_SECONDS = env_int("JOIN_FORM_MIN_SECONDS", 3, minimum=0)
JOIN_LIMIT_PER_IP = env_int("JOIN_LIMIT_PER_IP", 10, minimum=1)  # per hour
JOIN_LIMIT_PER_EMAIL = env_int("JOIN_LIMIT_PER_EMAIL", 5, minimum=1)  # per day

# --- People -------------------------------------------------------------------------------
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 5 * 1024 * 1024, minimum=100_000)
DATA_EXPORT_DAYS = env_int("DATA_EXPORT_DAYS", 7, minimum=1)
# New private conversations a member may start in a day: writing to people out of the blue is
# what a spammer would do; replies inside a conversation have their own hourly limit.
MEMBER_MESSAGES_PER_DAY = env_int("MEMBER_MESSAGES_PER_DAY", 20, minimum=1)

# --- Conversations --------------------------------------------------------------------------
# Each file attached to a topic or reply; uploads are read into memory to be checked, so keep
# the web server's own request limit (nginx client_max_body_size) in step with these two.
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=100_000)
ATTACHMENTS_PER_POST = env_int("ATTACHMENTS_PER_POST", 5, minimum=1)

# --- Library --------------------------------------------------------------------------------
# Each file of a resource, read into memory to be checked like attachments (keep the web
# server's request limit in step); a recorded talk's slides or a report run larger than a post's.
LIBRARY_FILE_MAX_BYTES = env_int("LIBRARY_FILE_MAX_BYTES", 25 * 1024 * 1024, minimum=100_000)
LIBRARY_FILES_PER_RESOURCE = env_int("LIBRARY_FILES_PER_RESOURCE", 10, minimum=1)

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_time_zone("TIME_ZONE", "America/Toronto")
LANGUAGE_COOKIE_NAME = "commonplace_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads go through Django's storage API, so a deployment can keep them in S3-compatible
# object storage (e.g. FILE_STORAGE_BACKEND=storages.backends.s3.S3Storage, with
# django-storages installed and its options as JSON in FILE_STORAGE_OPTIONS).
FILE_STORAGE_BACKEND = env_str(
    "FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
)
STORAGES = {
    "default": {
        "BACKEND": FILE_STORAGE_BACKEND,
        "OPTIONS": env_json_object("FILE_STORAGE_OPTIONS"),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests run with DEBUG off but without collectstatic; let whitenoise find files where they are.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)

# --- Security headers -----------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_PROXY", False):
    # Only trust X-Forwarded-Proto when a reverse proxy sets it; otherwise a client could.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])
CSRF_FAILURE_VIEW = "commonplace.core.views.csrf_failure"

# Counts SQL queries per request into a response header; `make bench` turns it on.
QUERY_COUNT_HEADER = env_bool("QUERY_COUNT_HEADER", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler (development only) would repeat every line the root
        # logger writes; its mail handler has no ADMINS to write to.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "INFO"},
        # Request lines carry invitation and reset tokens in their paths; keep them out of logs.
        "django.server": {"level": "WARNING"},
    },
}
