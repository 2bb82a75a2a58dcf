import csv
import io

import pytest
from django.core.management import CommandError, call_command

from governments.models import LocalGovernment
from governments.services import REGISTRY_CSV, RegistryError, load_registry, read_registry_csv

pytestmark = pytest.mark.django_db

HEADER = ["code", "tier", "name", "name_local", "parent_code", "population", "population_year"]


def _rows(*rows):
    return [dict(zip(HEADER, row, strict=True)) for row in rows]


GOOD = [
    ("37", "province", "Gyeongsangbuk-do", "경상북도", "", "2600000", "2006"),
    ("22", "metropolis", "Daegu", "대구광역시", "", "2500000", "2006"),
    ("37050", "city", "Gumi-si", "구미시", "37", "400000", "2006"),
]


def test_loads_the_whole_2006_registry_idempotently():
    first = load_registry(rows=read_registry_csv(REGISTRY_CSV))
    second = load_registry(rows=read_registry_csv(REGISTRY_CSV))
    assert (first.created, first.updated) == (246, 0)
    assert (second.created, second.updated) == (0, 246)
    assert LocalGovernment.objects.count() == 246
    gumi = LocalGovernment.objects.get(code="37050")
    assert (gumi.name, gumi.name_local, gumi.tier, gumi.parent.code) == ("Gumi-si", "구미시", "city", "37")


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (("37100", "village", "X", "엑스", "37", "10", "2006"), "line 5 (code 37100): unknown tier 'village'"),
        (
            ("37100", "district", "X", "엑스", "37", "10", "2006"),
            "line 5 (code 37100): a district must belong to a metropolis, but 37 is a province",
        ),
        (("37100", "city", "X", "엑스", "37", "-5", "2006"), "line 5 (code 37100): population -5 is negative"),
        (("37050", "city", "X", "엑스", "37", "10", "2006"), "line 5 (code 37050): duplicate code 37050"),
        (("37100", "city", "X", "엑스", "99", "10", "2006"), "line 5 (code 37100): parent 99 is not in the registry"),
        (
            ("37100", "county", "X", "엑스", "", "10", "2006"),
            "line 5 (code 37100): a county needs a parent province or metropolis",
        ),
        (("38", "province", "X", "엑스", "22", "10", "2006"), "line 5 (code 38): a province has no parent, got 22"),
        (
            ("37100", "city", "X", "엑스", "37", "many", "2006"),
            "line 5 (code 37100): population 'many' is not a whole number",
        ),
    ],
)
def test_bad_rows_are_refused_with_a_message_naming_the_row_and_nothing_changes(bad_row, message):
    with pytest.raises(RegistryError) as refused:
        load_registry(rows=_rows(*GOOD, bad_row))
    assert [error for error in refused.value.errors if error.startswith(message)] == refused.value.errors
    assert LocalGovernment.objects.count() == 0


def test_every_bad_row_is_reported_at_once():
    with pytest.raises(RegistryError) as refused:
        load_registry(
            rows=_rows(
                *GOOD, ("1", "village", "X", "엑스", "", "1", "2006"), ("2", "province", "Y", "와이", "", "-1", "2006")
            )
        )
    assert len(refused.value.errors) == 2


def test_command_names_the_bad_row_and_leaves_the_database_unchanged(tmp_path):
    path = tmp_path / "registry.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([*GOOD, ("37100", "city", "X", "엑스", "22", "10", "2006")])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("load_governments", file=path)
    assert "line 5 (code 37100): a city must belong to a province, but 22 is a metropolis" in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert LocalGovernment.objects.count() == 0


def test_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Registry file not found"):
        call_command("load_governments", file=tmp_path / "missing.csv")


def test_command_reports_missing_columns(tmp_path):
    path = tmp_path / "registry.csv"
    path.write_text("code,tier\n11,metropolis\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("load_governments", file=path)
