"""DRF's throttles, keyed on the real client address (``core.http.client_ip``) instead of DRF's own
reading of ``X-Forwarded-For``, so that the API, the feedback rate limit and the login lockout agree
on who the client is. Counts live in the default cache (Redis in production), shared by all servers.

With Redis each check is one round trip: a counter per client, its window starting with the
client's first request (``core.cache.RedisCache.count_in_window``). DRF's own throttle reads the
client's list of recent request times and writes it back: two round trips and a list as long as
the rate. The window is fixed: at most the rate within it, so up to twice the rate across two
consecutive windows. Other caches (the tests' and ``make run``'s local memory) keep DRF's list.

Cached answers (``check_and_read``) are counted in batches: a process that counted a client's
window less than ``LOCAL_SECONDS`` ago, and saw it below half the rate, admits up to
``LOCAL_BATCH`` further requests of that client before it adds them to Redis with the next round
trip (``LocalWindows``). From half the rate on, every request is counted in Redis before it is
answered, so a client gets at most ``LOCAL_BATCH`` requests more per process and window than the
rate; counts a process holds when it stops are lost (fewer than ``LOCAL_BATCH`` a client).

While Redis does not answer (``core.cache.CacheUnavailable``) requests are admitted uncounted:
the API reads what the site shows anyone, and every write also needs an account and its rights."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .cache import CacheUnavailable
from .http import client_ip


class CountingThrottleMixin:
    """One round trip per check where the cache counts in windows (see the module's docstring)."""

    def counter(self, request, view) -> tuple[str, int] | None:
        """The (cache key, window in seconds) this request counts under; None when it is not counted."""
        if self.rate is None:
            return None
        self.key = self.get_cache_key(request, view)
        return None if self.key is None else (self.key, self.duration)

    def admit(self, count: int, left: float) -> bool:
        """Whether a request that made the window's count ``count``, ``left`` seconds before the
        window ends, is allowed."""
        self.left = max(math.ceil(left), 1)
        return count <= self.num_requests

    def allow_request(self, request, view):
        count_in_window = getattr(caches["default"], "count_in_window", None)
        if count_in_window is None:
            self.left = None
            return super().allow_request(request, view)
        counter = self.counter(request, view)
        if counter is None:
            return True
        try:
            return self.admit(*count_in_window(*counter))
        except CacheUnavailable:
            self.left = None
            return True

    def wait(self):
        return super().wait() if self.left is None else self.left


LOCAL_SECONDS = 1.0
LOCAL_BATCH = 16
LOCAL_CLIENTS = 4096  # windows a process keeps; beyond, new clients are counted in Redis each time


@dataclass
class _Window:
    counted: int  # the window's count in Redis at the last round trip (every process's requests)
    ends: float  # time.monotonic() when the window ends
    synced: float  # time.monotonic() of the last round trip
    pending: int = 0  # requests this process admitted since, not yet counted in Redis


class LocalWindows:
    """This process's view of clients' windows, for admitting cached answers in batches (see the
    module's docstring)."""

    def __init__(self) -> None:
        self._windows: dict[str, _Window] = {}
        self._lock = threading.Lock()  # gthread workers share a process

    def admit(self, limits: list[tuple[str, int]], now: float) -> bool:
        """Admit a request under every (counter key, rate) of ``limits`` without a round trip, if
        each window allows it; then it is pending."""
        with self._lock:
            windows = [self._windows.get(key) for key, _rate in limits]
            for window, (_key, rate) in zip(windows, limits, strict=True):
                if (
                    window is None
                    or now >= window.ends
                    or now - window.synced >= LOCAL_SECONDS
                    or window.pending + 1 >= LOCAL_BATCH
                    or 2 * (window.counted + window.pending + 1) > rate
                ):
                    return False
            for window in windows:
                window.pending += 1
            return True

    def take(self, key: str) -> int:
        """The requests pending under ``key``, now to be counted in Redis by the caller."""
        with self._lock:
            window = self._windows.get(key)
            if window is None:
                return 0
            pending, window.pending = window.pending, 0
            return pending

    def counted(self, key: str, count: int, left: float, now: float) -> None:
        with self._lock:
            if key not in self._windows and len(self._windows) >= LOCAL_CLIENTS:
                for name in [name for name, window in self._windows.items() if now >= window.ends]:
                    del self._windows[name]
                if len(self._windows) >= LOCAL_CLIENTS:
                    return
            window = self._windows.get(key)
            pending = window.pending if window else 0  # admitted by another thread meanwhile
            self._windows[key] = _Window(counted=count, ends=now + left, synced=now, pending=pending)


local_windows = LocalWindows()


def check_and_read(view, request, key: str, default):
    """DRF's throttle check of ``view`` (as ``APIView.check_throttles``) and ``cache.get(key,
    default)`` of a lasting entry, in one round trip where the cache and every throttle of the view
    count in windows (``core.cache.RedisCache``), and none where this process holds a copy of the
    entry and may admit the request itself (``LocalWindows``); else the check, then the read.
    Raises DRF's ``Throttled``."""
    cache = caches["default"]
    throttles = view.get_throttles()
    if hasattr(cache, "count_and_get") and all(isinstance(throttle, CountingThrottleMixin) for throttle in throttles):
        counted = [(throttle, counter) for throttle in throttles if (counter := throttle.counter(request, view))]
        # Local windows are named by the counters' full keys (a key prefix separates sites).
        names = [cache.make_key(name) for _throttle, (name, _seconds) in counted]
        now = time.monotonic()
        copy = cache.local_copy(key, default)
        if copy is not default and local_windows.admit(
            [(name, throttle.num_requests) for name, (throttle, _counter) in zip(names, counted, strict=True)], now
        ):
            return copy
        calls = [
            (name, seconds, 1 + local_windows.take(full))
            for full, (_throttle, (name, seconds)) in zip(names, counted, strict=True)
        ]
        try:
            counts, value = cache.count_and_get(calls, key, default)
        except CacheUnavailable:
            return copy
        for full, (count, left) in zip(names, counts, strict=True):
            local_windows.counted(full, count, left, now)
        pairs = zip(counted, counts, strict=True)
        refused = [throttle for (throttle, _counter), count in pairs if not throttle.admit(*count)]
    else:
        refused = [throttle for throttle in throttles if not throttle.allow_request(request, view)]
        value = None if refused else cache.get(key, default)
    if refused:
        view.throttled(request, max((wait for t in refused if (wait := t.wait()) is not None), default=None))
    return value


class ClientAddressMixin:
    def get_ident(self, request):
        return client_ip(request)


class AnonThrottle(ClientAddressMixin, CountingThrottleMixin, AnonRateThrottle):
    pass


class UserThrottle(ClientAddressMixin, CountingThrottleMixin, UserRateThrottle):
    """Signed-in users only: DRF's user throttle also counts anonymous clients by address, which
    the anonymous throttle already does at a lower rate — two more cache round trips per request."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # not throttled here (AnonThrottle counts anonymous clients)
        return super().get_cache_key(request, view)
