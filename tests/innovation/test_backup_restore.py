"""The backup and restore procedure of docs/operations.md, run for real: pg_dump of a database
holding the demo data, pg_restore into another database, and the statistics API answers the same
from the restored copy."""

import json
import os
import subprocess
import sys

import dj_database_url
import pytest
from django.db import connection
from django.test import Client

from tests.servers import PROJECT, require_postgresql

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

# What the check reads from a database: the stats API, a table as CSV, and the size of every table.
READ_BACK = """
import json
import django
django.setup()
from django.apps import apps
from django.test import Client
client = Client()
print(json.dumps({
    "stats": client.get("/api/v1/stats/").json(),
    "tier_csv": client.get("/api/v1/stats/tier_representation/?format=csv").content.decode(),
    "rows": {m._meta.label: m._default_manager.count() for m in apps.get_models()},
}, sort_keys=True))
"""


def _run(*arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(arguments, capture_output=True, text=True, check=False, env=env, cwd=PROJECT)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(arguments)}\n{result.stdout}\n{result.stderr}"
    return result


def _url(name: str) -> str:
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    return f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"


def _read_back(database_url: str) -> dict:
    environment = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "innovation.settings.test"}
    return json.loads(_run(sys.executable, "-c", READ_BACK, env=environment).stdout)


@pytest.fixture
def restore_target():
    require_postgresql()
    name = f"{dj_database_url.parse(os.environ['DATABASE_URL'])['NAME']}_restore_check"
    maintenance = f"--maintenance-db={_url(connection.settings_dict['NAME'])}"
    _run("dropdb", "--if-exists", maintenance, name)
    yield name, _url(name)
    _run("dropdb", "--if-exists", maintenance, name)


def test_a_backup_restores_into_another_database_with_identical_statistics(demo_data, restore_target, tmp_path):
    name, restored_url = restore_target
    source_url = _url(connection.settings_dict["NAME"])
    before = _read_back(source_url)
    assert before["stats"]["case_count"] == 42  # the study's awarded cases
    assert before["rows"]["cases.InnovationCase"] > 42

    backup = tmp_path / "awards.dump"
    _run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={backup}", source_url)
    _run("createdb", f"--maintenance-db={source_url}", name)
    _run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={restored_url}", str(backup))

    assert _read_back(restored_url) == before
    assert Client().get("/api/v1/stats/").json() == before["stats"]  # and the source is untouched
