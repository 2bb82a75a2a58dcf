"""Copy the Pretendard GOV web font (npm ``pretendard-gov``, the font KRDS specifies) into the vendor
folder as its dynamic subsets: about 120 small files per weight, each declared with a unicode-range, so
that a page downloads only the slices holding the characters it shows (an English page one slice per
weight, a Korean page about a dozen) instead of the whole 260 KB Hangul font in every weight.

Usage: python scripts/vendor_fonts.py node_modules/pretendard-gov static/vendor/pretendard-gov

Only the weights the site uses are kept, woff2 only (every browser we support reads it). The rules are
written slice by slice across the weights: the weights share their unicode ranges, and placed side by
side gzip finds each repeat within its window (a third of the size of writing weight after weight)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

WEIGHTS = {"400": "Regular", "500": "Medium", "700": "Bold"}
FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.S)


def font_faces(css: str) -> list[tuple[int, str, str, str]]:
    """(slice number, weight, woff2 file name, unicode-range) of every face of the wanted weights."""
    faces = []
    for block in FACE.findall(css):
        weight = re.search(r"font-weight:\s*(\d+)\s*;", block).group(1)
        if weight not in WEIGHTS:
            continue
        source = re.search(r"url\(\./woff2-dynamic-subset/([^)]+\.woff2)\)", block).group(1)
        unicode_range = " ".join(re.search(r"unicode-range:\s*([^;]+);", block).group(1).split())
        number = int(re.search(r"\.subset\.(\d+)\.woff2$", source).group(1))
        faces.append((number, weight, source, unicode_range))
    return faces


def main() -> None:
    package, target = Path(sys.argv[1]), Path(sys.argv[2])
    web = package / "dist" / "web" / "static"
    faces = font_faces((web / "pretendard-gov-dynamic-subset.css").read_text(encoding="utf-8"))
    if len(faces) != 120 * len(WEIGHTS):
        raise SystemExit(f"expected {120 * len(WEIGHTS)} font faces in {package}, found {len(faces)}")
    if target.exists():
        shutil.rmtree(target)
    (target / "woff2").mkdir(parents=True)
    rules = []
    for _number, weight, source, unicode_range in sorted(faces, key=lambda face: (-face[0], face[1])):
        shutil.copyfile(web / "woff2-dynamic-subset" / source, target / "woff2" / source)
        rules.append(
            f"@font-face{{font-family:'Pretendard GOV';font-style:normal;font-weight:{weight};font-display:DISPLAY;"
            f"src:url(woff2/{source}) format('woff2');unicode-range:{unicode_range}}}"
        )
    licence = (package / "dist" / "LICENSE.txt").read_text(encoding="utf-8")
    shutil.copyfile(package / "dist" / "LICENSE.txt", target / "LICENSE.txt")
    header = "/* Pretendard GOV " + licence.splitlines()[0].strip() + " SIL Open Font License 1.1 (LICENSE.txt). */"
    css = header + "\n" + "\n".join(rules) + "\n"
    (target / "pretendard-gov.css").write_text(css.replace("DISPLAY", "swap"), encoding="utf-8")
    (target / "pretendard-gov-optional.css").write_text(css.replace("DISPLAY", "optional"), encoding="utf-8")
    print(f"{len(faces)} font faces of Pretendard GOV in {target}")


if __name__ == "__main__":
    main()
