"""Two app servers, as the README's production section sets them up: two gunicorn
servers on one PostgreSQL database and one Redis, with MEDIA_STORAGE=s3 against a
local S3 server (moto in server mode) that this test starts.

- minutes published through server A are served at once by server B (its cached pages
  are forgotten through Redis);
- a login locked out on A is locked out on B;
- a file uploaded through A downloads from B.

PostgreSQL only (two servers on one SQLite file is not a supported setup), and a Redis
must answer at REDIS_URL; without them the test is skipped, with the reason (under CI a
missing Redis fails it). The servers use this test's own database (pytest-django's
test database; the test commits, `transactional_db`) and a cache key prefix of their
own, whose keys are deleted at the end.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import boto3
import pytest
import redis
import requests
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from minutes.models import Attachment, Minutes
from minutes.services import lifecycle
from tests.factories import PDF_BYTES, make_meeting
from tests.world import build_world

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
BUCKET = "minutes-two-servers"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
PASSWORD = "riktig-passord-2024"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll `url` until it answers (any status), or fail with the process's log."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args} exited:\n{log.read_text()[-4000:]}")
        try:
            requests.get(url, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer in 90 s:\n{log.read_text()[-4000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def database_url() -> str:
    db = connection.settings_dict
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{quote(db['NAME'])}"
    )


@pytest.fixture
def requirements():
    if connection.vendor != "postgresql":
        pytest.skip(
            "two app servers need PostgreSQL (set DATABASE_URL=postgres://…); "
            "several servers on one SQLite file is not a supported setup"
        )
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        message = f"no Redis answers at REDIS_URL={REDIS_URL} ({error})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def s3(requirements, tmp_path):
    """moto's S3 server on a free port, with the bucket; the address."""
    port = free_port()
    log = tmp_path / "moto.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **S3_KEYS},
        )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(endpoint, process, log)
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        stop(process)


@pytest.fixture
def s3_storage(s3):
    """This test process stores its files (the frozen PDF) in the same bucket."""
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": s3,
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    storages = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture
def servers(s3, transactional_db, tmp_path):
    """Servers A and B: gunicorn on free ports, this test's database, one Redis under
    a key prefix of their own, the S3 bucket. Their base URLs, and the prefix."""
    prefix = f"two-servers-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        **S3_KEYS,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "CACHE_BACKEND": "redis",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3,
        "AWS_S3_REGION_NAME": "us-east-1",
        "TASK_BACKEND": "database",  # mail is queued; no worker sends it here
        "LOG_LEVEL": "WARNING",
    }
    processes, urls = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = tmp_path / f"server-{name}.log"
            with log.open("w") as out:
                process = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "config.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--timeout",
                        "60",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            processes.append(process)
            urls.append(f"http://127.0.0.1:{port}")
            wait_until_answers(f"{urls[-1]}/healthz", process, log)
        yield urls, prefix
    finally:
        for process in processes:
            stop(process)
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)


def browser(base: str, session_id: str | None = None) -> requests.Session:
    """A browser on one server: its CSRF cookie, and a session if given."""
    session = requests.Session()
    session.base = base
    if session_id:
        session.cookies.set("sessionid", session_id)
    session.get(f"{base}{reverse('login')}", timeout=30)  # sets csrftoken
    return session


def post(session: requests.Session, path: str, data=None, files=None):
    return session.post(
        f"{session.base}{path}",
        data=data or {},
        files=files,
        headers={"X-CSRFToken": session.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=60,
    )


def get(session: requests.Session, path: str):
    return session.get(f"{session.base}{path}", allow_redirects=False, timeout=60)


def test_two_app_servers_share_the_database_the_cache_and_the_files(
    servers, s3_storage
):
    (server_a, server_b), prefix = servers
    world = build_world()
    council = world.council_a
    council.publish_on_approval = False
    council.save()
    meeting = make_meeting(council=council, venue="Møterommet på to servere")
    minutes = lifecycle.minutes_approve_historical(
        minutes=meeting.minutes, approved_at=timezone.now()
    )
    assert minutes.status == Minutes.Status.APPROVED
    alice = world.secretariat_a
    alice.set_password(PASSWORD)
    alice.save()
    # Alice's session, with her second factor, in the shared database.
    client = Client()
    client.force_login(alice)
    alice_session = client.cookies["sessionid"].value

    # 1. Published through A, served at once by B, whose page was cached before.
    reader_b = browser(server_b)
    council_page = reverse("public:council", args=[council.slug])
    meeting_page = meeting.get_absolute_url()
    for _ in range(2):  # the second answer comes from the cache
        page = get(reader_b, council_page)
        assert page.status_code == 200 and meeting_page not in page.text
    redis_keys = redis.Redis.from_url(REDIS_URL).scan_iter(match=f"{prefix}:*")
    assert len(list(redis_keys)) >= 3  # B's page and its versions, in Redis
    assert get(reader_b, meeting_page).status_code == 404
    alice_a = browser(server_a, alice_session)
    published = post(alice_a, reverse("review:publish", args=[meeting.pk]))
    assert published.status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.PUBLISHED
    assert meeting_page in get(reader_b, council_page).text
    page = get(reader_b, meeting_page)
    assert page.status_code == 200 and "Møterommet på to servere" in page.text

    # 2. Locked out on A after five wrong passwords: locked out on B, right password
    #    and all.
    intruder_a = browser(server_a)
    for _ in range(5):
        post(intruder_a, reverse("login"), {"username": "alice", "password": "feil"})
    intruder_b = browser(server_b)
    refused = post(
        intruder_b, reverse("login"), {"username": "alice", "password": PASSWORD}
    )
    assert refused.status_code == 429
    assert "sessionid" not in refused.cookies

    # 3. A file uploaded through A downloads from B (and sits in the bucket).
    draft = world.draft_a
    uploaded = post(
        alice_a,
        reverse("workspace:attachment_upload", args=[draft.pk]),
        {"title": "Saksdokument"},
        files={"file": ("saksdokument.pdf", PDF_BYTES, "application/pdf")},
    )
    assert uploaded.status_code == 302
    attachment = Attachment.objects.get(meeting=draft, title="Saksdokument")
    alice_b = browser(server_b, alice_session)
    download = get(
        alice_b, reverse("workspace:attachment_download", args=[attachment.pk])
    )
    assert download.status_code == 200
    assert download.content == PDF_BYTES
    assert default_storage.exists(attachment.file.name)  # in the bucket
