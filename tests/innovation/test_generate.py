"""The synthetic cases of the benchmarks (``innovation/generate.py``, ``manage.py generate_cases``):
what they hold, that a seed gives the same cases, and that the database's derived columns and
summaries follow the bulk path as they follow the services."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.models import Count, Q

from cases.models import CaseState, CycleState, InnovationCase
from dashboard.summaries import maintained_rows, scratch_rows, summaries_enabled
from innovation import generate as generator
from practices.models import CitizenFeedback
from reviews.models import AwardDecision, Review, ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    from innovation.management.commands.load_demo import Command

    Command().handle(password="bench-password-123", if_empty=False)


def _counting_ids():
    counters: dict = {}

    def ids(model, count):
        start = counters.get(model, 1)
        counters[model] = start + count
        return list(range(start, start + count))

    return ids


def test_the_same_seed_builds_the_same_cases_and_another_seed_others(registry):
    first = generator.build_batch(generator.prepare(7), _counting_ids(), 50, 0).by_model
    again = generator.build_batch(generator.prepare(7), _counting_ids(), 50, 0).by_model
    other = generator.build_batch(generator.prepare(8), _counting_ids(), 50, 0).by_model

    def cases(rows):
        return [{k: v for k, v in row.items() if k not in ("created_at", "updated_at", "submitted_at")} for row in rows]

    assert cases(first[InnovationCase]) == cases(again[InnovationCase])
    assert cases(first[InnovationCase]) != cases(other[InnovationCase])


def test_generated_cases_hold_what_the_statistics_and_lists_read(registry):
    rows = generator.generate(400, seed=11)

    generated = InnovationCase.objects.filter(title__regex=r"\(\d+\)$", summary__contains="synthetic")
    assert generated.count() == 400
    assert rows > 400 * 10  # every case brings its obstacles, remedies, outcomes, review and decision
    per_case = generated.annotate(
        obstacles_n=Count("obstacles", distinct=True),
        remedies_n=Count("remedies", distinct=True),
        outcomes_n=Count("outcomes", distinct=True),
    )
    assert set(per_case.values_list("obstacles_n", flat=True)) <= {1, 2, 3}
    assert set(per_case.values_list("remedies_n", flat=True)) <= {1, 2, 3}
    assert set(per_case.values_list("outcomes_n", flat=True)) <= {1, 2, 3}

    published = generated.filter(cycle__state=CycleState.PUBLISHED)
    open_cycle = generated.filter(cycle__state=CycleState.OPEN)
    assert published.count() + open_cycle.count() == 400
    assert set(open_cycle.values_list("state", flat=True)) <= {CaseState.DRAFT, CaseState.SUBMITTED}
    assert set(published.values_list("state", flat=True)) == {CaseState.AWARDED, CaseState.NOT_AWARDED}
    # Every decided case has its submitted review and its decision; the awarded ones a level.
    assert AwardDecision.objects.filter(case__in=published).count() == published.count()
    assert AwardDecision.objects.filter(case__in=published, level__isnull=False).count() == (
        published.filter(state=CaseState.AWARDED).count()
    )
    assert Review.objects.filter(assignment__case__in=published, state=ReviewState.SUBMITTED).count() == (
        published.count()
    )
    assert not AwardDecision.objects.filter(case__in=open_cycle).exists()
    # Citizen answers only on awarded cases.
    assert not CitizenFeedback.objects.filter(case__in=generated).exclude(case__state=CaseState.AWARDED).exists()

    # The derived columns came from the database on the bulk path too.
    awarded = published.filter(state=CaseState.AWARDED)
    assert awarded.filter(is_public=True).count() == awarded.count() > 0
    assert not generated.filter(Q(is_public=True) & ~Q(state=CaseState.AWARDED)).exists()
    assert not generated.filter(sort_key="").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the summaries are PostgreSQL's")
def test_the_summaries_equal_a_rebuild_after_generating(registry):
    assert summaries_enabled()
    generator.generate(300, seed=3)
    assert maintained_rows() == scratch_rows()


def test_the_command_reports_what_it_added_and_refuses_bad_counts(registry):
    out = io.StringIO()
    call_command("generate_cases", count=25, seed=1, quiet=True, stdout=out)
    assert out.getvalue().startswith("Generated 25 cases (")
    with pytest.raises(CommandError, match="--count must be at least 1"):
        call_command("generate_cases", count=0, quiet=True, stdout=io.StringIO())


def test_the_command_needs_the_registry():
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_cases", count=5, quiet=True, stdout=io.StringIO())


def test_the_command_is_refused_where_demo_data_is_disabled(registry, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="disabled"):
        call_command("generate_cases", count=5, quiet=True, stdout=io.StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="workers write in parallel on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_workers_write_the_batches_in_parallel_and_the_seed_gives_the_same_cases():
    from innovation.management.commands.load_demo import Command

    Command().handle(password="bench-password-123", if_empty=False)
    first = InnovationCase.objects.count()
    seen = []

    rows = generator.generate(
        250, seed=21, workers=2, batch=50, progress=lambda done, total, seconds: seen.append((done, total))
    )

    assert seen[-1] == (250, 250) and len(seen) == 5  # a report per batch, from both workers
    generated = InnovationCase.objects.filter(pk__gt=0).order_by("id")[first:]
    numbers = sorted(int(title.rsplit("(", 1)[1].rstrip(")")) for title in generated.values_list("title", flat=True))
    assert numbers == list(range(first, first + 250))  # every batch once
    assert rows > 250 * 10
    # Each batch's cases are what the seed draws for it, whichever worker wrote it.
    batch = generator.build_batch(generator.prepare(21), _counting_ids(), 50, first + 100)
    expected = {
        row["title"]: (row["summary"], row["government_id"], row["state"]) for row in batch.by_model[InnovationCase]
    }
    written = {
        title: (summary, government, state)
        for title, summary, government, state in InnovationCase.objects.filter(title__in=expected).values_list(
            "title", "summary", "government_id", "state"
        )
    }
    assert written == expected
    assert maintained_rows() == scratch_rows()  # the summaries followed both connections' writes


def test_the_command_refuses_no_workers(registry):
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("generate_cases", count=5, workers=0, quiet=True, stdout=io.StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="workers write in parallel on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_workers_never_use_a_connection_the_parent_left_open(monkeypatch):
    """A forked worker holds a copy of every open connection: using or closing it would end the
    parent's session (what a test run once did). Here the parent's close is refused on purpose."""
    from innovation.management.commands.load_demo import Command

    Command().handle(password="bench-password-123", if_empty=False)
    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    monkeypatch.setattr(type(connections["default"]), "close", lambda self: None)

    generator.generate(100, seed=4, workers=2, batch=25)

    assert connection.connection.info.backend_pid == backend  # the parent's session lives on
    assert InnovationCase.objects.filter(title__regex=r"\(\d+\)$", summary__contains="synthetic").count() == 100
