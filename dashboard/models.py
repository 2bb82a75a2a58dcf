"""Summaries of the cases that the statistics read instead of the cases themselves.

Both tables are kept by database triggers in the same transaction as every write that changes them
(``dashboard/summaries.py``), whether it comes from a service, the admin, a bulk insert or plain
SQL. ``python manage.py rebuild_statistics`` recomputes them from scratch; the live aggregation in
``dashboard/statistics.py`` stays the reference the tests compare them with."""

from __future__ import annotations

from django.db import models

from cases.models import AwardCycle, BinaryOrderedTextField, InnovationCase


class SummaryKind(models.TextChoices):
    CASE = "case"
    OBSTACLE = "obstacle"
    REMEDY = "remedy"
    OUTCOME = "outcome"
    # Cases claiming at least one outcome of a kind (item: the outcome kind id).
    CLAIMED = "claimed"
    # Cases by service area (item: its id, 0 for none) and by use of jargon (item: true or false).
    AREA = "area"
    JARGON = "jargon"
    FEEDBACK = "feedback"


class Summary(models.Model):
    """Counts of submitted cases (``kind`` case: with their population), and of their obstacles,
    remedies, outcomes, claimed outcome kinds (cases claiming one at least), service areas, use of
    jargon and counted citizen answers, by cycle, case state and ICT; cases also by tier, purpose and
    participation level; the others by ``item`` (obstacle or remedy type id, verification, outcome
    kind id, service area id, jargon, answer).

    Writers only append rows (so concurrent writers never wait for each other); rows of the same key
    are merged when no one else is merging. A count is the ``SUM`` over its key's rows."""

    kind = models.CharField(max_length=10, choices=SummaryKind.choices)
    cycle = models.ForeignKey(AwardCycle, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    state = models.CharField(max_length=20)
    uses_ict = models.BooleanField()
    tier = models.CharField(max_length=12, default="")
    purpose_id = models.BigIntegerField(default=0)
    participation = models.CharField(max_length=12, default="")
    item = models.CharField(max_length=20, default="")
    n = models.BigIntegerField()
    population = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "statistics summary"
        indexes = [
            models.Index(
                fields=["kind", "cycle", "state", "uses_ict", "tier", "purpose_id", "participation", "item"],
                name="summary_key_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.cycle_id} {self.state} {self.n}"


class CaseFeedbackSummary(models.Model):
    """Counted citizen answers of one case (rejected comments are not counted), one row per case that
    has any, for the "felt it" table's most answered cases."""

    case = models.OneToOneField(
        InnovationCase,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="feedback_summary",
    )
    responses = models.IntegerField()
    yes = models.IntegerField()
    no = models.IntegerField()
    not_sure = models.IntegerField()
    # The case's sort_key, kept by the triggers: the table's order (most answered, then the list's
    # order) is then one index, read for its first hundred rows instead of sorting every tie.
    sort_key = BinaryOrderedTextField(db_default="", editable=False)

    class Meta:
        verbose_name = "case feedback summary"
        indexes = [models.Index(fields=["-responses", "sort_key"], name="case_feedback_order_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.responses}"
