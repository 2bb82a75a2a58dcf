"""Nothing typed in the case form is lost (issue 10, item 5), at the view level: the error summary,
"Save and go on" from the unsaved-changes dialog (step links and the language switch), a file chosen
but not uploaded when "Continue" is pressed, a language switcher that returns to a GET of the page,
and input sent after the session ended, kept over the sign-in and put back in the form."""

import re
import time
from urllib.parse import urlencode

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts import kept_input
from cases.models import Attachment, InnovationCase
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import CaseFactory, ObstacleTypeFactory, ParticipantKindFactory
from tests.cases.helpers import EXE_BYTES, PDF_BYTES, upload

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def draft(submitter, cycle):
    return CaseFactory(government=submitter.government, cycle=cycle, title="Our draft")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def edit_url(case, section):
    return reverse("cases:case_edit", args=[case.pk, section])


def basics(**changes):
    data = {"title": "Web GIS", "summary": "A one-stop service.", "contact_email": "staff@gumi.go.kr"}
    return {**data, **changes}


def switcher_next(body: str) -> str:
    return re.search(
        r'<form class="language-switcher"[^>]*>.*?<input name="next" type="hidden" value="([^"]*)"', body, re.S
    )[1]


def summary(body: str) -> list[tuple[str, str]]:
    block = re.search(
        r'<div class="krds-alert error error-summary" id="error-summary" role="alert"(.*?)</div>', body, re.S
    )
    assert block, "no error summary"
    return [
        (href, re.sub(r"\s+", " ", text).strip())
        for href, text in re.findall(r'<li>(?:<a href="([^"]*)">)?(.*?)(?:</a>)?</li>', block[1], re.S)
    ]


# --- the error summary ----------------------------------------------------------------------


def test_the_error_summary_links_each_error_to_its_input_and_marks_the_form_unsaved(client, submitter, draft):
    client.force_login(submitter)
    response = client.post(edit_url(draft, "basics"), basics(title="x" * 201, contact_email="not an e-mail"))
    assert response.status_code == 400
    body = response.content.decode()
    assert summary(body) == [
        ("#id_title", "Title (English): Ensure this value has at most 200 characters (it has 201)."),
        ("#id_contact_email", "Contact email: Enter a valid email address."),
    ]
    assert 'aria-labelledby="error-summary-title"' in body and 'tabindex="-1"' in body
    assert 'src="/static/js/error_summary.js"' in body
    assert body.index('id="error-summary"') < body.index("<h1>")  # at the top of the page
    assert 'id="case-form"' in body and 'data-unsaved="true"' in body
    assert 'id="id_title"' in body and 'id="id_contact_email"' in body
    draft.refresh_from_db()
    assert draft.title == "Our draft"


def test_the_error_summary_of_a_formset_and_of_a_group_of_radios(client, submitter, draft):
    ObstacleTypeFactory(code="lack_of_cooperation")
    client.force_login(submitter)
    data = {
        "obstacles-TOTAL_FORMS": "1",
        "obstacles-INITIAL_FORMS": "0",
        "obstacles-MIN_NUM_FORMS": "0",
        "obstacles-MAX_NUM_FORMS": "1000",
        "obstacles-0-description": "Departments guarded their data.",
    }
    body = client.post(edit_url(draft, "obstacles"), data).content.decode()
    assert summary(body) == [("#id_obstacles-0-type", "Entry 1 · Obstacle: This field is required.")]
    ParticipantKindFactory(code="citizens")
    body = client.post(edit_url(draft, "participation"), {"participation_level": "everything"}).content.decode()
    assert summary(body) == [
        (
            "#id_participation_level_0",
            "Citizen participation: Select a valid choice. everything is not one of the available choices.",
        )
    ]
    assert 'id="id_participation_level_0"' in body


def test_a_page_without_errors_has_no_summary(client, submitter, draft):
    client.force_login(submitter)
    body = client.get(edit_url(draft, "basics")).content.decode()
    assert 'id="error-summary"' not in body
    assert "data-unsaved-guard" in body and 'data-unsaved="true"' not in body
    assert 'id="unsaved-changes-dialog"' in body and 'src="/static/js/unsaved_changes.js"' in body


# --- "Save and go on": step links and the language switch -----------------------------------


