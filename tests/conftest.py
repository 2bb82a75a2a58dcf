import io
import os
import uuid

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

from governments.services import REGISTRY_CSV, load_registry, read_registry_csv
from tests import demo_snapshot

# Real servers (SMTP sink, Celery worker, gunicorn, moto) for the tests marked "services".
pytest_plugins = ["tests.servers"]

# CI explores the same examples every run, so a red main always means a change broke something;
# local runs keep drawing new ones to find what those miss.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")

DEMO_PASSWORD = "demo-password-123"
_demo_rows: demo_snapshot.Snapshot | None = None


@pytest.fixture
def registry(db):
    """The full 2006 registry of 246 governments, as the demo loads it."""
    load_registry(rows=read_registry_csv(REGISTRY_CSV))


@pytest.fixture
def demo_data(db):
    """What ``load_demo`` loads (every demo user's password is DEMO_PASSWORD). The command runs
    once per session; later tests get a bulk copy of its rows (see tests/demo_snapshot.py)."""
    global _demo_rows
    if _demo_rows is None:
        call_command("load_demo", password=DEMO_PASSWORD, stdout=io.StringIO())
        _demo_rows = demo_snapshot.take()
    else:
        demo_snapshot.restore(_demo_rows)


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Sign-in and reset throttles count in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


REDIS_URL = os.environ.get("TEST_REDIS_CACHE_URL", "redis://127.0.0.1:6379/2")


@pytest.fixture
def redis_default_cache(settings):
    """The default cache on a real Redis (``core.cache.RedisCache``, as in production), under a key
    prefix of its own."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    }
    yield caches["default"]
    caches["default"].clear()
