"""Template tags of the public site: the home page's latest practices and headline numbers."""

from django import template

from .. import selectors_public

register = template.Library()


@register.simple_tag
def latest_practices(limit: int = 6):
    return selectors_public.latest_practices(limit)


@register.simple_tag
def public_headline():
    return selectors_public.headline()
