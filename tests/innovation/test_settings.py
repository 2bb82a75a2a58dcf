import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    # A deployment has neither the test run's secret key nor its async-unsafe switch for browser tests.
    dropped = {"DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in dropped}
    environment.update(DJANGO_SETTINGS_MODULE="innovation.settings.production", **env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, check=False
    )


def test_production_settings_pass_the_deploy_checks():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="awards.example.go.kr",
        REDIS_URL="redis://127.0.0.1:6379/2",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_run_without_redis():
    environment = dict.fromkeys(("REDIS_URL", "CELERY_BROKER_URL", "DJANGO_OUTBOX_DELIVERY"), "")
    result = _manage("check", DJANGO_SECRET_KEY=secrets.token_urlsafe(60), **environment)
    assert result.returncode == 1
    assert "core.E001" in result.stderr and "REDIS_URL is not set." in result.stderr
    assert "core.E002" in result.stderr and "Notifications are not delivered through Celery." in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_a_short_secret_key():
    result = _manage("check", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="awards.example.go.kr")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak: use at least 50 random characters" in result.stderr


def test_production_settings_refuse_a_long_key_of_few_characters():
    result = _manage("check", DJANGO_SECRET_KEY="ab" * 40, DJANGO_ALLOWED_HOSTS="awards.example.go.kr")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


ENV_READ = re.compile(r"""(?:os\.environ(?:\.get)?[(\[]|env_(?:bool|list)\()\s*["']([A-Z0-9_]+)["']""")


def test_every_environment_variable_the_settings_read_is_in_env_example():
    sources = [*sorted((PROJECT / "innovation" / "settings").glob("*.py")), PROJECT / "deploy" / "gunicorn.conf.py"]
    read = {name for path in sources for name in ENV_READ.findall(path.read_text())} - {"DJANGO_SETTINGS_MODULE"}
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (PROJECT / ".env.example").read_text(), flags=re.M))
    assert {"DJANGO_SECRET_KEY", "REDIS_URL", "DJANGO_S3_BUCKET", "DJANGO_TRUSTED_PROXY_COUNT"} <= read
    assert read - listed == set()


def test_the_embedded_default_keeps_attachments_on_disk_and_sends_mail_in_process():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.STORAGES['default']['BACKEND'], s.OUTBOX_DELIVERY, s.CACHES['default']['BACKEND'])",
        ],
        cwd=PROJECT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS", "CELERY", "DATABASE"))},
            "DJANGO_SETTINGS_MODULE": "innovation.settings.local",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "django.core.files.storage.FileSystemStorage",
        "inline",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_a_shared_network_that_is_not_one_is_refused_at_start_naming_the_variable():
    result = _manage(
        "check", DJANGO_SECRET_KEY=secrets.token_urlsafe(60), LOGIN_SHARED_NETWORKS="203.0.113.0/24,office"
    )
    assert result.returncode != 0
    assert "LOGIN_SHARED_NETWORKS: 'office' does not appear to be an IPv4 or IPv6 network" in result.stderr
