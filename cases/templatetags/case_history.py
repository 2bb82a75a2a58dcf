"""``{{ event.changes|changed_fields }}``: the names of the fields a case event changed, as the form
calls them in the page's language (the event stores field names, which are keys, not labels)."""

from django import template

from cases.selectors import field_label

register = template.Library()


@register.filter
def changed_fields(changes) -> str:
    return ", ".join(field_label(name) for name in (changes or {}))
