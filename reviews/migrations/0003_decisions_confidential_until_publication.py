"""Decisions wait for the publication: a case decided in a cycle that is not published yet goes back
to "in review" (its decision stays, in AwardDecision and the audit log). Its premature transition
event, which carried the rationale into the submitter's history, is removed, and its outcomes'
verification waits too; ``publish_cycle`` applies both when the cycle is published."""

from django.db import migrations

FINAL = ["awarded", "not_awarded"]


def hold_back_unpublished_decisions(apps, schema_editor):
    InnovationCase = apps.get_model("cases", "InnovationCase")
    CaseEvent = apps.get_model("cases", "CaseEvent")
    Outcome = apps.get_model("cases", "Outcome")
    ids = list(
        InnovationCase.objects.filter(state__in=FINAL).exclude(cycle__state="published").values_list("pk", flat=True)
    )
    if not ids:
        return
    CaseEvent.objects.filter(case_id__in=ids, kind="transition", to_state__in=FINAL).delete()
    Outcome.objects.filter(case_id__in=ids).update(verification="pending")
    InnovationCase.objects.filter(pk__in=ids).update(state="in_review")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_bilingual_texts"),
        ("reviews", "0002_decision_rationale_in_either_language"),
    ]

    operations = [migrations.RunPython(hold_back_unpublished_decisions, migrations.RunPython.noop)]
