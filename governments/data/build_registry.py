"""Build ``kr_local_gov_2006_registry.csv`` from the KOSTAT-derived source file.

Run from the project root: ``python governments/data/build_registry.py``. The output is committed;
this script documents (and reproduces) exactly how it was made. See ``README.md`` beside it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source_kr_local_gov_2006.csv"
OUTPUT = HERE / "kr_local_gov_2006_registry.csv"

# The study's 2006 national profile (Table 1): average population per tier.
TARGET_AVERAGE = {
    "province": 2_901_296,
    "metropolis": 3_268_588,
    "city": 283_711,
    "district": 324_397,
    "county": 55_380,
}

# Changwon, Masan and Jinhae merged before the 2010 census. Their combined 2010 population is the
# residual of Gyeongsangnam-do's total after its other units; it is split by approximate shares of
# the three cities in the 2005 census (Changwon 46%, Masan 39%, Jinhae 15%).
MERGED_CITY_SHARES = {"38010": 46, "38020": 39, "38040": 15}
MERGED_PARENT = "38"


def _largest_remainder(values: dict[str, int], target_total: int) -> dict[str, int]:
    """Scale ``values`` to integers summing exactly to ``target_total`` (Hamilton's method)."""
    source_total = sum(values.values())
    exact = {key: value * target_total / source_total for key, value in values.items()}
    floored = {key: int(quota) for key, quota in exact.items()}
    shortfall = target_total - sum(floored.values())
    by_remainder = sorted(exact, key=lambda key: (exact[key] - floored[key], key), reverse=True)
    for key in by_remainder[:shortfall]:
        floored[key] += 1
    return floored


def build() -> list[dict[str, str]]:
    with SOURCE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    census = {row["kostat_code"]: row["pop_2010_census"] for row in rows}
    children_sum = sum(
        int(row["pop_2010_census"])
        for row in rows
        if row["parent_kostat_code"] == MERGED_PARENT and row["pop_2010_census"]
    )
    residual = int(census[MERGED_PARENT]) - children_sum
    estimated = _largest_remainder(MERGED_CITY_SHARES, residual)
    base = {row["kostat_code"]: int(row["pop_2010_census"] or estimated[row["kostat_code"]]) for row in rows}

    by_tier: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        by_tier[row["tier"]][row["kostat_code"]] = base[row["kostat_code"]]
    population: dict[str, int] = {}
    for tier, values in by_tier.items():
        population.update(_largest_remainder(values, TARGET_AVERAGE[tier] * len(values)))

    return [
        {
            "code": row["kostat_code"],
            "tier": row["tier"],
            "name": row["name_en"],
            "name_local": row["name_ko"],
            "parent_code": row["parent_kostat_code"],
            "population": str(population[row["kostat_code"]]),
            "population_year": "2006",
            "census_2010": row["pop_2010_census"],
            "census_2010_estimated": "yes" if not row["pop_2010_census"] else "",
        }
        for row in rows
    ]


def main() -> None:
    rows = build()
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUTPUT.name}")


if __name__ == "__main__":
    main()
