import json
import re
from html.parser import HTMLParser

import pytest

from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


class Scripts(HTMLParser):
    """Every <script> element's attributes and content."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._current = dict(attrs)
            self.scripts.append((self._current, ""))

    def handle_data(self, data):
        if self._current is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._current = None


def rows_of(html: str, table_id: str) -> dict[str, list[str]]:
    """Cells of the rows (by data-key) of the table in section ``table_id``."""
    section = html.split(f'<section class="stats-section" id="{table_id}"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for key, body in re.findall(r'<tr[^>]*data-key="([^"]+)">(.*?)</tr>', section, re.S):
        rows[key] = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", body, re.S)]
    return rows


def test_dashboard_shows_the_studys_tables_with_notes_charts_and_csv_links(client, demo_data):
    response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()

    table_1 = rows_of(html, "tier_representation")
    assert table_1["province"] == ["6 (14.3)", "3,603,424", "9 (3.7)", "2,901,296", "3.90"]
    assert table_1["total"] == ["42 (100.0)", "1,175,855", "246 (100.0)", "396,001", "1.00"]
    assert "The study printed 396,037 as the national average population" in html
    assert rows_of(html, "purpose_by_ict")["place_marketing"] == ["4 (28.6)", "4 (14.3)", "8 (19.0)"]
    assert rows_of(html, "obstacles_by_ict")["total"] == [
        "10 (23.8)",
        "14 (33.3)",
        "7 (16.7)",
        "23 (54.8)",
        "14 (33.3)",
        "68 (161.9)",
    ]
    assert rows_of(html, "remedies_by_ict")["ict"] == ["5 (11.9)", "4 (9.5)", "22 (52.4)", "12 (28.6)", "43 (102.4)"]
    assert html.count("Note: Total is greater than 100% due to multiple counts.") == 3
    assert '<th scope="row">Province</th>' in html
    assert '<th scope="colgroup" colspan="2">Award-winning cases</th>' in html
    assert "<caption" in html

    assert "/api/v1/stats/tier_representation/?format=csv&amp;scope=awarded&amp;cycle=2005&amp;cycle=2006" in html
    assert html.count('Download CSV<span class="sr-only">') == 15
    # No scope choice and no award rate for the public.
    assert 'name="scope"' not in html
    assert 'id="award_rate_by_tier"' not in html


def test_no_inline_script_and_the_figures_are_json_data_blocks(client, demo_data):
    html = client.get("/dashboard/").content.decode()
    parser = Scripts()
    parser.feed(html)
    sources = [attrs["src"] for attrs, _text in parser.scripts if "src" in attrs]
    assert sources == ["/static/js/site.js", "/static/js/dashboard.js"]
    # dashboard.js fetches plotly.js (the basic bundle) itself, once a chart comes near the screen.
    assert [attrs.get("data-plotly") for attrs, _text in parser.scripts if "src" in attrs] == [
        None,
        "/static/vendor/plotly/plotly-basic.min.js",
    ]
    inline = [(attrs, text) for attrs, text in parser.scripts if "src" not in attrs and "type" not in attrs]
    # The one inline script (with the request's nonce) only tells the stylesheets that JavaScript runs.
    assert [text.strip() for _attrs, text in inline] == ['document.documentElement.classList.add("js");']
    assert all(attrs.get("nonce") for attrs, _text in inline)
    blocks = [(attrs, text) for attrs, text in parser.scripts if "src" not in attrs and "type" in attrs]
    assert all(attrs.get("type") == "application/json" for attrs, _text in blocks)
    figures = {attrs["id"]: json.loads(text) for attrs, text in blocks}
    assert "figure-tier_representation" in figures
    assert "figure-felt_by_case" not in figures  # a list, not a chart
    assert "figure-citizen_feedback" not in figures  # nobody answered yet: nothing to draw
    tier = figures["figure-tier_representation"]
    assert [trace["y"] for trace in tier["data"]] == [[14.3, 21.4, 23.8, 16.7, 23.8], [3.7, 2.8, 30.5, 28.0, 35.0]]
    assert 'data-figure="figure-tier_representation"' in html


def test_style_nonce_matches_the_csp_header(client, demo_data):
    response = client.get("/dashboard/")
    nonce = re.search(r"style-src [^;]*'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<style id="plotly.js-style-global" nonce="{nonce}">' in response.content.decode()


def test_cycle_filter_on_the_page(client, demo_data):
    html = client.get("/dashboard/?cycle=2006").content.decode()
    assert rows_of(html, "tier_representation")["total"][0] == "21 (100.0)"
    assert re.search(r'value="2006" id="[^"]+"\s+checked', html)
    assert not re.search(r'value="2005" id="[^"]+"\s+checked', html)


def test_an_invalid_filter_shows_the_error_and_the_default_statistics(client, demo_data):
    response = client.get("/dashboard/?cycle=1999&scope=submitted")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1999 is not one of the award cycles you can choose." in html
    assert "Only reviewers and award managers may see all submitted cases." in html
    assert rows_of(html, "tier_representation")["total"][0] == "42 (100.0)"


def test_submitters_see_what_the_public_sees(client, demo_data):
    sign_in(client, SubmitterFactory())
    html = client.get("/dashboard/").content.decode()
    assert 'name="scope"' not in html


def test_reviewers_may_choose_the_submitted_scope(client, demo_data):
    sign_in(client, ReviewerFactory())
    html = client.get("/dashboard/?scope=submitted").content.decode()
    assert 'name="scope" value="submitted"' in html
    assert int(rows_of(html, "tier_representation")["total"][0].split()[0]) > 42
    assert '<th scope="colgroup" colspan="2">Submitted cases</th>' in html
    assert "scope=submitted&amp;cycle=2005&amp;cycle=2006&amp;cycle=2007" in html
    assert 'id="award_rate_by_tier"' not in html


def test_managers_see_the_award_rate_by_tier(client, demo_data):
    sign_in(client, ManagerFactory())
    html = client.get("/dashboard/").content.decode()
    rates = rows_of(html, "award_rate_by_tier")
    assert list(rates) == ["province", "metropolis", "city", "district", "county", "total"]
    assert rates["total"][1] == "42"


def test_the_page_says_in_one_sentence_whether_the_tier_bias_is_chance(client, demo_data):
    html = client.get("/dashboard/").content.decode()
    section = html.split('id="tier-tests"', 1)[1].split("</div>", 1)[0]
    assert "A difference this large would arise by chance less than 1 time in 1,000." in section
    assert 'data-test="vs_national" data-method="exact_multinomial"' in section
    assert "exact multinomial test, n = 42" in section
    client.cookies["django_language"] = "ko"
    korean = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "이 정도의 차이가 우연히 나타날 확률은 1,000번에 1번도 되지 않습니다." in korean
    assert "정확 다항 검정, n = 42" in korean


def test_managers_see_the_wilson_interval_of_the_award_rate(client, demo_data):
    sign_in(client, ManagerFactory())
    rates = rows_of(client.get("/dashboard/").content.decode(), "award_rate_by_tier")
    assert len(rates["total"]) == 4
    low, high = (float(bound) for bound in rates["total"][3].split("–"))
    assert low < float(rates["total"][2]) < high


def test_dashboard_in_korean(client, demo_data):
    client.cookies["django_language"] = "ko"
    html = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<html lang="ko">' in html
    assert '<th scope="row">도</th>' in html
    assert '<th scope="row">지역 마케팅</th>' in html


def test_dashboard_is_in_the_main_navigation(client, db):
    html = client.get("/").content.decode()
    assert 'href="/dashboard/"' in html


def test_dashboard_only_answers_get(client, db):
    assert client.post("/dashboard/").status_code == 405


def test_dashboard_without_any_case(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No award cycle has been published yet." in html
    assert 'data-figure="' not in html
