import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from cases.models import CycleState, ParticipationLevel, Verification
from practices.models import CitizenFeedback, ModerationState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import (
    AwardCycleFactory,
    AwardLevelFactory,
    CaseFactory,
    OutcomeFactory,
    ParticipantKindFactory,
)
from tests.governments.factories import CityFactory, MetropolisFactory, ProvinceFactory
from tests.practices.factories import CitizenFeedbackFactory
from tests.practices.helpers import answer, feedback_url, page_token
from tests.reviews.factories import AwardDecisionFactory

pytestmark = pytest.mark.django_db

LIST = reverse("practices:practice_list")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="c-tit"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def seosan():
    chungnam = ProvinceFactory(code="34", name="Chungcheongnam-do", name_local="충청남도")
    return CaseFactory(
        awarded=True,
        government=CityFactory(code="34050", name="Seosan-si", name_local="서산시", parent=chungnam),
        title="Migratory Birds of Cheonsu Bay",
        title_local="천수만 철새",
        summary="Residents built a website on the birds.",
        summary_local="주민이 철새 웹사이트를 만들었다.",
        participation_level=ParticipationLevel.COLLABORATE,
        is_illustrative=False,
        obstacles=["lack_of_cooperation"],
        remedies=["induced_cooperation"],
    )


# --- List ------------------------------------------------------------------------------------


def test_list_shows_only_published_awarded_practices(client, seosan):
    CaseFactory(awarded=True, cycle=AwardCycleFactory(state=CycleState.DECIDING), title="Undecided")
    CaseFactory(not_awarded=True, cycle=seosan.cycle, title="Not awarded")
    CaseFactory(title="Draft")
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Migratory Birds of Cheonsu Bay"]
    assert "1 practice found" in response.content.decode()


def test_search_in_english_and_korean(client, seosan):
    CaseFactory(awarded=True, cycle=seosan.cycle, title="One-stop service")
    assert titles(client.get(LIST, {"q": "birds"})) == ["Migratory Birds of Cheonsu Bay"]
    korean = client.get(LIST, {"q": "철새"}, HTTP_ACCEPT_LANGUAGE="ko")
    assert korean.content.decode().count('<h3 class="c-tit">') == 1
    assert "천수만 철새" in korean.content.decode()
    assert "서산시" in korean.content.decode()


def test_filters_combine_and_the_form_keeps_them(client):
    metro_ict = CaseFactory(awarded=True, government=MetropolisFactory(), uses_ict=True, title="Metro ICT")
    CaseFactory(awarded=True, cycle=metro_ict.cycle, government=MetropolisFactory(), title="Metro paper")
    CaseFactory(awarded=True, cycle=metro_ict.cycle, uses_ict=True, title="City ICT")
    response = client.get(LIST, {"tier": "metropolis", "ict": "true"})
    assert titles(response) == ["Metro ICT"]
    html = response.content.decode()
    assert 'id="id_tier_metropolis" value="metropolis" checked' in html
    assert '<option value="true" selected>' in html


def test_every_filter_control_is_labelled(client):
    html = client.get(LIST).content.decode()
    for control in ["id_q", "id_region", "id_purpose", "id_ict", "id_obstacle", "id_remedy", "id_participation"]:
        assert f'for="{control}"' in html, control
    assert html.count("<legend") == 2  # cycle and tier check boxes


def test_invalid_filter_is_reported_not_fatal(client, seosan):
    response = client.get(LIST, {"cycle": "1999"})
    assert response.status_code == 200
    assert "Some filters could not be applied" in response.content.decode()


