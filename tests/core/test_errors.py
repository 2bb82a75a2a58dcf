from django.core.exceptions import ValidationError

from core.errors import ApplicationError, Conflict


def test_fields_are_lists_of_strings():
    error = ApplicationError("No.", fields={"title": "Too long.", "scores.3": ["Low.", "Odd."]})
    assert error.fields == {"title": ["Too long."], "scores.3": ["Low.", "Odd."]}
    assert (error.status, error.code) == (400, "invalid")
    assert (Conflict("x").status, Conflict("x").code) == (409, "conflict")


def test_from_validation_error_keeps_field_names():
    error = ApplicationError.from_validation_error(
        ValidationError({"title": ["Too long."], "__all__": ["Broken.", "Twice."]})
    )
    assert error.message == "Broken."
    assert error.problems == ["Twice."]
    assert error.fields == {"title": ["Too long."]}


def test_all_messages_lists_each_once():
    error = ApplicationError("A", fields={"x": ["B", "A"]}, problems=["C", "B"])
    assert error.all_messages() == ["A", "C", "B"]
