"""Answering "Have you felt this improvement?" as a visitor does: load the page, send its form."""

import re

from django.urls import reverse


def feedback_url(case):
    return reverse("practices:practice_feedback", args=[case.pk])


def page_token(client, case, **extra) -> str:
    """The visitor token the practice page hands to a visitor without a session ("" when it has one)."""
    html = client.get(reverse("practices:practice_detail", args=[case.pk]), **extra).content.decode()
    match = re.search(r'name="visitor_token" value="([^"]*)"', html)
    return match.group(1) if match else ""


def answer(client, case, data, **extra):
    """Answer as a visitor does: load the page, then send the form with the page's token."""
    token = page_token(client, case, **{k: v for k, v in extra.items() if k != "follow"})
    return client.post(feedback_url(case), {**data, "visitor_token": token}, **extra)
