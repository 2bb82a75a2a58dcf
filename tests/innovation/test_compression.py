"""HTML and JSON leave compressed when the client accepts gzip; static files are precompressed with
gzip and Brotli by collectstatic and WhiteNoise serves the Brotli copy to clients that accept it."""

import gzip
import shutil

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/practices/", "/api/v1/stats/", "/dashboard/"])
def test_pages_and_json_are_gzipped_for_clients_that_accept_it(client, url):
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content)
    # The same page, less the CSRF token and CSP nonce that change on every response.
    assert gzip.decompress(packed.content)[:40] == plain.content[:40]


def test_static_files_are_served_brotli_compressed(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy("static/css/site.css", source / "site.css")
    collected = tmp_path / "collected"
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    finders = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    with override_settings(
        STATICFILES_DIRS=[source], STATICFILES_FINDERS=finders, STATIC_ROOT=collected, STORAGES=storages
    ):
        call_command("collectstatic", "--noinput", verbosity=0)
        assert (collected / "site.css.br").exists() and (collected / "site.css.gz").exists()
        response = Client().get("/static/site.css", HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "br"
        body = b"".join(response.streaming_content)
    assert body == (collected / "site.css.br").read_bytes()
