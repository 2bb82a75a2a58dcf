"""Texts in two languages on a page (``cases.models.LocalizedText``): a text shown in the other
language than the page's gets a ``lang`` attribute and a visible note.

    <p{{ case.display_summary|lang_attr }}>{{ case.display_summary }}</p>{% fallback_note case.display_summary %}

Citizens' comments are shown as written (never translated): ``comment_lang_attr`` and
``comment_language_note`` mark one written in the other language."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def _page_language() -> str:
    return (get_language() or "en")[:2]


@register.filter
def lang_attr(text) -> str:
    """`` lang="ko"`` (or ``en``) when ``text`` is not in the page's language, else nothing."""
    if not getattr(text, "fallback", False):
        return ""
    return format_html(' lang="{}"', text.lang)


@register.filter
def with_lang(text) -> str:
    """The text, inside ``<span lang="…">`` when it is not in the page's language (inline texts)."""
    if not getattr(text, "fallback", False):
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', text.lang, text)


@register.simple_tag
def fallback_note(text) -> str:
    """A visible "not available in English (Korean)" after a text shown in the other language."""
    if not getattr(text, "fallback", False):
        return ""
    if text.lang == "ko":
        message = _("Not available in English; shown in Korean.")
    else:
        message = _("Not available in Korean; shown in English.")
    return format_html('<span class="lang-note">{}</span>', message)


def _other_comment_language(feedback) -> str:
    language = getattr(feedback, "comment_language", "") or ""
    return language if language and language != _page_language() else ""


@register.filter
def comment_lang_attr(feedback) -> str:
    language = _other_comment_language(feedback)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def comment_language_note(feedback) -> str:
    language = _other_comment_language(feedback)
    if not language:
        return ""
    message = _("Written in Korean.") if language == "ko" else _("Written in English.")
    return format_html('<span class="lang-note">{}</span>', message)
