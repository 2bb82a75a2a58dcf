"""CSV export of one statistics table, from its JSON form (so the file has exactly the API's numbers).

Columns: the stable key, the label, then the table's values. UTF-8 with a byte-order mark so that
spreadsheets open Korean labels correctly."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

BOM = "\ufeff"

# Flat tables: (field, header) in column order.
FLAT_FIELDS = {
    "tier_representation": [
        ("cases", lambda: _("Award-winning cases")),
        ("cases_percent", lambda: _("Award-winning cases (%)")),
        ("cases_avg_population", lambda: _("Average population of the cases")),
        ("national", lambda: _("National profile")),
        ("national_percent", lambda: _("National profile (%)")),
        ("national_avg_population", lambda: _("National average population")),
        ("representation_ratio", lambda: _("Representation ratio")),
    ],
    "award_rate_by_tier": [
        ("submitted", lambda: _("Submitted")),
        ("awarded", lambda: _("Awarded")),
        ("award_rate", lambda: _("Award rate (%)")),
        # xgettext:no-python-format
        ("award_rate_low", lambda: _("95% interval, from (%)")),
        # xgettext:no-python-format
        ("award_rate_high", lambda: _("95% interval, to (%)")),
    ],
    "felt_by_case": [
        ("government", lambda: _("Government")),
        ("cycle", lambda: _("Cycle")),
        ("responses", lambda: _("Answers")),
        ("yes", lambda: _("Yes")),
        ("no", lambda: _("No")),
        ("not_sure", lambda: _("Not sure")),
        ("felt_percent", lambda: _("Felt it (%)")),
        ("outcomes", lambda: _("Claimed outcomes")),
        ("outcomes_verified", lambda: _("Verified outcomes")),
    ],
}


def _value(value) -> str:
    return "" if value is None else str(value)


def _share_rows(table: dict) -> list[list[str]]:
    """A share table: per column the count, its base and the percentage."""
    header = [_("Code"), table.get("row_header", "")]
    of = _("of")  # outside the f-string, where makemessages finds it
    for column in table["columns"]:
        header += [column["label"], f"{column['label']} ({of})", f"{column['label']} (%)"]
    parts = ("count", "base", "percent")
    body = [
        [row["key"], row["label"], *(_value(cell[name]) for cell in row["cells"] for name in parts)]
        for row in table["rows"]
    ]
    return [header, *body]


def _most_adopted_rows(table: dict) -> list[list[str]]:
    """The most adopted practices, below the flows after an empty line."""
    header = [_("Code"), _("Case"), _("Government"), _("Tier (code)"), _("Cycle"), _("Adoptions")]
    body = [
        [row["key"], row["label"], row["government"], row["tier"], _value(row["cycle"]), _value(row["adoptions"])]
        for row in table["most_adopted"]
    ]
    return [[], header, *body]


def table_rows(table: dict) -> list[list[str]]:
    """Header and body rows of one serialized table."""
    if table.get("id") == "sustainability":
        return _share_rows(table)
    if "columns" in table:
        header = [_("Code"), table.get("row_header", "")]
        number = _("number")  # outside the f-string, where makemessages finds it
        for column in table["columns"]:
            header += [f"{column['label']} ({number})", f"{column['label']} (%)"]
        body = [
            [row["key"], row["label"], *(_value(v) for cell in row["cells"] for v in (cell["count"], cell["percent"]))]
            for row in table["rows"]
        ]
        if "most_adopted" in table:
            return [header, *body, *_most_adopted_rows(table)]
        return [header, *body]
    fields = FLAT_FIELDS[table["id"]]
    header = [_("Code"), _("Case") if table["id"] == "felt_by_case" else _("Local government")]
    header += [label() for _name, label in fields]
    if table.get("cases_label"):  # Table 1: award-winning or submitted cases, as the scope says
        header[2:4] = [table["cases_label"], f"{table['cases_label']} (%)"]
    body = [[row["key"], row["label"], *(_value(row[name]) for name, _label in fields)] for row in table["rows"]]
    return [header, *body]


def table_csv(table: dict) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(table_rows(table))
    return out.getvalue()
