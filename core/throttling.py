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

    def allow_request(self, request, view):
        count_in_window = getattr(caches["default"], "count_in_window", None)
        if count_in_window is None:
            self.left = None
            return super().allow_request(request, view)
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        count, left = count_in_window(self.key, self.duration)
        self.left = max(left, 1)
        return count <= self.num_requests

    def wait(self):
        return super().wait() if self.left is None else self.left


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
