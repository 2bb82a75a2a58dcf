"""Test settings: fast hashing, plain static storage (no manifest), in-memory cache and e-mail."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, REST_FRAMEWORK

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "10000/minute", "user": "10000/minute"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Notifications are delivered in-process after the commit (the locmem backend catches them); the
# tests with a real Celery worker switch OUTBOX_DELIVERY to "celery" and use this broker.
OUTBOX_DELIVERY = "inline"
CELERY_BROKER_URL = os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/1")
TEST_REDIS_CACHE_URL = os.environ.get("TEST_REDIS_CACHE_URL", "redis://127.0.0.1:6379/2")
# A second alias on the same test database, for the read-replica router's tests (unused unless
# DATABASE_READ_REPLICAS names it).
DATABASES = {**DATABASES, "replica": {**DATABASES["default"], "TEST": {"MIRROR": "default"}}}
DATABASE_READ_REPLICAS: list[str] = []
TRUSTED_PROXY_COUNT = 0
