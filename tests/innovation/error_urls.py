"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpResponse
from django.urls import path

from innovation.urls import handler400, handler403, handler404, handler500  # noqa: F401 - the handlers in use
from innovation.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("A malformed request")


def crash(request):
    raise RuntimeError("A bug")


def limited(request):
    response = HttpResponse(status=429)
    response["Retry-After"] = "150"
    return response


def reads_the_form(request):
    return HttpResponse(str(len(request.POST)))


urlpatterns = [
    path("test-errors/forbidden/", forbidden),
    path("test-errors/suspicious/", suspicious),
    path("test-errors/crash/", crash),
    path("test-errors/form/", reads_the_form),
    path("test-errors/limited/", limited),
    *site_urlpatterns,
]
