"""``{% can "cases.submit_case" case as may_submit %}``: the rules of ``core.rules`` in templates,
through the same call as services and views (``user`` is the request's)."""

from django import template

from core.rules import allowed

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, name: str, obj=None) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else context.get("user")
    return allowed(user, name, obj)
