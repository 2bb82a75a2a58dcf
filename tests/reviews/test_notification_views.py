import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from outbox.models import MessageState
from tests.accounts.helpers import sign_in
from tests.outbox.factories import OutboxMessageFactory

pytestmark = pytest.mark.django_db

URL = reverse("reviews:notifications")


@pytest.fixture
def failed(manager):
    return OutboxMessageFactory(
        kind="reviews.decision",
        to="gumi@example.go.kr",
        subject="Decision on your case: One-stop firm service",
        state=MessageState.FAILED,
        attempts=8,
        last_error="SMTPRecipientsRefused: {'gumi@example.go.kr': (550, b'No such user')}",
    )


@pytest.mark.parametrize(
    ("language", "heading", "about"),
    [
        ("en", "Notifications that could not be sent", '<td data-label="About">Decision</td>'),
        ("ko", "발송하지 못한 알림", '<td data-label="내용">결정</td>'),
    ],
)
def test_managers_see_failed_notifications_and_why(client, manager, failed, language, heading, about):
    OutboxMessageFactory(state=MessageState.PENDING)
    OutboxMessageFactory(state=MessageState.SENT, sent_at=timezone.now())
    sign_in(client, manager)

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert about in body
    assert "Decision on your case: One-stop firm service" in body
    assert "550, b&#x27;No such user&#x27;" in body
    assert list(response.context["page"]) == [failed]
    assert response.context["summary"].waiting == 1
    assert response.context["summary"].failed == 1


def test_the_manage_page_links_to_it(client, manager):
    sign_in(client, manager)
    assert f'href="{URL}"' in client.get(reverse("reviews:manage")).content.decode()


@pytest.mark.parametrize("role", ["reviewer", "submitter"])
def test_other_roles_get_404(client, failed, role, request):
    sign_in(client, request.getfixturevalue(role))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"all": "1"}).status_code == 404
    failed.refresh_from_db()
    assert failed.state == MessageState.FAILED


def test_anonymous_visitors_are_sent_to_log_in(client, failed):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_resending_the_chosen_ones_delivers_them(client, manager, failed, django_capture_on_commit_callbacks):
    other = OutboxMessageFactory(state=MessageState.FAILED, attempts=8, subject="Still failed")
    sign_in(client, manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"message": [str(failed.pk), "junk"]}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert "1 notification is queued to be sent again." in response.content.decode()
    failed.refresh_from_db()
    other.refresh_from_db()
    assert (failed.state, failed.attempts) == (MessageState.SENT, 1)
    assert other.state == MessageState.FAILED
    assert [(m.to, m.subject) for m in mail.outbox] == [(["gumi@example.go.kr"], failed.subject)]


def test_resending_all_in_korean(client, manager, failed, django_capture_on_commit_callbacks):
    OutboxMessageFactory(state=MessageState.FAILED, attempts=8)
    sign_in(client, manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"all": "1"}, HTTP_ACCEPT_LANGUAGE="ko", follow=True)

    assert "알림 2건을 다시 보내도록 대기열에 넣었습니다." in response.content.decode()
    assert len(mail.outbox) == 2


def test_resending_nothing_says_what_to_do(client, manager, failed):
    sign_in(client, manager)
    response = client.post(URL, {}, follow=True)
    assert "Choose at least one notification to send again." in response.content.decode()
    failed.refresh_from_db()
    assert failed.state == MessageState.FAILED
