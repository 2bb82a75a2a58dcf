"""The client's address, as every rate limit, the login lockout, the throttles and the logs see it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (nginx, a load balancer), ``REMOTE_ADDR`` is the
nearest proxy's address; each proxy appends the address it received the request from to
``X-Forwarded-For``, so the client is the entry that many places from the right. Entries further
left were written by the client and are never trusted. With no proxy configured the header is
ignored entirely (anyone could send it)."""

from __future__ import annotations

import functools
import ipaddress

from django.conf import settings


# Every request reads one or two addresses, and parsing one is a good part of a cached API answer's
# CPU; the same clients come back, so the answers are kept (the least recently used dropped).
@functools.lru_cache(maxsize=4096)
def _valid(address: str) -> str | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [2001:db8::1]:443
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:  # 203.0.113.7:51234
        address = address.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client that made ``request`` (``"unknown"`` if there is none)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "unknown"
    hops = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if hops <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the request skipped a proxy; the earliest one is the best we have.
    candidate = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    return _valid(candidate) or remote
