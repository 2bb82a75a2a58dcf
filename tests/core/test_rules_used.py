"""Every registered rule is checked somewhere outside its definition: a rule nothing calls is a rule
that can silently drift from the code that really decides."""

import re
from pathlib import Path

from core.rules import registered_rules

PROJECT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "cases", "reviews", "practices", "afterward", "dashboard", "innovation", "governments", "core")


def _sources() -> str:
    texts = []
    for app in APPS:
        for path in (PROJECT / app).rglob("*.py"):
            if path.name != "permissions.py" and "migrations" not in path.parts:
                texts.append(path.read_text())
    for path in (PROJECT / "templates").rglob("*.html"):
        texts.append(path.read_text())
    return "\n".join(texts)


def test_the_apps_register_the_rules_of_design_section_4():
    names = set(registered_rules())
    assert {
        "cases.view_case",
        "cases.create_case",
        "cases.edit_case",
        "cases.submit_case",
        "cases.withdraw_case",
        "reviews.edit_review",
        "reviews.assign_reviewer",
        "reviews.decide_case",
        "reviews.publish_cycle",
        "reviews.view_review",
        "practices.give_feedback",
        "practices.moderate_feedback",
    } <= names


def test_every_registered_rule_is_used():
    sources = _sources()
    unused = [name for name in registered_rules() if not re.search(rf"[\"']{re.escape(name)}[\"']", sources)]
    assert unused == []
