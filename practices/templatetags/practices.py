"""Template tags of the public site: the home page's latest practices and headline numbers, and the
practices page's filter choices."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from .. import selectors

register = template.Library()


@register.simple_tag
def latest_practices(limit: int = 6):
    return selectors.latest_practices(limit)


@register.simple_tag
def public_headline():
    return selectors.headline()


# The filter form offers dozens of choices: built here in one call each, where a template loop
# renders several nodes a choice (a quarter of the page's rendering).


@register.simple_tag
def filter_options(choices, selected: str):
    """``<option>`` elements for the (value, label) pairs ``choices``, ``selected`` marked."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        ((value, SELECTED if str(value) == selected else "", label) for value, label in choices),
    )


@register.simple_tag
def filter_checks(name: str, choices, selected):
    """KRDS check boxes named ``name`` for the (value, label) pairs ``choices``, those in
    ``selected`` checked."""
    return format_html_join(
        "\n",
        '<div class="krds-form-check"><input type="checkbox" name="{0}" id="id_{0}_{1}" value="{1}"{2}>'
        '<label for="id_{0}_{1}">{3}</label></div>',
        ((name, value, CHECKED if str(value) in selected else "", label) for value, label in choices),
    )


SELECTED = mark_safe(" selected")
CHECKED = mark_safe(" checked")
