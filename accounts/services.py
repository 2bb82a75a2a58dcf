"""Every write of the accounts app: invitations, account activity, API tokens and two-factor
enrolment. Keyword-only, atomic, permission-checked (``core.rules``); a refusal is an
``ApplicationError`` and changes nothing."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Action
from audit.services import record
from core.errors import ApplicationError, Conflict, NotFound, RateLimited
from core.rules import require

from . import emails
from .models import ApiToken, Invitation, InvitationStatus, Role, User

INVITATION_SALT = "accounts.invitation"
RECOVERY_CODE_SALT = "accounts.recovery_code"
TOKEN_PREFIX = "lgia_"  # noqa: S105 - a visible marker for secret scanners, not a secret


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


# --- invitations --------------------------------------------------------------------------------


@transaction.atomic
def invite(*, actor, email: str, role: str, government=None, site_url: str) -> Invitation:
    """Invite ``email`` as a submitter of ``government`` or as a reviewer (``government``
    optional: it drives conflicts of interest) and e-mail the link (after commit)."""
    require(actor, "accounts.invite_staff")
    email = User.objects.normalize_email((email or "").strip())
    try:
        validate_email(email)
    except ValidationError:
        message = _("Enter a valid e-mail address.")
        raise ApplicationError(message, fields={"email": message}) from None
    if role not in Invitation.INVITABLE_ROLES:
        raise ApplicationError(_("Choose a role."), fields={"role": _("Invitations are for submitters or reviewers.")})
    if role == Role.SUBMITTER and government is None:
        message = _("A submitter must belong to a government.")
        raise ApplicationError(message, fields={"government": message})
    if User.objects.filter(email__iexact=email, is_active=True).exists():
        message = _("%(email)s already has an account.") % {"email": email}
        raise Conflict(message, code="account_exists", fields={"email": message})
    now = timezone.now()
    pending = Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    if pending.exists():
        message = _("%(email)s already has a pending invitation; revoke it to send a new one.") % {"email": email}
        raise Conflict(message, code="invitation_pending", fields={"email": message})
    secret = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        government=government,
        token_hash=_sha256(secret),
        invited_by=actor,
        expires_at=now + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    token = signing.Signer(salt=INVITATION_SALT).sign(secret)
    link = site_url.rstrip("/") + reverse("accounts:accept_invitation", kwargs={"token": token})
    emails.send_invitation(invitation, link=link)
    record(
        actor=actor,
        action=Action.INVITATION_SENT,
        target=invitation,
        details={"role": role, "government": government.code if government else ""},
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, actor, invitation: Invitation) -> Invitation:
    require(actor, "accounts.revoke_invitation", invitation)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    status = invitation.status_at(timezone.now())
    if status != InvitationStatus.PENDING:
        raise Conflict(
            _("This invitation is “%(status)s” and can no longer be revoked.") % {"status": status.label},
            code="invitation_not_pending",
        )
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = actor
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    record(actor=actor, action=Action.INVITATION_REVOKED, target=invitation)
    return invitation


def invitation_for_token(token: str, *, lock: bool = False) -> Invitation:
    """The pending invitation of a link's ``token``; refuses (404) a forged or unknown link and
    (409) a used, revoked or expired one, saying which."""
    try:
        secret = signing.Signer(salt=INVITATION_SALT).unsign(token or "")
    except signing.BadSignature:
        raise NotFound(_("This invitation link is not valid. Check that you copied all of it.")) from None
    queryset = Invitation.objects.select_related("government")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    invitation = queryset.filter(token_hash=_sha256(secret)).first()
    if invitation is None:
        raise NotFound(_("This invitation link is not valid. Check that you copied all of it."))
    status = invitation.status_at(timezone.now())
    messages = {
        InvitationStatus.ACCEPTED: _("This invitation has already been used. Sign in with the account you created."),
        InvitationStatus.REVOKED: _("This invitation was withdrawn. Ask the award managers for a new one."),
        InvitationStatus.EXPIRED: _("This invitation has expired. Ask the award managers for a new one."),
    }
    if status in messages:
        raise Conflict(messages[status], code=f"invitation_{status.value}")
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, username: str, password: str, first_name: str = "", last_name: str = "") -> User:
    """Create the invitee's account with the invitation's role and government and the password they
    chose (Django's password validators); the invitation is used up."""
    invitation = invitation_for_token(token, lock=True)
    username = (username or "").strip()
    fields: dict[str, list[str]] = {}
    try:
        User._meta.get_field("username").run_validators(username)
        if not username:
            raise ValidationError(_("Choose a username."))
    except ValidationError as error:
        fields["username"] = list(error.messages)
    taken = not fields and User.objects.filter(username__iexact=username).exists()
    if taken:
        fields["username"] = [_("This username is taken. Choose another one.")]
    if User.objects.filter(email__iexact=invitation.email, is_active=True).exists():
        raise Conflict(_("%(email)s already has an account.") % {"email": invitation.email}, code="account_exists")
    user = User(
        username=username,
        email=invitation.email,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        role=invitation.role,
        government=invitation.government,
    )
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        fields["password"] = list(error.messages)
    if fields:
        raise ApplicationError(_("Some values are not valid."), code="username_taken" if taken else None, fields=fields)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        message = _("This username is taken. Choose another one.")
        raise Conflict(message, code="username_taken", fields={"username": message}) from None
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    record(actor=user, action=Action.INVITATION_ACCEPTED, target=invitation, details={"username": username})
    return user


# --- account activity ---------------------------------------------------------------------------


@transaction.atomic
def set_user_active(*, actor, user: User, active: bool) -> User:
    """Deactivate (or reactivate) a submitter's or reviewer's account. Nothing of theirs is deleted:
    their cases, reviews and events keep naming them; they can no longer sign in or use tokens."""
    user = User.objects.select_for_update().get(pk=user.pk)
    require(actor, "accounts.change_user_activity", user)
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(actor=actor, action=Action.USER_REACTIVATED if active else Action.USER_DEACTIVATED, target=user)
    return user


def record_password_reset(*, user: User) -> None:
    record(actor=user, action=Action.PASSWORD_RESET, target=user)


# --- API tokens ---------------------------------------------------------------------------------


def hash_api_key(key: str) -> str:
    return _sha256(key)


@transaction.atomic
def create_api_token(*, actor, name: str, valid_days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for ``actor``; returns it and its secret, which is shown once and never stored."""
    require(actor, "accounts.create_api_token")
    name = (name or "").strip()
    if not name:
        message = _("Give the token a name, e.g. the program that will use it.")
        raise ApplicationError(message, fields={"name": message})
    if len(name) > 100:
        message = _("Ensure this value has at most 100 characters.")
        raise ApplicationError(message, fields={"name": message})
    days = valid_days or settings.API_TOKEN_VALID_DAYS
    if not 1 <= days <= 366:
        message = _("A token is valid for 1 to 366 days.")
        raise ApplicationError(message, fields={"valid_days": message})
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=name,
        prefix=key[: len(TOKEN_PREFIX) + 6],
        key_hash=hash_api_key(key),
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    record(
        actor=actor, action=Action.API_TOKEN_CREATED, target=token, details={"expires": token.expires_at.isoformat()}
    )
    return token, key


@transaction.atomic
def revoke_api_token(*, actor, token: ApiToken) -> ApiToken:
    require(actor, "accounts.revoke_api_token", token)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor=actor, action=Action.API_TOKEN_REVOKED, target=token)
    return token


# --- two-factor authentication ------------------------------------------------------------------


def pending_totp_device(*, user: User) -> TOTPDevice:
    """The authenticator app being set up (unconfirmed), created on first use: reloading the
    enrolment page keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def confirm_totp_device(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the app with a code it shows; it replaces any earlier app. Returns new recovery codes.

    The code is checked outside the transaction: a wrong code must count against the device's
    throttle (django-otp saves that) even though the confirmation is refused."""
    if device.user_id != user.pk or device.confirmed:
        raise Conflict(_("This authenticator app is already set up."), code="already_confirmed")
    if not device.verify_is_allowed()[0]:
        message = _("Too many wrong codes. Wait a moment and try again.")
        raise RateLimited(message, code="too_many_codes", fields={"code": message})
    if not device.verify_token((code or "").replace(" ", "")):
        message = _("That code is not right. Enter the 6-digit code your app shows now.")
        raise ApplicationError(message, code="wrong_code", fields={"code": message})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.confirmed = True
        codes = _new_recovery_codes(user)
        record(actor=user, action=Action.TWO_FACTOR_ENROLLED, target=user)
    return codes


@transaction.atomic
def renew_recovery_codes(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise Conflict(_("Set up an authenticator app first."), code="no_second_factor")
    codes = _new_recovery_codes(user)
    record(actor=user, action=Action.RECOVERY_CODES_RENEWED, target=user)
    return codes


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=recovery_code_digest(code)) for code in codes])
    return codes


def recovery_code_digest(code: str, *, secret: str | None = None) -> str:
    """What is stored of a recovery code: a keyed hash, so a copy of the database alone does not
    give anyone a second factor (an unkeyed hash of 40 random bits is broken in hours). 80 bits in
    base32, the 16 characters django-otp's token column holds."""
    mac = salted_hmac(RECOVERY_CODE_SALT, code, secret=secret, algorithm="sha256").digest()
    return base64.b32encode(mac[:10]).decode().lower()


def recovery_code_token(*, device: StaticDevice, code: str) -> str:
    """The stored form of ``code`` to verify against ``device``: its digest under the key its codes
    were made with — the current SECRET_KEY, or a fallback while the key is being rotated (one
    query then, so a wrong code still counts once against the throttle)."""
    digests = [recovery_code_digest(code, secret=key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]
    if len(digests) == 1:
        return digests[0]
    stored = set(device.token_set.filter(token__in=digests).values_list("token", flat=True))
    return next((digest for digest in digests if digest in stored), digests[0])


# --- language -----------------------------------------------------------------------------------


def remember_language(*, user: User, language: str) -> bool:
    """Store the language ``user`` uses on the site (the one their e-mails are written in). Returns
    whether it changed; an unknown language code is ignored."""
    if not getattr(user, "is_authenticated", False) or not user.pk:
        return False
    codes = {code for code, _name in settings.LANGUAGES}
    code = (language or "").split("-")[0].lower()
    if code not in codes or user.language == code:
        return False
    User.objects.filter(pk=user.pk).update(language=code)
    user.language = code
    return True
