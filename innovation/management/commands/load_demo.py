"""Load the demo data: registry, demo users, taxonomies, cycles, cases, reviews and decisions.
Idempotent: running it twice changes nothing the second time."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import DEMO_USERS, load_demo_users
from afterward.demo import load_demo_afterward
from cases.demo import load_demo_cases
from governments.models import LocalGovernment
from governments.services import REGISTRY_CSV, load_registry, read_registry_csv
from reviews.demo import load_demo_reviews


class Command(BaseCommand):
    help = "Load the demo registry, taxonomies, cycles, cases and one demo user per role."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for every demo user (default: generated and printed).")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the database already has data.")

    def handle(self, *args, password=None, if_empty=False, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", True):
            raise CommandError("Demo data is disabled in these settings (DJANGO_ALLOW_DEMO_DATA).")
        if if_empty and LocalGovernment.objects.exists():
            self.stdout.write("Database already has data; demo data not loaded.")
            return
        with transaction.atomic():  # all or nothing: a failure leaves no half-loaded demo
            registry = load_registry(rows=read_registry_csv(REGISTRY_CSV))
            users = load_demo_users(password=password)
            cases = load_demo_cases()
            reviews = load_demo_reviews()
            afterward = load_demo_afterward()
        self.stdout.write(f"Registry: {registry.created} created, {registry.updated} updated.")
        self.stdout.write(f"Cases: {cases.cases_created} created, {cases.cases_total} in all.")
        self.stdout.write(f"Reviews: {reviews.reviews} created, {reviews.decisions} decisions.")
        self.stdout.write(f"Follow-ups: {afterward.reports} reports, {afterward.adoptions} adoptions created.")
        if users.password:
            self.stdout.write(f"Demo users (password for all: {users.password}):")
        else:
            self.stdout.write("Demo users already exist; passwords unchanged (use --password to reset):")
        for username, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {username:10} {role.label}")
        if users.authenticators:
            self.stdout.write(
                "Managers and reviewers confirm each sign-in with a code of an authenticator app. Add each key "
                "below to an app (or scan the URI as a QR code), or compute a code with `oathtool --totp -b KEY`:"
            )
            for authenticator in users.authenticators:
                self.stdout.write(f"  {authenticator.username:10} key {authenticator.secret}")
                self.stdout.write(f"  {'':10} {authenticator.uri}")
