# Adopts the citizen feedback table created by cases.0001 (state only: no table is created or
# dropped), and moves its content type so that admin history and permissions follow the model.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source="cases", target="practices"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label=target, model="citizenfeedback").exists():
        return
    ContentType.objects.filter(app_label=source, model="citizenfeedback").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="practices", target="cases")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cases", "0002_citizenfeedback_moves_to_practices"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CitizenFeedback",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("felt", models.CharField(choices=[("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")], max_length=10, verbose_name="felt the improvement")),
                        ("comment", models.TextField(blank=True, max_length=2000, verbose_name="comment")),
                        ("moderation", models.CharField(choices=[("none", "No comment"), ("pending", "Awaiting moderation"), ("approved", "Approved"), ("rejected", "Rejected")], default="none", max_length=10, verbose_name="moderation")),
                        ("visitor", models.CharField(max_length=64)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("moderated_at", models.DateTimeField(blank=True, null=True)),
                        ("moderated_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("case", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="feedback", to="cases.innovationcase")),
                    ],
                    options={
                        "verbose_name": "citizen feedback",
                        "verbose_name_plural": "citizen feedback",
                        "db_table": "cases_citizenfeedback",
                        "ordering": ["-created_at", "id"],
                        "constraints": [
                            models.UniqueConstraint(fields=("case", "visitor"), name="feedback_one_per_visitor"),
                            models.CheckConstraint(condition=models.Q(("felt__in", ["yes", "no", "not_sure"])), name="feedback_felt_valid"),
                            models.CheckConstraint(condition=models.Q(("moderation__in", ["none", "pending", "approved", "rejected"])), name="feedback_moderation_valid"),
                            models.CheckConstraint(condition=models.Q(models.Q(("comment", ""), ("moderation", "none")), models.Q(models.Q(("comment", ""), _negated=True), models.Q(("moderation", "none"), _negated=True)), _connector="OR"), name="feedback_comment_needs_moderation"),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
