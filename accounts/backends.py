"""Django's ModelBackend behind the sign-in throttle (accounts/throttle.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from . import throttle


class ThrottledModelBackend(ModelBackend):
    """A refused attempt checks no password and leaves ``request.login_refusal`` (a
    ``throttle.Refusal``) for the login form to explain. Calls without a request (management
    commands, ``Client.login`` in tests) have no client address and are not throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if request is None or username is None or password is None:
            return super().authenticate(request, username=username, password=password, **kwargs)
        with throttle.attempt(request, username) as attempt:
            if attempt.refusal is not None:
                request.login_refusal = attempt.refusal
                return None
            user = super().authenticate(request, username=username, password=password, **kwargs)
            if user is None:
                attempt.failed()
            else:
                attempt.succeeded()
            return user