def test_save_and_go_on_saves_then_follows_the_step_link(client, submitter, draft):
    client.force_login(submitter)
    target = edit_url(draft, "outcomes")
    response = client.post(edit_url(draft, "basics"), {**basics(title="Saved first"), "save": "1", "go_to": target})
    assert response.status_code == 302
    assert response.url == target
    draft.refresh_from_db()
    assert draft.title == "Saved first"


@pytest.mark.parametrize("go_to", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "relative/x"])
def test_save_and_go_on_never_leaves_the_site(client, submitter, draft, go_to):
    client.force_login(submitter)
    response = client.post(edit_url(draft, "basics"), {**basics(), "save": "1", "go_to": go_to})
    assert response.url == edit_url(draft, "basics")


def test_save_and_switch_language_saves_then_switches(client, submitter, draft):
    client.force_login(submitter)
    response = client.post(edit_url(draft, "basics"), {**basics(title="Before Korean"), "then_language": "ko"})
    assert response.status_code == 302 and response.url == edit_url(draft, "basics")
    assert response.cookies["django_language"].value == "ko"
    assert '<html lang="ko">' in client.get(response.url).content.decode()
    draft.refresh_from_db()
    assert draft.title == "Before Korean"
    unknown = client.post(edit_url(draft, "basics"), {**basics(), "then_language": "xx"})
    assert "django_language" not in unknown.cookies


def test_a_refused_form_does_not_go_on(client, submitter, draft):
    client.force_login(submitter)
    target = edit_url(draft, "outcomes")
    response = client.post(
        edit_url(draft, "basics"), {**basics(title="x" * 201), "go_to": target, "then_language": "ko"}
    )
    assert response.status_code == 400
    assert "django_language" not in response.cookies


def test_save_and_go_on_from_a_new_case(client, submitter, cycle):
    client.force_login(submitter)
    response = client.post(
        reverse("cases:case_new"), {**basics(title="New one"), "cycle": cycle.pk, "go_to": reverse("cases:my_cases")}
    )
    assert response.url == reverse("cases:my_cases")
    assert InnovationCase.objects.get().title == "New one"


# --- a file chosen but not uploaded -----------------------------------------------------------


def test_upload_and_continue_are_one_form(client, submitter, draft):
    client.force_login(submitter)
    body = client.get(edit_url(draft, "attachments")).content.decode()
    form = re.search(r'<form [^>]*id="attachment-form".*?</form>', body, re.S)[0]
    assert 'enctype="multipart/form-data"' in form and "data-unsent-file-guard" in form
    assert 'name="upload"' in form and 'id="attachments-continue"' in form and 'name="file"' in form
    assert 'id="unsent-file-dialog"' in body


def test_continue_with_a_chosen_file_uploads_it_first(client, submitter, draft, media):
    client.force_login(submitter)
    response = client.post(
        edit_url(draft, "attachments"), {"continue": "1", "kind": "evidence", "file": upload("survey.pdf", PDF_BYTES)}
    )
    assert response.status_code == 302
    assert response.url == edit_url(draft, "review")
    assert list(Attachment.objects.values_list("original_name", "kind")) == [("survey.pdf", "evidence")]
    assert "File uploaded." in client.get(response.url).content.decode()


def test_continue_with_a_chosen_file_that_is_refused_stays_and_says_why(client, submitter, draft, media):
    client.force_login(submitter)
    response = client.post(
        edit_url(draft, "attachments"), {"continue": "1", "kind": "evidence", "file": upload("tool.pdf", EXE_BYTES)}
    )
    assert response.status_code == 400
    items = summary(response.content.decode())
    assert [href for href, _ in items] == ["#id_file"]
    assert not Attachment.objects.exists()


def test_continue_without_a_file_goes_on(client, submitter, draft):
    client.force_login(submitter)
    response = client.post(edit_url(draft, "attachments"), {"continue": "1", "kind": "evidence"})
    assert response.url == edit_url(draft, "review")
    assert not Attachment.objects.exists()


# --- the language switcher returns to a GET of the page --------------------------------------


def test_the_language_switcher_keeps_the_query_string(client, submitter):
    client.force_login(submitter)
    body = client.get(reverse("practices:practice_list") + "?q=gis&page=1").content.decode()
    assert switcher_next(body) == "/practices/?q=gis&amp;page=1"