def test_pagination_keeps_the_filters(client):
    cycle = AwardCycleFactory(year=2006, published=True)
    for number in range(14):
        CaseFactory(awarded=True, cycle=cycle, uses_ict=True, title=f"ICT {number:02d}")
    CaseFactory(awarded=True, cycle=cycle, title="Paper")
    first = client.get(LIST, {"ict": "true"})
    assert len(titles(first)) == 12
    assert "14 practices found" in first.content.decode()
    assert 'href="?ict=true&amp;page=2"' in first.content.decode()
    second = client.get(LIST, {"ict": "true", "page": "2"})
    assert len(titles(second)) == 2
    assert 'aria-current="page"><span class="sr-only">Current page </span>2</a>' in second.content.decode()
    assert len(titles(client.get(LIST, {"ict": "true", "page": "99"}))) == 2  # out of range: last page


def test_list_queries_do_not_grow_with_the_number_of_cases(client, django_assert_max_num_queries):
    cycle = AwardCycleFactory(year=2006, published=True)
    CaseFactory.create_batch(2, awarded=True, cycle=cycle)
    client.get(LIST)  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    CaseFactory.create_batch(10, awarded=True, cycle=cycle)
    with django_assert_max_num_queries(len(few)):
        client.get(LIST)


# --- Detail ----------------------------------------------------------------------------------


def test_detail_shows_the_practice(client, seosan):
    OutcomeFactory(case=seosan, indicator="Bird species", baseline=None, result=318, unit="species", order=1)
    OutcomeFactory(
        case=seosan, indicator="Rice sales", baseline=1000, result=1350.5, unit="index", order=2,
        verification=Verification.PARTLY,
    )  # fmt: skip
    seosan.participant_kinds.set([ParticipantKindFactory(code="citizens"), ParticipantKindFactory(code="ngos")])
    html = client.get(reverse("practices:practice_detail", args=[seosan.pk])).content.decode()
    assert "<h1" in html and "Migratory Birds of Cheonsu Bay</h1>" in html
    assert "Seosan-si, Chungcheongnam-do" in html
    assert "Lack of cooperation" in html and "Induced cooperation" in html
    assert "Collaborate" in html and "Citizens, Ngos" in html
    assert "Bird species" in html and "318 species" in html and "Verified" not in html.split("Bird species")[0]
    assert "1,000 index" in html and "1,350.50 index" in html
    assert "Partly verified" in html and "Not yet checked" in html
    assert "Illustrative case" not in html
    assert "No visitor has answered yet." in html


def test_detail_in_korean(client, seosan):
    html = client.get(
        reverse("practices:practice_detail", args=[seosan.pk]), HTTP_ACCEPT_LANGUAGE="ko"
    ).content.decode()
    assert "천수만 철새</h1>" in html
    assert "충청남도 서산시" in html


def test_illustrative_cases_say_so(client):
    case = CaseFactory(awarded=True, is_illustrative=True)
    html = client.get(reverse("practices:practice_detail", args=[case.pk])).content.decode()
    assert "Illustrative case: this practice is demonstration data" in html


def test_detail_shows_the_award_and_its_rationale(client, seosan):
    level = AwardLevelFactory(cycle=seosan.cycle, code="grand", name="Grand Prize", name_local="대상")
    AwardDecisionFactory(case=seosan, level=level, rationale="Citizens built it.", rationale_local="주민이 만들었다.")
    html = client.get(reverse("practices:practice_detail", args=[seosan.pk])).content.decode()
    assert "Award: Grand Prize" in html
    assert "Citizens built it." in html


@pytest.mark.parametrize(
    "make_case",
    [
        lambda: CaseFactory(),
        lambda: CaseFactory(submitted=True),
        lambda: CaseFactory(not_awarded=True),
        lambda: CaseFactory(awarded=True, cycle=AwardCycleFactory(state=CycleState.DECIDING)),
    ],
    ids=["draft", "submitted", "not-awarded", "cycle-not-published"],
)
def test_detail_of_a_non_public_case_is_404_even_for_its_submitter(client, make_case):
    case = make_case()
    sign_in(client, SubmitterFactory(government=case.government))
    assert client.get(reverse("practices:practice_detail", args=[case.pk])).status_code == 404
    assert client.post(reverse("practices:practice_feedback", args=[case.pk]), {"felt": "yes"}).status_code == 404
    assert client.get(reverse("practices:practice_detail", args=[999999])).status_code == 404


