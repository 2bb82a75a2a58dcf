"""The glossary's terms are found as whole English words and inside Korean words, the same in
Python (highlighting, counting) and in the database (the statistics)."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.demo import load_taxonomies
from cases.jargon import glossary, uses_jargon
from cases.models import InnovationCase, JargonTerm
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

# (text, uses a term of the demo glossary)
PIECES = [
    ("The office cut its paperwork.", False),
    ("We applied BPR to approvals.", True),
    ("The BPRX unit", False),
    ("TQMs everywhere", False),
    ("(bpr)", True),
    ("Business Process Re-engineering", True),
    ("목표관리제를 도입하였다.", True),
    ("균형성과", False),
    ("식스시그마", True),
    ("management by objective", False),
    ("management by objectives", True),
    ("incentive-based performance management", True),
    ("주민이 직접 참여하였다.", False),
]


@pytest.fixture
def terms(db):
    load_taxonomies()
    return glossary()


def test_the_demo_glossary_has_the_studys_terms(terms):
    assert [term.code for term in terms.terms][:4] == ["bpr", "tqm", "mbo", "incentive_performance"]
    assert "BPR" in terms.terms[0].spellings


def test_uses_count_each_term_in_order(terms):
    uses = terms.uses(["BPR and TQM, then more BPR.", "업무프로세스 재설계와 목표관리제"])
    assert [(use.term.code, use.count) for use in uses] == [("bpr", 3), ("tqm", 1), ("mbo", 1)]
    assert terms.count(["nothing here"]) == 0


def test_highlight_escapes_the_text_and_marks_the_terms(terms):
    html = terms.highlight("<b>BPR</b> & TQMs")
    assert html == (
        '&lt;b&gt;<mark class="jargon" data-term="bpr" title="Business process reengineering">BPR</mark>'
        "&lt;/b&gt; &amp; TQMs"
    )


def test_an_edited_glossary_is_what_is_found(terms):
    JargonTerm.objects.create(code="lean", name="Lean management", name_local="린 경영", variants="lean")
    JargonTerm.objects.filter(code="bpr").update(is_active=False)
    edited = glossary()
    assert [use.term.code for use in edited.uses(["Lean and BPR"])] == ["lean"]


def test_an_empty_glossary_finds_nothing(db):
    empty = glossary()
    assert (empty.regex, empty.sql_pattern(), uses_jargon(empty)) == (None, None, None)
    assert str(empty.highlight("a < b")) == "a &lt; b"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.lists(st.lists(st.sampled_from(PIECES), max_size=3), min_size=1, max_size=6))
def test_the_database_finds_the_same_cases_as_python(terms, chosen):
    with transaction.atomic():
        cases = []
        for index, pieces in enumerate(chosen):
            text = " ".join(text for text, _uses in pieces)
            field = ["summary", "description_local", "title"][index % 3]
            cases.append((CaseFactory(**{field: text}), any(uses for _text, uses in pieces), text))
        found = set(InnovationCase.objects.filter(uses_jargon(terms)).values_list("pk", flat=True))
        transaction.set_rollback(True)
    assert found == {case.pk for case, uses, _text in cases if uses}
    assert all(bool(terms.count([text])) == uses for _case, uses, text in cases)
