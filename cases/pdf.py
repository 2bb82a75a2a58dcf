"""What a PDF reader sees inside a PDF's object streams, for the upload check (``cases.uploads``).

Since PDF 1.5 most objects of a file — the catalogue, pages, annotations and their actions — may
sit compressed inside *object streams*; every office suite and ``qpdf`` writes them. A check that
looks for ``/JavaScript`` in the file's bytes sees only the uncompressed objects, so the objects of
every object stream are inflated and read too.

A reader finds an object at the offset its cross-reference table gives, so this module does not
trust that table: it tries every ``obj`` keyword in the file (real objects are a subset of them)
and, where a stream dictionary follows, reads it as a reader would (strings, comments, nesting).
An object stream is a stream whose dictionary says ``/Type /ObjStm`` or has ``/First`` and ``/N``
(pdf.js needs only those two). What it cannot read as a reader would, it reports instead of
guessing: an unknown compression, an encrypted file, a damaged stream, more work than the file's
size justifies."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

# Object streams hold only dictionaries, arrays, numbers and strings: in a 10 MB document they
# inflate to a few MB. Beyond this the file is refused as a decompression bomb.
OBJECT_STREAMS_MAX_BYTES = 64 * 1024 * 1024
# Bytes examined per byte of the file before it counts as built to exhaust the check: each real
# object's dictionary is read once, so a real file stays near 1. Each search also costs a fixed
# amount, for the Python work around it.
WORK_PER_BYTE = 8
WORK_MINIMUM = 1_000_000
SEARCH_COST = 32

NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
OBJ_KEYWORD = re.compile(rb"obj")
# What changes the meaning of the bytes inside a dictionary: nesting, strings and comments.
DICTIONARY_SYNTAX = re.compile(rb"<<|>>|[(<%]")
STRING_SYNTAX = re.compile(rb"[\\()]")
HEX_STRING_END = re.compile(rb">")
SPACE = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
NAME = rb"/[^\x00\t\n\x0c\r /\[\]<>(){}%]+"
FILTER = re.compile(rb"/Filter\s*(\[(?:\s*" + NAME + rb")*\s*\]|" + NAME + rb")?")
FILTER_NAMES = re.compile(NAME)
PREDICTOR = re.compile(rb"/Predictor\s+(\d+)")
OBJECT_STREAM_TYPE = re.compile(rb"/Type\s*/ObjStm(?![^\x00\t\n\x0c\r /\[\]<>(){}%])")
FIRST_KEY = re.compile(rb"/First(?![^\x00\t\n\x0c\r /\[\]<>(){}%])")
COUNT_KEY = re.compile(rb"/N(?![^\x00\t\n\x0c\r /\[\]<>(){}%])")
FLATE = {b"/FlateDecode", b"/Fl"}


class Unreadable(Exception):
    """The object streams cannot be read as a reader would read them; ``reason`` says why:
    ``compression``, ``encrypted``, ``damaged``, ``bomb`` or ``complex``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def unescape_names(data: bytes) -> bytes:
    """``/J#61vaScript`` as the reader reads it: ``/JavaScript``."""
    return NAME_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), data)


