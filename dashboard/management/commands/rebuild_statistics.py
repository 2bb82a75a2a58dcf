"""``python manage.py rebuild_statistics``: recompute the statistics summaries from the cases.

The triggers keep them exact; this is for after a restore from a dump taken without them, or to
prove they are right (``--check`` compares without writing and exits 1 on a difference)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dashboard.summaries import maintained_rows, rebuild, scratch_rows, stale_jargon_flags, summaries_enabled


class Command(BaseCommand):
    help = "Recompute the statistics summaries from the cases (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only compare; exit 1 when they differ.")

    def handle(self, *args, check: bool = False, **options):
        if not summaries_enabled():
            self.stdout.write("This database has no summaries: the statistics are computed live from the cases.")
            return
        if check:
            if maintained_rows() != scratch_rows():
                raise CommandError("The summaries differ from the cases: run rebuild_statistics.")
            if stale := stale_jargon_flags():
                raise CommandError(f"{stale} cases' jargon flags differ from the glossary: run rebuild_statistics.")
            self.stdout.write("The summaries equal the cases.")
            return
        summary, feedback = rebuild()
        self.stdout.write(f"Rebuilt {summary} summary rows and {feedback} per-case answer rows.")
