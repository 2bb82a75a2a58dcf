"""Real servers for the tests that need them: an SMTP sink (aiosmtpd), and helpers to start and stop
subprocesses (Celery worker, gunicorn, moto_server) on this project's test ports.

Ports: TEST_PORT_BASE (default 18100) and up; CLOSED_PORT is kept free so that "the server is down"
is a real refused connection."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

PROJECT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PORT_BASE = int(os.environ.get("TEST_PORT_BASE", "18100"))
SMTP_PORT = PORT_BASE
S3_PORT = PORT_BASE + 1
SMTP_INLINE_PORT = PORT_BASE + 2
APP_PORTS = (PORT_BASE + 10, PORT_BASE + 11)
PROXY_TLS_PORT = PORT_BASE + 20
PROXY_HTTP_PORT = PORT_BASE + 21
REDIS_PORT = PORT_BASE + 30
SILENT_PORT = PORT_BASE + 31
CLOSED_PORT = PORT_BASE + 99
# The production processes of one test run share Redis under this prefix (counters start at zero).
CACHE_KEY_PREFIX = f"test-{uuid.uuid4().hex[:12]}"


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def require_free_port(port: int) -> None:
    """Refuse to start a server on a port something already answers on (a server left over from an
    interrupted run would otherwise answer in its place, on another database)."""
    if port_open(port):
        pytest.fail(f"Port {port} is already in use; stop what listens there (a server of an earlier run?).")


def wait_until(check, *, timeout: float, interval: float = 0.1, message: str = "condition"):
    """Poll ``check`` until it returns something truthy; fail with ``message`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {message}")
        time.sleep(interval)


# --- SMTP ---------------------------------------------------------------------------------------


@dataclass
class SmtpSink:
    """A real SMTP server in a thread that keeps what it receives; ``stop`` takes it off the port."""

    port: int
    messages: list = field(default_factory=list)
    _controller: Controller | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def start(self) -> SmtpSink:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, server_hostname="localhost")
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def received(self) -> list[tuple[str, str]]:
        """(recipient, subject) of every message received so far, sorted."""
        with self._lock:
            return sorted((to, str(message["Subject"])) for tos, message in self.messages for to in tos)


# --- subprocesses -------------------------------------------------------------------------------


def shared_database_url() -> str:
    """The URL of the database this test run uses (pytest-django's test database), for subprocesses."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        raise RuntimeError("Subprocess servers share the test database only on PostgreSQL.")
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    password = settings.get("PASSWORD") or ""
    credentials = f"{user}:{password}" if password else user
    return f"postgres://{credentials}@{host}:{port}/{settings['NAME']}"


def production_environment(**extra: str) -> dict[str, str]:
    """The environment of a production process in the tests: our database and Redis, no secrets of
    the test run, HTTPS assumed behind one proxy."""
    dropped = {"DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    environment = {key: value for key, value in os.environ.items() if key not in dropped}
    environment.update(
        DJANGO_SETTINGS_MODULE="innovation.settings.production",
        DJANGO_SECRET_KEY="test-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=shared_database_url(),
        REDIS_URL=os.environ.get("TEST_REDIS_CACHE_URL", "redis://127.0.0.1:6379/2"),
        CELERY_BROKER_URL=os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/1"),
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_CONN_MAX_AGE="0",
        DJANGO_CACHE_KEY_PREFIX=CACHE_KEY_PREFIX,
        PYTHONUNBUFFERED="1",
    )
    environment.update(extra)
    return environment


class Process:
    """A server subprocess with its output in a file (shown when a test fails)."""

    def __init__(self, name: str, args: list[str], *, env: dict[str, str], log_dir: Path, port: int | None = None):
        if port is not None:
            require_free_port(port)
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._log = self.log_path.open("wb")
        self.popen = subprocess.Popen(  # noqa: S603 - our own commands with fixed arguments
            args, cwd=PROJECT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        return self.popen.poll() is None

    def wait_for_port(self, port: int, *, timeout: float = 30) -> None:
        def ready():
            if not self.alive():
                raise AssertionError(f"{self.name} exited with {self.popen.returncode}:\n{self.output()[-4000:]}")
            return port_open(port)

        wait_until(ready, timeout=timeout, message=f"{self.name} on port {port}")

    def wait_for_output(self, text: str, *, timeout: float = 30) -> None:
        def ready():
            if not self.alive():
                raise AssertionError(f"{self.name} exited with {self.popen.returncode}:\n{self.output()[-4000:]}")
            return text in self.output()

        wait_until(ready, timeout=timeout, message=f"{self.name} to print {text!r}")

    def stop(self, *, timeout: float = 15, sig: int = signal.SIGTERM) -> None:
        if self.alive():
            os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=timeout)
        self._log.close()


# --- fixtures (tests/conftest.py loads this module as a plugin) ----------------------------------


def require_postgresql(reason: str = "subprocess servers share the test database") -> None:
    """The tests with real servers share the test database with subprocesses, which only a
    PostgreSQL test database allows; they run once in CI, in its PostgreSQL pass. Long tests that
    need not run on both databases (the whole-cycle browser journey) skip the same way, with their
    own ``reason``."""
    if connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL (DATABASE_URL): {reason}")


@dataclass
class Worker:
    queue: str
    process: Process


@pytest.fixture(scope="module")
def celery_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real Celery worker with embedded beat, under production settings, on the test database, our
    Redis broker (a queue of its own) and the SMTP sink's port. Retries and sweeps every second."""
    require_postgresql()
    queue = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    log_dir = tmp_path_factory.mktemp("celery")
    environment = production_environment(
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(SMTP_PORT),
        DJANGO_EMAIL_USE_TLS="false",
        DJANGO_EMAIL_TIMEOUT="5",
        OUTBOX_MAX_ATTEMPTS="5",
        OUTBOX_RETRY_BACKOFF_SECONDS="1",
        OUTBOX_RETRY_BACKOFF_MAX_SECONDS="2",
        OUTBOX_SWEEP_SECONDS="1",
        OUTBOX_SWEEP_GRACE_SECONDS="1",
        CELERY_QUEUE=queue,
    )
    arguments = [
        str(VENV_BIN / "celery"), "-A", "innovation", "worker", "--beat", "--pool=solo", "--loglevel=INFO",
        "--without-heartbeat", "--without-gossip", "--without-mingle",
        "--queues", queue, "--hostname", f"{queue}@localhost", "--schedule", str(log_dir / "beat-schedule"),
    ]  # fmt: skip
    process = Process("celery-worker", arguments, env=environment, log_dir=log_dir)
    try:
        process.wait_for_output("ready.", timeout=60)
        yield Worker(queue=queue, process=process)
    finally:
        process.stop(sig=signal.SIGQUIT)  # a cold shutdown: the test is over, nothing to finish
        _forget_queue(queue)


def forget_cache_keys() -> None:
    """Remove what this run's production processes left in the Redis cache."""
    import redis

    client = redis.Redis.from_url(os.environ.get("TEST_REDIS_CACHE_URL", "redis://127.0.0.1:6379/2"))
    try:
        keys = list(client.scan_iter(match=f"{CACHE_KEY_PREFIX}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def _forget_queue(queue: str) -> None:
    import redis

    client = redis.Redis.from_url(os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/1"))
    try:
        client.delete(queue, f"_kombu.binding.{queue}")
    finally:
        client.close()


@pytest.fixture
def smtp_sink():
    """The SMTP server the worker delivers to, down until the test starts it."""
    sink = SmtpSink(SMTP_PORT)
    yield sink
    sink.stop()


@pytest.fixture
def deliver_with_celery(settings, celery_worker):
    """This process queues to the worker instead of delivering in-process."""
    settings.OUTBOX_DELIVERY = "celery"
    settings.CELERY_TASK_DEFAULT_QUEUE = celery_worker.queue
    return celery_worker


# --- Redis of a test's own ------------------------------------------------------------------------


class RedisServer:
    """A real Redis on ``REDIS_PORT`` that a test stops (connections are refused, as when Redis
    crashed) and starts again (empty, as after a restart of a Redis that keeps nothing on disk)."""

    url = f"redis://127.0.0.1:{REDIS_PORT}/0"

    def __init__(self, log_dir: Path) -> None:
        self._log_dir = log_dir
        self._process: Process | None = None
        self._starts = 0

    def start(self) -> None:
        self._starts += 1
        arguments = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""]
        self._process = Process(
            f"redis-{self._starts}", arguments, env=dict(os.environ), log_dir=self._log_dir, port=REDIS_PORT
        )
        self._process.wait_for_port(REDIS_PORT)

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()
            wait_until(lambda: not port_open(REDIS_PORT), timeout=10, message="Redis to leave its port")

    def pause(self, seconds: float) -> None:
        """Redis keeps its data and its port but answers no command for ``seconds`` (as a hung
        server or a network that drops replies), then goes on."""
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            client.execute_command("CLIENT", "PAUSE", int(seconds * 1000), "ALL")
        finally:
            client.close()

    def stored_keys(self) -> list[bytes]:
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            return sorted(client.keys("*"))
        finally:
            client.close()


class SilentServer:
    """A port that accepts connections and never answers (a Redis hung, or a network that drops
    replies); counts the connections made to it."""

    def __init__(self) -> None:
        require_free_port(SILENT_PORT)
        self._socket = socket.create_server(("127.0.0.1", SILENT_PORT))
        self._held: list[socket.socket] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        self._socket.settimeout(0.1)
        while not self._stopped.is_set():
            try:
                accepted, _address = self._socket.accept()
            except TimeoutError:
                continue
            self._held.append(accepted)

    @property
    def connections(self) -> int:
        return len(self._held)

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        for held in self._held:
            held.close()
        self._socket.close()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.stop()


# --- HTTP against our own servers ----------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(
    port: int,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    cookies: dict[str, str] | None = None,
    timeout: float = 30,
    tls_ca: str | None = None,
) -> Answer:
    """One request to 127.0.0.1:``port``. Straight to an app server it carries the headers the TLS
    proxy adds (X-Forwarded-Proto, Host); with ``tls_ca`` it goes over HTTPS to the proxy itself."""
    import http.client
    import ssl

    if tls_ca:
        sent = dict(headers or {})
        context = ssl.create_default_context(cafile=tls_ca)
        link = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=context)
    else:
        sent = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{port}", **(headers or {})}
        link = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    if cookies:
        sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    try:
        link.request(method, path, body=body, headers=sent)
        response = link.getresponse()
        content = response.read()
        received = {name.lower(): value for name, value in response.getheaders()}
        jar = dict(cookies or {})
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                jar[cookie_name.strip()] = rest.split(";", 1)[0]
        return Answer(response.status, received, content, jar)
    finally:
        link.close()
