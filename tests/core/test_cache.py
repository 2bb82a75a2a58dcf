"""The Redis cache backend (``core.cache``) against a real Redis: it shares one client per server
and counts calls in a window in one round trip; and the API throttles count with it."""

import time
import uuid

import pytest
from django.db import connection
from rest_framework.test import APIClient

from core import cache as cache_module
from core import throttling
from core.cache import CacheUnavailable, RedisCache, cache_unavailable
from tests.conftest import REDIS_URL


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
def test_the_api_throttle_counts_in_redis_and_answers_429_with_retry_after(redis_default_cache, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "10/minute"})
    api = APIClient()
    statuses = [api.get("/api/v1/governments/").status_code for _ in range(4)]
    refused = api.get("/api/v1/governments/")
    other = api.get("/api/v1/governments/", REMOTE_ADDR="198.51.100.9")
    keys = redis_default_cache._cache.get_client().keys(redis_default_cache.make_key("throttle_anon_*"))
    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 1 < int(refused["Retry-After"]) <= 61  # the seconds left, rounded up (core.api)
    assert other.status_code == 200  # another address has its own count
    assert len(keys) == 2  # one counter per address, not a list of request times


def test_counts_and_a_cached_value_come_back_in_one_call(redis_cache):
    redis_cache.set("answer", {"n": 42}, 30)
    counts, value = redis_cache.count_and_get([("a", 60, 1), ("b", 60, 5)], "answer")
    assert ([count for count, _left in counts], value) == ([1, 5], {"n": 42})
    assert all(59 < left <= 60 for _count, left in counts)
    [(count, left)], value = redis_cache.count_and_get([("a", 60, 1)], "missing", "default")
    assert (count, 59 < left <= 60, value) == (2, True, "default")  # seconds left, to the millisecond
    assert redis_cache.count_and_get([], "answer") == ([], {"n": 42})
    assert redis_cache.count_in_window("b", 60)[0] == 6  # the same counters as count_in_window's
    assert redis_cache.count_and_get([("b", 60, 3)], "answer")[0][0][0] == 9


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
def test_a_repeated_cached_answer_is_one_query_and_its_count_reaches_redis_with_the_next_round_trip(
    path, redis_default_cache, redis_commands, django_assert_num_queries, monkeypatch
):
    from django.db import connection

    monkeypatch.setattr(throttling, "LOCAL_SECONDS", 60)  # however slow the machine, no sync by time
    api = APIClient()
    first = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
    counter = redis_default_cache.make_key("throttle_anon_127.0.0.1")
    redis = redis_default_cache._cache.get_client()
    redis_commands.clear()
    if connection.vendor == "postgresql":  # revisions, and so cached answers, are PostgreSQL's
        for _ in range(throttling.LOCAL_BATCH - 1):
            with django_assert_num_queries(1):  # the revision
                again = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
            assert again.content == first.content
        assert redis_commands == []  # copies of the answer, admitted by this process's count
        assert int(redis.get(counter)) == 1
        assert api.get(path, HTTP_ACCEPT_ENCODING="gzip").content == first.content
        assert redis_commands[-1:] == ["EVALSHA"]  # the batch and this request counted at once
        assert int(redis.get(counter)) == 1 + throttling.LOCAL_BATCH
    else:
        again = api.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert redis_commands == ["EVALSHA"]  # nothing cached: the throttle's count alone
        assert (first.status_code, again.status_code, int(redis.get(counter))) == (200, 200, 2)


def test_local_windows_admit_below_half_the_rate_in_batches_and_while_fresh():
    windows = throttling.LocalWindows()
    limits = [("client", 100)]
    assert windows.admit(limits, now=0.0) is False  # never counted here: Redis first
    windows.counted("client", 10, 60, now=0.0)
    admitted = [windows.admit(limits, now=0.5) for _ in range(throttling.LOCAL_BATCH)]
    assert admitted == [True] * (throttling.LOCAL_BATCH - 1) + [False]  # then the batch goes to Redis
    assert windows.take("client") == throttling.LOCAL_BATCH - 1
    assert windows.take("client") == 0
    assert windows.admit(limits, now=throttling.LOCAL_SECONDS) is False  # counted too long ago
    windows.counted("client", 49, 60, now=10.0)
    assert windows.admit(limits, now=10.0) is True  # the 50th of 100: still half the rate
    assert windows.admit(limits, now=10.0) is False  # the 51st: counted in Redis before it is answered
    assert windows.take("client") == 1
    windows.counted("client", 1, 2, now=20.0)
    assert windows.admit(limits, now=22.0) is False  # the window ended
    assert windows.admit([("client", 100), ("unknown", 100)], now=20.5) is False  # every window must allow it
    assert windows.take("client") == 0  # and a refused admission counts nothing


