"""Sign-in and password-reset throttling that slows guessing but never locks the real user out.

Sign-in (``attempt``), all counters in the shared cache:

- **per username, counted per client address**: after ``LOGIN_FREE_FAILURES`` wrong passwords for
  a username from one address, that address waits ``LOGIN_BASE_DELAY`` seconds before it may try
  that username again, doubling with each further failure up to ``LOGIN_MAX_DELAY``. Failures
  from one address never delay the same username from another: a colleague's typos or an
  attacker elsewhere cannot refuse the owner's correct password. A success from an address clears
  its failures for that username.
- **per client address, across usernames** (password spraying): an address may fail
  ``LOGIN_ADDRESS_FAILURE_LIMIT`` times in a window of ``LOGIN_ADDRESS_WINDOW`` seconds; then it
  waits for the window to end, whatever the username. Successes do not count. Addresses of
  ``LOGIN_SHARED_NETWORKS`` (offices where many people share one address) may fail
  ``LOGIN_SHARED_NETWORK_FACTOR`` times as often, here and for reset requests.
- While one attempt for a (username, address) pair is being checked, a second one at the same time
  is refused ("wait a second"), so parallel requests cannot slip past the delay.

A refused attempt does not check the password at all (it could otherwise still be used to guess).
When the shared cache does not answer, no failure can be counted: sign-ins and reset requests are
refused ("unavailable") until it answers again, rather than let guesses through uncounted.

``client_ip`` is the one place that says which address a request comes from."""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from core import http
from core.cache import CacheUnavailable, cache_unavailable

PREFIX = "throttle:"
PAIR_STATE_TTL = 24 * 60 * 60
UNAVAILABLE_WAIT = 30  # seconds to wait, said to someone refused while the cache does not answer
IN_FLIGHT_TTL = 30  # an attempt that crashed frees its pair after this long


def client_ip(request) -> str:
    """The client's address: the project's one reading of it, behind the trusted proxies too."""
    return http.client_ip(request)


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is refused now and for how long: ``scope`` is "username" (this username
    from this address), "address" (this address, any username), "busy" (an attempt in flight) or
    "unavailable" (failures cannot be counted now)."""

    scope: str
    wait_seconds: int


def address_factor(address: str) -> int:
    """How many times the per-address limits ``address`` gets: ``LOGIN_SHARED_NETWORK_FACTOR`` in
    one of ``LOGIN_SHARED_NETWORKS``, else 1."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return 1
    shared = any(ip in network for network in settings.LOGIN_SHARED_NETWORKS if network.version == ip.version)
    return settings.LOGIN_SHARED_NETWORK_FACTOR if shared else 1


def _key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
    return f"{PREFIX}{kind}:{digest}"


def _normal(username: str) -> str:
    return (username or "").strip().casefold()


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures of one (username, address) pair."""
    free = settings.LOGIN_FREE_FAILURES
    if failures < free:
        return 0
    return min(settings.LOGIN_BASE_DELAY * 2 ** (failures - free), settings.LOGIN_MAX_DELAY)


class Attempt:
    def __init__(self, *, pair_key: str, address_key: str, refusal: Refusal | None):
        self.pair_key = pair_key
        self.address_key = address_key
        self.refusal = refusal
        self.outcome: bool | None = None

    def succeeded(self) -> None:
        self.outcome = True

    def failed(self) -> None:
        self.outcome = False


def _address_failures(address_key: str) -> tuple[int, float]:
    state = cache.get(address_key)
    return (state["failures"], state["since"]) if state else (0, time.time())


@contextmanager
def attempt(request, username: str) -> Iterator[Attempt]:
    """Wrap one password check: ``with attempt(request, username) as a:`` then, unless
    ``a.refusal``, check the password and call ``a.succeeded()`` or ``a.failed()``."""
    address = client_ip(request)
    pair_key = _key("pair", _normal(username), address)
    address_key = _key("address", address)
    lock_key = pair_key + ":busy"
    now = time.time()

    try:
        free = cache.add(lock_key, 1, timeout=IN_FLIGHT_TTL)
    except CacheUnavailable:
        yield Attempt(pair_key=pair_key, address_key=address_key, refusal=Refusal("unavailable", UNAVAILABLE_WAIT))
        return
    if not free:
        yield Attempt(pair_key=pair_key, address_key=address_key, refusal=Refusal("busy", 1))
        return
    try:
        failures, since = _address_failures(address_key)
        window = settings.LOGIN_ADDRESS_WINDOW
        if failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT * address_factor(address) and now - since < window:
            yield Attempt(
                pair_key=pair_key,
                address_key=address_key,
                refusal=Refusal("address", max(1, math.ceil(since + window - now))),
            )
            return
        pair = cache.get(pair_key) or {"failures": 0, "last": 0.0}
        if cache_unavailable(cache):  # it stopped answering since the lock: those reads may be misses
            yield Attempt(pair_key=pair_key, address_key=address_key, refusal=Refusal("unavailable", UNAVAILABLE_WAIT))
            return
        wait = delay_after(pair["failures"]) - (now - pair["last"])
        if wait > 0:
            yield Attempt(
                pair_key=pair_key, address_key=address_key, refusal=Refusal("username", max(1, math.ceil(wait)))
            )
            return
        current = Attempt(pair_key=pair_key, address_key=address_key, refusal=None)
        yield current
        if current.outcome is True:
            cache.delete(pair_key)
        elif current.outcome is False:
            cache.set(pair_key, {"failures": pair["failures"] + 1, "last": time.time()}, timeout=PAIR_STATE_TTL)
            _count_address_failure(address_key)
    finally:
        cache.delete(lock_key)


def _count_address_failure(address_key: str) -> None:
    # Read-modify-write under no lock: two failures at the same instant from one address may count
    # as one. That loses at most the concurrency level per window, never blocks anyone wrongly.
    now = time.time()
    failures, since = _address_failures(address_key)
    if now - since >= settings.LOGIN_ADDRESS_WINDOW:
        failures, since = 0, now
    remaining = max(1, math.ceil(since + settings.LOGIN_ADDRESS_WINDOW - now))
    cache.set(address_key, {"failures": failures + 1, "since": since}, timeout=remaining)


# --- password reset -----------------------------------------------------------------------------


def reset_request_refusal(request, email: str) -> int | None:
    """Count one password-reset request for ``email`` from the request's address; the seconds to
    wait when either is over its limit (then nothing is counted), else None. ``CacheUnavailable``
    when the counts cannot be read."""
    window = settings.PASSWORD_RESET_WINDOW
    address = client_ip(request)
    keys = [
        (_key("reset-email", _normal(email)), settings.PASSWORD_RESET_EMAIL_LIMIT),
        (_key("reset-address", address), settings.PASSWORD_RESET_ADDRESS_LIMIT * address_factor(address)),
    ]
    now = time.time()
    states = [(key, limit, cache.get(key)) for key, limit in keys]
    if cache_unavailable(cache):
        raise CacheUnavailable
    for _key_name, limit, state in states:
        if state and state["count"] >= limit and now - state["since"] < window:
            return max(1, math.ceil(state["since"] + window - now))
    for key, _limit, state in states:
        if not state or now - state["since"] >= window:
            state = {"count": 0, "since": now}
        remaining = max(1, math.ceil(state["since"] + window - now))
        cache.set(key, {"count": state["count"] + 1, "since": state["since"]}, timeout=remaining)
    return None
