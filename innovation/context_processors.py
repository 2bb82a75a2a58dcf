from django.conf import settings

from core.pages import language_return_url


def site(request):
    return {"OFFICIAL_SITE": settings.OFFICIAL_SITE, "SITE_NAME": settings.SITE_NAME}


def language_return(request):
    """Where the language switcher leads back to (``core.pages.language_return_url``)."""
    return {"language_return_url": language_return_url(request)}
