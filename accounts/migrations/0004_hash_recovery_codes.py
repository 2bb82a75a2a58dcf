"""Recovery codes were stored as typed; from now on only their keyed digest is (see
``accounts.services.recovery_code_digest``). Existing codes keep working: each is replaced by its
digest. A plain code is 8 characters, a digest 16, so running this twice changes nothing."""

import base64

from django.db import migrations
from django.utils.crypto import salted_hmac

DIGEST_LENGTH = 16


def recovery_code_digest(code):
    # As accounts.services.recovery_code_digest was when this migration was written.
    mac = salted_hmac("accounts.recovery_code", code, algorithm="sha256").digest()
    return base64.b32encode(mac[:10]).decode().lower()


def hash_plain_codes(apps, schema_editor):
    StaticToken = apps.get_model("otp_static", "StaticToken")
    plain = [token for token in StaticToken.objects.all() if len(token.token) != DIGEST_LENGTH]
    for token in plain:
        token.token = recovery_code_digest(token.token)
    StaticToken.objects.bulk_update(plain, ["token"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_name_local_and_language"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_plain_codes, migrations.RunPython.noop, elidable=True)]
