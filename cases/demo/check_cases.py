#!/usr/bin/env python3
"""Check cases/demo/cases.json against the seed study and the demo data rules.

Standalone, stdlib only: ``python3 cases/demo/check_cases.py [path/to/cases.json]``.

Loads the JSON and the government registry (governments/data/kr_local_gov_2006_registry.csv),
recomputes Tables 1-4 of the study (shared/seed/transforming-local-government-korea.txt) from the
42 awarded cases, prints them next to the printed figures and checks every count, percentage and
average, plus the shape and content rules of every case. Exits 1 on any mismatch.
"""

import csv
import datetime
import json
import os
import re
import sys
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JSON = os.path.join(HERE, "cases.json")
REGISTRY = os.path.normpath(os.path.join(HERE, "..", "..", "governments", "data", "kr_local_gov_2006_registry.csv"))
MAX_BYTES = 400 * 1024
MAX_ADJUST = 0.15

TIERS = ["province", "metropolis", "city", "district", "county"]
PURPOSES = ["place_marketing", "service_improvement"]
OBSTACLES = [
    "lack_of_resources",
    "lack_of_cooperation",
    "legal_constraint",
    "conflict_of_interest",
    "lack_of_expertise",
]
REMEDIES = ["institutional_provision", "revised_project", "induced_cooperation", "perseverance"]
PARTICIPATION = ["none", "inform", "consult", "involve", "collaborate", "empower"]
PARTICIPANT_KINDS = ["citizens", "ngos", "private_firms", "experts", "other_governments"]
AWARD_LEVELS = ["grand", "excellence", "merit"]
STATES_2007 = ["draft", "submitted"]
GUMI, SEOSAN = "37050", "34050"

# --- The study's printed tables -------------------------------------------------------------------
# Table 1: tier -> (cases, % of cases, average population, national count, national %, national avg)
TABLE1 = {
    "province": (6, "14.3", 3603424, 9, "3.7", 2901296),
    "metropolis": (9, "21.4", 2246095, 7, "2.8", 3268588),
    "city": (10, "23.8", 434712, 75, "30.5", 283711),
    "district": (7, "16.7", 370638, 69, "28.0", 324397),
    "county": (10, "23.8", 60894, 86, "35.0", 55380),
}
TABLE1_TOTAL = (42, "100", 1175855, 246, "100", 396037)
# The printed national total average (396,037) is inconsistent with the study's own rows; the rows
# give 396,001 (see DESIGN.md section 6). The checker requires the computed value.
NATIONAL_TOTAL_AVG_COMPUTED = 396001
# Table 2: purpose -> ((non-ICT count, col %), (ICT count, col %), (total count, col %))
TABLE2 = {
    "place_marketing": ((4, "28.6"), (4, "14.3"), (8, "19.0")),
    "service_improvement": ((10, "71.4"), (24, "85.7"), (34, "81.0")),
    "total": ((14, "100.0"), (28, "100.0"), (42, "100.0")),
}
# Tables 3 and 4: row -> list of (count, % of the 42 cases) per code, then the row total
TABLE3 = {
    "non_ict": [(1, "2.4"), (5, "11.9"), (1, "2.4"), (10, "23.8"), (2, "4.8"), (19, "45.2")],
    "ict": [(9, "21.4"), (9, "21.4"), (6, "14.3"), (13, "31.0"), (12, "28.6"), (49, "116.7")],
    "total": [(10, "23.8"), (14, "33.3"), (7, "16.7"), (23, "54.8"), (14, "33.3"), (68, "161.9")],
}
TABLE4 = {
    "non_ict": [(3, "7.1"), (1, "2.4"), (14, "33.3"), (2, "4.8"), (20, "47.6")],
    "ict": [(5, "11.9"), (4, "9.5"), (22, "52.4"), (12, "28.6"), (43, "102.4")],
    "total": [(8, "19.0"), (5, "11.9"), (36, "85.7"), (14, "33.3"), (63, "150.0")],
}

