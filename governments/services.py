"""Writes to the registry. The loader validates every row first and names each bad one, then
writes all rows in one transaction, so a bad file changes nothing."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import PARENT_TIERS, TIER_ORDER, UPPER_TIERS, LocalGovernment

REGISTRY_CSV = Path(__file__).resolve().parent / "data" / "kr_local_gov_2006_registry.csv"
REQUIRED_COLUMNS = ("code", "tier", "name", "name_local", "parent_code", "population", "population_year")


class RegistryError(ValueError):
    """The registry file has bad rows; ``errors`` names each of them."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class RegistryLoadResult:
    created: int
    updated: int


def read_registry_csv(path: Path) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise RegistryError([f"{path}: missing column(s): {', '.join(missing)}"])
        return list(reader)


def _validate(rows: list[dict[str, str]]) -> list[str]:
    errors: list[str] = []
    tiers: dict[str, str] = {}
    existing = dict(LocalGovernment.objects.values_list("code", "tier"))
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        code = (row.get("code") or "").strip()
        where = f"line {line} (code {code or '?'})"
        if not code:
            errors.append(f"{where}: code is empty")
            continue
        if code in tiers:
            errors.append(f"{where}: duplicate code {code}")
            continue
        tier = (row.get("tier") or "").strip()
        tiers[code] = tier
        if tier not in TIER_ORDER:
            errors.append(f"{where}: unknown tier {tier!r} (expected one of {', '.join(TIER_ORDER)})")
        if not (row.get("name") or "").strip() or not (row.get("name_local") or "").strip():
            errors.append(f"{where}: English and Korean names are required")
        for field in ("population", "population_year"):
            value = (row.get(field) or "").strip()
            try:
                number = int(value)
            except ValueError:
                errors.append(f"{where}: {field} {value!r} is not a whole number")
                continue
            if number < 0:
                errors.append(f"{where}: {field} {number} is negative")
    for line, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        tier = tiers.get(code)
        if tier not in TIER_ORDER:
            continue
        parent_code = (row.get("parent_code") or "").strip()
        where = f"line {line} (code {code})"
        if tier in UPPER_TIERS:
            if parent_code:
                errors.append(f"{where}: a {tier} has no parent, got {parent_code}")
            continue
        allowed = PARENT_TIERS[tier]
        expected = " or ".join(allowed)
        parent_tier = tiers.get(parent_code, existing.get(parent_code))
        if not parent_code:
            errors.append(f"{where}: a {tier} needs a parent {expected}")
        elif parent_tier is None:
            errors.append(f"{where}: parent {parent_code} is not in the registry")
        elif parent_tier not in allowed:
            errors.append(f"{where}: a {tier} must belong to a {expected}, but {parent_code} is a {parent_tier}")
    return errors


@transaction.atomic
def load_registry(*, rows: list[dict[str, str]]) -> RegistryLoadResult:
    """Create or update governments by code. Raises RegistryError naming every bad row.

    A handful of queries whatever the size: upper-level rows are written first so that lower-level
    rows can point at their parents' ids."""
    errors = _validate(rows)
    if errors:
        raise RegistryError(errors)
    existing = {government.code: government for government in LocalGovernment.objects.all()}
    fields = ["name", "name_local", "tier", "parent_id", "population", "population_year"]
    created = updated = 0
    for upper_level in (True, False):
        to_create, to_update = [], []
        for row in rows:
            parent_code = (row.get("parent_code") or "").strip()
            if bool(parent_code) == upper_level:
                continue
            values = {
                "name": row["name"].strip(),
                "name_local": row["name_local"].strip(),
                "tier": row["tier"].strip(),
                "parent_id": existing[parent_code].id if parent_code else None,
                "population": int(row["population"]),
                "population_year": int(row["population_year"]),
            }
            government = existing.get(row["code"].strip())
            if government is None:
                to_create.append(LocalGovernment(code=row["code"].strip(), **values))
                continue
            for name, value in values.items():
                setattr(government, name, value)
            to_update.append(government)
        created_rows = LocalGovernment.objects.bulk_create(to_create)
        if all(government.pk for government in created_rows):
            existing.update({government.code: government for government in created_rows})
        else:  # a backend that does not return ids from bulk inserts: read them back
            existing = {government.code: government for government in LocalGovernment.objects.all()}
        LocalGovernment.objects.bulk_update(to_update, fields, batch_size=500)
        created += len(to_create)
        updated += len(to_update)
    return RegistryLoadResult(created=created, updated=updated)
