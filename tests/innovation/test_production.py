"""The production configuration, booted as documented (docs/operations.md): collectstatic with the
manifest storage, then two gunicorn app servers with innovation.settings.production behind a TLS
proxy (X-Forwarded-Proto, X-Forwarded-For), sharing PostgreSQL and Redis."""

import json
import re
import subprocess
import sys
import urllib.parse

import pytest

from practices.models import CitizenFeedback
from tests.cases.factories import CaseFactory
from tests.servers import (
    APP_PORTS,
    PROJECT,
    VENV_BIN,
    Process,
    fetch,
    forget_cache_keys,
    production_environment,
    require_postgresql,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

API_ANON_RATE = 8


@pytest.fixture(scope="module")
def static_root(tmp_path_factory, django_db_setup):
    require_postgresql()
    root = tmp_path_factory.mktemp("staticfiles")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "1"],
        cwd=PROJECT,
        env=production_environment(DJANGO_STATIC_ROOT=str(root)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "post-processed" in result.stdout
    return root


@pytest.fixture(scope="module")
def app_servers(static_root, tmp_path_factory):
    """Two gunicorn servers (two workers each) on our ports."""
    log_dir = tmp_path_factory.mktemp("gunicorn")
    environment = production_environment(DJANGO_STATIC_ROOT=str(static_root), API_ANON_RATE=f"{API_ANON_RATE}/minute")
    servers = []
    try:
        for index, port in enumerate(APP_PORTS):
            arguments = [
                str(VENV_BIN / "gunicorn"), "innovation.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--workers", "2", "--timeout", "60", "--graceful-timeout", "5",
            ]  # fmt: skip
            servers.append(Process(f"gunicorn-{index}", arguments, env=environment, log_dir=log_dir))
        for server, port in zip(servers, APP_PORTS, strict=True):
            server.wait_for_port(port, timeout=60)
        yield servers
    finally:
        for server in servers:
            server.stop()
        forget_cache_keys()


@pytest.fixture
def practice():
    return CaseFactory(awarded=True, title="One-stop firm service")


def _static_links(html: str) -> list[str]:
    return re.findall(r'href="(/static/[^"]+\.css)"', html)


def test_the_main_pages_the_api_and_the_docs_answer_200(app_servers, practice):
    port = APP_PORTS[0]
    for path in (
        "/",
        "/practices/",
        f"/practices/{practice.pk}/",
        "/dashboard/",
        "/api/v1/",
        "/api/v1/schema/",
        "/api/v1/docs/",
        "/healthz",
        "/readyz",
    ):
        answer = fetch(port, path, headers={"X-Forwarded-For": "198.51.100.1"})
        assert answer.status == 200, f"{path}: {answer.status}\n{answer.text[:2000]}"
    for path in ("/", "/healthz", "/readyz"):
        answer = fetch(port, path, method="HEAD")
        assert (answer.status, answer.body) == (200, b""), path
    assert json.loads(fetch(port, "/readyz").body) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
    }
    assert "One-stop firm service" in fetch(port, f"/practices/{practice.pk}/").text


def test_static_files_are_cache_busted_and_compressed(app_servers, static_root):
    html = fetch(APP_PORTS[0], "/").text
    links = _static_links(html)
    assert any(re.fullmatch(r"/static/vendor/krds/css/component/output\.[0-9a-f]{12}\.css", link) for link in links)
    for encoding in ("br", "gzip"):
        answer = fetch(APP_PORTS[0], links[0], headers={"Accept-Encoding": encoding})
        assert answer.status == 200
        assert answer.headers["content-encoding"] == encoding
        assert "immutable" in answer.headers["cache-control"]
    # only hashed names are served; the repaired KRDS stylesheet points at its icons' hashed names
    assert fetch(APP_PORTS[0], "/static/css/site.css").status == 404
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    component_path = "/static/" + manifest["vendor/krds/css/component/component.css"]
    component = fetch(APP_PORTS[0], component_path)
    assert component.status == 200
    icon = re.search(r"url\(\"?(\.\./\.\./img/component/icon/ico_angle\.[0-9a-f]{12}\.svg)\"?\)", component.text)
    assert icon, "the icon reference is rewritten to its hashed name"
    assert fetch(APP_PORTS[0], urllib.parse.urljoin(component_path, icon.group(1))).status == 200


def test_plain_http_is_redirected_to_https(app_servers):
    answer = fetch(APP_PORTS[0], "/", headers={"X-Forwarded-Proto": "http"})
    assert answer.status == 301
    assert answer.headers["location"] == f"https://127.0.0.1:{APP_PORTS[0]}/"


def test_logs_are_json_lines_carrying_the_proxys_request_id(app_servers):
    proxy = {"X-Request-ID": "proxy-req-0001", "X-Forwarded-For": "192.0.2.44"}
    answer = fetch(APP_PORTS[1], "/healthz", headers=proxy)
    assert answer.headers["x-request-id"] == "proxy-req-0001"
    lines = [json.loads(line) for line in app_servers[1].output().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("request_id") == "proxy-req-0001"]
    assert access == [
        {
            "time": access[0]["time"],
            "level": "INFO",
            "logger": "innovation.request",
            "message": "GET /healthz 200",
            "request_id": "proxy-req-0001",
            "method": "GET",
            "path": "/healthz",
            "status": 200,
            "duration_ms": access[0]["duration_ms"],
            "client_ip": "192.0.2.44",
            "user_id": None,
            "database_retried": False,
        }
    ]


def test_the_api_throttle_counts_across_both_app_servers(app_servers):
    client = {"X-Forwarded-For": "203.0.113.50, 198.51.100.77"}  # the proxy appended the real address
    statuses = [fetch(APP_PORTS[n % 2], "/api/v1/governments/", headers=client).status for n in range(API_ANON_RATE)]
    assert statuses == [200] * API_ANON_RATE
    refused = fetch(APP_PORTS[API_ANON_RATE % 2], "/api/v1/governments/", headers=client)
    assert refused.status == 429
    assert int(refused.headers["retry-after"]) > 0
    # the address the client wrote itself (leftmost) is not what counts: another real address is served
    other = {"X-Forwarded-For": "203.0.113.50, 198.51.100.78"}
    assert fetch(APP_PORTS[0], "/api/v1/governments/", headers=other).status == 200


def test_the_feedback_rate_limit_counts_across_both_app_servers(app_servers, practice):
    client = {"X-Forwarded-For": "198.51.100.99"}
    path = f"/practices/{practice.pk}/"

    def answer(port: int) -> int:
        page = fetch(port, path, headers=client)  # a new visitor each time: a fresh session
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        origin = f"https://127.0.0.1:{port}"
        posted = fetch(
            port,
            f"{path}feedback/",
            method="POST",
            headers={
                **client,
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + path,
            },
            body=urllib.parse.urlencode({"felt": "yes", "csrfmiddlewaretoken": token}).encode(),
            cookies=page.cookies,
        )
        return posted.status

    statuses = [answer(APP_PORTS[n % 2]) for n in range(6)]
    assert statuses == [302, 302, 302, 302, 302, 429]
    assert CitizenFeedback.objects.filter(case=practice).count() == 5