def test_after_a_refused_form_the_switcher_returns_to_the_form_page(client, submitter, draft):
    client.force_login(submitter)
    body = client.post(edit_url(draft, "basics"), basics(title="x" * 201)).content.decode()
    assert switcher_next(body) == edit_url(draft, "basics")


def test_after_a_refused_submit_the_switcher_returns_to_a_page_that_answers_get(client, submitter, draft):
    client.force_login(submitter)
    response = client.post(reverse("cases:case_submit", args=[draft.pk]))
    assert response.status_code == 400
    target = switcher_next(response.content.decode())
    assert target == edit_url(draft, "review")
    switched = client.post(reverse("set_language"), {"language": "ko", "next": target}, follow=True)
    assert switched.status_code == 200
    assert '<html lang="ko">' in switched.content.decode()


def test_after_refused_feedback_the_switcher_returns_to_the_practice(client):
    case = CaseFactory(awarded=True)
    response = client.post(reverse("practices:practice_feedback", args=[case.pk]), {"felt": "maybe"})
    assert response.status_code == 400
    target = switcher_next(response.content.decode())
    assert target == reverse("practices:practice_detail", args=[case.pk]) + "#feedback"
    assert client.post(reverse("set_language"), {"language": "ko", "next": target}, follow=True).status_code == 200


# --- a session that ended while the form was open ------------------------------------------------


def sign_in(client, user):
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def end_the_session_on_the_server():
    """The session disappears on the server (expired there, or cleared) while the page is open."""
    Session.objects.all().delete()


@pytest.fixture
def clock():
    with time_machine.travel(time.time(), tick=False) as traveller:
        yield traveller


def login_url(path: str, **params) -> str:
    return f"{reverse('accounts:login')}?{urlencode({'next': path, **params})}"


def test_input_sent_after_the_idle_timeout_is_kept_and_put_back_after_signing_in(client, submitter, draft, clock):
    sign_in(client, submitter)
    assert client.get(edit_url(draft, "basics")).status_code == 200
    clock.shift(31 * 60)  # the person was away; the idle timeout (30 minutes) has passed

    response = client.post(edit_url(draft, "basics"), {**basics(title="Typed while away"), "save": "1"})
    assert response.status_code == 302
    assert response.url == login_url(edit_url(draft, "basics"), expired="idle")
    login_page = client.get(response.url).content.decode()
    assert "You were signed out after 30 minutes of inactivity." in login_page
    notice = re.search(
        r'<div class="krds-alert message-warning" role="status" id="kept-input-notice">(.*?)</div>', login_page, re.S
    )[1]
    assert "What you were sending has not been lost" in notice
    draft.refresh_from_db()
    assert draft.title == "Our draft"  # nothing saved behind the person's back

    signed_in = client.post(
        response.url, {"username": submitter.username, "password": PASSWORD, "next": edit_url(draft, "basics")}
    )
    assert signed_in.url == edit_url(draft, "basics")
    page = client.get(signed_in.url)
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Typed while away"' in body
    assert 'value="staff@gumi.go.kr"' in body
    assert 'data-unsaved="true"' in body
    assert "You were signed out before this was saved. What you typed is back in the form: check it and save." in body
    assert kept_input.KEPT_KEY not in client.session
    # Once only: the next visit shows what is saved.
    assert 'value="Our draft"' in client.get(edit_url(draft, "basics")).content.decode()


def test_when_the_page_noticed_the_timeout_first_the_login_page_still_says_why(client, submitter, draft, clock):
    """static/js/session-timeout.js asks the server, which signs the person out; the page then sends
    its unsaved form (static/js/unsaved_changes.js), which meets ``login_required`` alone."""
    sign_in(client, submitter)
    clock.shift(31 * 60)
    assert client.get(reverse("accounts:session_status")).status_code == 401
    response = client.post(edit_url(draft, "basics"), basics(title="Sent by the page"))
    assert response.url == login_url(edit_url(draft, "basics"), expired="idle")
    login_page = client.get(response.url).content.decode()
    assert "You were signed out after 30 minutes of inactivity." in login_page
    assert 'id="kept-input-notice"' in login_page


