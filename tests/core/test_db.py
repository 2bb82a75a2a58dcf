"""The read-replica router, with a second database alias ("replica", a TEST MIRROR of default in the
test settings: another connection to the same database, as a streaming replica would be)."""

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from cases.models import InnovationCase
from tests.accounts.factories import ManagerFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import CaseFactory
from tests.practices.helpers import page_token

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def practice():
    return CaseFactory(awarded=True, title="One-stop firm service")


@pytest.fixture
def replica(settings):
    settings.DATABASE_READ_REPLICAS = ["replica"]


def _queries(request):
    with CaptureQueriesContext(connections["default"]) as default, CaptureQueriesContext(connections["replica"]) as rep:
        response = request()
    return response, [q["sql"] for q in default.captured_queries], [q["sql"] for q in rep.captured_queries]


def test_public_pages_read_from_the_replica_only(client, practice, replica):
    for path in ("/", "/practices/", f"/practices/{practice.pk}/", "/dashboard/", "/api/v1/stats/", "/open-data/"):
        response, on_default, on_replica = _queries(lambda path=path: client.get(path))
        assert response.status_code == 200, path
        assert on_default == [], path
        assert on_replica, path


def test_a_signed_in_managers_work_reads_from_default(client, practice, replica):
    sign_in(client, ManagerFactory())
    response, on_default, on_replica = _queries(lambda: client.get("/reviews/manage/"))
    assert response.status_code == 200
    assert on_default
    assert on_replica == []


def test_an_answer_on_a_public_page_is_written_and_read_on_default(client, practice, replica):
    token = page_token(client, practice)  # the visitor loads the page (read from the replica) first
    response, on_default, on_replica = _queries(
        lambda: client.post(f"/practices/{practice.pk}/feedback/", {"felt": "yes", "visitor_token": token})
    )
    assert response.status_code == 302
    assert any(sql.startswith("INSERT") for sql in on_default)
    assert on_replica == []


def test_without_a_replica_configured_everything_uses_default(client, practice):
    response, on_default, on_replica = _queries(lambda: client.get("/practices/"))
    assert response.status_code == 200
    assert on_default and on_replica == []


def test_outside_a_request_and_for_writes_the_router_says_default(replica):
    assert router.db_for_read(InnovationCase) == "default"
    assert router.db_for_write(InnovationCase) == "default"
    assert router.allow_migrate("default", "cases") is True
    assert router.allow_migrate("replica", "cases") is False
