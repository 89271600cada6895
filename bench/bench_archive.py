"""Benchmark the public pages and the API on an archive-scale PostgreSQL database.

Fill a database first, then measure (all traffic stays on this machine):

    createdb minutes_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minutes_bench \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_archive
    DATABASE_URL=... .venv/bin/python bench/bench_archive.py

Part 1 runs in-process through Django's test client (server time only, no network):
median and 95th percentile of the meeting page, the item page, search and the API's
list endpoints, over random published objects. Public pages are cached
(core/cache.py); "cold" rows clear the cache before each request, "warm" rows
visit every page once before measuring, so they measure cache hits.

Part 2 starts gunicorn on 127.0.0.1 on a free port and loads it for a bounded time
with `wrk` (Debian package) when installed, else with a small threaded Python load
generator, and compares requests per second of the meeting page with /healthz.

Targets: medians under 50 ms; the meeting page at least half the rate of /healthz.
"""

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEDIAN_TARGET_MS = 50.0


def _environment(workdir: str) -> dict[str, str]:
    """Production-like settings: DEBUG off, no HTTPS redirect on loopback.

    A small settings module in `workdir` uses plain static storage, so no
    collectstatic is needed: the benchmark fetches HTML and JSON, not assets.
    """
    Path(workdir, "bench_settings.py").write_text(
        "from config.settings import *  # noqa: F403\n"
        "STORAGES['staticfiles'] = {\n"
        "    'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'\n"
        "}\n"
    )
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": env.get("SECRET_KEY", "bench-only-" + "x" * 50),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "LOG_LEVEL": "WARNING",
            # Measure the search itself, not the per-address limit on it.
            "SEARCH_RATE_LIMIT": "0",
            # The default file cache, in a directory of the benchmark's own.
            "CACHE_BACKEND": "file",
            "CACHE_DIR": str(Path(workdir, "cache")),
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([workdir, str(ROOT)]),
        }
    )
    return env


