# CitizenFeedback now belongs to the practices app. State only: the table stays as it is and
# practices.0001 adopts it under its old name.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CitizenFeedback")],
            database_operations=[],
        )
    ]
