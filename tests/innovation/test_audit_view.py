"""The managers' audit log: case events and every other recorded change in one list, filterable,
exportable as CSV in the reader's language."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.utils import timezone

from audit.models import Action, AuditEvent
from audit.services import record
from cases.models import CaseEvent, CaseState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = "/manage/audit/"


@pytest.fixture
def trail(db):
    """Three events a day apart: a case transition, an invitation, a deactivation."""
    manager = ManagerFactory(username="boss")
    officer = SubmitterFactory(username="=cmd|calc")
    case = CaseFactory(title="Web GIS for investors", submitted=True)
    start = timezone.make_aware(dt.datetime(2098, 3, 1, 10, 0))
    with time_machine.travel(start, tick=False) as clock:
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.Kind.TRANSITION, actor=officer, from_state="draft", to_state=CaseState.SUBMITTED
        )
        clock.shift(dt.timedelta(days=1))
        record(actor=manager, action=Action.USER_DEACTIVATED, target=officer)
        clock.shift(dt.timedelta(days=1))
        record(actor=manager, action=Action.API_TOKEN_CREATED, target=manager, details={"expires": "2098-06-01"})
    return manager


def test_managers_see_every_change_newest_first(client, trail):
    sign_in(client, trail)
    page = client.get(URL).context["page"]
    assert [(row.area, row.action, row.actor, row.target) for row in page.rows] == [
        ("users", "API token created", "boss", "boss"),
        ("users", "User deactivated", "boss", "=cmd|calc"),
        ("cases", "State changed: Draft → Submitted", "=cmd|calc", "Web GIS for investors"),
    ]
    assert page.total == 3 and not page.has_next


def test_filters_by_area_actor_object_and_dates(client, trail):
    sign_in(client, trail)

    def targets(**query):
        return [row.target for row in client.get(URL, query).context["page"].rows]

    assert targets(area="cases") == ["Web GIS for investors"]
    assert targets(area="users", actor="boss") == ["boss", "=cmd|calc"]
    assert targets(actor="cmd") == ["Web GIS for investors"]
    assert targets(q="web gis") == ["Web GIS for investors"]
    assert targets(date_from="2098-03-02", date_to="2098-03-02") == ["=cmd|calc"]
    assert targets(area="invitations") == []
    refused = client.get(URL, {"date_from": "2098-03-03", "date_to": "2098-03-01"})
    assert refused.status_code == 400 and "The end date is before the start date." in refused.content.decode()


def test_the_csv_export_is_in_the_readers_language_and_defuses_formulas(client, trail):
    sign_in(client, trail)
    response = client.get(URL, {"format": "csv", "area": "users"}, HTTP_ACCEPT_LANGUAGE="ko")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0] == ["일시", "처리자", "영역", "작업", "대상", "세부 사항"]
    assert [row[1:5] for row in table[1:]] == [
        ["boss", "사용자", "API 토큰 생성", "boss"],
        ["boss", "사용자", "사용자 비활성화", "'=cmd|calc"],
    ]
    assert table[1][0] == "2098-03-03 10:00:00"


def test_pages_of_the_merged_list(client, trail):
    sign_in(client, trail)
    with time_machine.travel(timezone.make_aware(dt.datetime(2098, 3, 4)), tick=False):  # after the trail
        for number in range(60):
            record(actor=trail, action=Action.INVITATION_SENT, target=trail, details={"n": number})
    first = client.get(URL).context["page"]
    second = client.get(URL, {"page": 2}).context["page"]
    assert len(first.rows) == 50 and first.has_next
    assert len(second.rows) == 13 and not second.has_next
    assert second.rows[-1].area == "cases"
    assert client.get(URL, {"page": "x"}).context["page"].number == 1


@pytest.mark.parametrize("factory", [SubmitterFactory, ReviewerFactory])
def test_only_managers_read_the_audit_log(client, factory):
    sign_in(client, factory())
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403


def test_visitors_are_sent_to_the_login_page(client):
    assert client.get(URL).url.startswith("/accounts/login/")
    assert AuditEvent.objects.count() == 0
