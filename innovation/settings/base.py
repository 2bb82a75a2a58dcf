"""Settings shared by every environment. Everything that differs between deployments comes from
the environment (documented in ``.env.example``)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated networks (``203.0.113.0/24``, ``2001:db8::/48``, or single addresses)."""
    try:
        return [ipaddress.ip_network(item, strict=False) for item in env_list(name)]
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-change-me")
# Earlier keys while a new one is rolled out: signed links, sessions and recovery codes made under
# them keep working until they are removed.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "core",
    "audit",
    "outbox",
    "innovation",
    "governments",
    "accounts",
    "cases",
    "reviews",
    "practices",
    "afterward",
    "dashboard",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "core.middleware.DatabaseRetryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed (below WhiteNoise, which serves static files precompressed with gzip
    # and Brotli). BREACH: Django masks the CSRF token afresh on every response and this middleware
    # adds random bytes to each gzip stream (docs/performance.md).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.kept_input.KeptInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.db.ReplicaMiddleware",
    "innovation.middleware.BrandedErrorPagesMiddleware",
]

ROOT_URLCONF = "innovation.urls"
WSGI_APPLICATION = "innovation.wsgi.application"
ASGI_APPLICATION = "innovation.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "innovation.context_processors.site",
                "innovation.context_processors.language_return",
                "innovation.navigation.navigation",
                "accounts.context_processors.session_timeout",
            ],
        },
    },
]

# SQLite inside the project by default so that a newcomer needs no server; DATABASE_URL switches.
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
}
# A read replica for the public pages (core/db.py): reads of the views below go there, all else to default.
DATABASE_READ_REPLICAS: list[str] = []
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    DATABASE_READ_REPLICAS = ["replica"]
DATABASE_ROUTERS = ["core.db.ReplicaRouter"]
DATABASE_REPLICA_VIEWS = [
    "home",
    "practices:practice_list",
    "practices:practice_detail",
    "practices:open_data",
    "practices:open_data_csv",
    "practices:open_data_json",
    "dashboard:index",
    "stats",
    "stats-table",
    "government-list",
    "government-detail",
]
# Seconds a client is told to wait (Retry-After) when the database cannot be reached.
DATABASE_UNAVAILABLE_RETRY_AFTER = 10
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# One backend: Django's, behind the sign-in throttle (accounts/throttle.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.ThrottledModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Sign-in throttling (accounts/throttle.py): after LOGIN_FREE_FAILURES wrong passwords for one
# username from one client address, that pair waits LOGIN_BASE_DELAY seconds, doubling with each
# further failure up to LOGIN_MAX_DELAY; a username is never blocked for other addresses. One
# address may fail LOGIN_ADDRESS_FAILURE_LIMIT times in LOGIN_ADDRESS_WINDOW seconds, across all
# usernames (password spraying), before it must wait for the window to end.
LOGIN_FREE_FAILURES = int(os.environ.get("LOGIN_FREE_FAILURES", "5"))
LOGIN_BASE_DELAY = int(os.environ.get("LOGIN_BASE_DELAY", "30"))
LOGIN_MAX_DELAY = int(os.environ.get("LOGIN_MAX_DELAY", str(15 * 60)))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
LOGIN_ADDRESS_WINDOW = int(os.environ.get("LOGIN_ADDRESS_WINDOW", str(15 * 60)))
# Networks where many people share one public address (a government office behind NAT): there the
# per-address limits of sign-in and reset are LOGIN_SHARED_NETWORK_FACTOR times higher, so one
# office's typos do not lock the whole office out. Per-username delays apply as everywhere.
LOGIN_SHARED_NETWORKS = env_networks("LOGIN_SHARED_NETWORKS")
LOGIN_SHARED_NETWORK_FACTOR = int(os.environ.get("LOGIN_SHARED_NETWORK_FACTOR", "10"))
# Password reset requests: per e-mail address and per client address, in PASSWORD_RESET_WINDOW.
PASSWORD_RESET_EMAIL_LIMIT = int(os.environ.get("PASSWORD_RESET_EMAIL_LIMIT", "3"))
PASSWORD_RESET_ADDRESS_LIMIT = int(os.environ.get("PASSWORD_RESET_ADDRESS_LIMIT", "10"))
PASSWORD_RESET_WINDOW = int(os.environ.get("PASSWORD_RESET_WINDOW", str(60 * 60)))
PASSWORD_RESET_TIMEOUT = 60 * 60  # a reset link works for one hour

# Invitations and API tokens (accounts/services.py).
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "7"))
API_TOKEN_VALID_DAYS = int(os.environ.get("API_TOKEN_VALID_DAYS", "90"))

# Sessions (ASVS V3.3): signed out after SESSION_IDLE_TIMEOUT seconds without a request and after
# SESSION_ABSOLUTE_TIMEOUT seconds in any case; the page warns SESSION_WARNING_BEFORE seconds ahead.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_ABSOLUTE_TIMEOUT", str(12 * 60 * 60)))
SESSION_WARNING_BEFORE = int(os.environ.get("SESSION_WARNING_BEFORE", "120"))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# Two-factor authentication (django-otp): required for managers, reviewers and admin staff.
OTP_TOTP_ISSUER = "Innovation Awards"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
RECOVERY_CODE_COUNT = 10
CSRF_FAILURE_VIEW = "innovation.views.csrf_failure"

# Reverse proxies in front of the app servers (nginx = 1): the client address is taken from
# X-Forwarded-For that many entries from the right (core/http.py). 0 ignores the header.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: attachments go through a permission-checked view


