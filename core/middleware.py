"""Response headers every page and API answer carries (DESIGN.md §9).

- ``Permissions-Policy``: the browser features this site never uses stay off (``PERMISSIONS_POLICY``).
- ``Cache-Control: private, no-store`` on every answer to a signed-in person or an API client that
  sent credentials: nothing personal may stay in a shared proxy or the browser's disk cache. The
  check runs on the way out, so DRF's token authentication (which sets ``request.user`` during the
  view) counts too, and so does a refused token (the ``Authorization`` header alone)."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        if _has_credentials(request):
            if "Cache-Control" in response:
                del response["Cache-Control"]  # a public max-age set by the view does not apply here
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def _has_credentials(request) -> bool:
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
