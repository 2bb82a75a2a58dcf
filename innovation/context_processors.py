from django.conf import settings


def site(request):
    return {"OFFICIAL_SITE": settings.OFFICIAL_SITE, "SITE_NAME": settings.SITE_NAME}
