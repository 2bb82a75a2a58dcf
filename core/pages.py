"""Small facts about the page being answered that the layout needs."""

from __future__ import annotations

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language


def set_language_return_url(request, url: str) -> None:
    """For a view that answers POST only and re-renders a refused form: the page the language
    switcher returns to (a GET of the same address would be a 405)."""
    request.language_return_url = url


def language_return_url(request) -> str:
    """A GET of the page being read, its query string included. A form re-rendered after a POST is
    found at the same address, unless its view said otherwise (``set_language_return_url``)."""
    return getattr(request, "language_return_url", None) or request.get_full_path()


def local_url(request, url: str) -> str:
    """``url`` when it is a path of this site (safe to redirect to), else ""."""
    if (
        url
        and url.startswith("/")
        and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    ):
        return url
    return ""


def switch_language(response, language: str):
    """Set the language cookie on ``response`` as Django's ``set_language`` does (for a form that saves
    and then switches, so that the switch does not need a second request)."""
    if language and check_for_language(language) and language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
