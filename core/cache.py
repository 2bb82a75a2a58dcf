"""Django's Redis cache, with one ``redis.Redis`` client per server instead of one per command, and
a counter of requests in a window in one round trip (the API throttles: ``core.throttling``), also
together with the read of a cached value (the cached API answers: ``core.api.CachedJSONMixin``).

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call, and the
constructor fills its table of response callbacks each time: about 0.7 ms of a request's CPU per
call, three calls in a cached API request (two for its throttle, one for the response) — more
than the whole minimal view costs. A client is safe to share between threads (each command takes a
connection from the pool), so one per pool is kept.

When Redis does not answer, the site goes on without it (``Outage``): a cached value is a miss and
a write of one is skipped, so pages are computed from the database; a counter (``add``, ``incr``,
the throttles' windows) raises ``CacheUnavailable`` and its caller decides (the sign-in throttle
refuses to check passwords it cannot count, the API throttles admit). For ``RETRY_SECONDS`` after a
failure, calls fail at once instead of each waiting for a connection that is not there.

Entries whose value under a key never changes (the answers cached under a revision,
``core.revisions``) are also kept in the process (``LocalCopies``): read again without a round
trip. A round trip costs the worker more CPU than the rest of a cached API request (measured in
docs/performance.md)."""

from __future__ import annotations

import functools
import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends import redis as django_redis
from redis import exceptions as redis_errors

logger = logging.getLogger(__name__)

# Seconds a process leaves Redis alone after it failed to answer.
RETRY_SECONDS = 5.0

# KEYS[1..n] counters with ARGV[2i - 1] the window of counter i in seconds and ARGV[2i] the calls to
# add, and optionally KEYS[n + 1] a cached value: each counter's count with these calls and the
# milliseconds left in its window (which starts with the window's first call), then the value (nil
# when there is none). Atomic (a script runs alone), one round trip.
COUNT_SCRIPT = """
local reply = {}
local counters = #ARGV / 2
for i = 1, counters do
    local count = redis.call('INCRBY', KEYS[i], ARGV[2 * i])
    if count == tonumber(ARGV[2 * i]) then redis.call('EXPIRE', KEYS[i], ARGV[2 * i - 1]) end
    reply[2 * i - 1] = count
    reply[2 * i] = redis.call('PTTL', KEYS[i])
end
if #KEYS > counters then reply[2 * counters + 1] = redis.call('GET', KEYS[#KEYS]) end
return reply
"""

_MISSING = object()


def _immutable(value) -> bool:
    return isinstance(value, bytes | str | int | float | None) or (
        isinstance(value, tuple) and all(_immutable(item) for item in value)
    )


class LocalCopies:
    """This process's copies of entries that never change under their key, the least recently used
    dropped beyond ``size`` (old revisions' answers are never read again). Each read gets a value of
    its own, as from Redis: bytes and the like are shared, anything else is kept pickled (a request
    that changed its statistics object must not change the next request's)."""

    def __init__(self, size: int = 64) -> None:
        self._entries: OrderedDict[str, object] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()  # gthread workers share a process

    def get(self, key: str, default=None):
        with self._lock:
            entry = self._entries.get(key, _MISSING)
            if entry is _MISSING:
                return default
            self._entries.move_to_end(key)
        pickled, value = entry
        return pickle.loads(value) if pickled else value  # noqa: S301 (bytes this process pickled)

    def put(self, key: str, value) -> None:
        entry = (False, value) if _immutable(value) else (True, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class CacheUnavailable(Exception):
    """Redis did not answer (now, or a moment ago): a count could not be kept."""


class Outage:
    """Whether this process found Redis unreachable in the last ``RETRY_SECONDS``."""

    def __init__(self) -> None:
        self._until = 0.0

    @property
    def active(self) -> bool:
        return time.monotonic() < self._until

    def call(self, function, *args, **kwargs):
        """``function(*args, **kwargs)``; ``CacheUnavailable`` if Redis does not answer, at once
        during an outage."""
        if self.active:
            raise CacheUnavailable
        try:
            return function(*args, **kwargs)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError) as error:
            self._until = time.monotonic() + RETRY_SECONDS
            logger.error("Redis did not answer (%s): going on without it for %.0f s", error, RETRY_SECONDS)
            raise CacheUnavailable from error


