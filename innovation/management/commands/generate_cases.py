"""``python manage.py generate_cases --count N [--seed S]``: synthetic cases for benchmarks
(``innovation/generate.py`` says what they look like). Needs the demo registry and taxonomies."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from innovation.generate import generate, progress_bar


class Command(BaseCommand):
    help = "Add N synthetic cases (with obstacles, remedies, outcomes, reviews, decisions, feedback) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many cases to add.")
        parser.add_argument("--seed", type=int, default=2006, help="Random seed (the same seed, the same cases).")
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="Processes writing batches at once on PostgreSQL (one database connection each; default 2).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, count: int, seed: int, workers: int = 2, quiet: bool = False, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", True):
            raise CommandError("Synthetic data is disabled in these settings (DJANGO_ALLOW_DEMO_DATA).")
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        started = time.perf_counter()
        try:
            rows = generate(count, seed=seed, workers=workers, progress=None if quiet else progress_bar(self.stderr))
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Generated {count:,} cases ({rows:,} rows) in {seconds:.1f} s ({count / seconds:,.0f} cases/s)."
        )
