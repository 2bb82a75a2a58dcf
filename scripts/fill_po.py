"""Fill empty msgstr entries of a .po file from a JSON object {msgid: translation}.

Usage: python scripts/fill_po.py locale/ko/LC_MESSAGES/django.po translations.json
Multi-line msgids are matched on their joined text; plural entries are left alone. Existing
translations are kept; a fuzzy flag on a filled entry is removed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTRY_SPLIT = re.compile(r"\n\n+")


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fill(po_text: str, translations: dict[str, str]) -> tuple[str, int]:
    filled = 0
    # makemessages may glue the first entry to the header (no blank line after Plural-Forms).
    po_text = re.sub(r'^("[^\n]*")\n(msgid )', r"\1\n\n\2", po_text, flags=re.M)
    entries = ENTRY_SPLIT.split(po_text.strip("\n"))
    result = []
    for entry in entries:
        lines = entry.split("\n")
        try:
            id_start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
            str_start = next(i for i, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            result.append(entry)
            continue
        if any(line.startswith("msgid_plural") for line in lines):
            result.append(entry)
            continue
        msgid = _unquote([lines[id_start][6:], *lines[id_start + 1 : str_start]])
        msgstr = _unquote([lines[str_start][7:], *(line for line in lines[str_start + 1 :] if line.startswith('"'))])
        if msgid and not msgstr and msgid in translations:
            head = [line for line in lines[:str_start] if not line.startswith("#, fuzzy")]
            head = [line.replace("fuzzy, ", "").replace(", fuzzy", "") for line in head]
            lines = [*head, f"msgstr {_quote(translations[msgid])}"]
            filled += 1
        result.append("\n".join(lines))
    return "\n\n".join(result) + "\n", filled


def main() -> None:
    po_path, json_path = Path(sys.argv[1]), Path(sys.argv[2])
    text, filled = fill(po_path.read_text(encoding="utf-8"), json.loads(json_path.read_text(encoding="utf-8")))
    po_path.write_text(text, encoding="utf-8")
    missing = len(re.findall(r'^msgstr ""\n\n', text, flags=re.M))
    print(f"filled {filled} entries; {missing} still empty")


if __name__ == "__main__":
    main()
