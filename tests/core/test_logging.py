import json
import logging

import pytest
from django.test import Client

from core.logging import JsonFormatter, RequestIdFilter, current_request_id, reset_request_id, set_request_id

pytestmark = pytest.mark.django_db


def _record(message="Hello %s", args=("world",), **extra):
    record = logging.LogRecord("innovation.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_a_record_is_one_json_object_with_the_request_id_and_its_extra_fields():
    token = set_request_id("req-12345678")
    try:
        record = _record(status=503, path="/x", user=object)
        RequestIdFilter().filter(record)
        line = JsonFormatter().format(record)
    finally:
        reset_request_id(token)
    entry = json.loads(line)
    assert "\n" not in line
    assert entry == {
        "time": entry["time"],
        "level": "WARNING",
        "logger": "innovation.test",
        "message": "Hello world",
        "request_id": "req-12345678",
        "status": 503,
        "path": "/x",
        "user": "<class 'object'>",
    }
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_same_line():
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), exc_info=__import__("sys").exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["exception"].startswith("Traceback") and "ValueError: broken" in entry["exception"]


def test_every_response_carries_a_new_request_id_that_the_access_log_repeats(caplog, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    caplog.set_level(logging.INFO, logger="innovation.request")

    first = Client().get("/healthz", HTTP_X_REQUEST_ID="chosen-by-the-client")
    second = Client().get("/healthz")

    assert first["X-Request-ID"] != "chosen-by-the-client"  # no proxy is trusted to choose it
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    records = [r for r in caplog.records if r.name == "innovation.request"]
    assert [(r.getMessage(), r.request_id, r.status, r.path) for r in records] == [
        ("GET /healthz 200", first["X-Request-ID"], 200, "/healthz"),
        ("GET /healthz 200", second["X-Request-ID"], 200, "/healthz"),
    ]
    assert current_request_id() == ""  # nothing leaks past the request


@pytest.mark.parametrize(
    ("sent", "kept"), [("proxy-req-0001", True), ("short", False), ("bad id\n{", False), ("x" * 65, False)]
)
def test_a_trusted_proxys_request_id_is_kept_when_it_is_well_formed(settings, sent, kept):
    settings.TRUSTED_PROXY_COUNT = 1
    answered = Client().get("/healthz", HTTP_X_REQUEST_ID=sent)["X-Request-ID"]
    assert (answered == sent) is kept
