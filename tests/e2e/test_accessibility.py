"""WCAG 2.1 AA check with axe-core (npm, served from our own static files) in headless Chromium.

Every page must be free of serious and critical violations. Pages of apps that are not built yet
are skipped only while their URL does not resolve."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from cases.models import CaseState, InnovationCase
from cases.selectors import public_cases
from practices.models import ModerationState
from tests.accounts.helpers import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "static" / "vendor" / "axe" / "axe.min.js"
AXE_URL = "/static/vendor/axe/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


def url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def login(page, live_server, username: str) -> None:
    client = Client()
    sign_in(client, User.objects.get(username=username))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def violations(page, live_server, path: str) -> list[dict]:
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    page.add_script_tag(url=live_server.url + AXE_URL)  # same origin, so our CSP allows it
    found = page.evaluate(RUN_AXE, TAGS)
    return [violation for violation in found if violation["impact"] in BLOCKING]


def assert_accessible(page, live_server, path: str) -> None:
    blocking = violations(page, live_server, path)
    assert blocking == [], f"{path}: " + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in blocking
    )


@pytest.fixture(autouse=True)
def _axe_installed():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: install the front-end packages (axe-core from npm) first.")


def seosan_pk() -> int:
    return public_cases().get(government__code="34050").pk


@pytest.mark.parametrize("language", ["en", "ko"])
def test_public_pages(page, live_server, demo, language):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    for path in [
        "/",
        reverse("practices:practice_list"),
        reverse("practices:practice_list") + "?tier=metropolis&ict=true&page=1",
        reverse("practices:practice_detail", args=[seosan_pk()]),
        reverse("practices:open_data"),
        reverse("accounts:login"),
    ]:
        assert_accessible(page, live_server, path)


def test_practice_with_feedback_errors_and_comments(page, live_server, demo):
    case = public_cases().get(government__code="34050")
    case.feedback.create(visitor="someone", felt="yes", comment="Lovely birds.", moderation=ModerationState.APPROVED)
    page.goto(live_server.url + reverse("practices:practice_detail", args=[case.pk]))
    page.get_by_role("button", name="Send my answer").click()  # no answer chosen: the form shows its error
    page.wait_for_load_state()
    assert page.locator("#id_felt_error").inner_text() == "Choose yes, no or not sure."
    page.add_script_tag(url=live_server.url + AXE_URL)
    blocking = [v for v in page.evaluate(RUN_AXE, TAGS) if v["impact"] in BLOCKING]
    assert blocking == []


def test_dashboard(page, live_server, demo):
    path = url_or_none("dashboard:index")
    if path is None:
        pytest.skip("The dashboard is not built yet.")
    assert_accessible(page, live_server, path)


def test_case_form(page, live_server, demo):
    path = url_or_none("cases:case_new")
    if path is None:
        pytest.skip("The case form is not built yet.")
    login(page, live_server, "gumi")
    assert_accessible(page, live_server, path)
    draft = InnovationCase.objects.filter(government__code="37050", state=CaseState.DRAFT).first()
    if draft is not None:
        for section in ["basics", "obstacles", "outcomes"]:
            edit = url_or_none("cases:case_edit", draft.pk, section)
            if edit:
                assert_accessible(page, live_server, edit)


def test_moderation_queue(page, live_server, demo):
    case = public_cases().first()
    case.feedback.create(visitor="someone", felt="no", comment="Never noticed.", moderation=ModerationState.PENDING)
    login(page, live_server, "manager")
    assert_accessible(page, live_server, reverse("practices:feedback_moderation"))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_account_two_factor_and_people_pages(page, live_server, demo, language):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    assert_accessible(page, live_server, reverse("accounts:password_reset"))
    login(page, live_server, "manager")
    for path in [
        reverse("accounts:account"),
        reverse("accounts:two_factor_setup"),
        reverse("accounts:manage_invitations"),
        reverse("accounts:manage_staff"),
        reverse("audit_log"),
    ]:
        assert_accessible(page, live_server, path)
