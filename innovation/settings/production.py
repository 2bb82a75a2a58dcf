"""Production settings: hardened, every secret from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
SECRET_KEY_MIN_LENGTH = 50  # as Django's own deploy check (security.W009)
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5
if not SECRET_KEY or SECRET_KEY.startswith(("insecure", "django-insecure")):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a long random value in production.")
if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is too weak: use at least {SECRET_KEY_MIN_LENGTH} random characters "
        '(e.g. python -c "import secrets; print(secrets.token_urlsafe(60))").'
    )

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
# Seconds before a silent mail server counts as a failed attempt (the outbox retries later).
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "20"))

# Every template names static files through {% static %}, so only the hashed copies are kept (and
# compressed): half the work for collectstatic, and no stale unhashed file is ever served.
WHITENOISE_KEEP_ONLY_HASHED_FILES = env_bool("DJANGO_STATIC_KEEP_ONLY_HASHED", True)

# Demo users and illustrative cases never reach a real deployment unless explicitly allowed.
DEMO_DATA_ALLOWED = env_bool("DJANGO_ALLOW_DEMO_DATA", False)

# App servers hold no state: cache, sessions, rate limits and throttles in Redis; notifications
# through the Celery worker (a system check refuses to run without them, core/checks.py).
REQUIRE_SHARED_STATE = True

# Logs as JSON lines with the request id, for the log collector (docs/operations.md).
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "json")  # noqa: F405
