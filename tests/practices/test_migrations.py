import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("cases", "0001_initial"), ("practices", None)]
AFTER = [("practices", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_feedback_keeps_its_table_and_rows_when_it_moves_to_practices():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state([("cases", "0001_initial")]).apps
    Government = old_apps.get_model("governments", "LocalGovernment")
    Cycle = old_apps.get_model("cases", "AwardCycle")
    Case = old_apps.get_model("cases", "InnovationCase")
    OldFeedback = old_apps.get_model("cases", "CitizenFeedback")
    government = Government.objects.create(
        code="99", name="P", name_local="도", tier="province", population=1, population_year=2006
    )
    cycle = Cycle.objects.create(
        year=1999,
        title="t",
        title_local="t",
        submission_opens="1999-01-01T00:00Z",
        submission_closes="1999-02-01T00:00Z",
        review_deadline="1999-03-01",
    )
    case = Case.objects.create(cycle=cycle, government=government)
    OldFeedback.objects.create(case=case, felt="yes", visitor="v1")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps
    Feedback = new_apps.get_model("practices", "CitizenFeedback")
    ContentType = new_apps.get_model("contenttypes", "ContentType")

    assert Feedback._meta.db_table == "cases_citizenfeedback"
    assert list(Feedback.objects.values_list("case_id", "felt", "visitor")) == [(case.pk, "yes", "v1")]
    assert not ContentType.objects.filter(app_label="cases", model="citizenfeedback").exists()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # leave the database as the other tests expect