def _setup_django(env: dict[str, str], workdir: str) -> None:
    os.environ.update(env)
    sys.path[:0] = [workdir, str(ROOT)]
    import django

    django.setup()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def _targets(rng: random.Random, count: int) -> dict[str, list[str]]:
    from django.urls import NoReverseMatch, reverse

    from minutes.models import AgendaItem
    from minutes.public import frozen_public_meetings, public_meetings

    meeting_ids = list(public_meetings().values_list("pk", flat=True))
    if not meeting_ids:
        sys.exit("No published meetings: run `manage.py generate_archive` first.")
    meetings = [
        m.get_absolute_url()
        for m in public_meetings()
        .select_related("council")
        .filter(pk__in=rng.sample(meeting_ids, min(count, len(meeting_ids))))
    ]
    item_ids = list(
        AgendaItem.objects.filter(meeting__in=frozen_public_meetings()).values_list(
            "pk", flat=True
        )
    )
    items = [
        i.get_absolute_url()
        for i in AgendaItem.objects.select_related("council").filter(
            pk__in=rng.sample(item_ids, min(count, len(item_ids)))
        )
    ]
    words = ["journal", "pasient", "samhandling", "finansiering", "personvern"]
    try:
        search = reverse("public:search")
    except NoReverseMatch:
        search = ""  # search is not built yet: reported as such
    meeting_pages = max(1, len(meeting_ids) // 10)
    from minutes.models import Input

    input_pages = max(1, Input.objects.count() // 20)
    return {
        "meeting page": meetings,
        "item page": items,
        "search /sok/?q=": [
            f"{search}?q={rng.choice(words)}" for _ in range(count) if search
        ],
        "API /api/meetings/": [
            f"/api/meetings/?page={rng.randint(1, meeting_pages)}" for _ in range(count)
        ],
        "API /api/inputs/": [
            f"/api/inputs/?page={rng.randint(1, input_pages)}" for _ in range(count)
        ],
        "API /api/agenda-items/ (random id)": [
            f"/api/agenda-items/{pk}/"
            for pk in rng.sample(item_ids, min(count, len(item_ids)))
        ],
    }


def measure_in_process(
    targets: dict[str, list[str]], requests: int, row_seconds: float
) -> list[tuple]:
    """Each row stops after `requests` requests or `row_seconds`, whichever first."""
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    rows = []
    for name, urls in targets.items():
        if not urls:
            rows.append((name, None, None, 0, "not found: no such page yet"))
            continue
        modes = ["cold", "warm"] if not name.startswith("API") else [""]
        for mode in modes:
            if mode == "warm":
                # Fill the page cache first: "warm" measures cached pages.
                for url in urls[:requests]:
                    client.get(url)
            samples = []
            deadline = time.monotonic() + row_seconds
            for index in range(requests):
                if time.monotonic() > deadline:
                    break
                url = urls[index % len(urls)]
                if mode == "cold":
                    cache.clear()
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    sys.exit(f"{url} answered {response.status_code}")
                samples.append(elapsed * 1000)
            median, p95 = _percentiles(samples)
            label = f"{name} ({mode})" if mode else name
            rows.append((label, median, p95, len(samples), ""))
    return rows


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not start")


def _load_wrk(port: int, paths: list[str], seconds: int, connections: int) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        quoted = ", ".join(f'"{p}"' for p in paths)
        script.write(
            f"local paths = {{{quoted}}}\n"
            "request = function()\n"
            '  return wrk.format("GET", paths[math.random(#paths)])\n'
            "end\n"
        )
    try:
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        )
    finally:
        os.unlink(script.name)
    for line in result.stdout.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
        if "Non-2xx" in line:
            sys.exit(f"wrk saw errors: {line.strip()}")
    sys.exit("wrk printed no rate:\n" + result.stdout)


def _load_python(
    port: int, paths: list[str], seconds: int, connections: int, max_requests: int
) -> float:
    """Threads with http.client; stops at `max_requests` or after `seconds`."""
    done = 0
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(seed: int) -> None:
        nonlocal done, errors
        rng = random.Random(seed)
        conn = HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                if done >= max_requests:
                    return
                done += 1
            conn.request("GET", rng.choice(paths))
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    errors += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        sys.exit(f"{errors} requests failed")
    return done / (time.monotonic() - started)


def measure_gunicorn(
    env: dict[str, str], meeting_paths: list[str], args: argparse.Namespace
) -> list[tuple]:
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    rows = []
    try:
        _wait_until_up(f"http://127.0.0.1:{port}")
        use_wrk = shutil.which("wrk") and not args.python_load
        tool = "wrk" if use_wrk else "python threads"
        for name, paths in [
            ("/healthz", ["/healthz"]),
            ("meeting page", meeting_paths),
        ]:
            # Warm-up: connections, the workers' caches, PostgreSQL's buffers.
            if use_wrk:
                _load_wrk(port, paths, 2, args.connections)
                rate = _load_wrk(port, paths, args.seconds, args.connections)
            else:
                _load_python(port, paths, 2, args.connections, 500)
                rate = _load_python(
                    port, paths, args.seconds, args.connections, args.max_requests
                )
            rows.append((name, rate, tool))
    finally:
        server.terminate()
        server.wait(timeout=20)
    return rows


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="per in-process row")
    parser.add_argument("--objects", type=int, default=200, help="random objects")
    parser.add_argument("--seconds", type=int, default=10, help="per gunicorn run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--python-load", action="store_true", help="not wrk")
    parser.add_argument("--row-seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (the benchmark is for PostgreSQL).")

    workdir = tempfile.mkdtemp(prefix="bench-archive-")
    env = _environment(workdir)
    _setup_django(env, workdir)
    rng = random.Random(args.seed)
    targets = _targets(rng, args.objects)

    from minutes.models import AgendaItem, Input
    from minutes.public import public_meetings

    print(
        f"Archive: {public_meetings().count()} published meetings, "
        f"{AgendaItem.objects.count()} items, {Input.objects.count()} inputs"
    )
    print()
    print(f"{'in-process (server time)':<42} {'median ms':>10} {'p95 ms':>10} {'n':>6}")
    failed = False
    for label, median, p95, count, note in measure_in_process(
        targets, args.requests, args.row_seconds
    ):
        if median is None:
            print(f"{label:<42} {note}")
            continue
        mark = "" if median < MEDIAN_TARGET_MS else "  over target"
        failed |= bool(mark)
        print(f"{label:<42} {median:>10.1f} {p95:>10.1f} {count:>6}{mark}")

    print()
    print(f"{'gunicorn on 127.0.0.1':<42} {'req/s':>10}  load")
    rates = measure_gunicorn(env, targets["meeting page"], args)
    for name, rate, tool in rates:
        print(f"{name:<42} {rate:>10.0f}  {tool}")
    ratio = rates[1][1] / rates[0][1]
    print(f"{'meeting page / healthz':<42} {ratio:>10.2f}  (target ≥ 0.50)")
    failed |= ratio < 0.5
    shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
