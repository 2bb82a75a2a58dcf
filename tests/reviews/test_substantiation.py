"""The substantiation check: the review page highlights the glossary's jargon in the case text and
lists the claimed outcomes without evidence; the ranking shows both per case."""

import pytest
from django.urls import reverse

from cases.demo import load_taxonomies
from cases.models import InnovationCase, Outcome
from reviews import selectors, services
from tests.accounts.helpers import sign_in
from tests.cases.factories import OutcomeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jargon_case(case):
    load_taxonomies()
    InnovationCase.objects.filter(pk=case.pk).update(
        description="We applied BPR & TQM to <every> permit.", summary_local="목표관리제를 도입하였다."
    )
    Outcome.objects.filter(case=case).update(evidence="", evidence_url="")
    OutcomeFactory(case=case, indicator="Permit days", evidence="Portal logs 2005")
    case.refresh_from_db()
    return case


def test_the_review_page_marks_jargon_and_lists_outcomes_without_evidence(client, manager, jargon_case, reviewer):
    assignment = services.assign_reviewer(actor=manager, case=jargon_case, reviewer=reviewer)
    sign_in(client, reviewer)
    html = client.get(reverse("reviews:review", args=[assignment.pk])).content.decode()
    assert (
        'We applied <mark class="jargon" data-term="bpr" title="Business process reengineering">BPR</mark> &amp; '
        '<mark class="jargon" data-term="tqm" title="Total quality management">TQM</mark> to &lt;every&gt; permit.'
    ) in html
    panel = html.split('id="substantiation"', 1)[1].split("</section>", 1)[0]
    assert '<li data-term="bpr"><mark class="jargon">Business process reengineering</mark> × 1' in panel
    assert 'data-term="tqm"' in panel
    assert 'data-term="mbo"' in panel  # in the Korean summary
    unevidenced = panel.split('class="unevidenced-list"', 1)[1]
    assert "Firms attracted" in unevidenced
    assert "Permit days" not in unevidenced


def test_the_review_page_in_korean(client, manager, jargon_case, reviewer):
    assignment = services.assign_reviewer(actor=manager, case=jargon_case, reviewer=reviewer)
    sign_in(client, reviewer)
    client.cookies["django_language"] = "ko"
    html = client.get(reverse("reviews:review", args=[assignment.pk]), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "근거 확인" in html
    assert '<mark class="jargon" data-term="mbo" title="목표관리제">목표관리제</mark>를' in html


def test_the_ranking_shows_evidence_share_and_jargon_count(client, manager, jargon_case, cycle):
    row = next(row for row in selectors.ranking(cycle) if row.case.pk == jargon_case.pk)
    assert (row.evidenced_percent, row.jargon_count) == (50.0, 3)
    sign_in(client, manager)
    html = client.get(reverse("reviews:ranking", args=[cycle.year])).content.decode()
    assert '<td data-column="evidenced">50.0</td>' in html
    assert '<td data-column="jargon">3</td>' in html
    assert "Outcomes with evidence %" in html
    by_jargon = selectors.ranking(cycle, sort="jargon")
    assert by_jargon[0].case.pk == jargon_case.pk
