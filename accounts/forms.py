"""Forms of the accounts pages. They only collect input; services decide (``core.forms.add_refusal``)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.cache import CacheUnavailable
from governments.models import LocalGovernment

from . import emails, throttle
from .models import InvitationStatus, Role


def wait_text(seconds: int) -> str:
    minutes = (seconds + 59) // 60
    if seconds < 120:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


class SignInForm(AuthenticationForm):
    """Django's sign-in form; a throttled attempt says how long to wait and offers a reset."""

    def get_invalid_login_error(self):
        refusal = getattr(self.request, "login_refusal", None)
        if refusal is None:
            return super().get_invalid_login_error()
        reset = reverse("accounts:password_reset")
        if refusal.scope == "address":
            text = _("Too many failed sign-ins from your network. Wait %(wait)s and try again.")
        elif refusal.scope == "unavailable":
            text = _("Signing in is paused while a service of the site is restored. Wait %(wait)s and try again.")
        elif refusal.scope == "busy":
            text = _("Another sign-in for this username is being checked. Wait %(wait)s and try again.")
        else:
            text = _("Too many failed sign-ins for this username. Wait %(wait)s and try again.")
        return ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                text % {"wait": wait_text(refusal.wait_seconds)},
                reset,
                _("Forgot your password? Reset it."),
            ),
            code="throttled",
        )


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's reset form with a limit per e-mail address and per client address. Known and
    unknown addresses get the same answer and the same work: one e-mail each (``save``)."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        try:
            wait = throttle.reset_request_refusal(self.request, email)
        except CacheUnavailable:
            raise ValidationError(
                _("Password reset is paused while a service of the site is restored. Try again in a minute."),
                code="unavailable",
            ) from None
        if wait is not None:
            raise ValidationError(
                _("Too many reset requests. Wait %(wait)s and try again.") % {"wait": wait_text(wait)},
                code="throttled",
            )
        return email

    def save(self, *, domain_override=None, request=None, use_https=False, from_email=None, **kwargs):
        email = self.cleaned_data["email"]
        if any(True for _user in self.get_users(email)):
            return super().save(
                domain_override=domain_override, request=request, use_https=use_https, from_email=from_email, **kwargs
            )
        # No account: tell the owner of the address instead (same e-mail work, no enumeration).
        context = {
            "email": email,
            "domain": domain_override or request.get_host(),
            "protocol": "https" if use_https else "http",
            "site_name": settings.SITE_NAME,
        }
        self.send_mail(
            "accounts/email/password_reset_unknown_subject.txt",
            "accounts/email/password_reset_unknown.txt",
            context,
            from_email,
            email,
        )
        return None

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        """Through the outbox, like every e-mail of the site: a mail server that is away delays the
        link, it does not turn the request into an error page."""
        emails.send_password_reset(
            subject_template=subject_template_name, body_template=email_template_name, context=context, to=to_email
        )


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6-digit code of your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").replace("-", "").strip().lower()


class EnrolmentForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(Role.SUBMITTER.value, Role.SUBMITTER.label), (Role.REVIEWER.value, Role.REVIEWER.label)],
    )
    government = forms.ModelChoiceField(
        label=_("Government"),
        queryset=LocalGovernment.objects.filter(is_active=True).order_by("code"),
        required=False,
        help_text=_("Required for submitters; for a reviewer, the affiliation that decides conflicts of interest."),
    )


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and @/./+/-/_ only. You sign in with it."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password confirmation"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", _("The two password fields didn’t match."))
        return cleaned


class InvitationFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *InvitationStatus.choices], required=False)


class StaffFilterForm(forms.Form):
    government = forms.ModelChoiceField(
        label=_("Government"), queryset=LocalGovernment.objects.order_by("code"), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("All")), *Role.choices], required=False)
    q = forms.CharField(label=_("Name, username or e-mail"), required=False, max_length=100)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("What will use it, e.g. “statistics export script”.")
    )
    valid_days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=366, initial=90)
