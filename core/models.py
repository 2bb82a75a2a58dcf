"""Two tiny tables every app may use; neither depends on any app.

``Revision`` counts committed changes to the data that cached responses are built from. Database
triggers (installed by the apps that own the data) append a row per write statement, so writers
never wait for each other on one hot row; ``core.revisions.current()`` sums the rows, which
changes exactly when such a write commits. Rows are merged from time to time (the sum stays).

``InstalledCode`` remembers which version of each piece of SQL an app installed (triggers,
functions), so that ``migrate`` reinstalls it when the code changed or the database lost it."""

from __future__ import annotations

from django.db import models


class Revision(models.Model):
    n = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = "revision"

    def __str__(self) -> str:
        return f"+{self.n}"


class InstalledCode(models.Model):
    name = models.CharField(max_length=100, primary_key=True)
    digest = models.CharField(max_length=64)
    installed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "installed database code"

    def __str__(self) -> str:
        return f"{self.name} {self.digest[:12]}"
