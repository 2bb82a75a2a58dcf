"""DRF's throttles, keyed on the real client address (``core.http.client_ip``) instead of DRF's own
reading of ``X-Forwarded-For``, so that the API, the feedback rate limit and the login lockout agree
on who the client is. Counts live in the default cache (Redis in production), shared by all servers."""

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .http import client_ip


class ClientAddressMixin:
    def get_ident(self, request):
        return client_ip(request)


class AnonThrottle(ClientAddressMixin, AnonRateThrottle):
    pass


class UserThrottle(ClientAddressMixin, UserRateThrottle):
    """Signed-in users only: DRF's user throttle also counts anonymous clients by address, which
    the anonymous throttle already does at a lower rate — two more cache round trips per request."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # not throttled here (AnonThrottle counts anonymous clients)
        return super().get_cache_key(request, view)
