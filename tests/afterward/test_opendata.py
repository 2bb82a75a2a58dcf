import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from afterward.models import AdoptionState
from practices import opendata

from .factories import AdoptionFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_open_data_lists_the_confirmed_adopters(client, practice):
    AdoptionFactory(source=practice, adopter__code="34050", state=AdoptionState.CONFIRMED, answered_at=timezone.now())
    AdoptionFactory(source=practice, adopter__code="34060")  # pending: not published
    data = json.loads(_body(client.get(reverse("practices:open_data_json"))))
    (record,) = data["cases"]
    assert [(item["government_code"], item["tier"], item["kind"]) for item in record["adoptions"]] == [
        ("34050", "city", "adopted")
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(_body(client.get(reverse("practices:open_data_csv") + "?header=keys")).lstrip("\ufeff"))
        )
    )
    assert rows[0]["adoptions"] == "34050"
    assert list(opendata.csv_headers())[-1] == "adoptions"
