"""``{% error_summary %}``: the GOV.UK-style summary of every error of the page's forms, at the top of
the page (base.html), each linked to the input it is about.

It finds the bound forms and formsets in the template context by itself, so every form page gets
it without asking; errors a form shows at the top of the form (non-field errors) are listed without
a link. ``static/js/error_summary.js`` moves the focus to it when the page loads."""

from __future__ import annotations

from django import template
from django.forms import BaseForm, BaseFormSet
from django.utils.translation import gettext

register = template.Library()

GROUP_WIDGETS = ("radioselect", "checkboxselectmultiple")


def input_id(bound_field) -> str:
    """The id of the input a link should focus: the first option of a group of radios or checkboxes."""
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    if bound_field.widget_type in GROUP_WIDGETS:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


def _form_items(form: BaseForm, *, entry: str = "") -> list[dict]:
    # Messages stay as they are: some are safe HTML (a link to reset a password).
    items = [{"label": entry, "message": message, "href": ""} for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name not in form.fields:
            continue  # the non-field errors, listed above
        bound = form[name]
        label = f"{entry} · {bound.label}" if entry else str(bound.label or "")
        target = input_id(bound)
        items.extend({"label": label, "message": m, "href": f"#{target}" if target else ""} for m in messages)
    return items


def _formset_items(formset: BaseFormSet) -> list[dict]:
    items = [{"label": "", "message": message, "href": ""} for message in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        if form.errors:
            items.extend(_form_items(form, entry=gettext("Entry %(number)s") % {"number": number}))
    return items


def summary_items(values) -> list[dict]:
    """Every error of the bound forms and formsets among ``values``, in order, each form once."""
    items: list[dict] = []
    seen: set[int] = set()
    for value in values:
        if id(value) in seen or not getattr(value, "is_bound", False):
            continue
        seen.add(id(value))
        if isinstance(value, BaseFormSet):
            items.extend(_formset_items(value))
        elif isinstance(value, BaseForm) and value.errors:
            items.extend(_form_items(value))
    return items


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context):
    return {"items": summary_items(context.flatten().values())}
