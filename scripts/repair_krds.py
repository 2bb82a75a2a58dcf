"""Repair the broken image paths of the KRDS stylesheets in the vendor copy (run by `make`).

krds-uiux's ``css/component/component.css`` points at ``../../img/img/component/...``, a folder that
does not exist (the images are in ``img/component/``). Browsers only miss the icons, but
``collectstatic`` with a manifest storage refuses the whole deployment. This rewrites every relative
``url(...)`` of the copied stylesheets whose target is missing but exists once the doubled ``img/img/``
is collapsed, prints what it repaired, and fails on any other missing target so that a new KRDS
release with other breakage is noticed at install time, not in production.

Usage: python scripts/repair_krds.py static/vendor/krds
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
DOUBLED = "img/img/"


@dataclass(frozen=True)
class Repair:
    stylesheet: str  # relative to the vendor root, with forward slashes
    old: str
    new: str
    count: int


class UnresolvedReference(Exception):
    pass


def _is_relative(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", url, flags=re.I)


def _target(stylesheet: Path, url: str) -> Path:
    return (stylesheet.parent / url.split("#", 1)[0].split("?", 1)[0]).resolve()


def repair_stylesheet(stylesheet: Path, root: Path) -> tuple[list[Repair], list[str]]:
    """Rewrite ``stylesheet`` in place; return its repairs and the references left unresolved."""
    text = stylesheet.read_text(encoding="utf-8")
    counts: Counter[tuple[str, str]] = Counter()
    unresolved: list[str] = []

    def replace(match: re.Match) -> str:
        quote, url = match.group(1), match.group(2).strip()
        if not _is_relative(url) or _target(stylesheet, url).exists():
            return match.group(0)
        fixed = url.replace(DOUBLED, "img/")
        if fixed != url and _target(stylesheet, fixed).exists():
            counts[(url, fixed)] += 1
            return f"url({quote}{fixed}{quote})"
        unresolved.append(url)
        return match.group(0)

    repaired = URL.sub(replace, text)
    if repaired != text:
        stylesheet.write_text(repaired, encoding="utf-8")
    name = stylesheet.relative_to(root).as_posix()
    repairs = [Repair(name, old, new, count) for (old, new), count in sorted(counts.items())]
    return repairs, [f"{name}: {url}" for url in unresolved]


def repair(root: Path) -> list[Repair]:
    """Repair every stylesheet under ``root``; raise ``UnresolvedReference`` listing what cannot be."""
    repairs: list[Repair] = []
    unresolved: list[str] = []
    for stylesheet in sorted(root.rglob("*.css")):
        found, missing = repair_stylesheet(stylesheet, root)
        repairs += found
        unresolved += missing
    if unresolved:
        raise UnresolvedReference("Missing targets in the KRDS stylesheets:\n  " + "\n  ".join(sorted(set(unresolved))))
    return repairs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = Path(argv[1])
    try:
        repairs = repair(root)
    except UnresolvedReference as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    total = sum(item.count for item in repairs)
    print(f"Repaired {total} KRDS image reference(s) to {len(repairs)} file(s) under {root}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
