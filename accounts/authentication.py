"""API token authentication: ``Authorization: Token <key>`` (or ``Bearer <key>``) with a personal
token from the account page. Only SHA-256 hashes are stored; an unknown, revoked or expired token,
or one of a deactivated account, is a 401 with ``WWW-Authenticate`` (never a silent anonymous)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken
from .services import hash_api_key

KEYWORDS = ("token", "bearer")
LAST_USED_PRECISION = dt.timedelta(minutes=1)  # one write a minute per token, not one per request


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header: give the token after “Token ”."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        return self.authenticate_key(key)

    def authenticate_key(self, key: str):
        token = ApiToken.objects.select_related("user").filter(key_hash=hash_api_key(key)).first()
        now = timezone.now()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("This token has expired. Create a new one on your account page."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is deactivated."))
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The token scheme in the OpenAPI document (drf-spectacular finds it by ``target_class``)."""

    target_class = "accounts.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'A personal token from the account page, sent as "Token <key>". Tokens expire.',
        }