def test_local_windows_keep_a_bounded_number_of_clients(monkeypatch):
    monkeypatch.setattr(throttling, "LOCAL_CLIENTS", 2)
    windows = throttling.LocalWindows()
    windows.counted("a", 1, 5, now=0.0)
    windows.counted("b", 1, 60, now=0.0)
    windows.counted("c", 1, 60, now=1.0)  # full: not kept
    assert windows.admit([("c", 100)], now=1.0) is False
    windows.counted("c", 1, 60, now=6.0)  # a's window ended: its place is taken
    assert (windows.admit([("c", 100)], now=6.0), windows.admit([("a", 100)], now=6.0)) == (True, False)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="answers are cached under PostgreSQL's revisions")
def test_a_client_gets_exactly_the_rate_from_one_process_and_at_most_a_batch_more_per_other_process(
    redis_default_cache, monkeypatch
):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(throttling, "LOCAL_SECONDS", 60)
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "40/minute", "user": "100/minute"})
    api = APIClient()
    statuses = [api.get("/api/v1/stats/").status_code for _ in range(42)]
    assert statuses == [200] * 40 + [429] * 2  # beyond half the rate every request is counted first

    # Another address, and another process that counts the same client in Redis meanwhile.
    address = {"REMOTE_ADDR": "198.51.100.7"}
    assert api.get("/api/v1/stats/", **address).status_code == 200
    for _ in range(38):
        redis_default_cache.count_in_window("throttle_anon_198.51.100.7", 60)  # the other process
    statuses = [api.get("/api/v1/stats/", **address).status_code for _ in range(20)]
    # 39 counted of 40: this process's window still says 1, so it admits the rest of a batch before
    # its next round trip tells it the count
    batch = throttling.LOCAL_BATCH - 1
    assert statuses == [200] * batch + [429] * (20 - batch)


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


def test_local_copies_give_each_read_its_own_value_and_keep_the_latest_used():
    from core.cache import LocalCopies

    copies = LocalCopies(size=2)
    copies.put("statistics", {"rows": [1]})
    copies.get("statistics")["rows"].append(2)  # a request that changed what it read
    assert copies.get("statistics") == {"rows": [1]}
    copies.put("bytes", (True, b"gzipped"))
    copies.get("statistics")  # used last: kept
    copies.put("third", 3)
    assert (copies.get("bytes", "dropped"), copies.get("statistics"), copies.get("third")) == (
        "dropped",
        {"rows": [1]},
        3,
    )


def test_a_lasting_entry_is_read_from_this_process_after_the_first_read(redis_cache, redis_commands):
    redis_cache.set("answer", {"n": 42}, 30)
    other = RedisCache(REDIS_URL, {"KEY_PREFIX": redis_cache.key_prefix})  # another process
    redis_commands.clear()
    assert [other.get_lasting("answer"), other.get_lasting("answer")] == [{"n": 42}, {"n": 42}]
    assert redis_commands == ["GET"]
    other.set_lasting("written", [1], 30)
    assert (other.local_copy("written"), redis_cache.get("written")) == ([1], [1])
    other.clear()
    assert other.local_copy("written", "none") == "none"


def test_without_redis_values_are_misses_writes_are_skipped_and_counts_refuse(redis_server, monkeypatch):
    monkeypatch.setattr(cache_module, "RETRY_SECONDS", 1.0)
    backend = RedisCache(redis_server.url, {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})
    backend.set("kept", "before", 30)
    backend.set_lasting("lasting", {"n": 1}, 30)
    redis_server.stop()

    assert cache_unavailable(backend) is False  # nothing has failed yet
    assert backend.get("kept", "missing") == "missing"
    assert cache_unavailable(backend) is True
    assert (backend.set("kept", "after", 30), backend.delete("kept"), backend.get_many(["kept"])) == (None, False, {})
    assert (backend.has_key("kept"), backend.set_many({"a": 1}, 30), backend.touch("kept")) == (False, ["a"], False)
    assert backend.get_lasting("lasting") == {"n": 1}  # this process's copy
    assert backend.get_lasting("other", "missing") == "missing"
    for count in [
        lambda: backend.add("lock", 1, 30),
        lambda: backend.incr("kept"),
        lambda: backend.count_in_window("calls", 60),
        lambda: backend.count_and_get([("calls", 60, 1)], "lasting"),
    ]:
        with pytest.raises(CacheUnavailable):
            count()

    redis_server.start()
    time.sleep(cache_module.RETRY_SECONDS)
    assert backend.add("lock", 1, 30) is True
    assert cache_unavailable(backend) is False
