"""One award cycle from start to finish in the browser, each person in their own browser (issue 10,
item 8): the manager opens the cycle (set up as a draft: cycles are created in the admin) through
its confirmation page; a submitter of Gumi drafts a case in Korean across every section with a real
PDF, makes a mistake that the error summary points out, fixes it and submits; the manager closes
submissions, is refused a reviewer with a conflict of interest (the refusal names it) and assigns
two others; one reviewer scores and submits, the other scores and keeps a draft; the manager asks
for a revision, which the submitter reads on the case page, answers by changing a section and
resubmits; the second reviewer sees the changed case and submits; the manager decides, confirms and
publishes; a visitor on a 390 px phone, in Korean, finds the practice, answers "did you feel it" and
sees the dashboard's numbers change. No page answers a server error and no script fails on the way.

It takes one and a half to two minutes here, so it runs once in CI: in the PostgreSQL pass (skipped on
SQLite).

Steps marked ``# lifecycle:`` check the revision thread and confidentiality: decisions kept until
publication, the submitter's response note, the reviewers' per-field diff and reopening a review,
withdrawing a revision request."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Locator, Page, expect

from cases.demo import load_taxonomies
from cases.models import Attachment, CaseState, CycleState, InnovationCase
from reviews.models import AwardDecision, Review, ReviewState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory
from tests.e2e.helpers import log_in_with_password, one_page_pdf
from tests.governments.factories import CityFactory, ProvinceFactory
from tests.reviews.factories import CriterionFactory
from tests.servers import require_postgresql

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
YEAR = 2110
CYCLE_TITLE = f"{YEAR} Local Government Innovation Awards"
TITLE_KO = "투자자를 위한 웹 GIS"
TITLE_EN = "Web GIS for investors"
INDICATOR_KO = "공장 설립 인허가 처리 기간"
REMEDY_BEFORE = "부서 합동 워크숍을 열었다."
REMEDY_AFTER = "부서 합동 워크숍을 열고, 자료를 공유한 부서에 성과 점수를 주었다."
REVISION_REQUEST = "Please describe how the departments were brought to share their data."


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql("the whole-cycle journey is long; it runs once in CI, in its PostgreSQL pass")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def cycle_data():
    """The people and the cycle of the journey; an earlier published cycle with one awarded case, so
    that the dashboard has numbers before this cycle adds to them."""
    load_taxonomies()
    province = ProvinceFactory(code="37", name="Gyeongsangbuk-do", name_local="경상북도")
    gumi = CityFactory(code="37050", name="Gumi-si", name_local="구미시", parent=province, population=400_000)
    chungnam = ProvinceFactory(code="44", name="Chungcheongnam-do", name_local="충청남도")
    seosan = CityFactory(code="44030", name="Seosan-si", name_local="서산시", parent=chungnam, population=150_000)
    earlier = AwardCycleFactory(year=YEAR - 1, published=True)
    CaseFactory(awarded=True, cycle=earlier, government=seosan, title="One-stop permits", title_local="원스톱 인허가")

    now = timezone.now()
    cycle = AwardCycleFactory(
        year=YEAR,
        title=CYCLE_TITLE,
        title_local=f"{YEAR}년 지방자치단체 혁신상",
        state=CycleState.DRAFT,
        submission_opens=now - dt.timedelta(hours=1),
        submission_closes=now + dt.timedelta(days=30),
        review_deadline=(now + dt.timedelta(days=60)).date(),
    )
    CriterionFactory(cycle=cycle, code="novelty", name="Novelty", name_local="혁신성", weight=Decimal(2), order=1)
    CriterionFactory(cycle=cycle, code="effect", name="Effectiveness", name_local="효과성", weight=Decimal(1), order=2)
    AwardLevelFactory(cycle=cycle, code="grand", name="Grand Prize", name_local="대상", rank=1, quota=1)

    ManagerFactory(username="boss")
    SubmitterFactory(username="gumi-staff", government=gumi)
    ReviewerFactory(username="reviewer-kim", first_name="Min-jun", last_name="Kim")
    ReviewerFactory(username="reviewer-park", first_name="Seo-yeon", last_name="Park")
    ReviewerFactory(username="reviewer-lee", government=province)  # the parent of Gumi: a conflict
    return cycle


# --- the people, each at their own browser --------------------------------------------------------


@dataclass
class Browsers:
    """Opens a browser (a context of its own) per person and notes what should never happen on any
    of them: a server error, or a script error on a page."""

    new_context: Callable[..., BrowserContext]
    live_server: object
    problems: list[str] = field(default_factory=list)

    def open(self, **context_args) -> Page:
        context = self.new_context(**context_args)
        context.on("response", lambda r: self.problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))
        return context.new_page()

    def signed_in(self, username: str) -> Page:
        page = self.open()
        log_in_with_password(page, self.live_server, username, PASSWORD, fresh=False)
        expect(page.locator(".header-tools")).to_contain_text("Log out")
        return page


@pytest.fixture
def browsers(new_context, live_server) -> Browsers:
    return Browsers(new_context, live_server)


def on_a_phone(page: Page) -> bool:
    # Below 1024 px the KRDS header moves the menu and the language switcher into a drawer.
    return page.viewport_size["width"] < 1024


def switch_to_korean(page: Page) -> None:
    """With the site's switcher: the header's on a desktop, the menu's on a phone."""
    if on_a_phone(page):
        page.locator('#krds-header button[aria-controls="mobile-nav"]').click()
        follow(page.locator("#mobile-nav").get_by_role("button", name="한국어"))
    else:
        follow(page.locator(".header-tools").get_by_role("button", name="한국어"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")


def menu_link(page: Page, name: str) -> None:
    """A main menu entry, from the menu drawer on a phone."""
    if on_a_phone(page):
        page.locator('#krds-header button[aria-controls="mobile-nav"]').click()
        follow(page.locator("#mobile-nav").get_by_role("link", name=name, exact=True))
    else:
        follow(page.locator(".main-nav").get_by_role("link", name=name, exact=True))


def follow(target: Locator) -> None:
    """Click a link or a form's button and wait for the page it leads to, so that the next step
    never acts on the page being left (which may hold a link or message of the same name)."""
    with target.page.expect_navigation():
        target.click()


def click(page: Page, name: str) -> None:
    """Press the form's button ``name`` and wait for the answer."""
    follow(page.get_by_role("button", name=name, exact=True))


def choose(page: Page, label: str) -> None:
    """A KRDS radio button or check box, ticked by its visible label as a person does."""
    page.locator("label", has_text=re.compile(f"^{re.escape(label)}$")).click()
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def take_cycle_step(
    page: Page,
    *,
    title: str,
    warning: str | None = None,
    figures: dict[str, str] | None = None,
    opener: str = "#cycle-next-step",
) -> None:
    """A step of the cycle from its overview: the link opens the confirmation page, which shows the
    step's figures and, when the step is early, a warning to read and acknowledge before confirming."""
    follow(page.locator(opener))
    expect(page.locator("#cycle-step-title")).to_have_text(title)
    for name, value in (figures or {}).items():
        expect(page.locator(f'#cycle-step-figures [data-figure="{name}"]')).to_have_text(value)
    warnings = page.locator("#cycle-step-warnings")
    if warning is None:
        expect(warnings).to_have_count(0)
    else:
        expect(warnings).to_contain_text(warning)
        page.locator("label[for=id_acknowledge]").click()
    follow(page.locator("#confirm-cycle-step"))


# --- the steps --------------------------------------------------------------------------------


def manager_opens_the_cycle(manager: Page) -> None:
    menu_link(manager, "Manage awards")
    follow(manager.get_by_role("link", name=CYCLE_TITLE, exact=True))
    expect(manager.locator("#cycle-state")).to_have_text("Draft")
    follow(manager.locator("#cycle-next-step"))
    expect(manager.locator("#cycle-step-title")).to_have_text(f"Move {CYCLE_TITLE} to “Open for submissions”?")
    expect(manager.locator("#cycle-step-effects")).to_contain_text("Municipal staff can start cases and submit them")
    expect(manager.locator("#cycle-step-warnings")).to_have_count(0)
    follow(manager.locator("#cancel-cycle-step"))  # changing one's mind changes nothing
    expect(manager.locator("#cycle-state")).to_have_text("Draft")
    take_cycle_step(manager, title=f"Move {CYCLE_TITLE} to “Open for submissions”?")
    expect(manager.get_by_text("The cycle is now “Open for submissions”.")).to_be_visible()
    expect(manager.locator("#cycle-state")).to_have_text("Open for submissions")


def submitter_drafts_and_submits_in_korean(submitter: Page, live_server) -> InnovationCase:
    switch_to_korean(submitter)
    menu_link(submitter, "내 사례")
    expect(submitter.get_by_role("heading", level=1)).to_have_text("내 사례")
    expect(submitter.locator(".open-cycles")).to_contain_text(f"{YEAR}년 지방자치단체 혁신상")
    follow(submitter.get_by_role("link", name="새 사례 작성"))

    # 1. Basics, Korean first (the English texts are optional, for visitors who read English).
    submitter.locator("#id_title_local").fill(TITLE_KO)
    submitter.locator("#id_title").fill(TITLE_EN)
    submitter.locator("#id_summary_local").fill("기업 유치와 유지를 위한 원스톱 지리정보 서비스.")
    submitter.locator("#id_summary").fill("A one-stop geographic service to attract and keep firms.")
    submitter.locator("#id_description_local").fill("투자자가 공장 부지, 규제와 인허가 절차를 한 화면에서 찾는다.")
    submitter.locator("#id_started_on").fill("2005-03-02")
    submitter.locator("#id_champion_local").fill("구미시장")
    submitter.locator("#id_contact_name").fill("김민지")
    submitter.locator("#id_contact_email").fill("minji.kim@gumi.go.kr")
    submitter.locator("#id_contact_phone").fill("054-480-1234")
    click(submitter, "저장 후 계속")
    expect(submitter.get_by_text("임시 저장되었습니다.")).to_be_visible()
    case = InnovationCase.objects.get(title_local=TITLE_KO)

    # 2. Purpose and ICT
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("목적 및 ICT")
    choose(submitter, "서비스 개선")
    choose(submitter, "ICT가 주된 수단")
    submitter.locator("#id_ict_description_local").fill("웹 기반 지리정보시스템(GIS)")
    click(submitter, "저장 후 계속")
    # 3. Obstacles
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("장애요인")
    submitter.locator("#id_obstacles-0-type").select_option(label="협조 부족")
    submitter.locator("#id_obstacles-0-description_local").fill("부서마다 자료를 내놓지 않았다.")
    click(submitter, "저장 후 계속")
    # 4. Remedies
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("극복방법")
    submitter.locator("#id_remedies-0-type").select_option(label="협력 유도")
    submitter.locator("#id_remedies-0-description_local").fill(REMEDY_BEFORE)
    click(submitter, "저장 후 계속")

    # 5. Outcomes: the indicator is forgotten; the error summary says so, takes the focus and leads
    # to the field.
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("성과 및 증빙")
    submitter.locator("#id_outcomes-0-unit_local").fill("일")
    submitter.locator("#id_outcomes-0-baseline").fill("30")
    submitter.locator("#id_outcomes-0-result").fill("7")
    click(submitter, "저장 후 계속")
    summary = submitter.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("입력 내용에 문제가 있습니다")
    expect(summary).to_contain_text("지표명을 한글 또는 영문으로 입력하십시오.")
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("성과 및 증빙")
    expect(submitter.locator("#id_outcomes-0-baseline")).to_have_value("30")  # nothing typed is lost
    summary.get_by_role("link").click()
    indicator = submitter.locator("#id_outcomes-0-indicator_local")
    expect(indicator).to_be_focused()
    indicator.fill(INDICATOR_KO)
    click(submitter, "저장 후 계속")
    expect(submitter.locator("#error-summary")).to_have_count(0)
    # 6. Citizen participation
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("시민 참여")
    choose(submitter, "협의")
    choose(submitter, "주민")
    click(submitter, "저장 후 계속")
    # 7. Attachments: a real PDF.
    expect(submitter.locator('[aria-current="step"]')).to_contain_text("첨부파일")
    submitter.locator("#id_file").set_input_files(
        files=[
            {
                "name": "investor-survey.pdf",
                "mimeType": "application/pdf",
                "buffer": one_page_pdf("Gumi investor survey, 2005"),
            }
        ]
    )
    click(submitter, "올리기")
    expect(submitter.get_by_text("파일을 올렸습니다.")).to_be_visible()
    expect(submitter.get_by_role("link", name="investor-survey.pdf")).to_be_visible()
    submitter.locator("#attachments-continue").click()
    submitter.wait_for_url(f"{live_server.url}/my/cases/{case.pk}/edit/review/")
    # 8. Review and submit
    expect(submitter.locator(".completeness")).to_contain_text("필요한 내용이 모두 입력되었습니다.")
    click(submitter, "사례 제출")
    expect(submitter.get_by_text("사례가 제출되었습니다. 감사합니다.")).to_be_visible()

    menu_link(submitter, "내 사례")
    expect(submitter.locator(f'tr[data-case="{case.pk}"] .state-badge')).to_have_text("제출 완료")
    case.refresh_from_db()
    assert (case.state, case.tier, case.population, case.uses_ict) == (CaseState.SUBMITTED, "city", 400_000, True)
    assert list(Attachment.objects.filter(case=case).values_list("original_name", flat=True)) == ["investor-survey.pdf"]
    return case


def assign(manager: Page, case: InnovationCase, reviewer: str) -> None:
    manager.locator("#id_single-case").select_option(str(case.pk))
    manager.locator("#id_single-reviewer").select_option(label=reviewer)
    click(manager, "Assign")


def manager_closes_submissions_and_assigns(manager: Page, case: InnovationCase) -> None:
    menu_link(manager, "Manage awards")
    follow(manager.get_by_role("link", name=CYCLE_TITLE, exact=True))
    expect(manager.locator("#cycle-next-step")).to_have_text("Move to “Reviewing”")
    # One submitted case, no draft left behind; early, since submissions close in 30 days.
    take_cycle_step(
        manager,
        title=f"Move {CYCLE_TITLE} to “Reviewing”?",
        figures={"drafts_closing": "0", "reviews_missing": "2"},
        warning="The submission deadline is",
    )
    expect(manager.locator("#cycle-state")).to_have_text("Reviewing")

    follow(manager.get_by_role("link", name="Assign reviewers"))
    reason = (
        "reviewer-lee is affiliated with Gyeongsangbuk-do, the parent of Gumi-si, Gyeongsangbuk-do, "
        "which submitted this case."
    )
    expect(manager.locator(".conflict")).to_have_text(reason)
    assign(manager, case, "reviewer-lee (Gyeongsangbuk-do)")
    expect(manager.locator(".messages")).to_have_text(f"Conflict of interest: {reason}")
    for reviewer in ("Min-jun Kim", "Seo-yeon Park"):
        assign(manager, case, reviewer)
        expect(manager.locator(".messages")).to_have_text("The reviewer was assigned.")
    expect(manager.get_by_role("row", name=re.compile(TITLE_EN))).to_contain_text("Min-jun Kim, Seo-yeon Park")
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.IN_REVIEW


def open_review(reviewer: Page) -> None:
    menu_link(reviewer, "My reviews")
    follow(reviewer.get_by_role("link", name=TITLE_EN, exact=True))
    expect(reviewer.get_by_role("heading", level=1)).to_have_text(TITLE_EN)


def score(reviewer: Page, *, novelty: str, effect: str, total: str) -> None:
    reviewer.get_by_label("Novelty").fill(novelty)
    reviewer.get_by_label("Effectiveness").fill(effect)
    expect(reviewer.locator("#weighted-total")).to_have_text(total)


def finish_and_submit(reviewer: Page, comment: str) -> None:
    reviewer.get_by_label(re.compile(INDICATOR_KO)).select_option("verified")
    reviewer.get_by_label("Comment to the submitter").fill(comment)
    reviewer.get_by_label("Recommendation").select_option("award")
    declaration = reviewer.locator("#id_declared_no_conflict")
    if not declaration.is_checked():  # a reopened review keeps its declaration
        reviewer.locator("label[for=id_declared_no_conflict]").click()
    expect(declaration).to_be_checked()
    click(reviewer, "Submit review")
    expect(reviewer.get_by_text("Your review was submitted.")).to_be_visible()


def reviewers_score(kim: Page, park: Page) -> None:
    open_review(kim)
    expect(kim.locator(".review-case")).to_contain_text(REMEDY_BEFORE)
    expect(kim.get_by_role("link", name="investor-survey.pdf")).to_be_visible()
    score(kim, novelty="5", effect="4", total="4.67")
    finish_and_submit(kim, "Convincing results; the permit times are well documented.")
    # Park scores and keeps a draft to finish later.
    open_review(park)
    score(park, novelty="4", effect="3", total="3.67")
    click(park, "Save draft")
    expect(park.get_by_text("Your draft was saved.")).to_be_visible()


def manager_requests_a_revision(manager: Page) -> None:
    follow(manager.get_by_role("link", name=TITLE_EN, exact=True))  # from "Assign reviewers"
    expect(manager.locator("#case-state")).to_have_text("In review")
    expect(manager.get_by_role("heading", name="Min-jun Kim — Submitted · 4.67")).to_be_visible()
    manager.get_by_label("What should be revised").fill(REVISION_REQUEST)
    click(manager, "Send back for revision")
    expect(manager.get_by_text("The case was sent back to the submitter for revision.")).to_be_visible()
    expect(manager.locator("#case-state")).to_have_text("Revision requested")
    # lifecycle: a manager can withdraw a revision request (not used in this journey), and the
    # request shows who asked, when and by when.
    withdraw = manager.locator("#withdraw-revision-form")
    expect(withdraw.get_by_role("button", name="Withdraw the request")).to_be_visible()


def submitter_revises_and_resubmits(submitter: Page, case: InnovationCase) -> None:
    menu_link(submitter, "내 사례")
    row = submitter.locator(f'tr[data-case="{case.pk}"]')
    expect(row.locator(".state-badge")).to_have_text("보완 요청")
    follow(row.get_by_role("link", name=TITLE_KO, exact=True))
    request = submitter.locator("#revision-request")
    expect(request.get_by_role("heading")).to_have_text("중앙부처가 보완을 요청했습니다")
    expect(request).to_contain_text(REVISION_REQUEST)
    # lifecycle: the request also shows in "My cases" (who asked, when, what, by when).
    menu_link(submitter, "내 사례")
    expect(submitter.locator(f'tr[data-case="{case.pk}"]')).to_contain_text(REVISION_REQUEST)
    follow(submitter.locator(f'tr[data-case="{case.pk}"]').get_by_role("link", name=TITLE_KO, exact=True))

    follow(submitter.get_by_role("link", name="사례 보완"))
    follow(submitter.get_by_role("link", name=re.compile("극복방법")))
    expect(submitter.locator("#id_remedies-0-description_local")).to_have_value(REMEDY_BEFORE)
    submitter.locator("#id_remedies-0-description_local").fill(REMEDY_AFTER)
    click(submitter, "임시 저장")
    expect(submitter.get_by_text("임시 저장되었습니다.")).to_be_visible()
    follow(submitter.get_by_role("link", name=re.compile("검토 및 제출")))
    expect(submitter.locator(".completeness")).to_contain_text("필요한 내용이 모두 입력되었습니다.")
    # lifecycle: the submitter answers with a response note beside the changed sections.
    submitter.get_by_label("요청에 대한 답변").fill("자료 공유를 이끈 방법을 극복방법에 추가했습니다.")
    click(submitter, "사례 재제출")
    expect(submitter.get_by_text("사례가 재제출되어 심사위원에게 다시 전달되었습니다.")).to_be_visible()
    menu_link(submitter, "내 사례")
    expect(submitter.locator(f'tr[data-case="{case.pk}"] .state-badge')).to_have_text("심사 중")


def reviewers_see_the_case_again(kim: Page, park: Page) -> None:
    open_review(park)
    expect(park.locator(".review-case")).to_contain_text(REMEDY_AFTER)
    expect(park.get_by_label("Novelty")).to_have_value("4")  # the draft is still there
    finish_and_submit(park, "The revised remedies answer the ministry's question.")
    # lifecycle: Kim sees what changed since her review (a per-field diff) and reopens it.
    open_review(kim)
    changes = kim.locator("#review-changes")
    expect(changes).to_contain_text(REMEDY_BEFORE)
    expect(changes).to_contain_text(REMEDY_AFTER)
    click(kim, "Reopen my review")
    score(kim, novelty="5", effect="5", total="5")
    finish_and_submit(kim, "Convincing results; the permit times are well documented.")


def manager_decides_and_publishes(manager: Page, submitter: Page, live_server, case: InnovationCase) -> None:
    menu_link(manager, "Manage awards")
    follow(manager.get_by_role("link", name=CYCLE_TITLE, exact=True))
    take_cycle_step(
        manager,
        title=f"Move {CYCLE_TITLE} to “Deciding”?",
        figures={"reviews_missing": "0", "cases_without_review": "0"},
        warning="The review deadline is",
    )
    expect(manager.locator("#cycle-state")).to_have_text("Deciding")

    follow(manager.get_by_role("link", name="Ranking"))
    follow(manager.get_by_role("link", name=TITLE_EN, exact=True))
    manager.get_by_label("Award").select_option(label="Grand Prize")
    manager.get_by_label("Rationale (English)").fill("Verified results that other cities can copy.")
    click(manager, "Record the decision")
    expect(manager.get_by_text("The decision was recorded.")).to_be_visible()
    expect(manager.locator("#decision")).to_contain_text("Grand Prize")

    # lifecycle: until the cycle is published the decision is the managers' only; the submitter
    # still sees "in review" in "My cases", on the case page and in the API.
    menu_link(submitter, "내 사례")
    row = submitter.locator(f'tr[data-case="{case.pk}"]')
    expect(row.locator(".state-badge")).to_have_text("심사 중")
    follow(row.get_by_role("link", name=TITLE_KO, exact=True))
    expect(submitter.get_by_role("main")).not_to_contain_text("대상")
    # The API with the submitter's own session (the context's cookies), as JSON.
    response = submitter.context.request.get(
        f"{live_server.url}/api/v1/cases/{case.pk}/", headers={"Accept": "application/json"}
    )
    assert response.json()["state"] == CaseState.IN_REVIEW

    menu_link(manager, "Manage awards")
    follow(manager.get_by_role("link", name=CYCLE_TITLE, exact=True))
    follow(manager.locator("#cycle-publish"))
    expect(manager.locator("#cycle-step-decisions tbody").get_by_role("row")).to_have_accessible_name("Grand Prize 1")
    expect(manager.locator("#cycle-step-emails")).to_have_text(
        "1 e-mail will be sent to 1 person (Submitter (municipal staff))."
    )
    follow(manager.locator("#cancel-cycle-step"))
    take_cycle_step(
        manager,
        opener="#cycle-publish",
        title=f"Publish the results of {CYCLE_TITLE}?",
        figures={"decisions_missing": "0"},
        warning="The review deadline is",
    )
    expect(manager.get_by_text("The results are published.")).to_be_visible()
    expect(manager.locator("#cycle-state")).to_have_text("Published")

    # Now the submitter sees the result.
    menu_link(submitter, "내 사례")
    expect(submitter.locator(f'tr[data-case="{case.pk}"] .state-badge')).to_have_text("수상")


def dashboard_figures(visitor: Page) -> dict[str, list[str]]:
    """The dashboard as the visitor sees it: the total row of Table 1 and the rows of the table of
    citizen feedback by case."""
    menu_link(visitor, "통계")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("혁신 통계")
    return {
        "total": visitor.locator("#tier_representation tr[data-key=total] td").all_inner_texts(),
        "felt": visitor.locator("#felt_by_case tbody tr").all_inner_texts(),
    }


def visitor_finds_and_answers(visitor: Page, case: InnovationCase) -> None:
    menu_link(visitor, "수상 사례")
    filters = visitor.get_by_role("button", name="검색 및 조건 선택")
    expect(filters).to_have_attribute("aria-expanded", "false")  # folded on a phone: results first
    filters.click()
    visitor.locator("#id_q").fill("웹 GIS")
    click(visitor, "검색")
    follow(visitor.get_by_role("link", name=TITLE_KO))
    expect(visitor.locator("#practice-title")).to_have_text(TITLE_KO)
    expect(visitor.locator("#award-heading")).to_have_text("시상: 대상")
    expect(visitor.locator(".practice-felt")).to_contain_text("아직 응답한 방문자가 없습니다.")

    feedback = visitor.locator("#feedback")
    expect(feedback.get_by_role("heading", level=2)).to_have_text("이 개선을 체감하셨습니까?")
    feedback.locator("label", has_text=re.compile("^예$")).click()
    click(visitor, "응답 보내기")
    expect(visitor.get_by_text("응답해 주셔서 감사합니다.")).to_be_visible()
    expect(visitor.locator(".felt-table tbody tr").first).to_have_accessible_name("예 1 100.0")


# --- the journey --------------------------------------------------------------------------------


def test_a_whole_award_cycle_in_the_browser(browsers, live_server, cycle_data, media):
    visitor = browsers.open(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    visitor.goto(live_server.url + "/")
    switch_to_korean(visitor)
    before = dashboard_figures(visitor)
    assert before["total"][0] == "1 (100.0)"
    assert before["felt"] == ["집계 범위의 사례에 응답한 시민이 아직 없습니다."]

    manager = browsers.signed_in("boss")
    manager_opens_the_cycle(manager)

    submitter = browsers.signed_in("gumi-staff")
    case = submitter_drafts_and_submits_in_korean(submitter, live_server)

    manager_closes_submissions_and_assigns(manager, case)
    kim = browsers.signed_in("reviewer-kim")
    park = browsers.signed_in("reviewer-park")
    reviewers_score(kim, park)

    manager_requests_a_revision(manager)
    submitter_revises_and_resubmits(submitter, case)
    reviewers_see_the_case_again(kim, park)
    manager_decides_and_publishes(manager, submitter, live_server, case)

    visitor_finds_and_answers(visitor, case)
    after = dashboard_figures(visitor)
    assert after["total"][0] == "2 (100.0)"
    assert after["felt"] == [f"{TITLE_KO}\n경상북도 구미시\t{YEAR}\t1\t1\t0\t0\t100.0\t1건 중 1건"]

    assert browsers.problems == []
    case.refresh_from_db()
    assert case.state == CaseState.AWARDED
    assert AwardDecision.objects.get(case=case).level.code == "grand"
    assert sorted(Review.objects.filter(assignment__case=case).values_list("state", flat=True)) == [
        ReviewState.SUBMITTED,
        ReviewState.SUBMITTED,
    ]
