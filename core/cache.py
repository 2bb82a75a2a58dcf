"""Django's Redis cache, with one ``redis.Redis`` client per server instead of one per command, and
a counter of requests in a window in one round trip (the API throttles: ``core.throttling``), also
together with the read of a cached value (the cached API answers: ``core.api.CachedJSONMixin``).

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call, and the
constructor fills its table of response callbacks each time: about 0.7 ms of a request's CPU per
call, three calls in a cached API request (two for its throttle, one for the response) — more
than the whole minimal view costs. A client is safe to share between threads (each command takes a
connection from the pool), so one per pool is kept."""

from __future__ import annotations

from django.core.cache.backends import redis as django_redis

# KEYS[1..n] counters with ARGV[1..n] their windows in seconds, and optionally KEYS[n + 1] a cached
# value: each counter's count with this call and the seconds left in its window (which starts with
# the window's first call), then the value (nil when there is none). Atomic (a script runs alone),
# one round trip.
COUNT_SCRIPT = """
local reply = {}
for i = 1, #ARGV do
    local count = redis.call('INCR', KEYS[i])
    if count == 1 then redis.call('EXPIRE', KEYS[i], ARGV[i]) end
    reply[2 * i - 1] = count
    reply[2 * i] = redis.call('TTL', KEYS[i])
end
if #KEYS > #ARGV then reply[2 * #ARGV + 1] = redis.call('GET', KEYS[#KEYS]) end
return reply
"""


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

    def count_in_window(self, key: str, seconds: int) -> tuple[int, int]:
        (counted,), _value = self._count([(key, seconds)], None)
        return counted

    def count_and_get(self, counters: list[tuple[str, int]], key: str, default=None):
        counts, value = self._count(counters, key)
        return counts, default if value is None else self._serializer.loads(value)

    def _count(self, counters: list[tuple[str, int]], key: str | None):
        client = self.get_client(key, write=True)
        if self._count_script is None:
            self._count_script = client.register_script(COUNT_SCRIPT)
        keys = [name for name, _seconds in counters] + ([key] if key is not None else [])
        reply = self._count_script(keys=keys, args=[seconds for _name, seconds in counters], client=client)
        counts = [(int(reply[index]), int(reply[index + 1])) for index in range(0, 2 * len(counters), 2)]
        return counts, reply[2 * len(counters)] if len(reply) > 2 * len(counters) else None


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def count_in_window(self, key: str, seconds: int, version=None) -> tuple[int, int]:
        """Count one call under ``key`` in a window of ``seconds`` from its first call: the number of
        calls in the window so far (this one included) and the seconds left in it. One round trip."""
        return self._cache.count_in_window(self.make_and_validate_key(key, version=version), seconds)

    def count_and_get(self, counters: list[tuple[str, int]], key: str, default=None, version=None):
        """``count_in_window`` for each (key, seconds) of ``counters`` and ``get(key, default)``, in
        one round trip: the (count, seconds left) of each counter, and the value."""
        counters = [(self.make_and_validate_key(name, version=version), seconds) for name, seconds in counters]
        return self._cache.count_and_get(counters, self.make_and_validate_key(key, version=version), default)