def test_input_sent_after_the_session_vanished_on_the_server_is_kept_too(client, submitter, draft):
    sign_in(client, submitter)
    end_the_session_on_the_server()
    response = client.post(edit_url(draft, "basics"), basics(title="Still here"))
    assert response.url == f"{reverse('accounts:login')}?next={edit_url(draft, 'basics')}"  # login_required's
    login_page = client.get(response.url).content.decode()
    assert 'id="kept-input-notice"' in login_page
    assert "of inactivity" not in login_page  # nothing says why it vanished: no guess either
    sign_in(client, submitter)
    assert 'value="Still here"' in client.get(edit_url(draft, "basics")).content.decode()


def test_a_new_case_sent_after_the_session_expired_comes_back(client, submitter, cycle):
    sign_in(client, submitter)
    end_the_session_on_the_server()
    client.post(reverse("cases:case_new"), {**basics(title="Brand new"), "cycle": cycle.pk})
    sign_in(client, submitter)
    body = client.get(reverse("cases:case_new")).content.decode()
    assert 'value="Brand new"' in body
    assert not InnovationCase.objects.exists()


def test_a_file_sent_after_the_session_expired_is_asked_for_again(client, submitter, draft, media):
    sign_in(client, submitter)
    end_the_session_on_the_server()
    response = client.post(
        edit_url(draft, "attachments"), {"upload": "1", "kind": "evidence", "file": upload("survey.pdf", PDF_BYTES)}
    )
    login_page = client.get(response.url).content.decode()
    assert "Files cannot be kept: choose survey.pdf again after you sign in." in login_page
    sign_in(client, submitter)
    body = client.get(edit_url(draft, "attachments")).content.decode()
    assert "Files cannot be kept over a sign-in: choose “survey.pdf” again." in body
    assert "What you typed is back in the form" not in body  # nothing typed to put back
    assert not Attachment.objects.exists()


def test_switching_language_on_the_login_page_keeps_what_was_kept(client, submitter, draft):
    sign_in(client, submitter)
    end_the_session_on_the_server()
    login_url = client.post(edit_url(draft, "basics"), basics(title="Kept across a language switch")).url
    switched = client.post(reverse("set_language"), {"language": "ko", "next": login_url})
    assert switched.url == login_url
    assert "보내시던 내용은 사라지지 않았습니다." in client.get(login_url).content.decode()
    sign_in(client, submitter)
    assert 'value="Kept across a language switch"' in client.get(edit_url(draft, "basics")).content.decode()


def test_kept_input_is_only_for_its_own_page(client, submitter, draft):
    sign_in(client, submitter)
    end_the_session_on_the_server()
    client.post(edit_url(draft, "basics"), basics(title="For basics only"))
    sign_in(client, submitter)
    assert "For basics only" not in client.get(edit_url(draft, "purpose")).content.decode()
    assert 'value="For basics only"' in client.get(edit_url(draft, "basics")).content.decode()


def test_a_visitor_who_was_never_signed_in_gets_the_input_back_too(client, submitter, draft):
    response = client.post(edit_url(draft, "basics"), basics(title="Anonymous"))
    login_page = client.get(response.url).content.decode()
    assert "of inactivity" not in login_page
    assert "What you were sending has not been lost" in login_page


def test_nothing_is_kept_for_the_api_or_for_a_login_redirect_elsewhere(client, submitter, draft):
    client.post("/api/v1/cases/", {"title": "x"})
    client.post(reverse("set_language"), {"language": "ko", "next": reverse("accounts:login")})
    assert kept_input.KEPT_KEY not in client.session


def test_kept_input_of_a_known_person_goes_back_to_that_person_only(rf, submitter, draft):
    """When the idle timeout signs the person out during the very request, the input is theirs."""
    from django.contrib.auth import logout
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponseRedirect

    request = rf.post(edit_url(draft, "basics"), basics(title="Mine"))
    request.session = SessionStore()
    request.user = submitter

    def signs_out(request):
        logout(request)
        return HttpResponseRedirect(f"{reverse('accounts:login')}?next={request.path}&expired=idle")

    kept_input.KeptInputMiddleware(signs_out)(request)
    kept = request.session[kept_input.KEPT_KEY]
    assert (kept["path"], kept["user"], kept["data"]["title"]) == (edit_url(draft, "basics"), submitter.pk, ["Mine"])

    someone_else = SubmitterFactory(government=submitter.government)
    later = rf.get(edit_url(draft, "basics"))
    later.session, later.user = request.session, someone_else
    assert kept_input.take(later) is None
    assert kept_input.KEPT_KEY not in request.session  # and it is gone, not left for later
