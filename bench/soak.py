"""Soak test: many minute-takers autosaving at once, with readers, for minutes on end.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/soak.py [--duration 300]

On PostgreSQL (DATABASE_URL names the server; a scratch database `soak_<pid>` is made
there, filled with the demo and a meeting of 20 items, and dropped at the end unless
--keep), under gunicorn with 2 workers on a free port: 20 simulated minute-takers, each
on an item of their own, autosave the item's text every 2 seconds (the workspace's
save endpoint, as its JavaScript calls it: value, revision and base, JSON answer),
each save adding a few words; meanwhile 5 readers load public pages (home, council,
published meeting and item pages, search), one a second each. Plain Python: the
standard library and the project's requirements.

Checks, at the end:
- no lost edit: each item's text in the database equals the last save the server
  acknowledged for it (and every acknowledged value is what was sent);
- no 5xx and no failed connection, for savers and readers alike;
- the p95 of the autosave time (target under 150 ms);
- the resident memory (RSS) of each gunicorn worker after the warm-up and at the end.

Exit status 1 when a check fails.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
P95_TARGET_MS = 150.0
WORDS = (
    "innspill vedtak saken rådet kommunene helse journal pasient samhandling "
    "finansiering personvern oppfølging strategi tiltak ansvar frist"
).split()


# Setup ------------------------------------------------------------------------------


def scratch_database(server_url: str) -> tuple[str, str]:
    """Create an empty database beside the one DATABASE_URL names: (its URL, name)."""
    import psycopg2

    parsed = urllib.parse.urlparse(server_url)
    if parsed.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("The soak test runs on PostgreSQL: set DATABASE_URL=postgres://…")
    name = f"soak_{os.getpid()}"
    maintenance = parsed._replace(path="/postgres").geturl()
    connection = psycopg2.connect(maintenance)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return parsed._replace(path=f"/{name}").geturl(), name


def drop_database(server_url: str, name: str) -> None:
    import psycopg2

    parsed = urllib.parse.urlparse(server_url)
    connection = psycopg2.connect(parsed._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def environment(workdir: str, database_url: str) -> dict[str, str]:
    """Production-like: DEBUG off, no HTTPS redirect on loopback, plain static
    storage (no collectstatic: the soak fetches HTML and JSON, not assets)."""
    Path(workdir, "soak_settings.py").write_text(
        "from config.settings import *  # noqa: F403\n"
        "STORAGES['staticfiles'] = {\n"
        "    'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'\n"
        "}\n"
    )
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": env.get("SECRET_KEY", "soak-only-" + "x" * 50),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",
            "SEARCH_RATE_LIMIT": "0",
            "CACHE_BACKEND": env.get("CACHE_BACKEND", "file"),
            "CACHE_DIR": str(Path(workdir, "cache")),
            "MEDIA_ROOT": str(Path(workdir, "media")),
            "TASK_BACKEND": "database",
            "DJANGO_SETTINGS_MODULE": "soak_settings",
            "PYTHONPATH": os.pathsep.join([workdir, str(ROOT)]),
        }
    )
    return env


def fill(takers: int) -> dict:
    """The demo, a meeting of `takers` items, and a logged-in, verified session per
    minute-taker (the secretariat's user, with the second factor done)."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from council.models import Council
    from minutes.models import AgendaItem
    from minutes.public import public_meetings
    from minutes.services.agenda import agenda_item_add, meeting_create

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    council = Council.objects.get(slug="nasjonalt-e-helserad")
    meeting = meeting_create(council=council, date=timezone.localdate(), number=99)
    items = [
        agenda_item_add(meeting=meeting, title=f"Sak for referent {n + 1}")
        for n in range(takers)
    ]
    user = get_user_model().objects.get(username="sekretariat")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    sessions = []
    for _ in range(takers):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        sessions.append(session.session_key)
    published = public_meetings().select_related("council").first()
    item = AgendaItem.objects.filter(meeting=published).select_related("council")
    return {
        "items": [(i.pk, i.revision) for i in items],
        "sessions": sessions,
        "meeting": meeting.pk,
        "public": [
            "/",
            f"/{council.slug}/",
            published.get_absolute_url(),
            item.first().get_absolute_url(),
            "/sok/?q=journal",
        ],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# HTTP -------------------------------------------------------------------------------


class Browser:
    """One client with its cookies, a new connection per request (gunicorn's sync
    workers close each one)."""

    def __init__(self, port: int, session: str | None = None) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        if session:
            self.cookies["sessionid"] = session

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            for value in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, data
        finally:
            connection.close()


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.save_ms: list[float] = []
        self.read_ms: list[float] = []
        self.statuses: dict[str, dict[int, int]] = {"save": {}, "read": {}}
        self.errors: list[str] = []
        self.lost: list[str] = []
        # Times are kept once the warm-up is over (the workers' first requests load
        # the application).
        self.measuring = threading.Event()
        self.warmup_saves = 0

    def count(self, kind: str, status: int) -> None:
        with self.lock:
            self.statuses[kind][status] = self.statuses[kind].get(status, 0) + 1


def minute_taker(port, session, item, stop, stats, interval, results, seed) -> None:
    """Autosave the item's body every `interval` seconds, a few words more each time;
    remember the last text the server acknowledged."""
    rng = random.Random(seed)
    pk, revision = item
    browser = Browser(port, session)
    status, _ = browser.request("GET", f"/arbeid/mote/{results['meeting']}/referat/")
    if status != 200 or "csrftoken" not in browser.cookies:
        stats.errors.append(f"item {pk}: minute-taking page answered {status}")
        return
    path = f"/arbeid/lagre/sak/{pk}/body/"
    text, acknowledged = "", ""
    next_at = time.monotonic() + rng.random() * interval  # not all at once
    while not stop.is_set():
        delay = next_at - time.monotonic()
        if delay > 0 and stop.wait(delay):
            break
        next_at += interval
        text = (text + " " + " ".join(rng.choices(WORDS, k=rng.randint(1, 4)))).strip()
        body = urllib.parse.urlencode(
            {"value": text, "revision": revision, "base": acknowledged}
        ).encode()
        started = time.perf_counter()
        try:
            status, data = browser.request(
                "POST",
                path,
                body,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                    "X-CSRFToken": browser.cookies["csrftoken"],
                },
            )
        except OSError as error:
            stats.errors.append(f"item {pk}: {type(error).__name__}: {error}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        stats.count("save", status)
        if status != 200:
            stats.errors.append(f"item {pk}: save answered {status}: {data[:200]!r}")
            continue
        answer = json.loads(data)
        if answer.get("status") != "saved":
            stats.errors.append(f"item {pk}: {answer}")
            continue
        with stats.lock:
            if stats.measuring.is_set():
                stats.save_ms.append(elapsed)
            else:
                stats.warmup_saves += 1
        if answer["value"] != text:
            stats.lost.append(f"item {pk}: acknowledged a different text")
        revision, acknowledged = answer["revision"], answer["value"]
    results["acknowledged"][pk] = acknowledged


def reader(port, paths, stop, stats, pause, seed) -> None:
    rng = random.Random(seed)
    browser = Browser(port)
    while not stop.is_set():
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            status, _ = browser.request("GET", path)
        except OSError as error:
            stats.errors.append(f"{path}: {type(error).__name__}: {error}")
            continue
        stats.count("read", status)
        if status >= 500:
            stats.errors.append(f"{path} answered {status}")
        with stats.lock:
            if stats.measuring.is_set():
                stats.read_ms.append((time.perf_counter() - started) * 1000)
        stop.wait(pause)


# Memory -----------------------------------------------------------------------------


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # pid (comm) state ppid …: the command may hold spaces, so after ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(entry.name))
    return sorted(pids)


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    kib = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return kib / 1024


# Main -------------------------------------------------------------------------------


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--duration", type=float, default=300, help="seconds, warm-up included (300)"
    )
    parser.add_argument("--takers", type=int, default=20)
    parser.add_argument("--readers", type=int, default=5)
    parser.add_argument("--interval", type=float, default=2.0, help="between saves")
    parser.add_argument("--reader-pause", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    server_url = os.environ.get("DATABASE_URL", "")
    database_url, name = scratch_database(server_url)
    workdir = tempfile.mkdtemp(prefix="soak-")
    env = environment(workdir, database_url)
    os.environ.update(env)
    sys.path[:0] = [workdir, str(ROOT)]
    import django

    django.setup()
    print(f"Filling {name} (the demo and a meeting of {args.takers} items) …")
    data = fill(args.takers)
    from django.db import connections

    connections.close_all()

    port = free_port()
    log = open(Path(workdir, "gunicorn.log"), "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    stats = Stats()
    results = {"meeting": data["meeting"], "acknowledged": {}}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if Browser(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit(f"gunicorn did not start: see {log.name}")
            time.sleep(0.3)
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=minute_taker,
                args=(port, s, item, stop, stats, args.interval, results, n),
            )
            for n, (s, item) in enumerate(
                zip(data["sessions"], data["items"], strict=True)
            )
        ] + [
            threading.Thread(
                target=reader,
                args=(port, data["public"], stop, stats, args.reader_pause, 1000 + n),
            )
            for n in range(args.readers)
        ]
        print(
            f"{args.takers} minute-takers saving every {args.interval:g} s and "
            f"{args.readers} readers, {args.duration:g} s, gunicorn with "
            f"{args.workers} workers on 127.0.0.1:{port} …"
        )
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(args.warmup)
        stats.measuring.set()
        workers = worker_pids(server.pid)
        rss_start = {pid: rss_mib(pid) for pid in workers}
        time.sleep(max(0.0, args.duration - (time.monotonic() - started)))
        rss_end = {
            pid: rss_mib(pid) for pid in workers if Path(f"/proc/{pid}").exists()
        }
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    # The database against the last acknowledged save of each item.
    from minutes.models import AgendaItem

    stored = dict(
        AgendaItem.objects.filter(pk__in=results["acknowledged"]).values_list(
            "pk", "body"
        )
    )
    for pk, text in results["acknowledged"].items():
        if stored.get(pk) != text:
            stats.lost.append(f"item {pk}: the database differs from the last save")
    if len(results["acknowledged"]) != args.takers:
        stats.errors.append("not every minute-taker finished")
    connections.close_all()
    if not args.keep:
        drop_database(server_url, name)
    shutil.rmtree(workdir, ignore_errors=True)

    saves = stats.save_ms
    five_xx = sum(
        n for kind in stats.statuses.values() for s, n in kind.items() if s >= 500
    )
    p95 = percentile(saves, 0.95) if saves else float("nan")
    print()
    print(
        f"saves acknowledged      {len(saves)} measured, after "
        f"{stats.warmup_saves} in the {args.warmup:g} s warm-up"
    )
    print(
        f"autosave ms             median {statistics.median(saves):.1f}, "
        f"p95 {p95:.1f}, p99 {percentile(saves, 0.99):.1f}, max {max(saves):.1f}"
        f" (target p95 < {P95_TARGET_MS:.0f})"
    )
    print(
        f"public pages            {len(stats.read_ms)} loads, median "
        f"{statistics.median(stats.read_ms):.1f} ms, p95 "
        f"{percentile(stats.read_ms, 0.95):.1f} ms"
    )
    print(f"statuses                {json.dumps(stats.statuses)}")
    print(f"5xx                     {five_xx}")
    print(f"lost edits              {len(stats.lost)} of {args.takers} items")
    for pid in workers:
        end = rss_end.get(pid)
        print(
            f"worker {pid} RSS MiB    start {rss_start[pid]:.1f}, end "
            + (f"{end:.1f} ({end - rss_start[pid]:+.1f})" if end else "gone")
        )
    for line in (stats.errors + stats.lost)[:20]:
        print("  !", line)
    failed = bool(stats.errors or stats.lost or five_xx)
    print(
        "FAILED" if failed else "OK", "" if p95 < P95_TARGET_MS else "(p95 over target)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
