"""Generate N synthetic awarded cases (with obstacles, remedies and outcomes) for benchmarks.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/generate_cases.py 100000

Needs a migrated database with the demo data loaded (registry, taxonomies, cycles). Rows are
inserted with bulk_create in batches, so 100k cases take seconds on PostgreSQL, not minutes.
Cases go into a published cycle "9999" so that they count as public, awarded practices.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.local")

import django

django.setup()

import datetime as dt  # noqa: E402

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cases.models import (  # noqa: E402
    AwardCycle,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    ObstacleType,
    Outcome,
    ParticipationLevel,
    Purpose,
    RemedyType,
)
from governments.models import LocalGovernment  # noqa: E402

BATCH = 5_000


def bench_cycle() -> AwardCycle:
    now = timezone.now()
    cycle, _ = AwardCycle.objects.get_or_create(
        year=9999,
        defaults={
            "title": "Benchmark cycle",
            "title_local": "벤치마크",
            "submission_opens": now - dt.timedelta(days=400),
            "submission_closes": now - dt.timedelta(days=300),
            "review_deadline": (now - dt.timedelta(days=200)).date(),
            "state": CycleState.PUBLISHED,
            "published_at": now,
        },
    )
    return cycle


def generate(count: int, *, seed: int = 2006) -> None:
    rng = random.Random(seed)
    governments = list(LocalGovernment.objects.values_list("id", "tier", "population"))
    purposes = list(Purpose.objects.values_list("id", flat=True))
    obstacles = list(ObstacleType.objects.values_list("id", flat=True))
    remedies = list(RemedyType.objects.values_list("id", flat=True))
    if not (governments and purposes and obstacles and remedies):
        raise SystemExit("Load the demo data first: python manage.py load_demo")
    cycle = bench_cycle()
    levels = ParticipationLevel.values
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            cases = InnovationCase.objects.bulk_create(
                InnovationCase(
                    cycle=cycle,
                    government_id=(government := rng.choice(governments))[0],
                    title=f"Synthetic case {done + i}",
                    title_local=f"합성 사례 {done + i}",
                    summary="Generated for benchmarks.",
                    purpose_id=rng.choice(purposes),
                    uses_ict=rng.random() < 0.67,
                    tier=government[1],
                    population=government[2],
                    participation_level=rng.choice(levels),
                    state=CaseState.AWARDED,
                    submitted_at=now,
                    is_illustrative=True,
                )
                for i in range(size)
            )
            CaseObstacle.objects.bulk_create(
                CaseObstacle(case=case, obstacle_type_id=obstacle)
                for case in cases
                for obstacle in rng.sample(obstacles, rng.randint(1, 3))
            )
            CaseRemedy.objects.bulk_create(
                CaseRemedy(case=case, remedy_type_id=remedy)
                for case in cases
                for remedy in rng.sample(remedies, rng.randint(1, 2))
            )
            Outcome.objects.bulk_create(
                Outcome(case=case, indicator="Processing time", unit="days", baseline=10, result=rng.randint(1, 9))
                for case in cases
            )
        done += size
        print(f"{done} cases", flush=True)
    # Fresh planner statistics, as autovacuum would give a production database after a while:
    # without them PostgreSQL plans the new rows as if the tables were nearly empty.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    generate(total)
    print(f"generated {total} cases in {time.perf_counter() - started:.1f} s")
