"""Branded answers for the errors Django gives without a page.

``require_http_methods`` (and ``require_GET``/``require_POST``) answer a wrong method with an empty
405; outside the API the visitor gets the site's 405 page instead, with the same ``Allow`` header.
An empty 429 (a limit that has no page of its own) becomes the site's 429 page, saying how long to
wait (its ``Retry-After``). Pages that answer 429 themselves (the login throttle) are left alone."""

from django.http import HttpResponseNotAllowed

from core.api import is_api_request

from . import views

DEFAULT_RETRY_AFTER = 60


class BrandedErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "streaming", False) or response.content or is_api_request(request):
            return response
        if isinstance(response, HttpResponseNotAllowed):
            return views.method_not_allowed(request, allow=response["Allow"])
        if response.status_code == 429:
            try:
                retry_after = int(response.get("Retry-After", DEFAULT_RETRY_AFTER))
            except ValueError:  # an HTTP date: not used by this site
                retry_after = DEFAULT_RETRY_AFTER
            return views.too_many_requests(request, retry_after=retry_after)
        return response
