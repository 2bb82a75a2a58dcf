import pytest
from django.template import Context, Template
from django.test import RequestFactory

from core import rules
from core.errors import ApplicationError, NotAllowed


@rules.predicate(message="Only even users.")
def is_even(user, obj):
    return user % 2 == 0


@rules.predicate(message=lambda user, obj: f"{obj} is too small.", error=ApplicationError, code="small")
def big_object(user, obj):
    return obj > 10


@rules.predicate(message="Only user 7.")
def is_seven(user, obj):
    return user == 7


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(rules, "_rules", {})
    rules.rule("test.act", is_even & big_object)
    rules.rule("test.either", is_even | is_seven)
    rules.rule("test.not_even", ~is_even)


def test_allowed_and_require_agree(registry):
    assert rules.allowed(2, "test.act", 11)
    rules.require(2, "test.act", 11)
    assert not rules.allowed(3, "test.act", 11)


def test_require_refuses_with_the_first_failing_predicate(registry):
    with pytest.raises(NotAllowed, match="Only even users") as refused:
        rules.require(3, "test.act", 5)
    assert refused.value.code == "not_allowed"
    with pytest.raises(ApplicationError, match="5 is too small") as refused:
        rules.require(2, "test.act", 5)
    assert type(refused.value) is ApplicationError
    assert refused.value.code == "small"


def test_or_passes_on_either_branch_and_explains_with_the_first(registry):
    assert rules.allowed(2, "test.either")
    assert rules.allowed(7, "test.either")
    with pytest.raises(NotAllowed, match="Only even users"):
        rules.require(3, "test.either")


def test_not(registry):
    assert rules.allowed(3, "test.not_even")
    assert not rules.allowed(2, "test.not_even")


def test_a_name_is_registered_once(registry):
    with pytest.raises(ValueError, match="already registered"):
        rules.rule("test.act", is_seven)


def test_unknown_rule_is_a_lookup_error(registry):
    with pytest.raises(LookupError, match=r"test\.nothing"):
        rules.allowed(1, "test.nothing")


def test_template_tag_uses_the_request_user(registry):
    request = RequestFactory().get("/")
    request.user = 2
    html = Template('{% load permissions %}{% can "test.act" obj as ok %}{{ ok }}').render(
        Context({"request": request, "obj": 11})
    )
    assert html == "True"
    request.user = 3
    assert (
        Template('{% load permissions %}{% can "test.act" 11 as ok %}{{ ok }}').render(Context({"request": request}))
        == "False"
    )
