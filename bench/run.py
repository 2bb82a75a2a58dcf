"""The benchmark, in one command (issue 13):

    .venv/bin/python bench/run.py --sizes 10000,100000,1000000

For each size, in one run: generate the synthetic cases (``generate_cases``; sizes grow one after
the other in one fresh database), then time through the real WSGI application (Django's WSGI
handler with every middleware, production-like settings, Redis as the cache) the stats API (cold:
cache emptied before each request; warm), the dashboard, the practices list (plain, filtered, page
50, a rare and a common word) and the cases API (filtered, a deep page), each with its exact number
of queries and the time spent in them, beside the hand-written SQL floor of the same work on the same
data. Then ``wrk`` against gunicorn (2 sync workers) for the stats API, the list API and a minimal
Django view (``/healthz``: every middleware, no query) as the ceiling, in ``--wrk-rounds`` rounds
of the three (medians; each ratio to the ceiling within its round). It writes the results into
``docs/performance.md`` between ``<!-- bench:start -->`` and ``<!-- bench:end -->``.

Databases: ``--database-url`` (default ``$BENCH_DATABASE_URL``, else
``postgres://postgres@127.0.0.1:5432/bench``) is dropped and created afresh (``--reuse`` keeps it
and only adds cases up to each size); ``--redis-url`` (default ``$BENCH_REDIS_URL``, else
``redis://127.0.0.1:6379/0``) is the cache, emptied between measurements. Needs PostgreSQL, Redis
and ``wrk`` (Debian package ``wrk``). Numbers, not assertions: tests never time.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import io
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PORT = 18200
RARE, COMMON = "groundwater", "synthetic"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="Case counts, comma-separated, growing.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--repeat", type=int, default=15, help="Timed requests per measurement (median).")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument(
        "--wrk-rounds",
        type=int,
        default=3,
        help="Rounds of the three wrk runs, one after the other (medians; each ratio within its round).",
    )
    parser.add_argument("--port", type=int, default=PORT, help="Port for gunicorn.")
    parser.add_argument("--workers", type=int, default=2, help="Processes generating cases at once.")
    parser.add_argument("--reuse", action="store_true", help="Keep the database; only add cases up to each size.")
    parser.add_argument("--no-doc", action="store_true", help="Print the results; do not write docs/performance.md.")
    return parser.parse_args()


ARGS = parse_args()
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "innovation.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": ARGS.database_url,
        "REDIS_URL": ARGS.redis_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # The API throttles (anonymous clients count against both, by address) would answer 429 to a
        # load test from one address.
        # Per second, so that DRF's list of recent requests (read and written on every request) stays as
        # short as a real limit keeps it, instead of growing to every request of the last minute.
        "API_ANON_RATE": "1000000/second",
        "API_USER_RATE": "1000000/second",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
)
sys.path.insert(0, str(ROOT))


def fresh_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/template1").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


if not ARGS.reuse:
    fresh_database(ARGS.database_url)

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from cases.api.pagination import COUNT_CAP, encode  # noqa: E402
from cases.models import InnovationCase  # noqa: E402
from cases.search import RANK_CAP  # noqa: E402
from innovation.generate import generate  # noqa: E402
from innovation.wsgi import application as APPLICATION  # noqa: E402 (what gunicorn serves)

# --- measuring --------------------------------------------------------------------------------


def wsgi_get(url: str) -> tuple[int, int]:
    """GET ``url`` through the WSGI application; (status, body bytes)."""
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []

    def start_response(line, headers, exc_info=None):
        status.append(int(line.split()[0]))

    body = APPLICATION(environ, start_response)
    try:
        size = sum(len(chunk) for chunk in body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return status[0], size


def queries_of(url: str) -> tuple[int, float]:
    """Exact number of queries of one request, and the milliseconds spent in them."""
    spent = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    with connection.execute_wrapper(timed):
        wsgi_get(url)
    return len(spent), sum(spent) * 1000


def median_ms(function, repeat: int, before=None) -> float:
    samples = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


class Floor:
    """Hand-written SQL on its own connection (no ORM): the least the database must do."""

    def __init__(self, url: str):
        # Values bound into the SQL text, as Django does: the planner sees constants, not parameters.
        self.connection = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor)

    def run(self, queries: list[tuple[str, list]]) -> None:
        with self.connection.cursor() as cursor:
            for sql, params in queries:
                cursor.execute(sql, params)
                cursor.fetchall()

    def median(self, queries, repeat: int) -> float:
        self.run(queries)
        return median_ms(lambda: self.run(queries), repeat)

    def value(self, sql: str, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
            return row[0] if row else None


# --- the floor's SQL --------------------------------------------------------------------------

CASE_ROW = (
    "SELECT c.id, c.title, c.title_local, c.summary, c.summary_local, c.uses_ict, c.tier, c.population, "
    "y.year, g.code, g.name, g.name_local, p.name, p.name_local, pu.code, pu.name, pu.name_local "
    "FROM cases_innovationcase c JOIN cases_awardcycle y ON y.id = c.cycle_id "
    "JOIN governments_localgovernment g ON g.id = c.government_id "
    "LEFT JOIN governments_localgovernment p ON p.id = g.parent_id "
    "LEFT JOIN cases_purpose pu ON pu.id = c.purpose_id "
)
PAGE_FORM = [
    ("SELECT year, title, title_local FROM cases_awardcycle WHERE state = 'published' ORDER BY year DESC", []),
    (
        "SELECT code, name, name_local FROM governments_localgovernment "
        "WHERE tier IN ('province', 'metropolis') AND is_active ORDER BY code",
        [],
    ),
    *(
        (f'SELECT code, name, name_local FROM {table} WHERE is_active ORDER BY "order", code', [])
        for table in ("cases_purpose", "cases_obstacletype", "cases_remedytype")
    ),
]
STATS = [
    ("SELECT COALESCE(SUM(n), 0), MAX(id) FROM core_revision", []),
    ("SELECT year, state FROM cases_awardcycle WHERE state <> 'draft' ORDER BY year", []),
    (
        "SELECT s.kind, y.year, y.state, s.state, s.uses_ict, s.tier, s.purpose_id, s.participation, s.item, "
        "SUM(s.n), SUM(s.population) FROM dashboard_summary s JOIN cases_awardcycle y ON y.id = s.cycle_id "
        "WHERE y.state = 'published' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
        [],
    ),
    (
        "SELECT tier, count(*), SUM(population) FROM governments_localgovernment WHERE is_active GROUP BY tier",
        [],
    ),
    (
        " UNION ALL ".join(
            f"SELECT '{kind}', id, code, name, name_local, \"order\", is_active FROM {table}"
            for kind, table in (
                ("purpose", "cases_purpose"),
                ("obstacle", "cases_obstacletype"),
                ("remedy", "cases_remedytype"),
            )
        ),
        [],
    ),
    (
        "SELECT c.id, c.title, c.title_local, g.name, g.name_local, p.name, p.name_local, y.year, f.responses, "
        "f.yes, f.no, f.not_sure, (SELECT count(*) FROM cases_outcome o WHERE o.case_id = c.id), "
        "(SELECT count(*) FROM cases_outcome o WHERE o.case_id = c.id AND o.verification = 'verified') "
        "FROM dashboard_casefeedbacksummary f JOIN cases_innovationcase c ON c.id = f.case_id "
        "JOIN cases_awardcycle y ON y.id = c.cycle_id JOIN governments_localgovernment g ON g.id = c.government_id "
        "LEFT JOIN governments_localgovernment p ON p.id = g.parent_id "
        "WHERE c.is_public AND f.responses > 0 ORDER BY f.responses DESC, f.sort_key LIMIT 100",
        [],
    ),
]


def practices_floor(where: str, offset: int = 0) -> list[tuple[str, list]]:
    return [
        *PAGE_FORM,
        (f"SELECT count(*) FROM (SELECT 1 FROM cases_innovationcase c WHERE {where} LIMIT {COUNT_CAP + 1}) n", []),
        (f"{CASE_ROW} WHERE {where} ORDER BY c.sort_key LIMIT 12 OFFSET {offset}", []),
    ]


def search_floor(word: str) -> list[tuple[str, list]]:
    """The capped matches with their rank in one pass (their number is the count; the best twelve
    are picked from them), then twelve rows by id (the same cost as the page's own twelve)."""
    match = (
        "c.is_public AND (c.search_vector @@ to_tsquery('simple', cases_unaccent(%s) || ':*') "
        "OR c.search_document LIKE '%%' || lower(cases_unaccent(%s)) || '%%')"
    )
    ranked = (
        "SELECT c.id, ts_rank(c.search_vector, to_tsquery('simple', cases_unaccent(%s) || ':*')) "
        f"FROM cases_innovationcase c WHERE {match} ORDER BY c.sort_key LIMIT {RANK_CAP}"
    )
    twelve = "SELECT id FROM cases_innovationcase WHERE is_public ORDER BY sort_key LIMIT 12"
    return [
        *PAGE_FORM,
        (ranked, [word, word, word]),
        (f"{CASE_ROW} WHERE c.id IN ({twelve})", []),
    ]


def api_floor(where: str) -> list[tuple[str, list]]:
    page = f"SELECT c.id FROM cases_innovationcase c WHERE {where} ORDER BY c.sort_key LIMIT 51"
    children = [
        f"SELECT x.case_id, t.code, t.name, t.name_local, x.description FROM cases_caseobstacle x "
        f"JOIN cases_obstacletype t ON t.id = x.obstacle_type_id WHERE x.case_id IN ({page})",
        f"SELECT x.case_id, t.code, t.name, t.name_local, x.description FROM cases_caseremedy x "
        f"JOIN cases_remedytype t ON t.id = x.remedy_type_id WHERE x.case_id IN ({page})",
        f"SELECT * FROM cases_outcome WHERE case_id IN ({page})",
        f"SELECT * FROM cases_attachment WHERE case_id IN ({page})",
        f"SELECT k.innovationcase_id, p.code FROM cases_innovationcase_participant_kinds k "
        f"JOIN cases_participantkind p ON p.id = k.participantkind_id WHERE k.innovationcase_id IN ({page})",
    ]
    return [
        (f"SELECT count(*) FROM (SELECT 1 FROM cases_innovationcase c WHERE {where} LIMIT {COUNT_CAP + 1}) n", []),
        (
            "SELECT c.*, y.year, g.code, g.name, g.name_local, pu.code FROM cases_innovationcase c "
            "JOIN cases_awardcycle y ON y.id = c.cycle_id JOIN governments_localgovernment g ON g.id = c.government_id "
            f"LEFT JOIN cases_purpose pu ON pu.id = c.purpose_id WHERE {where} ORDER BY c.sort_key LIMIT 51",
            [],
        ),
        *((sql, []) for sql in children),
    ]


# --- one size ---------------------------------------------------------------------------------

TARGETS = {
    "stats_warm": ("≤ 20 ms, ≤ 1.25 × floor", 20),
    "stats_cold": ("≤ 6 queries", None),
    "practices_filtered": ("≤ 25 ms", 25),
    "practices_filtered_cold": ("≤ 25 ms", 25),
    "search_common_cold": ("≤ 50 ms", 50),
    "api_filtered": ("≤ 25 ms", 25),
    "api_filtered_warm": ("≤ 25 ms", 25),
    "practices_page50": ("≤ 50 ms", 50),
    "api_deep": ("≤ 50 ms", 50),
    "api_deep_warm": ("≤ 50 ms", 50),
    "search_rare": ("≤ 50 ms", 50),
    "search_common": ("≤ 50 ms", 50),
}


def measure(size: int, floor: Floor, repeat: int) -> list[dict]:
    deep_key = floor.value("SELECT sort_key FROM cases_innovationcase WHERE is_public ORDER BY sort_key OFFSET 2449")
    deep = f"/api/v1/cases/?cursor={encode({'after': deep_key})}" if deep_key else "/api/v1/cases/"
    filtered_where = "c.is_public AND c.tier = 'city' AND c.uses_ict"
    rows = [
        # key, label, url, floor queries, cold measured (cache emptied before each request)
        ("stats_cold", "GET /api/v1/stats/ (cold: cache emptied)", "/api/v1/stats/", STATS, True),
        ("stats_warm", "GET /api/v1/stats/ (warm)", "/api/v1/stats/", STATS, False),
        ("stats_table", "GET /api/v1/stats/obstacles_by_ict/ (cold)", "/api/v1/stats/obstacles_by_ict/", STATS, True),
        ("dashboard_cold", "GET /dashboard/ (cold)", "/dashboard/", STATS, True),
        ("dashboard_warm", "GET /dashboard/ (warm)", "/dashboard/", STATS, False),
        ("practices", "GET /practices/ (page 1)", "/practices/", practices_floor("c.is_public"), False),
        (
            "practices_filtered",
            "GET /practices/?tier=city&ict=true",
            "/practices/?tier=city&ict=true",
            practices_floor(filtered_where),
            False,
        ),
        (
            "practices_page50",
            "GET /practices/?page=50",
            "/practices/?page=50",
            practices_floor("c.is_public", offset=49 * 12),
            False,
        ),
        (
            "practices_filtered_cold",
            "GET /practices/?tier=city&ict=true (cold)",
            "/practices/?tier=city&ict=true",
            practices_floor(filtered_where),
            True,
        ),
        ("search_rare", f"GET /practices/?q={RARE}", f"/practices/?q={RARE}", search_floor(RARE), False),
        ("search_common", f"GET /practices/?q={COMMON}", f"/practices/?q={COMMON}", search_floor(COMMON), False),
        (
            "search_common_cold",
            f"GET /practices/?q={COMMON} (cold)",
            f"/practices/?q={COMMON}",
            search_floor(COMMON),
            True,
        ),
        (
            "api_filtered",
            "GET /api/v1/cases/?tier=city&ict=true (cold)",
            "/api/v1/cases/?tier=city&ict=true",
            api_floor(filtered_where),
            True,
        ),
        (
            "api_filtered_warm",
            "GET /api/v1/cases/?tier=city&ict=true (warm)",
            "/api/v1/cases/?tier=city&ict=true",
            api_floor(filtered_where),
            False,
        ),
        (
            "api_deep",
            "GET /api/v1/cases/?cursor=… (page 50, cold)",
            deep,
            api_floor(f"c.is_public AND c.sort_key > '{deep_key}'"),
            True,
        ),
        (
            "api_deep_warm",
            "GET /api/v1/cases/?cursor=… (page 50, warm)",
            deep,
            api_floor(f"c.is_public AND c.sort_key > '{deep_key}'"),
            False,
        ),
    ]
    results = []
    for key, label, url, floor_queries, cold in rows:
        status, _size = wsgi_get(url)
        if cold:
            cache.clear()
        count, sql_ms = queries_of(url)
        request_ms = median_ms(lambda url=url: wsgi_get(url), repeat, before=cache.clear if cold else None)
        floor_ms = floor.median(floor_queries, repeat)
        results.append(
            {
                "key": key,
                "label": label,
                "status": status,
                "queries": count,
                "request_ms": request_ms,
                "sql_ms": sql_ms,
                "floor_ms": floor_ms,
                "floor_queries": len(floor_queries),
            }
        )
        print(f"  {label:52} {request_ms:8.1f} ms  {count:2d} queries  floor {floor_ms:7.1f} ms", flush=True)
    return results


def wrk_run(url: str, seconds: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+([\d.]+\w+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rate": rate, "latency": latency, "errors": int(errors.group(1)) if errors else 0}


def load_test(port: int, seconds: int, rounds_count: int) -> list[dict]:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"Port {port} is taken: choose another with --port.")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "innovation.wsgi:application",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        targets = (
            ("ceiling", "minimal view (GET /healthz)", "/healthz"),
            ("stats", "stats API (GET /api/v1/stats/)", "/api/v1/stats/"),
            ("list", "list API (GET /api/v1/cases/)", "/api/v1/cases/"),
        )
        for _key, _label, path in targets:
            urllib.request.urlopen(f"{base}{path}", timeout=60).read()
        # Rounds of the three, one after the other: the machine is shared and its speed drifts over
        # minutes, so each ratio compares runs a few seconds apart, and the medians are reported.
        rounds = []
        for number in range(1, rounds_count + 1):
            found = {key: wrk_run(f"{base}{path}", seconds) for key, _label, path in targets}
            rounds.append(found)
            print(
                f"  wrk round {number}: " + ", ".join(f"{key} {found[key]['rate']:.1f} req/s" for key, *_ in targets),
                flush=True,
            )
        results = []
        for key, label, _path in targets:
            runs = sorted((found[key] for found in rounds), key=lambda item: item["rate"])
            middle = runs[len(runs) // 2]
            results.append(
                {
                    "key": key,
                    "label": label,
                    **middle,
                    "rates": [found[key]["rate"] for found in rounds],
                    "errors": sum(item["errors"] for item in runs),
                    "of_ceiling": statistics.median(found[key]["rate"] / found["ceiling"]["rate"] for found in rounds),
                }
            )
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def first_load() -> dict:
    """Bytes a browser transfers on a first visit to the dashboard: the gzipped HTML and every
    local script and style sheet it references, Brotli-compressed as WhiteNoise serves them; and,
    apart, the static files its scripts fetch later, named in ``data-*`` attributes (the plotly
    bundle that ``dashboard.js`` loads when the first chart comes near the screen: on a phone the
    charts are below the fold, on a wide screen the first one may be in view)."""
    import gzip

    import brotli
    from django.contrib.staticfiles import finders
    from django.test import Client

    html = Client().get("/dashboard/", HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
    page = b"".join(html.streaming_content) if html.streaming else html.content
    text = gzip.decompress(page).decode() if html.get("Content-Encoding") == "gzip" else page.decode()

    def compressed(urls) -> dict[str, int]:
        sizes = {}
        for url in sorted(set(urls)):
            path = finders.find(url.removeprefix("/static/"))
            if path and url.endswith((".js", ".css")):
                sizes[url] = len(brotli.compress(Path(path).read_bytes()))
        return sizes

    assets = compressed(re.findall(r'\s(?:src|href)="(/static/[^"?#]+)', text))
    deferred = compressed(re.findall(r'\sdata-[\w-]+="(/static/[^"?#]+)', text))
    total = len(page) + sum(assets.values())
    return {
        "html": len(page),
        "assets": assets,
        "deferred": deferred,
        "total": total,
        "with_deferred": total + sum(deferred.values()),
    }


# --- the report -------------------------------------------------------------------------------


def machine() -> str:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    load = os.getloadavg()
    return (
        f"{platform.node()}: {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PostgreSQL {version}, Redis cache; "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (the machine is shared)"
    )


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}" if base else "–"


def report(runs: list[dict], load_demo_s: float, started: dt.datetime) -> str:
    lines = [
        START,
        f"### Results ({started:%Y-%m-%d %H:%M} UTC)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Command: `.venv/bin/python bench/run.py --sizes {ARGS.sizes}{' --reuse' if ARGS.reuse else ''}` — "
        f"{ARGS.repeat} timed requests per row "
        f"(median), wrk for {ARGS.wrk_seconds} s with 8 connections, {ARGS.wrk_rounds} rounds. "
        f"`load_demo` took {load_demo_s:.1f} s"
        + (" (on the reused database, not an empty one)." if ARGS.reuse else " (empty database)."),
        "",
    ]
    for run in runs:
        made = (
            f"generated in {run['generate_s']:.0f} s, {run['rate']:,.0f} cases/s"
            if run["rate"]
            else "all already in the database (`--reuse`): see the generation time in the notes below"
        )
        lines += [
            f"#### {run['size']:,} cases ({made}; {run['public']:,} public)",
            "",
            "| request | queries | app ms (median) | of which SQL ms | SQL floor ms | app / floor | target |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in run["requests"]:
            target = TARGETS.get(row["key"], ("", None))[0]
            status = "" if row["status"] == 200 else f" (HTTP {row['status']})"
            lines.append(
                f"| {row['label']}{status} | {row['queries']} | {row['request_ms']:.1f} | {row['sql_ms']:.1f} | "
                f"{row['floor_ms']:.1f} | {ratio(row['request_ms'], row['floor_ms'])} | {target} |"
            )
        if run.get("load"):
            lines += [
                "",
                f"| gunicorn, 2 sync workers, wrk 8 connections ({ARGS.wrk_rounds} rounds) | req/s (median) | "
                "each round | latency (mean) | non-2xx | of the ceiling (median of the rounds) |",
                "|---|---:|---|---:|---:|---:|",
            ]
            for item in run["load"]:
                rates = ", ".join(f"{rate:.0f}" for rate in item.get("rates", [item["rate"]]))
                lines.append(
                    f"| {item['label']} | {item['rate']:.1f} | {rates} | {item['latency']} | {item['errors']} | "
                    f"{item['of_ceiling']:.0%} |"
                )
        lines.append("")
    if runs and runs[-1].get("first_load"):
        loaded = runs[-1]["first_load"]
        biggest = sorted(loaded["assets"].items(), key=lambda item: -item[1])[:3]
        later = ", ".join(f"`{url}` {size / 1024:,.0f} KB" for url, size in loaded.get("deferred", {}).items())
        lines += [
            f"Dashboard first load: {loaded['total'] / 1024:,.0f} KB transferred (HTML {loaded['html'] / 1024:,.1f} KB "
            "gzipped; scripts and styles Brotli-compressed; largest: "
            + ", ".join(f"`{url}` {size / 1024:,.0f} KB" for url, size in biggest)
            + f"); {loaded.get('with_deferred', loaded['total']) / 1024:,.0f} KB with what its scripts fetch when a "
            f"chart comes into view ({later or 'nothing'}). Fonts and images come on top as the page uses them "
            "(the browser-measured first load on a phone is in the Lighthouse section below).",
            "",
        ]
    lines += verdicts(runs[-1])
    lines.append(END)
    return "\n".join(lines)


def verdicts(run: dict) -> list[str]:
    """The issue's targets at the largest size, each met or missed."""
    rows = {row["key"]: row for row in run["requests"]}
    load = {item["key"]: item["of_ceiling"] for item in run.get("load", [])}
    checks = [("stats request queries ≤ 6", rows["stats_cold"]["queries"], 6, "")]
    warm = rows["stats_warm"]
    checks.append(("stats (warm) median ≤ 20 ms", warm["request_ms"], 20, " ms"))
    checks.append(("stats (warm) ≤ 1.25 × summary floor", warm["request_ms"] / warm["floor_ms"], 1.25, " ×"))
    for key, limit in (
        ("practices_filtered", 25),
        ("practices_filtered_cold", 25),
        ("api_filtered", 25),
        ("api_filtered_warm", 25),
        ("practices_page50", 50),
        ("api_deep", 50),
        ("api_deep_warm", 50),
        ("search_rare", 50),
        ("search_common", 50),
        ("search_common_cold", 50),
    ):
        checks.append((f"{rows[key]['label']} ≤ {limit} ms", rows[key]["request_ms"], limit, " ms"))
    if load:
        checks.append(("stats API ≥ 50 % of the minimal view's req/s", load["stats"], -0.5, ""))
        checks.append(("list API ≥ 35 % of the minimal view's req/s", load["list"], -0.35, ""))
    if run.get("first_load"):
        # Counted with the plotly bundle, as on a screen where the first chart is in view.
        loaded = run["first_load"]
        weight = loaded.get("with_deferred", loaded["total"]) / 1024
        checks.append(("dashboard first load ≤ 500 KB (with plotly)", weight, 500, " KB"))
    lines = [f"#### Targets at {run['size']:,} cases", "", "| target | measured | met |", "|---|---:|---|"]
    for label, value, limit, unit in checks:
        met = value >= -limit if limit < 0 else value <= limit
        shown = f"{value:.0%}" if limit < 0 else (f"{value:.2f}{unit}" if unit == " ×" else f"{value:.1f}{unit}")
        if unit == "":
            shown = f"{value:.0%}" if limit < 0 else f"{value}"
        lines.append(f"| {label} | {shown} | {'yes' if met else '**no**'} |")
    lines.append("")
    return lines


def write_doc(section: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n" + START + "\n" + END + "\n"
    if START not in text:
        text = text.rstrip() + "\n\n" + START + "\n" + END + "\n"
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    DOC.write_text(before + section + after, encoding="utf-8")


def main() -> None:
    started = dt.datetime.now(dt.UTC)
    sizes = [int(size) for size in ARGS.sizes.split(",")]
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    call_command("load_demo", password=base64.b16encode(os.urandom(8)).decode(), stdout=io.StringIO())
    load_demo_s = time.perf_counter() - began
    floor = Floor(ARGS.database_url)
    runs = []
    for size in sizes:
        have = InnovationCase.objects.count()
        missing = max(0, size - have)
        print(f"{size:,} cases: generating {missing:,}", flush=True)
        began = time.perf_counter()
        if missing:
            generate(missing, seed=2006 + have, workers=ARGS.workers)
        generate_s = time.perf_counter() - began
        cache.clear()
        run = {
            "size": InnovationCase.objects.count(),
            "public": InnovationCase.objects.filter(is_public=True).count(),
            "generate_s": generate_s,
            "rate": missing / generate_s if missing and generate_s else 0,
            "requests": measure(size, floor, ARGS.repeat),
        }
        connection.close()  # gunicorn's workers open their own
        run["load"] = load_test(ARGS.port, ARGS.wrk_seconds, ARGS.wrk_rounds)
        runs.append(run)
    runs[-1]["first_load"] = first_load()
    section = report(runs, load_demo_s, started)
    print(section)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"run-{started:%Y%m%d-%H%M}.json").write_text(json.dumps(runs, indent=1))
    if not ARGS.no_doc:
        write_doc(section)


if __name__ == "__main__":
    main()
