"""The production configuration, booted as documented (docs/operations.md): collectstatic with the
manifest storage, then two gunicorn app servers with innovation.settings.production behind a TLS
proxy (X-Forwarded-Proto, X-Forwarded-For), sharing PostgreSQL and Redis."""

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from practices.models import CitizenFeedback
from tests.cases.factories import CaseFactory
from tests.servers import (
    APP_PORTS,
    PROJECT,
    PROXY_HTTP_PORT,
    PROXY_TLS_PORT,
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
            arguments = [str(VENV_BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "--graceful-timeout", "5"]
            server_environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"}
            servers.append(Process(f"gunicorn-{index}", arguments, env=server_environment, log_dir=log_dir, port=port))
        for server, port in zip(servers, APP_PORTS, strict=True):
            server.wait_for_port(port, timeout=60)
        yield servers
    finally:
        for server in servers:
            server.stop()
        forget_cache_keys()


@pytest.fixture(scope="module")
def proxy(app_servers, tmp_path_factory):
    """nginx with the sample site of deploy/nginx/awards.conf, in front of both app servers, with a
    certificate made for the test."""
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: .ci/run installs it")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    root = tmp_path_factory.mktemp("nginx")
    certificate, key = root / "cert.pem", root / "key.pem"
    openssl = shutil.which("openssl") or "/usr/bin/openssl"
    subprocess.run(  # noqa: S603
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (PROJECT / "deploy" / "nginx" / "awards.conf").read_text()
    for sample, ours in {
        "    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n": "".join(
            f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in APP_PORTS
        ),
        "listen 80;": f"listen 127.0.0.1:{PROXY_HTTP_PORT};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{PROXY_TLS_PORT} ssl http2;",
        "/etc/ssl/awards/fullchain.pem": str(certificate),
        "/etc/ssl/awards/privkey.pem": str(key),
    }.items():
        assert site.count(sample) == 1, f"the sample no longer has {sample!r}"
        site = site.replace(sample, ours)
    temp = {name: root / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    config = root / "nginx.conf"
    config.write_text(
        f"""user root;
worker_processes 1;
pid {root}/nginx.pid;
daemon off;
error_log {root}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{site}
}}
"""
    )
    checked = subprocess.run(  # noqa: S603
        [nginx, "-t", "-c", str(config), "-p", str(root), "-e", str(root / "error.log")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0 and "test is successful" in checked.stderr, checked.stderr
    process = Process(
        "nginx",
        [nginx, "-c", str(config), "-p", str(root), "-e", str(root / "error.log")],
        env={},
        log_dir=root,
        port=PROXY_TLS_PORT,
    )
    try:
        process.wait_for_port(PROXY_TLS_PORT, timeout=20)
        yield str(certificate)
    finally:
        process.stop()


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
        visitor = re.search(r'name="visitor_token" value="([^"]*)"', page.text).group(1)
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
            body=urllib.parse.urlencode(
                {"felt": "yes", "csrfmiddlewaretoken": token, "visitor_token": visitor}
            ).encode(),
            cookies=page.cookies,
        )
        return posted.status

    statuses = [answer(APP_PORTS[n % 2]) for n in range(6)]
    assert statuses == [302, 302, 302, 302, 302, 429]
    assert CitizenFeedback.objects.filter(case=practice).count() == 5


def test_behind_nginx_over_tls_the_client_address_scheme_and_request_id_reach_django(proxy, app_servers):
    answer = fetch(PROXY_TLS_PORT, "/", tls_ca=proxy)
    assert answer.status == 200
    assert "Strict-Transport-Security".lower() in answer.headers  # Django saw HTTPS
    health = fetch(PROXY_TLS_PORT, "/healthz", tls_ca=proxy, headers={"X-Forwarded-For": "6.6.6.6"})
    request_id = health.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id
    lines = [json.loads(line) for server in app_servers for line in server.output().splitlines() if line[:1] == "{"]
    [access] = [line for line in lines if line.get("request_id") == request_id]
    assert (access["path"], access["status"], access["client_ip"]) == ("/healthz", 200, "127.0.0.1")


def test_nginx_redirects_plain_http_to_https(proxy):
    answer = fetch(PROXY_HTTP_PORT, "/practices/", tls_ca=None, headers={"Host": "awards.example.go.kr"})
    assert answer.status == 301
    assert answer.headers["location"] == "https://awards.example.go.kr/practices/"


def _multipart(size: int) -> tuple[bytes, dict[str, str]]:
    """An upload as the attachment form sends it: one file part of ``size`` bytes in all."""
    boundary = "awards-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    body = head + b"x" * (size - len(head) - len(tail)) + tail
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_nginx_takes_bodies_up_to_11_mb(proxy, app_servers):
    body, headers = _multipart(11 * 1024 * 1024 + 1)
    assert fetch(PROXY_TLS_PORT, "/healthz", method="POST", body=body, headers=headers, tls_ca=proxy).status == 413
    # A 10 MB attachment with its form passes nginx. Django reads the whole body (the CSRF check looks
    # for its token there, once the Referer matches), then refuses the request, which has no token.
    body, headers = _multipart(10 * 1024 * 1024 + 4096)
    headers["Referer"] = "https://127.0.0.1/"
    upload = fetch(PROXY_TLS_PORT, "/healthz", method="POST", body=body, headers=headers, tls_ca=proxy)
    assert upload.status == 403
    assert 'data-status="403"' in upload.text  # the branded page of a refused CSRF check
    assert "The form could not be sent" in upload.text
