"""Template tags of the public site: the home page's latest practices and headline numbers."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def latest_practices(limit: int = 6):
    return selectors.latest_practices(limit)


@register.simple_tag
def public_headline():
    return selectors.headline()
