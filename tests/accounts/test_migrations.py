import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.services import recovery_code_digest

PLAIN = [("accounts", "0003_user_name_local_and_language")]
HASHED = [("accounts", "0004_hash_recovery_codes")]


@pytest.mark.django_db(transaction=True)
def test_recovery_codes_stored_as_typed_are_replaced_by_their_digest_and_keep_working():
    executor = MigrationExecutor(connection)
    executor.migrate(PLAIN)
    old_apps = executor.loader.project_state([*PLAIN, ("otp_static", "0003_add_timestamps")]).apps
    user = old_apps.get_model("accounts", "User").objects.create(username="boss", role="manager")
    device = old_apps.get_model("otp_static", "StaticDevice").objects.create(user=user, name="r", confirmed=True)
    Token = old_apps.get_model("otp_static", "StaticToken")
    Token.objects.bulk_create([Token(device=device, token=code) for code in ["abcdefgh", "stuvwxyz"]])

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(HASHED)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # again, as a second deploy would: no change

    from django_otp.plugins.otp_static.models import StaticToken

    stored = sorted(StaticToken.objects.filter(device_id=device.pk).values_list("token", flat=True))
    assert stored == sorted([recovery_code_digest("abcdefgh"), recovery_code_digest("stuvwxyz")])
