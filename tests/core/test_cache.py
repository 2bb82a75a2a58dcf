"""The Redis cache backend (``core.cache``) against a real Redis: it shares one client per server
and counts calls in a window in one round trip; and the API throttles count with it."""

import os
import time
import uuid

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from core.cache import RedisCache

REDIS_URL = os.environ.get("TEST_REDIS_CACHE_URL", "redis://127.0.0.1:6379/2")


@pytest.fixture
def redis_cache():
    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield backend
    backend.clear()


def test_it_is_a_cache_with_one_client_per_server(redis_cache):
    redis_cache.set("answer", {"n": 42}, 30)
    assert redis_cache.get("answer") == {"n": 42}
    assert redis_cache.get("missing", "default") == "default"
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)


def test_calls_are_counted_in_a_window_that_starts_with_the_first(redis_cache):
    assert [redis_cache.count_in_window("client", 60)[0] for _ in range(3)] == [1, 2, 3]
    count, left = redis_cache.count_in_window("client", 60)
    assert (count, 0 < left <= 60) == (4, True)
    assert redis_cache.count_in_window("another", 60)[0] == 1


def test_the_window_expires_and_counting_starts_again(redis_cache):
    assert redis_cache.count_in_window("client", 1) == (1, 1)
    assert redis_cache.count_in_window("client", 1)[0] == 2
    time.sleep(2.1)
    assert redis_cache.count_in_window("client", 1) == (1, 1)


def test_counts_are_shared_by_every_client_of_the_server(redis_cache):
    other = RedisCache(REDIS_URL, {"KEY_PREFIX": redis_cache.key_prefix})
    redis_cache.count_in_window("client", 60)
    assert other.count_in_window("client", 60)[0] == 2


@pytest.mark.django_db
def test_the_api_throttle_counts_in_redis_and_answers_429_with_retry_after(settings, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "10/minute"})
    try:
        api = APIClient()
        statuses = [api.get("/api/v1/governments/").status_code for _ in range(4)]
        refused = api.get("/api/v1/governments/")
        other = api.get("/api/v1/governments/", REMOTE_ADDR="198.51.100.9")
        keys = caches["default"]._cache.get_client().keys(caches["default"].make_key("throttle_anon_*"))
    finally:
        caches["default"].clear()
    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 1 < int(refused["Retry-After"]) <= 61  # the seconds left, rounded up (core.api)
    assert other.status_code == 200  # another address has its own count
    assert len(keys) == 2  # one counter per address, not a list of request times
