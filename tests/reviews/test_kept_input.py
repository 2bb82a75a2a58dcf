"""A review typed while the reviewer's session ran out is kept over the sign-in — password and
authenticator code — and put back in the review form (``accounts.kept_input``), not saved behind
the reviewer's back."""

import time
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse

from reviews import services
from reviews.models import Review
from tests.accounts.helpers import totp_code, totp_device

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def sign_in_with_code(client, user, next_url: str):
    """The password, then the authenticator's code, as the reviewer does."""
    device = totp_device(user)
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD, "next": next_url})
    assert client.get(next_url).url == f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': next_url})}"
    verified = client.post(reverse("accounts:two_factor_verify"), {"code": totp_code(device), "next": next_url})
    assert verified.url == next_url


def test_a_review_sent_after_the_idle_timeout_comes_back_after_signing_in_again(
    client, manager, case, reviewer, criteria
):
    assignment = services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    url = reverse("reviews:review", args=[assignment.pk])
    with time_machine.travel(time.time(), tick=False) as clock:
        sign_in_with_code(client, reviewer, url)
        assert client.get(url).status_code == 200
        clock.shift(31 * 60)
        typed = {f"score_{criteria[0].pk}": "4", "comment_to_submitter": "Add the 2005 survey.", "save": "1"}
        response = client.post(url, typed)
        assert response.url.startswith(reverse("accounts:login")) and "expired=idle" in response.url
        sign_in_with_code(client, reviewer, url)
        body = client.get(url).content.decode()
    assert "Add the 2005 survey.</textarea>" in body
    assert f'name="score_{criteria[0].pk}" value="4"' in body
    assert "What you typed is back in the form" in body
    assert not Review.objects.exists()