def test_detail_queries_are_bounded(client, seosan, django_assert_max_num_queries):
    OutcomeFactory.create_batch(5, case=seosan)
    with django_assert_max_num_queries(14):
        client.get(reverse("practices:practice_detail", args=[seosan.pk]))


# --- Feedback --------------------------------------------------------------------------------


def test_a_visitor_answers_once_and_is_refused_politely_the_second_time(client, seosan):
    detail = reverse("practices:practice_detail", args=[seosan.pk])
    response = answer(client, seosan, {"felt": "yes", "comment": ""}, follow=True)
    assert response.redirect_chain == [(detail + "#feedback", 302)]
    html = response.content.decode()
    assert "Thank you for your answer." in html
    assert "You answered “Yes”" in html
    assert 'name="felt"' not in html  # the form is replaced by the answer

    again = answer(client, seosan, {"felt": "no"}, follow=True)
    assert "You have already answered for this practice — thank you." in again.content.decode()
    assert list(CitizenFeedback.objects.values_list("felt", flat=True)) == ["yes"]
    counts = re.search(r"<th scope=\"row\">Yes</th><td>(\d+)</td>", again.content.decode())
    assert counts.group(1) == "1"


def test_no_raw_address_or_session_is_stored(client, seosan):
    answer(client, seosan, {"felt": "no"}, REMOTE_ADDR="198.51.100.7")
    feedback = CitizenFeedback.objects.get()
    assert len(feedback.visitor) == 64
    assert "198.51.100" not in feedback.visitor
    assert client.session["feedback_visitor"] not in feedback.visitor


def test_signed_in_users_are_one_visitor_across_sessions(client, seosan):
    user = ReviewerFactory()
    sign_in(client, user)
    answer(client, seosan, {"felt": "yes"})
    client.logout()
    sign_in(client, user)
    answer(client, seosan, {"felt": "no"})
    assert CitizenFeedback.objects.count() == 1


def test_a_comment_waits_for_moderation(client, seosan):
    response = answer(client, seosan, {"felt": "not_sure", "comment": "Saw more birds"}, follow=True)
    html = response.content.decode()
    assert "Your comment will appear once a moderator has read it." in html
    assert "Your comment is waiting for a moderator." in html
    assert "Saw more birds" not in html
    assert CitizenFeedback.objects.get().moderation == ModerationState.PENDING


