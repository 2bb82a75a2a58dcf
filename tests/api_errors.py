"""The API's one error shape (core/api.py), for exact assertions in the tests of every app."""

from __future__ import annotations


def api_error(status: int, detail: str, *, code: str = "invalid", fields=None, problems=None) -> dict:
    return {"status": status, "code": code, "detail": detail, "fields": fields or {}, "problems": problems or []}


def invalid(fields: dict, *, detail: str = "Some values are not valid.") -> dict:
    """A 400 for field errors, keyed as the API reports them (nested keys joined with dots)."""
    return api_error(400, detail, fields=fields)
