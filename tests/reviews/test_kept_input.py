"""A review typed while the reviewer's session ended is kept over the sign-in and put back in the
review form (``accounts.kept_input``), not saved behind their back."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from reviews import services
from reviews.models import Review

pytestmark = pytest.mark.django_db


def test_a_review_sent_after_the_session_expired_comes_back_after_signing_in(client, manager, case, reviewer, criteria):
    assignment = services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    url = reverse("reviews:review", args=[assignment.pk])
    client.post(reverse("accounts:login"), {"username": reviewer.username, "password": "correct-horse-battery"})
    assert client.get(url).status_code == 200
    Session.objects.all().delete()
    typed = {f"score_{criteria[0].pk}": "4", "comment_to_submitter": "Add the 2005 survey.", "save": "1"}
    response = client.post(url, typed)
    assert response.url == f"{reverse('accounts:login')}?next={url}"
    client.post(response.url, {"username": reviewer.username, "password": "correct-horse-battery", "next": url})
    body = client.get(url).content.decode()
    assert "Add the 2005 survey.</textarea>" in body
    assert f'name="score_{criteria[0].pk}" value="4"' in body
    assert "What you typed is back in the form" in body
    assert not Review.objects.exists()
