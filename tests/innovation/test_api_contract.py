"""The API keeps its schema: schemathesis generates requests from /api/v1/schema/ and runs every
check (all of them, schemathesis' default; schemathesis.toml turns one off where and why) against the real
application under gunicorn, on the demo data, anonymously and with each role's token.

Passing means: no server error, every response conforms to the schema of its status code, every
status code is documented, and the run really generated its cases (a run that generated nothing
also exits 0, so the count is asserted). Runs once, on PostgreSQL: it costs a few minutes."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from accounts.services import create_api_token

PROJECT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = Path(sys.executable).with_name("st")
MIN_GENERATED = 1000
# Cases per operation and phase, per run: enough for more than MIN_GENERATED cases in all.
MAX_EXAMPLES = {"anonymous": 6, "gumi": 4, "reviewer1": 4, "manager": 4}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="runs once, in the PostgreSQL run"),
    pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is not installed"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def api_server(tmp_path):
    """gunicorn serving the test database (the demo data is committed: transactional test)."""
    port = _free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "innovation.settings.test",
        "DATABASE_URL": _database_url(),
        "DJANGO_CONN_MAX_AGE": "0",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own WSGI application, fixed arguments
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "innovation.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--timeout=60",
            # Long generated query strings reach Django (a proxy in front has its own limit).
            "--limit-request-line=0",
        ],
        cwd=PROJECT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("gunicorn did not start: " + (tmp_path / "gunicorn.log").read_text())
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    log.close()


def _run(url: str, report: Path, *, max_examples: int, token: str | None) -> dict:
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{url}/api/v1/schema/",
        "--workers=1",
        f"--max-examples={max_examples}",
        "--seed=20061231",
        "--phases=examples,coverage,fuzzing",
        "--no-color",
        "--report=json",
        f"--report-json-path={report}",
        "--request-timeout=30",
        "--generation-database=none",
    ]
    if token:
        command.append(f"--header=Authorization: Token {token}")
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=False)  # noqa: S603
    assert report.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    summary = json.loads(report.read_text())
    summary["output"] = result.stdout
    return summary


def test_every_role_gets_answers_that_conform_to_the_schema(api_server, tmp_path):
    call_command("load_demo", password="demo-password-123", stdout=io.StringIO())
    tokens = {"anonymous": None}
    for username in ("gumi", "reviewer1", "manager"):
        _token, key = create_api_token(actor=User.objects.get(username=username), name="contract test")
        tokens[username] = key
    generated = 0
    for who, token in tokens.items():
        summary = _run(api_server, tmp_path / f"{who}.json", max_examples=MAX_EXAMPLES[who], token=token)
        output = summary["output"]
        assert summary["failures"] == [], f"{who}: {summary['failures']}\n{output[-8000:]}"
        assert summary["errors"] == [], f"{who}: {summary['errors']}\n{output[-8000:]}"
        assert summary["operations"]["tested"] == summary["operations"]["total"] > 20, who
        assert summary["test_cases"]["generated"] > 0, who
        generated += summary["test_cases"]["generated"]
        print(f"schemathesis as {who}: {summary['test_cases']['generated']} cases, no failure")
    assert generated >= MIN_GENERATED
