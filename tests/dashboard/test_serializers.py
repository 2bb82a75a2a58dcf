"""The stats API builds its JSON with ``plain_data`` (fast); it must equal what the DRF serializers,
which document the contract in the OpenAPI schema, would give."""

import json

import pytest
from django.utils import translation

from dashboard.api.serializers import StatisticsSerializer, plain_data, serialize_table, table_data
from dashboard.statistics import Scope, compute_statistics

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scope", Scope.values)
def test_plain_data_equals_the_serializers(demo_data, scope, language):
    with translation.override(language):
        statistics = compute_statistics(scope=scope, cycles=[2005, 2006, 2007], include_award_rate=True)
        expected = json.loads(json.dumps(StatisticsSerializer(statistics).data))
        actual = plain_data(StatisticsSerializer, statistics)
        assert json.dumps(actual) == json.dumps(expected)  # same keys, order, types and values
        for table in statistics.tables.values():
            assert json.dumps(table_data(table)) == json.dumps(serialize_table(table))


def test_an_absent_table_is_left_out(demo_data):
    statistics = compute_statistics(scope=Scope.AWARDED, cycles=[2005, 2006])
    assert "award_rate_by_tier" not in plain_data(StatisticsSerializer, statistics)["tables"]
