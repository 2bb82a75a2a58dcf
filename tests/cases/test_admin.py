import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardLevelFactory, CaseFactory, PurposeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_render(admin_client):
    level = AwardLevelFactory()
    case = CaseFactory(obstacles=["legal_constraint"])
    PurposeFactory()
    for url in (
        reverse("admin:cases_purpose_changelist"),
        reverse("admin:cases_obstacletype_changelist"),
        reverse("admin:cases_awardcycle_change", args=[level.cycle.pk]),
        reverse("admin:cases_innovationcase_changelist"),
        reverse("admin:cases_innovationcase_change", args=[case.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_cases_are_read_only_in_the_admin(admin_client):
    case = CaseFactory(title="Audited")
    response = admin_client.post(reverse("admin:cases_innovationcase_change", args=[case.pk]), {"title": "Changed"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.title == "Audited"
    assert admin_client.get(reverse("admin:cases_innovationcase_add")).status_code == 403
