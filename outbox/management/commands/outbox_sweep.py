from django.core.management.base import BaseCommand

from outbox.services import sweep


class Command(BaseCommand):
    help = "Hand every pending message that is due to delivery (what beat does every minute)."

    def handle(self, *args, **options):
        ids = sweep()
        self.stdout.write(f"{len(ids)} message(s) handed to delivery.")
