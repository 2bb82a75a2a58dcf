"""Load the demo data once per test session and copy it into later tests in a few bulk inserts.

``load_demo`` takes seconds (it goes through the services, as it should); dozens of tests use its
result. The first test that asks for it runs the real command and takes a snapshot of the rows of
our apps; later tests re-insert those rows with their primary keys and reset PostgreSQL sequences.
Each test still runs in its own rolled-back transaction, so tests cannot leak into each other."""

from __future__ import annotations

from django.apps import apps
from django.core.management.color import no_style
from django.core.serializers import sort_dependencies
from django.db import connection

OUR_APPS = ("audit", "governments", "accounts", "otp_totp", "otp_static", "cases", "reviews", "practices", "afterward")

Snapshot = list[tuple[type, list[dict]]]


def _models() -> list[type]:
    app_configs = [apps.get_app_config(label) for label in OUR_APPS]
    models = sort_dependencies([(config, None) for config in app_configs], allow_cycles=True)
    through = [
        field.remote_field.through
        for model in models
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]
    return [*models, *through]


def take() -> Snapshot:
    snapshot = []
    for model in _models():
        names = [field.attname for field in model._meta.concrete_fields]
        rows = list(model._base_manager.order_by("pk").values(*names))
        snapshot.append((model, rows))
    return snapshot


def restore(snapshot: Snapshot) -> None:
    for model, rows in snapshot:
        if not rows:
            continue
        # Self-references (a government's parent) need the referenced rows first.
        self_fk = [
            field.attname for field in model._meta.concrete_fields if field.is_relation and field.related_model is model
        ]
        batches = [rows]
        if self_fk:
            batches = [[r for r in rows if r[self_fk[0]] is None], [r for r in rows if r[self_fk[0]] is not None]]
        for batch in batches:
            model._base_manager.bulk_create([model(**row) for row in batch], batch_size=500)
    if connection.vendor == "postgresql":
        statements = connection.ops.sequence_reset_sql(no_style(), [model for model, _ in snapshot])
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
