import shutil
from pathlib import Path

import pytest
from django.conf import settings

from scripts.repair_krds import Repair, UnresolvedReference, main, repair

KRDS = Path(settings.BASE_DIR) / "node_modules" / "krds-uiux" / "resources"


@pytest.fixture
def krds_copy(tmp_path):
    """A fresh copy of the package's stylesheets and images, as the vendor step makes it."""
    root = tmp_path / "krds"
    for folder in ("css", "img"):
        shutil.copytree(KRDS / folder, root / folder)
    return root


def test_repairs_every_doubled_image_path_of_the_component_stylesheet(krds_copy):
    repairs = repair(krds_copy)

    assert {item.stylesheet for item in repairs} == {"css/component/component.css"}
    assert sum(item.count for item in repairs) == 206
    assert len(repairs) == 37
    assert (
        Repair(
            "css/component/component.css",
            "../../img/img/component/icon/ico_angle.svg",
            "../../img/component/icon/ico_angle.svg",
            36,
        )
        in repairs
    )
    for item in repairs:
        assert item.new == item.old.replace("img/img/", "img/")
        assert (krds_copy / "css" / "component" / item.new).resolve().is_file()
    assert "img/img/" not in (krds_copy / "css" / "component" / "component.css").read_text(encoding="utf-8")


def test_a_second_run_finds_nothing_to_repair(krds_copy):
    repair(krds_copy)
    assert repair(krds_copy) == []


def test_a_missing_target_that_cannot_be_repaired_fails_the_install(krds_copy, capsys):
    (krds_copy / "css" / "extra.css").write_text(".x { background: url('../img/nowhere.svg') }", encoding="utf-8")

    with pytest.raises(UnresolvedReference, match=r"css/extra\.css: \.\./img/nowhere\.svg"):
        repair(krds_copy)
    assert main(["repair_krds.py", str(krds_copy)]) == 1
    assert "css/extra.css: ../img/nowhere.svg" in capsys.readouterr().err


def test_absolute_data_and_existing_references_are_left_alone(tmp_path):
    (tmp_path / "a.png").write_bytes(b"png")
    css = ".a{background:url(a.png)} .b{background:url(data:image/png;base64,AA==)} .c{background:url(/x.png)}"
    (tmp_path / "site.css").write_text(css, encoding="utf-8")

    assert repair(tmp_path) == []
    assert (tmp_path / "site.css").read_text(encoding="utf-8") == css
