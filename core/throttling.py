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
    pass
