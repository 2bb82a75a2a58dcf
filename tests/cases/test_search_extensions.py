"""Where PostgreSQL refuses the search extensions the search still works (slower, no accent
folding) and ``check --database default`` says why."""

import pytest
from django.db import connection, transaction
from django.http import QueryDict

from cases import derived, search
from cases.checks import search_extensions
from cases.filters import CaseFilter
from cases.models import InnovationCase
from tests.cases.factories import CaseFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the extensions are PostgreSQL's"),
]


def _found(query: str) -> list[InnovationCase]:
    return list(CaseFilter(QueryDict(query), queryset=InnovationCase.objects.all()).qs)


def test_no_warning_when_the_extensions_are_there():
    assert search_extensions(databases=["default"]) == []


def test_without_the_extensions_the_search_works_and_check_warns():
    case = CaseFactory(title="Groundwater wells for villages", summary="Clean water.")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DROP EXTENSION pg_trgm CASCADE")  # and its index
            cursor.execute("DROP EXTENSION unaccent CASCADE")
        derived.install()  # what migrate would do: the trigger without unaccent
        search.forget_features()
        try:
            assert [warning.id for warning in search_extensions(databases=["default"])] == ["cases.W001", "cases.W002"]
            InnovationCase.objects.filter(pk=case.pk).update(title="Groundwater wells for the villages")
            assert _found("q=groundwat") == [case]  # word prefix (full text)
            assert _found("q=roundwater") == [case]  # inside a word (no trigram index: a scan)
        finally:
            transaction.set_rollback(True)
            search.forget_features()
    derived.install()
