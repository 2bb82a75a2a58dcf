"""On PostgreSQL the statistics are cached under the revision: writes to follow-up reports and
adoptions bump it, so the next request shows them."""

import pytest
from django.db import connection
from django.utils import timezone

from afterward import services
from afterward.models import ProgramStatus
from cases.models import Outcome

from .factories import AdoptionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="revisions are kept by PostgreSQL triggers"),
]


def _tables(client):
    tables = client.get("/api/v1/stats/", {"cycle": 2090}).json()["tables"]
    return tables["sustainability"]["rows"][0]["cells"][-1]["base"], tables["adoption_flows"]["base"]


def test_a_filed_report_and_a_confirmed_adoption_show_on_the_next_request(client, practice, submitter):
    report = services.create_due_reports()[0]
    assert _tables(client) == (0, 0)
    assert _tables(client) == (0, 0)  # from the cache
    values = {o.pk: {"value": "1", "evidence_local": "대장"} for o in Outcome.objects.filter(case=practice)}
    services.submit_report(actor=submitter, report=report, status=ProgramStatus.RUNNING, running_cost=1, values=values)
    assert _tables(client) == (1, 0)
    adoption = AdoptionFactory(source=practice)
    assert _tables(client) == (1, 0)
    services.answer_adoption(actor=submitter, adoption=adoption, confirm=True)
    assert _tables(client) == (1, 1)
    assert adoption.adopted_on <= timezone.localdate()