def cache_unavailable(cache) -> bool:
    """Whether ``cache`` is a Redis cache that did not answer a moment ago (a read that came back
    empty may then have missed what is there)."""
    outage = getattr(cache, "outage", None)
    return outage is not None and outage.active


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._count_script = None

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client

    def count_in_window(self, key: str, seconds: int) -> tuple[int, float]:
        (counted,), _value = self._count([(key, seconds, 1)], None)
        return counted

    def count_and_get(self, counters: list[tuple[str, int, int]], key: str, default=None):
        counts, value = self._count(counters, key)
        return counts, default if value is None else self._serializer.loads(value)

    def _count(self, counters: list[tuple[str, int, int]], key: str | None):
        client = self.get_client(key, write=True)
        if self._count_script is None:
            self._count_script = client.register_script(COUNT_SCRIPT)
        keys = [name for name, _seconds, _calls in counters] + ([key] if key is not None else [])
        args = [number for _name, seconds, calls in counters for number in (seconds, calls)]
        reply = self._count_script(keys=keys, args=args, client=client)
        counts = [(int(reply[index]), int(reply[index + 1]) / 1000) for index in range(0, 2 * len(counters), 2)]
        return counts, reply[2 * len(counters)] if len(reply) > 2 * len(counters) else None


def _or(fallback):
    """A cache method that gives ``fallback`` (a miss, a skipped write) when Redis does not answer."""

    def decorate(method):
        @functools.wraps(method)
        def tolerant(self, *args, **kwargs):
            try:
                return self.outage.call(method, self, *args, **kwargs)
            except CacheUnavailable:
                return fallback() if callable(fallback) else fallback

        return tolerant

    return decorate


def _counting(method):
    """A cache method that keeps a count: ``CacheUnavailable`` when Redis does not answer."""

    @functools.wraps(method)
    def strict(self, *args, **kwargs):
        return self.outage.call(method, self, *args, **kwargs)

    return strict


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
        self.copies = LocalCopies()
        self.outage = Outage()

    # Cached values: without Redis, a miss; a write is skipped.

    def get(self, key, default=None, version=None):
        try:
            return self.outage.call(super().get, key, default, version=version)
        except CacheUnavailable:
            return default

    @_or(None)
    def set(self, key, value, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version=version)

    @_or(False)
    def touch(self, key, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version=version)

    @_or(False)
    def delete(self, key, version=None):
        return super().delete(key, version=version)

    @_or(dict)
    def get_many(self, keys, version=None):
        return super().get_many(keys, version=version)

    @_or(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version=version)

    def set_many(self, data, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        try:
            return self.outage.call(super().set_many, data, timeout, version=version)
        except CacheUnavailable:
            return list(data)  # the keys not stored, as Django's set_many says

    @_or(None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version=version)

    @_or(False)
    def clear(self) -> bool:
        """Every entry, and this process's copies (other processes keep theirs: copies of entries
        that never change are never wrong)."""
        self.copies.clear()
        return super().clear()

    # Counts: without Redis, CacheUnavailable.

    @_counting
    def add(self, key, value, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version=version)

    @_counting
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version=version)

    @_counting
    def count_in_window(self, key: str, seconds: int, version=None) -> tuple[int, float]:
        """Count one call under ``key`` in a window of ``seconds`` from its first call: the number of
        calls in the window so far (this one included) and the seconds left in it (to the
        millisecond). One round trip."""
        return self._cache.count_in_window(self.make_and_validate_key(key, version=version), seconds)

    @_counting
    def count_and_get(self, counters: list[tuple[str, int, int]], key: str, default=None, version=None):
        """For each (key, seconds, calls) of ``counters``, ``calls`` counted as ``count_in_window``
        counts one; and ``get_lasting(key, default)``; in one round trip: the (count, seconds left)
        of each counter, and the value."""
        counters = [(self.make_and_validate_key(name, version=version), *counted) for name, *counted in counters]
        full = self.make_and_validate_key(key, version=version)
        counts, value = self._cache.count_and_get(counters, full, _MISSING)
        if value is _MISSING:
            return counts, default
        self.copies.put(full, value)
        return counts, value

    # Entries that never change under their key (set once, read many times): this process keeps a
    # copy of what it wrote or read, and reads it again without a round trip.

    def local_copy(self, key: str, default=None, version=None):
        """The value this process holds for a lasting entry, without a round trip."""
        return self.copies.get(self.make_and_validate_key(key, version=version), default)

    def get_lasting(self, key: str, default=None, version=None):
        full = self.make_and_validate_key(key, version=version)
        value = self.copies.get(full, _MISSING)
        if value is _MISSING:
            try:
                value = self.outage.call(self._cache.get, full, _MISSING)
            except CacheUnavailable:
                return default
            if value is _MISSING:
                return default
            self.copies.put(full, value)
        return value

    def set_lasting(self, key: str, value, timeout, version=None) -> None:
        self.set(key, value, timeout, version=version)
        self.copies.put(self.make_and_validate_key(key, version=version), value)
