"""DRF's throttles, keyed on the real client address (``core.http.client_ip``) instead of DRF's own
reading of ``X-Forwarded-For``, so that the API, the feedback rate limit and the login lockout agree
on who the client is. Counts live in the default cache (Redis in production), shared by all servers.

With Redis each check is one round trip: a counter per client, its window starting with the
client's first request (``core.cache.RedisCache.count_in_window``). DRF's own throttle reads the
client's list of recent request times and writes it back: two round trips and a list as long as
the rate. The window is fixed: at most the rate within it, so up to twice the rate across two
consecutive windows. Other caches (the tests' and ``make run``'s local memory) keep DRF's list."""

from __future__ import annotations

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .http import client_ip


class CountingThrottleMixin:
    """One round trip per check where the cache counts in windows (see the module's docstring)."""

    def counter(self, request, view) -> tuple[str, int] | None:
        """The (cache key, window in seconds) this request counts under; None when it is not counted."""
        if self.rate is None:
            return None
        self.key = self.get_cache_key(request, view)
        return None if self.key is None else (self.key, self.duration)

    def admit(self, count: int, left: int) -> bool:
        """Whether a request that made the window's count ``count``, ``left`` seconds before the
        window ends, is allowed."""
        self.left = max(left, 1)
        return count <= self.num_requests

    def allow_request(self, request, view):
        count_in_window = getattr(caches["default"], "count_in_window", None)
        if count_in_window is None:
            self.left = None
            return super().allow_request(request, view)
        counter = self.counter(request, view)
        return True if counter is None else self.admit(*count_in_window(*counter))

    def wait(self):
        return super().wait() if self.left is None else self.left


def check_and_read(view, request, key: str, default):
    """DRF's throttle check of ``view`` (as ``APIView.check_throttles``) and ``cache.get(key,
    default)``, in one round trip where the cache and every throttle of the view count in windows
    (``core.cache.RedisCache``); else the check, then the read. Raises DRF's ``Throttled``."""
    cache = caches["default"]
    throttles = view.get_throttles()
    if hasattr(cache, "count_and_get") and all(isinstance(throttle, CountingThrottleMixin) for throttle in throttles):
        counted = [(throttle, counter) for throttle in throttles if (counter := throttle.counter(request, view))]
        counts, value = cache.count_and_get([counter for _throttle, counter in counted], key, default)
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