CASE_FIELDS = {
    "key",
    "cycle",
    "government_code",
    "title_en",
    "title_ko",
    "summary_en",
    "summary_ko",
    "description_en",
    "description_ko",
    "purpose",
    "uses_ict",
    "ict_description",
    "population",
    "population_adjusted",
    "started_on",
    "champion_en",
    "champion_ko",
    "participation_level",
    "participant_kinds",
    "obstacles",
    "remedies",
    "outcomes",
    "illustrative",
    "award_level",
    "contact_name",
    "contact_email",
}
OUTCOME_CONTENT_FIELDS = {"indicator_en", "indicator_ko", "unit", "baseline", "result", "evidence_en", "evidence_ko"}
KEY_RE = re.compile(r"^(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[a-z0-9._-]+@example\.go\.kr$")
HANGUL_RE = re.compile(r"[가-힣]")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)")

ERRORS = []


def fail(msg):
    ERRORS.append(msg)


def expect(cond, msg):
    if not cond:
        fail(msg)
    return cond


def pct(part, whole):
    """Percentage rounded half-up to one decimal, as a string ("14.3")."""
    return str((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def avg(total, n):
    return int((Decimal(total) / Decimal(n)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def sentences(text):
    return len(SENTENCE_END_RE.findall(text.strip()))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def load_registry():
    with open(REGISTRY, newline="", encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


# --- Per-case shape and content ----------------------------------------------------------------
def check_text(c, field, lo=None, hi=None):
    where = f"{c.get('key')}: {field}"
    value = c.get(field)
    if not expect(isinstance(value, str) and value.strip(), f"{where} must be a non-empty string"):
        return
    if field.endswith("_ko"):
        expect(HANGUL_RE.search(value), f"{where} has no Korean text")
    if lo is not None:
        n = sentences(value)
        expect(lo <= n <= hi, f"{where} has {n} sentences, expected {lo}-{hi}")


def check_case(c, registry, list_name):
    key = c.get("key", "?")
    fields = set(c)
    required = CASE_FIELDS | ({"state"} if list_name == "cycle_2007" else set())
    expect(not (required - fields), f"{key}: missing fields {sorted(required - fields)}")
    expect(not (fields - required), f"{key}: unexpected fields {sorted(fields - required)}")
    if required - fields:
        return

    m = KEY_RE.match(key) if isinstance(key, str) else None
    expect(m and int(m.group(1)) == c["cycle"], f"{key}: key must be a slug starting with its cycle")
    allowed_cycles = {2007} if list_name == "cycle_2007" else {2005, 2006}
    expect(c["cycle"] in allowed_cycles, f"{key}: cycle {c['cycle']} not allowed in {list_name}")
    expect(c["government_code"] in registry, f"{key}: unknown government_code {c['government_code']!r}")

    for field in ("title_en", "title_ko", "champion_en", "champion_ko", "contact_name"):
        check_text(c, field)
    for field in ("summary_en", "summary_ko"):
        check_text(c, field, 1, 2)
    for field in ("description_en", "description_ko"):
        check_text(c, field, 3, 5)

    expect(c["purpose"] in PURPOSES, f"{key}: bad purpose {c['purpose']!r}")
    expect(isinstance(c["uses_ict"], bool), f"{key}: uses_ict must be a bool")
    if c["uses_ict"]:
        expect(
            isinstance(c["ict_description"], str) and c["ict_description"].strip(),
            f"{key}: ICT case needs an ict_description",
        )
    else:
        expect(c["ict_description"] == "", f"{key}: non-ICT case must have an empty ict_description")

    pop = c["population"]
    expect(
        isinstance(pop, int) and not isinstance(pop, bool) and pop > 0, f"{key}: population must be a positive integer"
    )
    expect(isinstance(c["population_adjusted"], bool), f"{key}: population_adjusted must be a bool")
    if c["government_code"] in registry and isinstance(pop, int):
        reg = int(registry[c["government_code"]]["population"])
        if c["population_adjusted"]:
            expect(list_name == "awarded", f"{key}: only awarded cases may have an adjusted population")
            expect(pop != reg, f"{key}: flagged adjusted but equals the registry population")
            expect(
                abs(pop - reg) <= MAX_ADJUST * reg,
                f"{key}: adjusted population {pop} is more than 15% away from registry {reg}",
            )
        else:
            expect(pop == reg, f"{key}: population {pop} != registry {reg} but not flagged adjusted")

    try:
        started = datetime.date.fromisoformat(c["started_on"])
        expect(started < datetime.date(c["cycle"], 1, 1), f"{key}: started_on must precede cycle {c['cycle']}")
        expect(started.year >= 1995, f"{key}: started_on implausibly early")
    except (TypeError, ValueError):
        fail(f"{key}: started_on {c['started_on']!r} is not YYYY-MM-DD")

    expect(c["participation_level"] in PARTICIPATION, f"{key}: bad participation_level")
    kinds = c["participant_kinds"]
    expect(
        isinstance(kinds, list) and len(set(kinds)) == len(kinds) and set(kinds) <= set(PARTICIPANT_KINDS),
        f"{key}: participant_kinds must be distinct values of {PARTICIPANT_KINDS}",
    )

    for name, codes in (("obstacles", OBSTACLES), ("remedies", REMEDIES)):
        items = c[name]
        if not expect(isinstance(items, list) and items, f"{key}: needs at least one item in {name}"):
            continue
        seen = [i.get("code") for i in items]
        expect(len(set(seen)) == len(seen), f"{key}: duplicate code in {name}")
        for i in items:
            expect(set(i) == {"code", "description_en", "description_ko"}, f"{key}: bad {name} item fields")
            expect(i.get("code") in codes, f"{key}: bad {name} code {i.get('code')!r}")
            for lang in ("en", "ko"):
                text = i.get(f"description_{lang}")
                expect(isinstance(text, str) and text.strip(), f"{key}: {name} item needs description_{lang}")
            expect(HANGUL_RE.search(i.get("description_ko") or ""), f"{key}: {name} description_ko not Korean")

    outs = c["outcomes"]
    if expect(isinstance(outs, list) and 1 <= len(outs) <= 3, f"{key}: needs 1-3 outcomes"):
        for o in outs:
            if not expect(set(o) == OUTCOME_CONTENT_FIELDS, f"{key}: bad outcome fields {sorted(o)}"):
                continue
            expect(o["baseline"] is None or is_number(o["baseline"]), f"{key}: outcome baseline not a number/null")
            expect(is_number(o["result"]), f"{key}: outcome result not a number")
            for f in ("indicator_en", "indicator_ko", "unit"):
                expect(isinstance(o[f], str) and o[f].strip(), f"{key}: outcome needs {f}")
            has_evidence = all(isinstance(o[f], str) and o[f].strip() for f in ("evidence_en", "evidence_ko"))
            expect(o["baseline"] is not None or has_evidence, f"{key}: outcome needs a baseline or evidence")

    expect(isinstance(c["illustrative"], bool), f"{key}: illustrative must be a bool")
    if list_name == "awarded":
        expect(c["award_level"] in AWARD_LEVELS, f"{key}: awarded case needs award_level in {AWARD_LEVELS}")
    else:
        expect(c["award_level"] is None, f"{key}: award_level must be null outside awarded")
    if list_name == "cycle_2007":
        expect(c["state"] in STATES_2007, f"{key}: state must be one of {STATES_2007}")
    expect(
        isinstance(c["contact_email"], str) and EMAIL_RE.match(c["contact_email"]),
        f"{key}: contact_email must be a fictional @example.go.kr address",
    )


# --- Study tables -------------------------------------------------------------------------------
def table1(awarded, registry):
    print("\nTable 1  Average population size by local government type")
    print(
        f"  {'tier':<11}{'cases (%)':>13}{'avg pop':>12}{'printed':>12} | "
        f"{'national (%)':>14}{'avg pop':>12}{'printed':>12}"
    )
    by_tier = defaultdict(list)
    for c in awarded:
        by_tier[registry[c["government_code"]]["tier"]].append(c["population"])
    national = defaultdict(list)
    for row in registry.values():
        national[row["tier"]].append(int(row["population"]))
    n_cases, n_nat = len(awarded), len(registry)
    for tier in TIERS:
        cases, cpct, cavg, nat, npct, navg = TABLE1[tier]
        pops, npops = by_tier[tier], national[tier]
        got = (
            len(pops),
            pct(len(pops), n_cases),
            avg(sum(pops), len(pops)) if pops else 0,
            len(npops),
            pct(len(npops), n_nat),
            avg(sum(npops), len(npops)),
        )
        print(
            f"  {tier:<11}{f'{got[0]} ({got[1]})':>13}{got[2]:>12,}{cavg:>12,} | "
            f"{f'{got[3]} ({got[4]})':>14}{got[5]:>12,}{navg:>12,}"
        )
        expect(
            got == (cases, cpct, cavg, nat, npct, navg),
            f"Table 1 {tier}: got {got}, study prints {(cases, cpct, cavg, nat, npct, navg)}",
        )
        expected_sum = cases * cavg
        expect(sum(pops) == expected_sum, f"Table 1 {tier}: population sum {sum(pops)} != {expected_sum}")
    total_pop = sum(c["population"] for c in awarded)
    nat_total = sum(int(r["population"]) for r in registry.values())
    got_avg, got_navg = avg(total_pop, n_cases), avg(nat_total, n_nat)
    print(
        f"  {'total':<11}{f'{n_cases} (100)':>13}{got_avg:>12,}{TABLE1_TOTAL[2]:>12,} | "
        f"{f'{n_nat} (100)':>14}{got_navg:>12,}{TABLE1_TOTAL[5]:>12,}"
    )
    print(
        f"  note: the study prints a national total average of {TABLE1_TOTAL[5]:,}; its own rows give "
        f"{NATIONAL_TOTAL_AVG_COMPUTED:,}"
    )
    expect(n_cases == TABLE1_TOTAL[0], f"Table 1 total: {n_cases} cases, expected {TABLE1_TOTAL[0]}")
    expect(got_avg == TABLE1_TOTAL[2], f"Table 1 total average {got_avg} != {TABLE1_TOTAL[2]}")
    expect(n_nat == TABLE1_TOTAL[3], f"registry has {n_nat} governments, expected {TABLE1_TOTAL[3]}")
    expect(got_navg == NATIONAL_TOTAL_AVG_COMPUTED, f"national total average {got_navg} != 396,001")


def table2(awarded):
    print("\nTable 2  Use of ICT and place marketing (column %)")
    print(f"  {'purpose':<21}{'non-ICT':>13}{'ICT':>13}{'total':>13}")
    cols = {
        "non_ict": [c for c in awarded if not c["uses_ict"]],
        "ict": [c for c in awarded if c["uses_ict"]],
        "total": awarded,
    }
    for purpose in [*PURPOSES, "total"]:
        cells = []
        for col in ("non_ict", "ict", "total"):
            base = cols[col]
            n = len(base) if purpose == "total" else sum(1 for c in base if c["purpose"] == purpose)
            cells.append((n, pct(n, len(base)) if base else "0.0"))
        print(f"  {purpose:<21}" + "".join(f"{f'{n} ({p})':>13}" for n, p in cells))
        expect(tuple(cells) == TABLE2[purpose], f"Table 2 {purpose}: got {cells}, study prints {TABLE2[purpose]}")


def count_table(awarded, attr, codes, printed, title):
    print(f"\n{title} (% of the {len(awarded)} cases)")
    short = [code.replace("_", " ")[:13] for code in codes]
    print(f"  {'':<9}" + "".join(f"{s:>15}" for s in [*short, "total"]))
    rows = {
        "non_ict": [c for c in awarded if not c["uses_ict"]],
        "ict": [c for c in awarded if c["uses_ict"]],
        "total": awarded,
    }
    for row, cases in rows.items():
        counts = Counter(item["code"] for c in cases for item in c[attr])
        cells = [(counts[code], pct(counts[code], len(awarded))) for code in codes]
        total = sum(counts[code] for code in codes)
        cells.append((total, pct(total, len(awarded))))
        print(f"  {row:<9}" + "".join(f"{f'{n} ({p})':>15}" for n, p in cells))
        expect(
            cells == printed[row],
            f"{title.split()[0]} {title.split()[1]} {row}: got {cells}, study prints {printed[row]}",
        )


# --- Lists and special cases ----------------------------------------------------------------------
def check_lists(data, registry):
    awarded, not_awarded, c2007 = data["awarded"], data["not_awarded"], data["cycle_2007"]
    expect(len(awarded) == 42, f"awarded has {len(awarded)} cases, expected 42")

    per_cycle = Counter(c["cycle"] for c in awarded)
    expect(
        set(per_cycle) == {2005, 2006} and all(19 <= n <= 23 for n in per_cycle.values()),
        f"awarded cycles should split about 21/21, got {dict(per_cycle)}",
    )
    dup = [k for k, n in Counter((c["cycle"], c["government_code"]) for c in awarded).items() if n > 1]
    expect(not dup, f"governments with two awarded cases in one cycle: {dup}")
    for cycle in sorted(per_cycle):
        levels = Counter(c["award_level"] for c in awarded if c["cycle"] == cycle)
        print(f"  awards {cycle}: {dict(levels)}")
        expect(
            1 <= levels["grand"] <= 3 and 4 <= levels["excellence"] <= 8 and levels["merit"] >= 10,
            f"award levels of {cycle} should be about 2 grand / 6 excellence / rest merit: {dict(levels)}",
        )

    non_illustrative = [c for c in awarded + not_awarded + c2007 if c["illustrative"] is False]
    expect(
        sorted(c["government_code"] for c in non_illustrative) == sorted([GUMI, SEOSAN])
        and all(c in awarded for c in non_illustrative),
        "exactly the awarded Gumi and Seosan cases must have illustrative=false",
    )
    gumi = [c for c in awarded if c["government_code"] == GUMI]
    seosan = [c for c in awarded if c["government_code"] == SEOSAN]
    if expect(len(gumi) == 1, "need exactly one awarded Gumi case"):
        g = gumi[0]
        expect(registry[GUMI]["name"] == "Gumi-si" and registry[GUMI]["tier"] == "city", "registry: 37050 is Gumi-si")
        expect(
            g["cycle"] == 2006 and g["purpose"] == "place_marketing" and g["uses_ict"] is True,
            "Gumi: cycle 2006, place_marketing, ICT",
        )
        expect(
            g["population"] == int(registry[GUMI]["population"]) and not g["population_adjusted"],
            "Gumi: population must equal the registry population",
        )
        text = (g["description_en"] + g["summary_en"] + g["ict_description"]).lower()
        expect(
            "geographic information system" in text and "one-stop" in text,
            "Gumi: must describe the web GIS and one-stop service centre",
        )
    if expect(len(seosan) == 1, "need exactly one awarded Seosan case"):
        s = seosan[0]
        expect(
            registry[SEOSAN]["name"] == "Seosan-si" and registry[SEOSAN]["tier"] == "city",
            "registry: 34050 is Seosan-si",
        )
        expect(
            s["cycle"] == 2006 and s["purpose"] == "place_marketing" and s["uses_ict"] is False,
            "Seosan: cycle 2006, place_marketing, non-ICT",
        )
        expect(
            s["participation_level"] == "collaborate" and set(s["participant_kinds"]) == {"citizens", "ngos"},
            "Seosan: participation collaborate with citizens and ngos",
        )
        expect(
            s["population"] == int(registry[SEOSAN]["population"]) and not s["population_adjusted"],
            "Seosan: population must equal the registry population",
        )
        text = s["description_en"].lower()
        expect(
            "318" in text and "cheonsu bay" in text and "website" in text and "rice" in text,
            "Seosan: must describe the 318 species of Cheonsu Bay, the bird website and bird-brand rice",
        )

    expect(10 <= len(not_awarded) <= 18, f"not_awarded has {len(not_awarded)} cases, expected about 14")
    expect({c["cycle"] for c in not_awarded} == {2005, 2006}, "not_awarded must span 2005 and 2006")
    expect(
        len({registry[c["government_code"]]["tier"] for c in not_awarded}) >= 4,
        "not_awarded must be spread over the tiers",
    )

    expect(6 <= len(c2007) <= 10, f"cycle_2007 has {len(c2007)} cases, expected about 8")
    states = Counter(c["state"] for c in c2007)
    expect(states["draft"] >= 1 and states["submitted"] >= 1, "cycle_2007 needs drafts and submitted cases")
    expect(len({c["government_code"] for c in c2007}) >= 4, "cycle_2007 needs several governments")
    expect(
        sorted(c["state"] for c in c2007 if c["government_code"] == GUMI) == ["draft", "submitted"],
        "cycle_2007 needs one draft and one submitted Gumi case",
    )
    expect(
        [c["state"] for c in c2007 if c["government_code"] == SEOSAN] == ["draft"],
        "cycle_2007 needs one draft Seosan case",
    )
    print(
        f"  not awarded: {len(not_awarded)} cases {dict(Counter(c['cycle'] for c in not_awarded))}; "
        f"cycle 2007: {len(c2007)} cases {dict(states)}"
    )


def list_awarded(awarded, registry):
    print("\nAwarded cases (tier, code, name, population snapshot, registry, adjusted)")
    order = {t: i for i, t in enumerate(TIERS)}
    for c in sorted(awarded, key=lambda c: (order[registry[c["government_code"]]["tier"]], c["cycle"], c["key"])):
        reg = registry[c["government_code"]]
        flag = f"ADJUSTED {c['population'] - int(reg['population']):+,}" if c["population_adjusted"] else ""
        print(
            f"  {reg['tier']:<11}{c['government_code']:<7}{reg['name']:<18}{c['population']:>12,}"
            f"{int(reg['population']):>12,}  {c['cycle']}  {'ICT' if c['uses_ict'] else '   '}  "
            f"{c['award_level']:<11}{flag}"
        )


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_JSON
    size = os.path.getsize(path)
    expect(size < MAX_BYTES, f"{path} is {size} bytes, limit {MAX_BYTES}")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    registry = load_registry()
    print(f"{path}: {size:,} bytes; registry: {len(registry)} governments")

    if not expect(
        isinstance(data, dict) and set(data) == {"awarded", "not_awarded", "cycle_2007"},
        "top level must be {awarded, not_awarded, cycle_2007}",
    ):
        return report()
    all_cases = []
    for list_name in ("awarded", "not_awarded", "cycle_2007"):
        for c in data[list_name]:
            check_case(c, registry, list_name)
            all_cases.append(c)
    keys = Counter(c.get("key") for c in all_cases)
    expect(all(n == 1 for n in keys.values()), f"duplicate keys: {[k for k, n in keys.items() if n > 1]}")
    if ERRORS:  # tables need well-formed cases
        return report()

    awarded = data["awarded"]
    check_lists(data, registry)
    table1(awarded, registry)
    table2(awarded)
    count_table(awarded, "obstacles", OBSTACLES, TABLE3, "Table 3  Types of obstacles")
    count_table(awarded, "remedies", REMEDIES, TABLE4, "Table 4  Ways of overcoming obstacles")
    list_awarded(awarded, registry)
    return report()


def report():
    if ERRORS:
        print(f"\nFAILED: {len(ERRORS)} problem(s)")
        for e in ERRORS:
            print(f"  - {e}")
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
