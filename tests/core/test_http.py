import pytest
from django.test import RequestFactory

from accounts import throttle
from core.http import client_ip
from core.throttling import AnonThrottle, UserThrottle
from practices.services import client_for_request


def _request(remote="10.0.0.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client wrote the first entry itself
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),  # load balancer + nginx
        (2, "198.51.100.7", "198.51.100.7"),  # fewer entries than proxies: the earliest one
        (1, "198.51.100.7:51234", "198.51.100.7"),
        (1, "[2001:db8::7]:443", "2001:db8::7"),
        (1, " 2001:db8::8 ", "2001:db8::8"),
        (1, "not-an-address", "10.0.0.5"),  # garbage: the proxy's own address
        (1, "", "10.0.0.5"),
    ],
)
def test_behind_proxies_the_client_is_that_many_entries_from_the_right(settings, hops, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = hops
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_no_address_at_all_is_unknown(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/")
    request.META.pop("REMOTE_ADDR")
    assert client_ip(request) == "unknown"


def test_the_sign_in_throttle_the_api_throttles_and_the_feedback_limit_see_the_same_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = _request(forwarded="6.6.6.6, 198.51.100.7")
    assert throttle.client_ip(first) == "198.51.100.7"
    assert AnonThrottle().get_ident(first) == "198.51.100.7"
    assert UserThrottle().get_ident(first) == "198.51.100.7"
    # the same client behind the same proxy, whatever it claims, shares its feedback rate limit
    assert client_for_request(first) == client_for_request(_request(forwarded="7.7.7.7, 198.51.100.7"))
    assert client_for_request(first) != client_for_request(_request(forwarded="6.6.6.6, 198.51.100.8"))
