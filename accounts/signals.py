from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from .services import remember_language


@receiver(user_logged_in, dispatch_uid="accounts.remember_language_on_login")
def remember_language_on_login(sender, request, user, **kwargs):
    """The language of the page someone signs in on is the one they use."""
    if request is not None:
        remember_language(user=user, language=translation.get_language_from_request(request))