class _Reader:
    """Reads the syntax of one file, counting the bytes it examines: a file built so that its
    candidates' dictionaries overlap (each read to the same far end) runs out of its allowance
    instead of the server's time."""

    def __init__(self, data: bytes):
        self.data = data
        self.allowance = max(WORK_MINIMUM, WORK_PER_BYTE * len(data))

    def spend(self, examined: int) -> None:
        self.allowance -= examined + SEARCH_COST
        if self.allowance < 0:
            raise Unreadable("complex")

    def search(self, pattern: re.Pattern, at: int) -> re.Match | None:
        found = pattern.search(self.data, at)
        self.spend((found.end() if found else len(self.data)) - at)
        return found

    def skip_space(self, at: int) -> int:
        """Index after the whitespace and comments at ``at``."""
        end = SPACE.match(self.data, at).end()
        self.spend(end - at)
        return end

    def string_end(self, at: int) -> int | None:
        """Index after the literal string opening at ``at`` (``(``): parentheses nest, a backslash
        escapes the next byte."""
        depth = 0
        while (found := self.search(STRING_SYNTAX, at)) is not None:
            at = found.end()
            if found.group() == b"\\":
                at += 1
            elif found.group() == b"(":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return at
        return None

    def dictionary_end(self, at: int) -> int | None:
        """Index after the dictionary opening at ``at`` (``<<``), or None if it never closes."""
        depth = 0
        while (found := self.search(DICTIONARY_SYNTAX, at)) is not None:
            token = found.group()
            at = found.end()
            if token == b"<<":
                depth += 1
            elif token == b">>":
                depth -= 1
                if depth == 0:
                    return at
            elif token == b"(":
                at = self.string_end(found.start())
            elif token == b"<":  # a hex string
                close = self.search(HEX_STRING_END, at)
                at = close.end() if close else None
            else:  # a comment
                at = self.skip_space(found.start())
            if at is None:
                return None
        return None

    def stream_start(self, at: int) -> int | None:
        """Where the stream's data starts, if the ``stream`` keyword follows ``at``."""
        at = self.skip_space(at)
        if not self.data.startswith(b"stream", at):
            return None
        at += len(b"stream")
        if self.data.startswith(b"\r\n", at):
            return at + 2
        if self.data.startswith((b"\n", b"\r"), at):
            return at + 1
        return None


def _is_object_stream(dictionary: bytes) -> bool:
    return bool(OBJECT_STREAM_TYPE.search(dictionary)) or bool(
        FIRST_KEY.search(dictionary) and COUNT_KEY.search(dictionary)
    )


def _compressed(dictionary: bytes) -> bool:
    """Whether the stream is Flate-compressed (False: stored as it is). Raises for any other
    compression, or one this cannot tell."""
    filters = {match.group(1) for match in FILTER.finditer(dictionary)}
    if not filters:
        return False
    if len(filters) > 1 or None in filters:  # two different values, or an indirect reference
        raise Unreadable("compression")
    names = FILTER_NAMES.findall(filters.pop())
    if any(name not in FLATE for name in names) or len(names) > 1:
        raise Unreadable("compression")
    if any(int(predictor) > 1 for predictor in PREDICTOR.findall(dictionary)):
        raise Unreadable("compression")
    return bool(names)


def _inflate(data: bytes, start: int, allowance: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(memoryview(data)[start:], allowance + 1)
    except zlib.error as error:
        raise Unreadable("damaged") from error
    if len(inflated) > allowance:
        raise Unreadable("bomb")
    return inflated


def object_streams(data: bytes) -> Iterator[bytes]:
    """The content of every object stream of the PDF ``data``, inflated, with name escapes
    decoded. Raises ``Unreadable`` when one cannot be read as a reader would."""
    reader = _Reader(data)
    allowance = OBJECT_STREAMS_MAX_BYTES
    encrypted = None  # looked up at the first object stream
    for keyword in OBJ_KEYWORD.finditer(data):
        at = reader.skip_space(keyword.end())
        if not data.startswith(b"<<", at):
            continue
        end = reader.dictionary_end(at)
        if end is None:
            continue
        start = reader.stream_start(end)
        if start is None:
            continue
        dictionary = unescape_names(data[at:end])
        if not _is_object_stream(dictionary):
            continue
        if encrypted is None:
            encrypted = b"/Encrypt" in unescape_names(data)
        if encrypted:  # its streams are ciphertext
            raise Unreadable("encrypted")
        if not _compressed(dictionary):
            continue  # stored as it is: the check of the file's bytes already read it
        inflated = _inflate(data, start, allowance)
        allowance -= len(inflated)
        yield unescape_names(inflated)
