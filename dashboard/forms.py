"""The dashboard's filters, shared by the page and the stats API: ``?cycle=2005&cycle=2006&scope=submitted``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core import revisions
from core.rules import allowed

from .statistics import Scope, cycle_years_by_scope


class StatsFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Cases"),
        choices=Scope.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    cycle = forms.TypedMultipleChoiceField(
        label=_("Award cycles"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None checked: every cycle."),
        error_messages={"invalid_choice": _("%(value)s is not one of the award cycles you can choose.")},
    )

    def __init__(self, data=None, *, user, revision: str | None = None, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            # "?cycle=" (an empty value) means no cycle chosen, like no parameter at all.
            data = data.copy()
            data.setlist("cycle", [value for value in data.getlist("cycle") if value.strip()])
        super().__init__(data, **kwargs)
        self.user = user
        # Cached with the statistics when the caller read the revision first (the stats API does).
        self.cycles_by_scope = revisions.remember(revision, "stats-cycles", (), cycle_years_by_scope)
        self.staff = allowed(user, "dashboard.choose_submitted_scope")
        years = self.cycles_by_scope[Scope.SUBMITTED if self.staff else Scope.AWARDED]
        self.fields["cycle"].choices = [(year, str(year)) for year in years]

    def clean_scope(self) -> str:
        scope = self.cleaned_data.get("scope") or Scope.AWARDED
        if scope == Scope.SUBMITTED and not self.staff:
            raise forms.ValidationError(
                _("Only reviewers and award managers may see all submitted cases."), code="forbidden_scope"
            )
        return str(scope)

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        chosen = cleaned.get("cycle") or []
        if scope and chosen:
            allowed = set(self.cycles_by_scope[scope])
            outside = sorted(year for year in chosen if year not in allowed)
            if outside:
                self.add_error(
                    "cycle",
                    _("No awarded cases are published for %(years)s: choose among %(allowed)s.")
                    % {
                        "years": ", ".join(map(str, outside)),
                        "allowed": ", ".join(map(str, sorted(allowed))) or "—",
                    },
                )
        return cleaned

    def filters(self) -> tuple[str, list[int]]:
        """The scope and the cycle years to compute (defaults for whatever did not validate)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        scope = data.get("scope") or Scope.AWARDED
        cycles = data.get("cycle") or self.cycles_by_scope[scope]
        return scope, sorted(cycles)
