"""Onboarding by invitation: a manager invites, the invitee sets a password, the link works once."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Invitation, Role, User
from audit.models import Action, AuditEvent
from core.errors import ApplicationError, Conflict, NotAllowed, NotFound
from outbox.models import MessageState, OutboxMessage
from outbox.services import ERASED_BODY
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.governments.factories import CityFactory
from tests.tampering import altered

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-unusual-passphrase"


def invite(manager, django_capture_on_commit_callbacks, **kwargs):
    options = {"email": "officer@gumi.go.kr", "role": Role.SUBMITTER, "site_url": "https://awards.example/"}
    options.update(kwargs)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(actor=manager, **options)
    return invitation


def link_token(message) -> str:
    return re.search(r"https://awards\.example/accounts/invitation/([^/\s]+)/", message.body).group(1)


def test_an_invitation_is_mailed_in_korean_and_english_with_a_single_use_link(django_capture_on_commit_callbacks):
    city = CityFactory(name="Gumi-si", name_local="구미시")
    invitation = invite(ManagerFactory(), django_capture_on_commit_callbacks, government=city)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@gumi.go.kr"]
    assert "초대" in message.subject and "invitation" in message.subject
    assert "7일" in message.body and "7 days" in message.body
    token = link_token(message)
    assert invitation.token_hash not in message.body and token.split(":")[0] not in invitation.token_hash
    assert dt.timedelta(days=7) - (invitation.expires_at - invitation.created_at) < dt.timedelta(seconds=1)
    # Sent through the outbox, which then forgets the link.
    assert list(OutboxMessage.objects.values_list("kind", "state", "body")) == [
        ("accounts.invitation", MessageState.SENT, ERASED_BODY)
    ]


def test_accepting_creates_the_account_with_the_invited_role_and_government(django_capture_on_commit_callbacks):
    city = CityFactory()
    invitation = invite(ManagerFactory(), django_capture_on_commit_callbacks, government=city)
    token = link_token(mail.outbox[0])
    user = services.accept_invitation(token=token, username="gumi.kim", password=NEW_PASSWORD, first_name="Ji-woo")
    expected = (Role.SUBMITTER, city, invitation.email, "Ji-woo")
    assert (user.role, user.government, user.email, user.first_name) == expected
    assert user.check_password(NEW_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.user == user and invitation.accepted_at is not None
    with pytest.raises(Conflict, match="already been used"):
        services.accept_invitation(token=token, username="other", password=NEW_PASSWORD)
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        Action.INVITATION_SENT,
        Action.INVITATION_ACCEPTED,
    ]


def test_a_forged_or_altered_link_is_not_found(django_capture_on_commit_callbacks):
    invite(ManagerFactory(), django_capture_on_commit_callbacks, role=Role.REVIEWER)
    token = link_token(mail.outbox[0])
    for forged in ["nonsense", altered(token, -1), altered(token, 0), token[:-1], ""]:
        with pytest.raises(NotFound):
            services.invitation_for_token(forged)


def test_an_expired_or_revoked_invitation_says_so(django_capture_on_commit_callbacks):
    manager = ManagerFactory()
    invitation = invite(manager, django_capture_on_commit_callbacks, role=Role.REVIEWER)
    token = link_token(mail.outbox[0])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    with pytest.raises(Conflict, match="expired"):
        services.accept_invitation(token=token, username="kim", password=NEW_PASSWORD)

    second = invite(manager, django_capture_on_commit_callbacks, email="second@example.go.kr", role=Role.REVIEWER)
    services.revoke_invitation(actor=manager, invitation=second)
    with pytest.raises(Conflict, match="withdrawn"):
        services.accept_invitation(token=link_token(mail.outbox[1]), username="kim", password=NEW_PASSWORD)
    with pytest.raises(Conflict, match="can no longer be revoked"):
        services.revoke_invitation(actor=manager, invitation=second)
    assert not User.objects.filter(username="kim").exists()


def test_the_password_validators_and_username_rules_apply(django_capture_on_commit_callbacks):
    SubmitterFactory(username="taken")
    invite(ManagerFactory(), django_capture_on_commit_callbacks, role=Role.REVIEWER)
    token = link_token(mail.outbox[0])
    with pytest.raises(ApplicationError) as refused:
        services.accept_invitation(token=token, username="Taken", password="12345")
    assert refused.value.fields == {
        "username": ["This username is taken. Choose another one."],
        "password": [
            "This password is too short. It must contain at least 10 characters.",
            "This password is too common.",
            "This password is entirely numeric.",
        ],
    }
    with pytest.raises(ApplicationError) as refused:
        services.accept_invitation(token=token, username="bad name!", password=NEW_PASSWORD)
    assert list(refused.value.fields) == ["username"]
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid e-mail address."),
        ({"role": Role.MANAGER}, "Choose a role."),
        ({"role": Role.SUBMITTER, "government": None}, "A submitter must belong to a government."),
    ],
)
def test_invalid_invitations_are_refused(options, message, django_capture_on_commit_callbacks):
    with pytest.raises(ApplicationError, match=re.escape(message)):
        invite(ManagerFactory(), django_capture_on_commit_callbacks, **options)
    assert not Invitation.objects.exists() and mail.outbox == []


def test_only_managers_invite_and_one_pending_invitation_per_address(django_capture_on_commit_callbacks):
    with pytest.raises(NotAllowed):
        invite(ReviewerFactory(), django_capture_on_commit_callbacks, role=Role.REVIEWER)
    manager = ManagerFactory()
    invite(manager, django_capture_on_commit_callbacks, role=Role.REVIEWER)
    with pytest.raises(Conflict, match="pending invitation"):
        invite(manager, django_capture_on_commit_callbacks, email="OFFICER@gumi.go.kr", role=Role.REVIEWER)
    SubmitterFactory(email="staff@gumi.go.kr")
    with pytest.raises(Conflict, match="already has an account"):
        invite(manager, django_capture_on_commit_callbacks, email="staff@gumi.go.kr", role=Role.REVIEWER)


def test_the_invitation_page_flow_and_the_managers_list(client, django_capture_on_commit_callbacks):
    city = CityFactory(name="Gumi-si")
    manager = ManagerFactory()
    sign_in(client, manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:manage_invitations"),
            {"email": "new@gumi.go.kr", "role": Role.SUBMITTER, "government": city.pk},
        )
    assert response.status_code == 302
    listing = client.get(reverse("accounts:manage_invitations"), {"status": "pending"}).content.decode()
    assert "new@gumi.go.kr" in listing and "Pending" in listing
    link = re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", mail.outbox[0].body).group(1)

    client.post(reverse("accounts:logout"))
    page = client.get(link)
    assert page.status_code == 200 and "Gumi-si" in page.content.decode()
    mismatch = client.post(link, {"username": "newbie", "password1": NEW_PASSWORD, "password2": "other-passphrase"})
    assert "didn’t match" in mismatch.content.decode()
    done = client.post(link, {"username": "newbie", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == reverse("accounts:login")
    again = client.get(link)
    assert again.status_code == 409 and "already been used" in again.content.decode()

    sign_in(client, manager)
    used = client.get(reverse("accounts:manage_invitations"), {"status": "accepted"}).content.decode()
    assert "new@gumi.go.kr" in used and "newbie" in used


def test_a_manager_can_revoke_from_the_list(client, django_capture_on_commit_callbacks):
    manager = ManagerFactory()
    invitation = invite(manager, django_capture_on_commit_callbacks, role=Role.REVIEWER)
    sign_in(client, manager)
    response = client.post(reverse("accounts:revoke_invitation", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_by == manager


@pytest.mark.parametrize("factory", [SubmitterFactory, ReviewerFactory])
def test_the_invitation_and_staff_pages_are_for_managers_only(client, factory):
    sign_in(client, factory())
    assert client.get(reverse("accounts:manage_invitations")).status_code == 403
    assert client.get(reverse("accounts:manage_staff")).status_code == 403
    assert client.post(reverse("accounts:revoke_invitation", args=[1])).status_code == 403


def test_a_governments_staff_list_and_deactivation_that_keeps_history(client):
    gumi, seosan = CityFactory(name="Gumi-si"), CityFactory(name="Seosan-si")
    officer = SubmitterFactory(username="gumi-officer", government=gumi)
    SubmitterFactory(username="seosan-officer", government=seosan)
    manager = ManagerFactory(username="boss")
    sign_in(client, manager)
    body = client.get(reverse("accounts:manage_staff"), {"government": gumi.pk}).content.decode()
    assert "gumi-officer" in body and "seosan-officer" not in body

    response = client.post(reverse("accounts:change_user_activity", args=[officer.pk]), {"active": "0"})
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_active and User.objects.filter(pk=officer.pk).exists()
    assert AuditEvent.objects.get(action=Action.USER_DEACTIVATED).target_label == "gumi-officer"
    refused = client.post(reverse("accounts:change_user_activity", args=[manager.pk]), {"active": "0"})
    assert refused.status_code == 302
    manager.refresh_from_db()
    assert manager.is_active

    other = client.__class__()
    login = other.post(reverse("accounts:login"), {"username": "gumi-officer", "password": "correct-horse-battery"})
    assert login.status_code == 200  # a deactivated account cannot sign in


def test_invite_form_shows_refusals_beside_the_fields(client):
    sign_in(client, ManagerFactory())
    response = client.post(reverse("accounts:manage_invitations"), {"email": "x@example.go.kr", "role": "submitter"})
    assert response.status_code == 400
    assert "A submitter must belong to a government." in response.content.decode()