def test_missing_answer_shows_the_error_and_keeps_the_comment(client, seosan):
    response = answer(client, seosan, {"comment": "Keep me"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose yes, no or not sure." in html
    assert "Keep me</textarea>" in html
    assert CitizenFeedback.objects.count() == 0


def test_honeypot_looks_accepted_but_stores_nothing(client, seosan):
    response = answer(client, seosan, {"felt": "yes", "website": "http://spam.example"}, follow=True)
    assert "Thank you for your answer." in response.content.decode()
    assert CitizenFeedback.objects.count() == 0


def test_rate_limited_visitors_get_429(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    cycle = AwardCycleFactory(published=True)
    cases = CaseFactory.create_batch(3, awarded=True, cycle=cycle)
    assert answer(client, cases[0], {"felt": "yes"}).status_code == 302
    assert answer(client, cases[1], {"felt": "yes"}).status_code == 302
    refused = answer(client, cases[2], {"felt": "yes", "comment": "Mine"})
    assert refused.status_code == 429
    assert "Too many answers have come from your connection." in refused.content.decode()
    assert "Mine</textarea>" in refused.content.decode()


def test_feedback_only_by_post(client, seosan):
    assert client.get(feedback_url(seosan)).status_code == 405


# --- Moderation ------------------------------------------------------------------------------

QUEUE = reverse("practices:feedback_moderation")


@pytest.mark.parametrize(
    "make_user", [None, SubmitterFactory, ReviewerFactory], ids=["anonymous", "submitter", "reviewer"]
)
def test_moderation_is_hidden_from_everyone_but_managers(client, make_user):
    feedback = CitizenFeedbackFactory(comment="Hi", moderation=ModerationState.PENDING)
    if make_user:
        sign_in(client, make_user())
    assert client.get(QUEUE).status_code == 404
    moderate = reverse("practices:feedback_moderate", args=[feedback.pk])
    assert client.post(moderate, {"decision": "approved"}).status_code == 404
    feedback.refresh_from_db()
    assert feedback.moderation == ModerationState.PENDING


def test_manager_approves_a_comment_which_then_shows_on_the_practice(client, seosan):
    feedback = CitizenFeedbackFactory(case=seosan, comment="The bay is full of visitors now.", moderation="pending")
    CitizenFeedbackFactory(case=seosan, comment="Rude words", moderation="pending")
    sign_in(client, ManagerFactory())
    queue = client.get(QUEUE).content.decode()
    assert "The bay is full of visitors now." in queue and "Rude words" in queue
    response = client.post(
        reverse("practices:feedback_moderate", args=[feedback.pk]), {"decision": "approved"}, follow=True
    )
    assert "The comment is approved" in response.content.decode()
    assert "The bay is full of visitors now." not in response.content.decode()  # left the queue
    detail = client.get(reverse("practices:practice_detail", args=[seosan.pk])).content.decode()
    assert "The bay is full of visitors now." in detail
    assert "Rude words" not in detail


def test_moderating_twice_is_refused_with_a_message(client):
    feedback = CitizenFeedbackFactory(comment="Hi", moderation=ModerationState.REJECTED)
    sign_in(client, ManagerFactory())
    response = client.post(
        reverse("practices:feedback_moderate", args=[feedback.pk]), {"decision": "approved"}, follow=True
    )
    assert "This comment has already been moderated." in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.moderation == ModerationState.REJECTED


# --- Home ------------------------------------------------------------------------------------


def test_home_shows_headline_numbers_and_latest_practices(client, seosan):
    CaseFactory(awarded=True, cycle=seosan.cycle, uses_ict=True, title="Online permits")
    html = client.get(reverse("home")).content.decode()
    assert re.search(r'headline-number">2</span> <span class="headline-label">awarded practices', html)
    assert re.search(r'headline-number">50.0%</span>', html)
    assert reverse("practices:practice_detail", args=[seosan.pk]) in html
    assert reverse("practices:open_data") in html
    assert reverse("api-docs") in html


def test_empty_fields_of_the_form_are_dropped_from_the_page_links(client):
    cycle = AwardCycleFactory(year=2006, published=True)
    CaseFactory.create_batch(13, awarded=True, cycle=cycle)
    html = client.get(LIST, {"q": "", "region": "", "cycle": "2006", "utm": "x"}).content.decode()
    assert 'href="?cycle=2006&amp;page=2"' in html


def test_an_answer_without_a_session_or_a_page_token_is_refused_and_stores_nothing(client, seosan):
    response = client.post(feedback_url(seosan), {"felt": "yes", "comment": "Kept"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answer could not be matched to this visit. Please reload the page and answer again." in html
    assert "Kept</textarea>" in html
    assert CitizenFeedback.objects.count() == 0


def test_a_forged_page_token_is_refused(client, seosan):
    response = client.post(feedback_url(seosan), {"felt": "yes", "visitor_token": "0123456789abcdef"})
    assert response.status_code == 400
    assert CitizenFeedback.objects.count() == 0


def test_the_same_page_sent_twice_stores_one_answer_and_a_new_page_knows_the_visitor(client, seosan):
    token = page_token(client, seosan)
    assert client.post(feedback_url(seosan), {"felt": "yes", "visitor_token": token}).status_code == 302
    assert client.post(feedback_url(seosan), {"felt": "no", "visitor_token": token}).status_code == 302
    assert list(CitizenFeedback.objects.values_list("felt", flat=True)) == ["yes"]
    assert page_token(client, seosan) == ""  # the session now holds the visitor's token
