"""A lost database connection, for real: the test's own PostgreSQL backend is terminated with
``pg_terminate_backend`` (what a failover or a restart does to open connections), and the database
is closed to new connections with ``ALLOW_CONNECTIONS false`` to keep it away. PostgreSQL only."""

import json
import os

import dj_database_url
import psycopg
import pytest
from django.db import connection
from django.test import Client

from tests.cases.factories import CaseFactory
from tests.practices.helpers import page_token

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def admin():
    """A connection of our own beside Django's, to act on the server. It is made to the database of
    DATABASE_URL (the test database's namesake), since a database cannot close itself to connections."""
    if connection.vendor != "postgresql":
        pytest.skip("terminates PostgreSQL backends")
    settings = connection.settings_dict
    link = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"] or "postgres",
        password=settings["PASSWORD"] or None,
        dbname=dj_database_url.parse(os.environ["DATABASE_URL"])["NAME"],
        autocommit=True,
    )
    yield link
    link.execute(f'ALTER DATABASE "{settings["NAME"]}" ALLOW_CONNECTIONS true')
    link.close()
    connection.close()  # Django's connection is dead: the next query (the flush) reconnects


@pytest.fixture
def web():
    return Client(raise_request_exception=False)


@pytest.fixture
def practice():
    return CaseFactory(awarded=True, title="One-stop firm service")


def _terminate_djangos_connection(admin) -> int:
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    for _ in range(100):  # the backend is gone within milliseconds
        if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            return pid
        admin.execute("SELECT pg_sleep(0.01)")
    raise AssertionError(f"backend {pid} still there")


def _close_the_database(admin) -> None:
    admin.execute(f'ALTER DATABASE "{connection.settings_dict["NAME"]}" ALLOW_CONNECTIONS false')


def test_a_page_that_loses_its_connection_is_retried_once_and_served(admin, web, practice, caplog):
    old_pid = _terminate_djangos_connection(admin)

    response = web.get(f"/practices/{practice.pk}/")

    assert response.status_code == 200
    assert "One-stop firm service" in response.content.decode()
    assert "Database connection lost during GET /practices/" in caplog.text
    assert connection.connection.info.backend_pid != old_pid


@pytest.mark.parametrize(
    ("language", "title", "home"),
    [("en", "Service temporarily unavailable", "Back to the home page"), ("ko", "일시적으로", "홈으로")],
)
def test_when_the_retry_fails_too_the_page_is_a_branded_503(admin, web, practice, language, title, home):
    _terminate_djangos_connection(admin)
    _close_the_database(admin)

    response = web.get(f"/practices/{practice.pk}/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert title in body
    assert 'href="/"' in body and home in body
    assert 'id="main-content"' in body  # the site's layout, not a bare error


def test_api_clients_get_the_json_error_shape(admin, web):
    _terminate_djangos_connection(admin)
    _close_the_database(admin)

    response = web.get("/api/v1/governments/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert json.loads(response.content) == {
        "status": 503,
        "code": "database_unavailable",
        "detail": "The service is temporarily unavailable. Please try again shortly.",
        "fields": {},
        "problems": [],
    }


def test_a_post_is_not_retried(admin, web, practice, caplog):
    answer = {"felt": "yes", "visitor_token": page_token(web, practice)}  # the visitor read the page first
    _terminate_djangos_connection(admin)

    response = web.post(f"/practices/{practice.pk}/feedback/", answer)

    assert response.status_code == 503
    assert "Database connection lost" not in caplog.text
    # the next request reconnects and the answer can be sent again
    response = web.post(f"/practices/{practice.pk}/feedback/", answer)
    assert response.status_code == 302


def test_readiness_fails_and_liveness_holds_while_the_database_is_away(admin, web):
    _terminate_djangos_connection(admin)
    _close_the_database(admin)

    ready = web.get("/readyz")
    assert ready.status_code == 503
    assert json.loads(ready.content) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
        "broker": "not_used",
    }
    assert web.head("/readyz").status_code == 503
    assert web.get("/healthz").status_code == 200
    assert web.head("/healthz").status_code == 200


def _wsgi_get(path: str) -> tuple[str, bytes]:
    """A GET through Django's WSGI handler, as gunicorn calls it: unlike the test client, it sends
    the request signals that reset and run the health checks of persistent connections."""
    import io
    import sys

    from django.core.handlers.wsgi import WSGIHandler

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = b"".join(WSGIHandler()(environ, lambda line, headers, exc_info=None: status.append(line)))
    return status[0], body


@pytest.mark.parametrize("path", ["/api/v1/stats/", "/api/v1/cases/", "/practices/"])
def test_a_safe_request_skips_the_health_check_and_a_lost_connection_is_retried(admin, path, caplog, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]
    _wsgi_get(path)  # a persistent connection, as a worker holds one
    old_pid = _terminate_djangos_connection(admin)

    status, _body = _wsgi_get(path)

    assert status == "200 OK"
    # The request's first query found the connection dead (no SELECT 1 before it), and the retry
    # served it on a new connection: one round trip fewer on every safe request.
    assert f"Database connection lost during GET {path}" in caplog.text
    assert connection.connection.info.backend_pid != old_pid


def test_a_write_keeps_the_health_check_and_is_served_after_a_lost_connection(admin, web, practice):
    from django.db import close_old_connections

    answer = {"felt": "yes", "visitor_token": page_token(web, practice)}
    _terminate_djangos_connection(admin)
    close_old_connections()  # what every request starts with under gunicorn (the test client skips it)

    response = web.post(f"/practices/{practice.pk}/feedback/", answer)

    assert response.status_code == 302  # the health check reconnected before the first query
