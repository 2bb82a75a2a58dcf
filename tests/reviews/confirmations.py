"""Taking a cycle step the way a manager does: open its confirmation page, then confirm it."""

from django.urls import reverse


def step_url(year: int, to_state: str) -> str:
    if to_state == "published":
        return reverse("reviews:publish", args=[year])
    return f"{reverse('reviews:cycle_state', args=[year])}?to_state={to_state}"


def confirmation_data(page, *, acknowledge: bool = True) -> dict:
    """The hidden fields of the confirmation form on ``page`` (and the acknowledgement of warnings)."""
    form = page.context["form"]
    data = {name: form[name].value() for name in ("from_state", "to_state", "token")}
    if acknowledge and "acknowledge" in form.fields:
        data["acknowledge"] = "on"
    return data


def confirm_step(client, year: int, to_state: str, *, follow: bool = True):
    page = client.get(step_url(year, to_state))
    assert page.status_code == 200, page.status_code
    return client.post(page.context["action"], confirmation_data(page), follow=follow)
