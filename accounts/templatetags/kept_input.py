"""``{% kept_input_notice %}`` on the login page: what the person was sending has been kept and
will be back in the form after the sign-in (``accounts.kept_input``)."""

from django import template

from accounts import kept_input

register = template.Library()


@register.inclusion_tag("accounts/_kept_input_notice.html", takes_context=True)
def kept_input_notice(context):
    request = context.get("request")
    return {"kept": kept_input.pending(request) if request is not None else None}
