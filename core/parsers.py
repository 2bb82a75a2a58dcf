"""Request body parsers of the API."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers
from rest_framework.utils import json

# No request body of ours nests deeper than a few levels; 32 leaves room and refuses a body built to
# exhaust the parser (a few thousand levels raise RecursionError, a server error, in json.loads).
JSON_MAX_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply ``text`` nests arrays and objects (brackets inside strings do not count)."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested deeper than ``JSON_MAX_DEPTH`` with a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        raw = stream.read() if stream is not None else b""
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise exceptions.ParseError(
                _("The body is not valid %(encoding)s text.") % {"encoding": encoding}
            ) from error
        if json_depth(text) > JSON_MAX_DEPTH:
            raise exceptions.ParseError(
                _("The JSON body is nested more than %(depth)s levels deep.") % {"depth": JSON_MAX_DEPTH}
            )
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except (ValueError, RecursionError) as error:
            raise exceptions.ParseError(_("The body is not valid JSON: %(error)s") % {"error": error}) from error