def attachment_storage() -> dict:
    """Attachments go to an S3-compatible object store when a bucket is configured (every app
    server sees the same files), to MEDIA_ROOT on the local disk otherwise."""
    bucket = os.environ.get("DJANGO_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", ""),  # object keys start with attachments/<case>/
            "default_acl": None,  # private objects; downloads go through the permission-checked view
            "file_overwrite": False,
            "querystring_auth": True,
            "addressing_style": os.environ.get("DJANGO_S3_ADDRESSING_STYLE") or None,
        },
    }


STORAGES = {
    "default": attachment_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Redis keeps what app servers must share: cache, rate limits and throttles. The site goes on
# without it (core/cache.py), so a Redis that stops answering must not hold a request for long.
# Sessions live in the database only: a copy in Redis could outlive a sign-out made while Redis
# was away.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", ""),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("DJANGO_CACHE_CONNECT_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "1")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Production refuses to start without shared state (core/checks.py).
REQUIRE_SHARED_STATE = False

# Background work: Celery with Redis as the broker (innovation/celery.py). Without a broker (the
# embedded default of `make run`) notifications are delivered in-process after the commit.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "") or REDIS_URL
OUTBOX_DELIVERY = os.environ.get("DJANGO_OUTBOX_DELIVERY", "") or ("celery" if CELERY_BROKER_URL else "inline")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "innovation")
# Attempts per message; the wait doubles from the base up to the cap (30 s … 30 min: about an hour in all).
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))
OUTBOX_RETRY_BACKOFF_SECONDS = int(os.environ.get("OUTBOX_RETRY_BACKOFF_SECONDS", "30"))
OUTBOX_RETRY_BACKOFF_MAX_SECONDS = int(os.environ.get("OUTBOX_RETRY_BACKOFF_MAX_SECONDS", "1800"))
# Beat runs the sweep this often; it takes pending messages whose attempt is this overdue.
OUTBOX_SWEEP_SECONDS = int(os.environ.get("OUTBOX_SWEEP_SECONDS", "60"))
OUTBOX_SWEEP_GRACE_SECONDS = int(os.environ.get("OUTBOX_SWEEP_GRACE_SECONDS", "60"))
OUTBOX_CLAIM_TIMEOUT_SECONDS = int(os.environ.get("OUTBOX_CLAIM_TIMEOUT_SECONDS", "600"))
# Messages per Celery task when a change queues many (publishing a cycle).
OUTBOX_BATCH_SIZE = int(os.environ.get("OUTBOX_BATCH_SIZE", "20"))
# Follow-up reports fall due a year or more after publication: looking a few times a day is plenty.
FOLLOW_UP_REMINDER_SECONDS = 6 * 3600
# Days after a follow-up report is due before it counts as overdue.
FOLLOW_UP_GRACE_DAYS = 90
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "outbox.sweep", "schedule": OUTBOX_SWEEP_SECONDS},
    "follow-up-reminders": {"task": "afterward.remind_follow_ups", "schedule": FOLLOW_UP_REMINDER_SECONDS},
}

# The KRDS masthead ("this is an official e-government site") only when the deployment is official.
OFFICIAL_SITE = env_bool("DJANGO_OFFICIAL_SITE", False)
SITE_NAME = _("Local Government Innovation Awards")

REST_FRAMEWORK = {
    # The token class first: its WWW-Authenticate header makes "not signed in" a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # The API takes JSON only (the pages have their own forms; files are uploaded there).
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "core.api.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.AnonThrottle", "core.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "user": os.environ.get("API_USER_RATE", "600/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Local Government Innovation Awards API",
    "DESCRIPTION": (
        "Awarded innovation cases of Korean local governments, the registry and live statistics.\n\n"
        "**Two languages.** Every text written by people comes as a pair: `x` is the English version and "
        "`x_local` the Korean one (`title`/`title_local`, `summary`/`summary_local`, `description`/"
        "`description_local`, `ict_description`/`ict_description_local`, `champion`/`champion_local`, "
        "obstacles' and remedies' `description`/`description_local`, outcomes' `indicator`/"
        "`indicator_local`, `unit`/`unit_local` and `evidence`/`evidence_local`, decisions' `rationale`/"
        "`rationale_local`), as for governments' and taxonomies' `name`/`name_local`. Korean is the "
        "primary language; either may be empty, in which case show the other and say that it is the other "
        "language. Search and filters match both. Labels (`label`, `government_name`) follow the request's "
        "language (`Accept-Language`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One enum for a cycle's states wherever they appear (state, from_state, to_state).
    "ENUM_NAME_OVERRIDES": {
        "CycleStateEnum": "cases.models.CycleState",
        "TierEnum": "governments.models.Tier",
        "AdoptionKindEnum": "afterward.models.AdoptionKind",
        "AdoptionStateEnum": "afterward.models.AdoptionState",
        "ProgramStatusEnum": "afterward.models.ProgramStatus",
        "FollowUpStateEnum": "afterward.models.ReportState",
        # What a reviewer may answer of a claimed outcome or a follow-up value (``status`` in both).
        "ReviewVerificationEnum": ["verified", "partly", "not_verified"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.document_parameter_characters",
    ],
}

# Strict CSP: nothing from another host; inline scripts only with the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Powerful browser features this site never uses (core.middleware.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
SESSION_COOKIE_HTTPONLY = True

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "awards@example.go.kr")

# One line per record on stderr; "json" (production's default) writes one JSON object per line
# with the request id (core/logging.py), "text" a readable line.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # The access log repeats what runserver prints; production logs it as JSON.
        "innovation.request": {"level": os.environ.get("DJANGO_ACCESS_LOG_LEVEL", "INFO")},
        "django.server": {"level": "WARNING"},
    },
}
DEMO_DATA_ALLOWED = True
