"""One invitation link opened twice at once makes one account; one token revoked twice, one event
(PostgreSQL: row locks; SQLite's in-memory test database is not shared between threads)."""

import re
import threading

import pytest
from django.core import mail
from django.db import close_old_connections, connection

from accounts import services
from accounts.models import Invitation, Role, User
from audit.models import Action, AuditEvent
from core.errors import ApplicationError
from tests.accounts.factories import ManagerFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_together(*actions):
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = []

    def worker(action):
        try:
            barrier.wait()
            action()
            outcomes.append("ok")
        except ApplicationError as refused:
            outcomes.append(refused.code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_one_link_used_twice_at_once_makes_one_account():
    services.invite(actor=ManagerFactory(), email="kim@example.go.kr", role=Role.REVIEWER, site_url="https://x/")
    token = re.search(r"/accounts/invitation/([^/\s]+)/", mail.outbox[0].body).group(1)
    outcomes = run_together(
        *[
            (lambda name=name: services.accept_invitation(token=token, username=name, password="a-long-passphrase"))
            for name in ("kim-a", "kim-b", "kim-c")
        ]
    )
    assert sorted(outcomes) == ["invitation_accepted", "invitation_accepted", "ok"]
    assert User.objects.filter(email="kim@example.go.kr").count() == 1
    assert Invitation.objects.get().user.username in {"kim-a", "kim-b", "kim-c"}
    assert AuditEvent.objects.filter(action=Action.INVITATION_ACCEPTED).count() == 1


def test_two_people_choosing_the_same_username_at_once_get_one_account_and_one_clear_refusal():
    manager = ManagerFactory()
    services.invite(actor=manager, email="a@example.go.kr", role=Role.REVIEWER, site_url="https://x/")
    services.invite(actor=manager, email="b@example.go.kr", role=Role.REVIEWER, site_url="https://x/")
    tokens = [re.search(r"/accounts/invitation/([^/\s]+)/", m.body).group(1) for m in mail.outbox]
    outcomes = run_together(
        *[
            (lambda token=token: services.accept_invitation(token=token, username="same", password="a-long-passphrase"))
            for token in tokens
        ]
    )
    assert sorted(outcomes) == ["ok", "username_taken"]
    assert User.objects.filter(username="same").count() == 1
    assert Invitation.objects.filter(accepted_at__isnull=False).count() == 1
