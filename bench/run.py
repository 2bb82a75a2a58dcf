"""Time the dashboard, the practices list and the API against the raw SQL floor on the same data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/run.py [--repeat 5]

Run bench/generate_cases.py first. Prints a table (median and best of N runs, in milliseconds) and
writes it to bench/results/<database>-<cases>.txt. Numbers, not assertions: tests never time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.local")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from cases.models import CaseObstacle, InnovationCase  # noqa: E402

# The floor: the same aggregates the dashboard needs, as hand-written SQL in one round trip each.
CASE_TABLE = InnovationCase._meta.db_table
OBSTACLE_TABLE = CaseObstacle._meta.db_table
FLOOR_SQL = {
    "tier counts + population sums": (
        f"SELECT tier, COUNT(*), SUM(population) FROM {CASE_TABLE} WHERE state = 'awarded' GROUP BY tier"
    ),
    "obstacles x ICT": (
        f"SELECT o.obstacle_type_id, c.uses_ict, COUNT(*) FROM {OBSTACLE_TABLE} o "
        f"JOIN {CASE_TABLE} c ON c.id = o.case_id WHERE c.state = 'awarded' GROUP BY o.obstacle_type_id, c.uses_ict"
    ),
}
PAGES = {
    "GET /api/v1/stats/": "/api/v1/stats/",
    "GET /dashboard/": "/dashboard/",
    "GET /practices/ (page 1)": "/practices/",
    "GET /practices/?q=synthetic": "/practices/?q=synthetic",
    "GET /api/v1/cases/ (page 1)": "/api/v1/cases/",
}


def _time(function, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    client = Client()
    cases = InnovationCase.objects.count()
    lines = [
        f"database={connection.vendor} cases={cases} repeat={args.repeat}",
        f"{'what':40} {'median ms':>10} {'best ms':>10} {'queries':>8}",
    ]

    def run_sql(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchall()

    for name, sql in FLOOR_SQL.items():
        median, best = _time(lambda sql=sql: run_sql(sql), args.repeat)
        lines.append(f"{'SQL floor: ' + name:40} {median:10.1f} {best:10.1f} {1:8d}")
    for name, url in PAGES.items():
        response = client.get(url)
        if response.status_code != 200:
            lines.append(f"{name:40} {'HTTP ' + str(response.status_code):>10}")
            continue
        # Count with an execute wrapper: the request_started signal clears Django's own query log.
        queries: list[str] = []

        def count(execute, sql, *rest, seen=queries):
            seen.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url)
        median, best = _time(lambda url=url: client.get(url), args.repeat)
        lines.append(f"{name:40} {median:10.1f} {best:10.1f} {len(queries):8d}")
    report = "\n".join(lines)
    print(report)
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / f"{connection.vendor}-{cases}.txt").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
