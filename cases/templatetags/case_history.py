"""``{{ event.changes|changed_fields }}``: the names of the fields a case event changed, as the form
calls them in the page's language (the event stores field names, which are keys, not labels)."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from cases.models import InnovationCase

register = template.Library()


def field_label(name: str) -> str:
    try:
        field = InnovationCase._meta.get_field(name)
    except FieldDoesNotExist:
        return name  # a field that no longer exists: its stored name is all there is
    if field.auto_created and not field.concrete:  # obstacles, remedies, outcomes (reverse relations)
        return str(capfirst(field.related_model._meta.verbose_name_plural))
    return str(capfirst(field.verbose_name))


@register.filter
def changed_fields(changes) -> str:
    return ", ".join(field_label(name) for name in (changes or {}))
