"""Every user-written text of a case in Korean and (optionally) English: shown in the page's language,
or in the other one with a lang attribute and a note; searchable in both; both in the API and the form."""

import re

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cases.models import CaseObstacle, LocalizedText, Outcome, localized
from practices.services import comment_language
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import CaseFactory, ObstacleTypeFactory
from tests.practices.factories import CitizenFeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page", "english", "korean", "text", "lang", "fallback"),
    [
        ("en", "Bus information", "버스 정보", "Bus information", "en", False),
        ("ko", "Bus information", "버스 정보", "버스 정보", "ko", False),
        ("en", "", "버스 정보", "버스 정보", "ko", True),
        ("ko", "Bus information", "", "Bus information", "en", True),
        ("ko", "", "", "", "en", False),
    ],
)
def test_localized_takes_the_page_language_or_falls_back_and_says_so(page, english, korean, text, lang, fallback):
    with translation.override(page):
        result = localized(english, korean)
    assert isinstance(result, LocalizedText)
    assert (str(result), result.lang, result.fallback) == (text, lang, fallback)


def render(source: str, **context) -> str:
    return Template("{% load bilingual %}" + source).render(Context(context))


def test_a_fallback_text_gets_its_lang_attribute_and_a_visible_note():
    source = "<p{{ text|lang_attr }}>{{ text }}</p>{% fallback_note text %}|{{ text|with_lang }}"
    with translation.override("en"):
        assert render(source, text=localized("", "버스 <정보>")) == (
            '<p lang="ko">버스 &lt;정보&gt;</p>'
            '<span class="lang-note">Not available in English; shown in Korean.</span>'
            '|<span lang="ko">버스 &lt;정보&gt;</span>'
        )
        assert render(source, text=localized("Bus", "버스")) == "<p>Bus</p>|Bus"
    with translation.override("ko"):
        assert render(source, text=localized("Bus <info>", "")) == (
            '<p lang="en">Bus &lt;info&gt;</p><span class="lang-note">한국어로 제공되지 않아 영어로 표시합니다.</span>'
            '|<span lang="en">Bus &lt;info&gt;</span>'
        )


def published(**kwargs):
    return CaseFactory(awarded=True, **kwargs)


