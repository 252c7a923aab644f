"""Every image test runs twice: uploads on the local disk, then in an S3 bucket.

The bucket lives on an S3-compatible server whose address is in
``TEST_S3_ENDPOINT_URL`` (``.ci/run`` starts moto's standalone server and sets
it). Without one the S3 runs are skipped, except under CI (``CI=true``), where
a missing server fails them: a green run must have exercised S3.
"""

import os
import uuid

import pytest

from opinion_blog import deployment

ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL", "")


def s3_client():
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def s3_unavailable():
    """Why the S3 server cannot be used, or an empty string when it can."""
    if not ENDPOINT:
        return "TEST_S3_ENDPOINT_URL is not set (.ci/run starts moto's S3 server and sets it)"
    try:
        s3_client().list_buckets()
    except Exception as error:  # any failure means: no server to test against
        return f"the S3 server at {ENDPOINT} does not answer: {error}"
    return ""


@pytest.fixture(scope="session")
def s3_server():
    reason = s3_unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test S3 storage, but {reason}")
        pytest.skip(f"S3 storage not tested: {reason}")
    return ENDPOINT


@pytest.fixture
def s3_bucket(s3_server, settings, monkeypatch):
    """A fresh, empty bucket as the uploads storage, configured as production would be."""
    for variable, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }.items():
        monkeypatch.setenv(variable, value)
    bucket = f"test-uploads-{uuid.uuid4().hex[:16]}"
    client = s3_client()
    client.create_bucket(Bucket=bucket)
    s3 = deployment.storages(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": s3_server,
            "AWS_S3_REGION_NAME": "us-east-1",
            # Public URLs, readable by anyone, as pages link them.
            "AWS_DEFAULT_ACL": "public-read",
        }
    )
    settings.STORAGES = {**settings.STORAGES, "default": s3["default"]}
    settings.SERVE_MEDIA = False
    yield bucket
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)


@pytest.fixture(params=["disk", "s3"], autouse=True)
def uploads_storage(request):
    """Where this run of the test stores uploads: ``disk`` (MEDIA_ROOT) or ``s3``."""
    if request.param == "s3":
        request.getfixturevalue("s3_bucket")
    return request.param
