"""An operator's way to give a person an API token (people make their own on the account page)."""

from django.core.management.base import BaseCommand, CommandError

from accounts import services
from accounts.models import User
from core.errors import ApplicationError


class Command(BaseCommand):
    help = "Create a personal API token for a user and print it once (it is stored only as a hash)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What will use the token.")
        parser.add_argument("--days", type=int, default=None, help="Lifetime in days (default API_TOKEN_VALID_DAYS).")

    def handle(self, *args, username, name, days, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        try:
            token, key = services.create_api_token(actor=user, name=name, valid_days=days)
        except ApplicationError as error:
            raise CommandError("; ".join(error.all_messages())) from None
        self.stdout.write(f"{key}\n(expires {token.expires_at:%Y-%m-%d}; shown only now)")
