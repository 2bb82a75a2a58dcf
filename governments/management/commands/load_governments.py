from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governments.services import REGISTRY_CSV, RegistryError, load_registry, read_registry_csv


class Command(BaseCommand):
    help = "Load (create or update by code) the local-government registry from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=REGISTRY_CSV, help="CSV file (default: the 2006 registry)")

    def handle(self, *args, file: Path, **options):
        try:
            result = load_registry(rows=read_registry_csv(file))
        except FileNotFoundError as error:
            raise CommandError(f"Registry file not found: {file}") from error
        except RegistryError as error:
            raise CommandError("Registry not loaded; nothing was changed:\n" + "\n".join(error.errors)) from error
        self.stdout.write(f"Registry loaded: {result.created} created, {result.updated} updated.")
