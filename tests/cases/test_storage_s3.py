"""Attachments through Django's storage API to an S3-compatible object store: a real S3-protocol
server (moto_server) that the test starts on our port, configured the way a deployment is (the
DJANGO_S3_* environment variables read by ``attachment_storage``)."""

import boto3
import pytest
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from storages.backends.s3 import S3Storage

from cases.models import Attachment
from innovation.settings.base import attachment_storage
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import CaseFactory
from tests.cases.helpers import PDF_BYTES, upload
from tests.servers import S3_PORT, VENV_BIN, Process, require_postgresql

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

BUCKET = "innovation-attachments-test"
ENDPOINT = f"http://127.0.0.1:{S3_PORT}"


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    require_postgresql()  # a services test: run once, in CI's PostgreSQL pass
    process = Process(
        "moto-server",
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(S3_PORT)],
        env={"PATH": str(VENV_BIN), "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"},
        log_dir=tmp_path_factory.mktemp("moto"),
        port=S3_PORT,
    )
    try:
        process.wait_for_port(S3_PORT, timeout=60)
        yield process
    finally:
        process.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    client = boto3.client(
        "s3", endpoint_url=ENDPOINT, aws_access_key_id="key", aws_secret_access_key="secret", region_name="us-east-1"
    )
    client.create_bucket(Bucket=BUCKET)
    for name, value in {
        "DJANGO_S3_BUCKET": BUCKET,
        "DJANGO_S3_ENDPOINT_URL": ENDPOINT,
        "DJANGO_S3_REGION": "us-east-1",
        "DJANGO_S3_ACCESS_KEY_ID": "key",
        "DJANGO_S3_SECRET_ACCESS_KEY": "secret",
    }.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": attachment_storage()}
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_the_storage_is_s3_when_a_bucket_is_configured(bucket):
    storage = storages["default"]
    assert isinstance(storage, S3Storage)
    assert (storage.bucket_name, storage.endpoint_url, storage.default_acl) == (BUCKET, ENDPOINT, None)


def test_an_attachment_round_trips_through_the_object_store(bucket, client, cycle, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path  # nothing may land on the local disk
    submitter = SubmitterFactory(username="uploader")
    draft = CaseFactory(government=submitter.government, cycle=cycle, title="Stored in S3")
    client.force_login(submitter)

    response = client.post(
        reverse("cases:case_edit", args=[draft.pk, "attachments"]),
        {"file": upload("report.pdf", PDF_BYTES), "kind": "report", "upload": "1"},
    )

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert _keys(bucket) == [attachment.file.name]
    assert attachment.file.name.startswith(f"attachments/{draft.pk}/") and attachment.file.name.endswith(".pdf")
    stored = bucket.get_object(Bucket=BUCKET, Key=attachment.file.name)
    assert stored["Body"].read() == PDF_BYTES
    assert "x-amz-acl" not in stored["ResponseMetadata"]["HTTPHeaders"]
    assert list(tmp_path.iterdir()) == []

    response = client.get(reverse("cases:attachment_download", args=[draft.pk, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert b"".join(response.streaming_content) == PDF_BYTES

    response = client.post(reverse("cases:attachment_delete", args=[draft.pk, attachment.pk]))
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert _keys(bucket) == []


def test_objects_are_private(bucket, cycle):
    default_storage.save("attachments/1/private.pdf", upload("private.pdf", PDF_BYTES))
    acl = bucket.get_object_acl(Bucket=BUCKET, Key="attachments/1/private.pdf")
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]
    assert all("URI" not in grant["Grantee"] for grant in acl["Grants"])  # no AllUsers / AuthenticatedUsers
