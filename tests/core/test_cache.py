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


def test_counts_and_a_cached_value_come_back_in_one_call(redis_cache):
    redis_cache.set("answer", {"n": 42}, 30)
    counts, value = redis_cache.count_and_get([("a", 60), ("b", 60)], "answer")
    assert (counts, value) == ([(1, 60), (1, 60)], {"n": 42})
    counts, value = redis_cache.count_and_get([("a", 60)], "missing", "default")
    assert (counts, value) == ([(2, 60)], "default")
    assert redis_cache.count_and_get([], "answer") == ([], {"n": 42})
    assert redis_cache.count_in_window("b", 60)[0] == 2  # the same counters as count_in_window's


@pytest.fixture
def redis_default_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    }
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def redis_commands(monkeypatch):
    """The commands sent to Redis, as the client library sends them (a round trip each)."""
    import redis

    sent = []
    execute = redis.Redis.execute_command

    def counting(self, *args, **options):
        sent.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    return sent


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/api/v1/stats/", "/api/v1/stats/obstacles_by_ict/", "/api/v1/cases/?tier=city"])
def test_a_repeated_cached_answer_is_one_query_and_one_redis_call_that_also_counts_the_throttle(
    path, redis_default_cache, redis_commands, django_assert_num_queries
):
    from django.db import connection

    api = APIClient()
    first = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
    redis_commands.clear()
    if connection.vendor == "postgresql":  # revisions, and so cached answers, are PostgreSQL's
        with django_assert_num_queries(1):  # the revision
            again = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert redis_commands == ["EVALSHA"]
    else:
        again = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert redis_commands == ["EVALSHA"]  # nothing cached: the throttle's count alone
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    counter = redis_default_cache.make_key(f"throttle_anon_{'127.0.0.1'}")
    assert int(redis_default_cache._cache.get_client().get(counter)) == 2  # both requests counted


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/stats/", "/api/v1/cases/"])
def test_cached_answers_are_throttled_as_others(path, redis_default_cache, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "10/minute"})
    api = APIClient()
    statuses = [api.get(path, HTTP_ACCEPT_ENCODING="gzip").status_code for _ in range(4)]
    refused = api.get(path)
    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert 1 < int(refused["Retry-After"]) <= 61
    assert api.get(path, REMOTE_ADDR="198.51.100.9").status_code == 200
