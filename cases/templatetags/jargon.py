"""``{{ text|mark_jargon:glossary }}``: the text escaped, the glossary's terms highlighted."""

from django import template

from cases.jargon import Glossary

register = template.Library()


@register.filter
def mark_jargon(text, glossary: Glossary | None):
    if glossary is None:
        return text
    return glossary.highlight(str(text or ""))
