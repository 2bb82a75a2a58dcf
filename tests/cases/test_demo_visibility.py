"""Issue 3's "done when" with the demo data: the anonymous API lists exactly the 42 awarded cases;
``gumi`` sees Gumi's drafts and gets 404 for another government's draft or submission."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Role, User
from cases.models import CaseState, InnovationCase
from tests.accounts.factories import SubmitterFactory
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def gumi(demo_data):
    return User.objects.get(username="gumi")


def test_anonymous_api_lists_exactly_the_42_awarded_cases(demo_data):
    response = APIClient().get("/api/v1/cases/", {"page_size": 100})
    body = response.json()
    assert body["count"] == 42
    ids = {row["id"] for row in body["results"]}
    page = 2
    while body["next"]:
        body = APIClient().get("/api/v1/cases/", {"page": page}).json()
        ids |= {row["id"] for row in body["results"]}
        page += 1
    assert ids == set(InnovationCase.objects.filter(state=CaseState.AWARDED).values_list("pk", flat=True))
    assert len(ids) == 42


def test_gumi_sees_own_drafts_in_ui_and_api(client, gumi):
    drafts = InnovationCase.objects.filter(government__code="37050", cycle__year=2007, state=CaseState.DRAFT)
    assert drafts.count() == 1
    draft = drafts.get()
    sign_in(client, gumi)
    my_cases = client.get(reverse("cases:my_cases"))
    assert draft.title in my_cases.content.decode()
    assert {case.government.code for case in my_cases.context["cases"]} == {"37050"}
    assert client.get(reverse("cases:case_detail", args=[draft.pk])).status_code == 200
    api = APIClient()
    api.force_authenticate(gumi)
    assert api.get(f"/api/v1/cases/{draft.pk}/").status_code == 200
    listed = api.get("/api/v1/cases/", {"state": "draft"}).json()
    assert [row["id"] for row in listed["results"]] == [draft.pk]


@pytest.mark.parametrize("state", [CaseState.DRAFT, CaseState.SUBMITTED])
def test_gumi_gets_404_for_other_governments_drafts_and_submissions(client, gumi, state):
    others = InnovationCase.objects.filter(cycle__year=2007, state=state).exclude(government__code="37050")
    assert others.exists()
    sign_in(client, gumi)
    api = APIClient()
    api.force_authenticate(gumi)
    for case in others:
        assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404
        assert client.get(reverse("cases:case_edit", args=[case.pk, "basics"])).status_code == 404
        assert api.get(f"/api/v1/cases/{case.pk}/").status_code == 404
        assert api.patch(f"/api/v1/cases/{case.pk}/", {"title": "x"}, format="json").status_code == 404
        assert api.post(f"/api/v1/cases/{case.pk}/submit/").status_code == 404
    listed = {row["id"] for row in api.get("/api/v1/cases/", {"state": state, "cycle": 2007}).json()["results"]}
    assert listed.isdisjoint(set(others.values_list("pk", flat=True)))


def test_every_demo_case_page_answers_its_own_governments_submitter(client, demo_data):
    """Issue 10: most demo cases' pages once answered 500 to their submitter (history events
    without an actor). Every government with a demo case gets a submitter, who opens each page."""
    submitters = {}
    for case in InnovationCase.objects.select_related("government").order_by("pk"):
        user = submitters.get(case.government_id)
        if user is None:
            user = User.objects.filter(government=case.government, role=Role.SUBMITTER).first()
            user = user or SubmitterFactory(government=case.government)
            submitters[case.government_id] = user
        client.force_login(user)
        for url in (reverse("cases:case_detail", args=[case.pk]), reverse("cases:my_cases")):
            assert client.get(url).status_code == 200, (case.pk, case.state, url)
    assert InnovationCase.objects.count() == 64
