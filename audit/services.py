"""The one write of the audit trail."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models

from .models import AREA_OF, Action, AuditEvent


def record(*, actor, action: Action, target: models.Model, details: Mapping | None = None) -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``target`` (a saved model instance). Called inside
    the service's transaction, so the event exists exactly when the change does."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        area=AREA_OF[action],
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        details=dict(details or {}),
    )
