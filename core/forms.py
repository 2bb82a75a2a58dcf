"""Refusals of the services, shown on forms: each field message beside its field, the rest at the top.

Services name fields by their domain names (``title``, ``scores.3``); a form whose inputs are named
otherwise passes ``field_names`` (domain name -> form field name)."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms

from .errors import ApplicationError


def add_refusal(form: forms.BaseForm, error: ApplicationError, *, field_names: Mapping[str, str] | None = None) -> None:
    """Put ``error`` on ``form``: field messages on their fields, the message and problems on top."""
    field_names = field_names or {}
    general: list[str] = []
    beside_fields: set[str] = set()
    for name, messages in error.fields.items():
        target = field_names.get(name, name)
        if target in form.fields:
            for message in messages:
                form.add_error(target, message)
                beside_fields.add(message)
        else:
            general.extend(messages)
    for message in [error.message, *error.problems, *general]:
        if message and message not in beside_fields and message not in form.non_field_errors():
            form.add_error(None, message)
