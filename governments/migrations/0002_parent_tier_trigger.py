"""A lower-level government's parent must have the right tier (city -> province, county -> province
or metropolis, district -> metropolis). That is a rule across two rows, which a CHECK constraint cannot express,
so a trigger enforces it in the database on both supported engines."""

from django.db import migrations

TABLE = "governments_localgovernment"
# True when the parent tier (the subquery, substituted for {parent}) is allowed for NEW.tier.
PARENT_TIER_ALLOWED = (
    "(CASE NEW.tier WHEN 'city' THEN {parent} = 'province'"
    " WHEN 'county' THEN {parent} IN ('province', 'metropolis')"
    " WHEN 'district' THEN {parent} = 'metropolis' ELSE FALSE END)"
)

POSTGRESQL_FORWARD = f"""
CREATE OR REPLACE FUNCTION governments_check_parent_tier() RETURNS trigger AS $$
DECLARE
    actual_parent_tier varchar;
BEGIN
    IF NEW.parent_id IS NOT NULL THEN
        SELECT tier INTO actual_parent_tier FROM {TABLE} WHERE id = NEW.parent_id;
        IF actual_parent_tier IS NULL OR NOT {PARENT_TIER_ALLOWED.format(parent="actual_parent_tier")} THEN
            RAISE EXCEPTION 'government %: a % cannot belong to a %', NEW.code, NEW.tier, actual_parent_tier
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.tier <> OLD.tier
       AND EXISTS (SELECT 1 FROM {TABLE} WHERE parent_id = NEW.id) THEN
        RAISE EXCEPTION 'government %: tier cannot change while it has member governments', NEW.code
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER governments_parent_tier
    BEFORE INSERT OR UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION governments_check_parent_tier();
"""
POSTGRESQL_BACKWARD = f"""
DROP TRIGGER IF EXISTS governments_parent_tier ON {TABLE};
DROP FUNCTION IF EXISTS governments_check_parent_tier();
"""

SQLITE_CHECK = f"""
WHEN NEW.parent_id IS NOT NULL AND
     NOT COALESCE({PARENT_TIER_ALLOWED.format(parent=f"(SELECT tier FROM {TABLE} WHERE id = NEW.parent_id)")}, 0)
BEGIN
    SELECT RAISE(ABORT, 'government parent has the wrong tier');
END;
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER governments_parent_tier_insert BEFORE INSERT ON {TABLE} {SQLITE_CHECK}",
    f"CREATE TRIGGER governments_parent_tier_update BEFORE UPDATE OF tier, parent_id ON {TABLE} {SQLITE_CHECK}",
    f"""CREATE TRIGGER governments_tier_with_children BEFORE UPDATE OF tier ON {TABLE}
        WHEN NEW.tier <> OLD.tier AND EXISTS (SELECT 1 FROM {TABLE} WHERE parent_id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'government tier cannot change while it has member governments'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS governments_parent_tier_insert",
    "DROP TRIGGER IF EXISTS governments_parent_tier_update",
    "DROP TRIGGER IF EXISTS governments_tier_with_children",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FORWARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_BACKWARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("governments", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