def test_practice_page_of_a_korean_only_case_in_english_marks_every_text():
    case = published(
        title="",
        title_local="천수만 철새",
        summary="",
        summary_local="주민이 철새 누리집을 만들었다.",
        uses_ict=True,
        ict_description_local="주민 참여 누리집",
        champion_local="시장",
    )
    CaseObstacle.objects.create(
        case=case, obstacle_type=ObstacleTypeFactory(code="lack_of_resources"), description_local="예산 부족"
    )
    Outcome.objects.create(case=case, indicator_local="관찰 조류 종수", unit_local="종", result=318)
    body = Client().get(reverse("practices:practice_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en").content
    body = body.decode()
    assert '<h1 id="practice-title" lang="ko">천수만 철새</h1>' in body
    for text in ["주민이 철새 누리집을 만들었다.", "주민 참여 누리집", "예산 부족", "관찰 조류 종수", "종"]:
        assert re.search(rf'lang="ko"[^>]*>{re.escape(text)}<', body), text
    assert '<dd lang="ko">시장' in body
    assert body.count("Not available in English; shown in Korean.") >= 5
    # In Korean nothing is marked: every text is in the page's language.
    korean = Client().get(reverse("practices:practice_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="ko")
    assert 'lang="en"' not in korean.content.decode().split("<main", 1)[1]
    assert "영어로 제공되지 않아" not in korean.content.decode()


def test_practice_list_card_of_an_english_only_case_in_korean(client):
    published(title="Web GIS for investors", title_local="", summary="Maps of industrial sites.", summary_local="")
    body = client.get(reverse("practices:practice_list"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert re.search(r'<a href="/practices/\d+/" lang="en">Web GIS for investors</a>', body)
    assert '<p class="c-txt" lang="en">Maps of industrial sites.</p>' in body
    assert "한국어로 제공되지 않아 영어로 표시합니다." in body


@pytest.mark.parametrize(
    "words", ["천수만", "철새 누리집", "Cheonsu", "birds website", "주민 참여 누리집", "citizen-built"]
)
def test_search_finds_a_practice_by_its_korean_or_english_text(client, words):
    published(
        title="Migratory birds of Cheonsu Bay",
        title_local="천수만 철새",
        summary="Residents built a birds website.",
        summary_local="주민이 철새 누리집을 만들었다.",
        uses_ict=True,
        ict_description="A citizen-built website",
        ict_description_local="주민 참여 누리집",
    )
    published(title="Other", title_local="다른 사례")
    response = client.get(reverse("practices:practice_list"), {"q": words})
    assert "1 practice found" in response.content.decode()


def test_the_api_exposes_both_versions(client):
    case = published(
        ict_description="Website",
        ict_description_local="누리집",
        champion="Mayor",
        champion_local="시장",
        uses_ict=True,
    )
    CaseObstacle.objects.create(
        case=case, obstacle_type=ObstacleTypeFactory(code="legal_constraint"), description="Law", description_local="법"
    )
    Outcome.objects.create(case=case, indicator="Days", indicator_local="일수", unit="days", unit_local="일")
    data = client.get(f"/api/v1/cases/{case.pk}/").json()
    assert (data["title"], data["title_local"]) == (case.title, case.title_local)
    assert (data["ict_description"], data["ict_description_local"]) == ("Website", "누리집")
    assert (data["champion"], data["champion_local"]) == ("Mayor", "시장")
    assert data["obstacles"][0] | {"label": ""} == {
        "type": "legal_constraint",
        "label": "",
        "description": "Law",
        "description_local": "법",
    }
    assert (data["outcomes"][0]["unit"], data["outcomes"][0]["unit_local"]) == ("days", "일")
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "`x_local` the Korean one" in schema


def test_the_case_form_asks_for_korean_first_and_english_as_an_option(client):
    submitter = SubmitterFactory()
    case = CaseFactory(government=submitter.government)
    client.force_login(submitter)
    body = client.get(reverse("cases:case_edit", args=[case.pk, "basics"])).content.decode()
    order = [body.index(f'name="{name}"') for name in ["title_local", "title", "summary_local", "summary"]]
    assert order == sorted(order)
    assert re.search(r'<input[^>]*name="title_local"[^>]*lang="ko"|<input[^>]*lang="ko"[^>]*name="title_local"', body)
    assert re.search(r'<input[^>]*name="title"[^>]*lang="en"|<input[^>]*lang="en"[^>]*name="title"', body)
    assert "Optional: for visitors who read English." in body
    assert body.index('name="champion_local"') < body.index('name="champion"')


def test_citizen_comments_keep_the_language_they_were_written_in(client):
    assert (comment_language("정말 좋아졌어요"), comment_language("Much better now"), comment_language("")) == (
        "ko",
        "en",
        "",
    )
    case = published()
    CitizenFeedbackFactory(case=case, comment="정말 좋아졌어요", comment_language="ko", moderation="approved")
    english = client.get(reverse("practices:practice_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert (
        '<p lang="ko">정말 좋아졌어요</p><span class="lang-note">Written in Korean.</span>' in english.content.decode()
    )
    korean = client.get(reverse("practices:practice_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="ko")
    assert "<p>정말 좋아졌어요</p>" in korean.content.decode()


def test_a_localized_text_survives_the_cache():
    import pickle

    text = LocalizedText("서산시", "ko", fallback=True)
    again = pickle.loads(pickle.dumps(text))  # noqa: S301 (our own bytes)
    assert (again, again.lang, again.fallback, type(again)) == ("서산시", "ko", True, LocalizedText)
