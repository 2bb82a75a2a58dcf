"""Redis going away, for real: a Redis of the test's own (``tests.servers.RedisServer``) is stopped
mid-test (connections refused, as when it crashed) and started again empty (as after a restart),
and a port that accepts and never answers stands for a hung Redis. The site answers from the
database meanwhile; what it cannot count safely (sign-in and reset attempts) it refuses, saying why;
nobody is signed back in by a stale copy once Redis is back."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core import cache as core_cache
from outbox.models import OutboxMessage
from practices.models import CitizenFeedback
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import CaseFactory
from tests.practices.helpers import answer
from tests.servers import SILENT_PORT

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
PAUSE_SECONDS = 2.0
PUBLIC = ["/", "/practices/", "/dashboard/", "/api/v1/stats/", "/api/v1/cases/"]


@pytest.fixture(scope="module")
def production():
    """What the production settings make of a REDIS_URL: the cache (its options: timeouts) and the
    session engine, read from a process started as production starts."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'cache': settings.CACHES['default'], 'sessions': settings.SESSION_ENGINE}))"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="innovation.settings.production",
        DJANGO_SECRET_KEY="test-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="awards.example.go.kr",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=settings_module_root(), env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def settings_module_root() -> Path:
    return Path(__file__).resolve().parents[2]


@pytest.fixture
def use_redis(settings, production):
    """The default cache and the sessions as production has them, on the Redis at ``url``."""

    def use(url: str):
        settings.CACHES = {"default": {**production["cache"], "LOCATION": url}}
        settings.SESSION_ENGINE = production["sessions"]
        return caches["default"]

    return use


@pytest.fixture
def redis_cache(use_redis, redis_server, monkeypatch):
    # Seconds a process leaves Redis alone after a failure: short, so a test sees it come back.
    monkeypatch.setattr(core_cache, "RETRY_SECONDS", 1.0)
    return use_redis(redis_server.url)


def back_again(redis_server, cache) -> None:
    redis_server.start()
    time.sleep(core_cache.RETRY_SECONDS)


@pytest.fixture
def web():
    return Client(raise_request_exception=False)


@pytest.fixture
def practice():
    return CaseFactory(awarded=True, title="One-stop firm service")


def test_public_pages_and_the_api_answer_the_same_from_the_database_while_redis_is_down(
    web, practice, redis_server, redis_cache
):
    with_redis = {path: web.get(path) for path in PUBLIC}
    assert {path: response.status_code for path, response in with_redis.items()} == dict.fromkeys(PUBLIC, 200)
    redis_cache.copies.clear()  # this process's copies would answer without Redis; another's would not
    redis_server.stop()

    without = {path: web.get(path) for path in PUBLIC}

    assert {path: response.status_code for path, response in without.items()} == dict.fromkeys(PUBLIC, 200)
    for path in ["/api/v1/stats/", "/api/v1/cases/"]:
        assert json.loads(without[path].content) == json.loads(with_redis[path].content), path
    assert "One-stop firm service" in without["/practices/"].content.decode()
    ready = web.get("/readyz")  # this server can serve: a load balancer must keep it
    assert (ready.status_code, ready.json()) == (
        200,
        {"status": "degraded", "database": "ok", "cache": "unavailable", "broker": "not_used"},
    )

    back_again(redis_server, redis_cache)
    assert web.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "not_used"}
    assert web.get("/api/v1/stats/").status_code == 200
    assert redis_cache.get_many([]) == {} and redis_cache.outage.active is False


def test_sign_in_is_refused_without_checking_the_password_and_works_once_redis_is_back(web, redis_server, redis_cache):
    SubmitterFactory(username="gumi")
    redis_server.stop()

    refused = web.post("/accounts/login/", {"username": "gumi", "password": PASSWORD})

    assert refused.status_code == 503
    assert refused["Retry-After"] == "30"
    assert (
        "Signing in is paused while a service of the site is restored. Wait 30 seconds and try again."
        in refused.content.decode()
    )
    assert not refused.wsgi_request.user.is_authenticated

    back_again(redis_server, redis_cache)
    signed_in = web.post("/accounts/login/", {"username": "gumi", "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in.wsgi_request.user.username == "gumi"


def test_someone_signed_in_goes_on_and_a_sign_out_while_redis_hangs_holds_after_it_answers_again(
    web, redis_server, redis_cache
):
    SubmitterFactory(username="gumi")
    assert web.post("/accounts/login/", {"username": "gumi", "password": PASSWORD}).status_code == 302
    session_cookie = web.cookies["sessionid"].value
    redis_server.pause(PAUSE_SECONDS)  # it keeps what it holds: a copy of the session would survive

    assert web.get(reverse("cases:my_cases")).status_code == 200  # the session is in the database
    web.post(reverse("accounts:logout"))
    time.sleep(PAUSE_SECONDS)
    time.sleep(core_cache.RETRY_SECONDS)

    stolen = Client()
    stolen.cookies["sessionid"] = session_cookie
    response = stolen.get(reverse("cases:my_cases"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert not [key for key in redis_server.stored_keys() if b"session" in key]


def test_a_password_reset_is_refused_and_says_why_while_redis_is_down(web, redis_server, redis_cache):
    SubmitterFactory(email="officer@gumi.go.kr")
    redis_server.stop()

    response = web.post("/accounts/password/reset/", {"email": "officer@gumi.go.kr"})

    assert response.status_code == 200
    assert "Password reset is paused while a service of the site is restored." in response.content.decode()
    assert mail.outbox == [] and not OutboxMessage.objects.exists()


def test_a_citizens_feedback_is_taken_while_redis_is_down(web, practice, redis_server, redis_cache):
    redis_server.stop()

    response = answer(web, practice, {"felt": "yes", "comment": "Much faster now."}, follow=True)

    assert response.status_code == 200
    assert "Thank you for your answer." in response.content.decode()
    assert list(CitizenFeedback.objects.values_list("felt", "comment")) == [("yes", "Much faster now.")]


def test_a_redis_that_never_answers_costs_one_wait_then_is_left_alone(web, practice, use_redis, silent_server):
    cache = use_redis(f"redis://127.0.0.1:{SILENT_PORT}/0")

    answers = [web.get(path).status_code for path in ["/api/v1/stats/", "/practices/", "/api/v1/cases/"]]

    assert answers == [200, 200, 200]
    assert silent_server.connections == 1  # the first call waited for its timeout; the rest did not try
    assert cache.outage.active
