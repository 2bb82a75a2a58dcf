"""The accounts pages: sign-in with a second factor, password reset, the account page (two-factor,
API tokens), invitations and the staff list for managers, and the session-timeout endpoints."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.errors import ApplicationError
from core.forms import add_refusal
from core.rules import allowed

from . import selectors, services, sessions
from .forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    EnrolmentForm,
    InvitationFilterForm,
    InvitationForm,
    SignInForm,
    StaffFilterForm,
    ThrottledPasswordResetForm,
    TwoFactorCodeForm,
)
from .models import ApiToken, Invitation, User

NEW_RECOVERY_CODES_KEY = "accounts.new_recovery_codes"
NEW_API_KEY_KEY = "accounts.new_api_key"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _require(request, rule_name: str, obj=None) -> None:
    if not allowed(request.user, rule_name, obj):
        raise PermissionDenied


# --- sign-in --------------------------------------------------------------------------------------


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expired = sessions.expired_sign_out(self.request)
        if expired and self.request.GET.get("expired") == expired.get("reason"):
            context["expired"] = expired
            context["expired_hours"] = max(1, expired.get("minutes", 0) // 60)
        return context

    def form_invalid(self, form):
        response = super().form_invalid(form)
        refusal = getattr(self.request, "login_refusal", None)
        if refusal is not None:
            response.status_code = 503 if refusal.scope == "unavailable" else 429
            response["Retry-After"] = str(refusal.wait_seconds)
        return response


@login_required
def two_factor_verify(request):
    """The second step of the sign-in: a code of the authenticator app or a recovery code."""
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if totp is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        target = (
            totp
            if code.isdigit() and len(code) == totp.digits
            else StaticDevice.objects.filter(user=user, confirmed=True).first()
        )
        if target is not None and not target.verify_is_allowed()[0]:
            form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
        else:
            if isinstance(target, StaticDevice):
                code = services.recovery_code_token(device=target, code=code)
            device = verify_token(user, target.persistent_id, code) if target is not None else None
            if device is not None:
                request.session.cycle_key()
                otp_login(request, device)
                request.session[sessions.HAS_SECOND_FACTOR_KEY] = True
                if isinstance(device, StaticDevice):
                    messages.warning(
                        request,
                        _("You used a recovery code; %(count)s are left. Renew them on your account page.")
                        % {"count": device.token_set.count()},
                    )
                return HttpResponseRedirect(_next_url(request))
            form.add_error(
                "code", _("That code is not right. Check the time on your phone and enter the code it shows now.")
            )
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})


def _qr_svg(uri: str) -> str:
    return segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff", omitsize=False)


@login_required
def two_factor_setup(request):
    """Set up an authenticator app: a QR code made here (no image from anywhere else), the secret
    for typing in, and one code to confirm. Someone with an app must confirm it first."""
    user = request.user
    has_app = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if has_app and not user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = services.pending_totp_device(user=user)
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_totp_device(user=user, device=device, code=form.cleaned_data["code"])
        except ApplicationError as error:
            add_refusal(form, error)
        else:
            request.session.cycle_key()
            otp_login(request, device)
            request.session[sessions.HAS_SECOND_FACTOR_KEY] = True
            request.session[NEW_RECOVERY_CODES_KEY] = codes
            messages.success(request, _("Two-factor authentication is set up."))
            return redirect(f"{reverse('accounts:recovery_codes')}?{urlencode({'next': _next_url(request)})}")
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "replacing": has_app,
        "required": not has_app and request.session.get(sessions.HAS_SECOND_FACTOR_KEY) is not True,
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def recovery_codes(request):
    """Recovery codes are shown once: right after they were made."""
    if request.method == "POST":
        try:
            request.session[NEW_RECOVERY_CODES_KEY] = services.renew_recovery_codes(user=request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("accounts:account")
        return redirect("accounts:recovery_codes")
    codes = request.session.pop(NEW_RECOVERY_CODES_KEY, None)
    if not codes:
        return redirect("accounts:account")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


# --- password reset -------------------------------------------------------------------------------


class ResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = ThrottledPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {"site_name": settings.SITE_NAME}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(error.code == "throttled" for error in form.errors.as_data().get("email", [])):
            response.status_code = 429
        return response


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_password_reset(user=form.user)
        return response


# --- the account page -----------------------------------------------------------------------------


@login_required
def account(request):
    user = request.user
    context = {
        "totp": TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        "recovery_codes_left": sum(d.token_set.count() for d in StaticDevice.objects.filter(user=user)),
        "tokens": selectors.api_tokens_of(user),
        "token_form": ApiTokenForm(initial={"valid_days": settings.API_TOKEN_VALID_DAYS}),
        "new_key": request.session.pop(NEW_API_KEY_KEY, None),
        "now": timezone.now(),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def create_api_token(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            token, key = services.create_api_token(
                actor=request.user, name=form.cleaned_data["name"], valid_days=form.cleaned_data["valid_days"]
            )
        except ApplicationError as error:
            add_refusal(form, error)
        else:
            request.session[NEW_API_KEY_KEY] = {"name": token.name, "key": key}
            return redirect("accounts:account")
    context = {
        "totp": TOTPDevice.objects.filter(user=request.user, confirmed=True).first(),
        "recovery_codes_left": sum(d.token_set.count() for d in StaticDevice.objects.filter(user=request.user)),
        "tokens": selectors.api_tokens_of(request.user),
        "token_form": form,
        "now": timezone.now(),
    }
    return render(request, "accounts/account.html", context, status=400)


@login_required
@require_POST
def revoke_api_token(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_api_token(actor=request.user, token=token)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:account")


# --- invitations ----------------------------------------------------------------------------------


def accept_invitation(request, token: str):
    """An invitee chooses a username and a password; then signs in."""
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_problem.html", {"signed_in": True}, status=409)
    try:
        invitation = services.invitation_for_token(token)
    except ApplicationError as error:
        return render(request, "accounts/invitation_problem.html", {"error": error}, status=error.status)
    form = AcceptInvitationForm(request.POST or None, initial={"username": invitation.email.split("@")[0][:150]})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ApplicationError as error:
            if not error.fields:
                return render(request, "accounts/invitation_problem.html", {"error": error}, status=error.status)
            add_refusal(form, error, field_names={"password": "password1"})
        else:
            messages.success(
                request,
                _("Your account is ready. Sign in with the username %(username)s and your new password.")
                % {"username": user.username},
            )
            return redirect("accounts:login")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation})


@login_required
def manage_invitations(request):
    _require(request, "accounts.invite_staff")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite(
                actor=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                government=form.cleaned_data["government"],
                site_url=request.build_absolute_uri("/"),
            )
        except ApplicationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
            return redirect("accounts:manage_invitations")
    filters = InvitationFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = Paginator(selectors.invitations(status=status), 50).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [(invitation, invitation.status_at(now)) for invitation in page]
    return render(
        request,
        "accounts/manage_invitations.html",
        {"form": form, "filters": filters, "page": page, "rows": rows, "valid_days": settings.INVITATION_VALID_DAYS},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def revoke_invitation(request, pk: int):
    _require(request, "accounts.revoke_invitation")
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.revoke_invitation(actor=request.user, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
    return redirect("accounts:manage_invitations")


@login_required
def manage_staff(request):
    """Everyone with a role, filterable by government (a government's staff list) and role."""
    _require(request, "accounts.view_staff")
    filters = StaffFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    people = selectors.staff(
        government=criteria.get("government"), role=criteria.get("role", ""), search=criteria.get("q", "")
    )
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/manage_staff.html", {"filters": filters, "page": page})


@login_required
@require_POST
def change_user_activity(request, pk: int):
    _require(request, "accounts.view_staff")
    person = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_user_active(actor=request.user, user=person, active=active)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            (_("%(user)s can sign in again.") if active else _("%(user)s was deactivated; their history is kept."))
            % {"user": person.username},
        )
    back = request.POST.get("next", "")
    if back.startswith("?"):
        return redirect(reverse("accounts:manage_staff") + back)
    return redirect("accounts:manage_staff")


# --- session timeout ------------------------------------------------------------------------------


@require_GET
def session_status(request):
    """How long the session has left (the timeout middleware does not count this as activity)."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0}, status=401)
    return JsonResponse({"signed_in": True, "seconds_left": request.session_seconds_left})


@require_POST
def session_extend(request):
    """ "Stay signed in": counts as activity now (the absolute limit still applies)."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0}, status=401)
    at = sessions.now()
    sessions.touch(request.session, at=at, force=True)
    seconds_left = sessions.seconds_left(request.session, at=at)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"signed_in": True, "seconds_left": seconds_left})
    return HttpResponseRedirect(_next_url(request))


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice of a signed-in user."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if translation.check_for_language(language):
        services.remember_language(user=request.user, language=language)
    return response
