"""How long the minutes PDF takes to render and to serve.

    DEBUG=1 .venv/bin/python bench/bench_pdf.py

Runs against a throwaway SQLite database and media folder with the demo loaded, so
it touches nothing of yours, and needs nothing outside the repository. Prints:
- whole processes, side by side: `manage.py render_minutes` writing the demo meeting
  6/2022 (tagged PDF/A-3a with the JSON attachment) against a bare Python process
  that imports WeasyPrint and writes the reference text as plain, unstyled
  paragraphs (the floor), alternated, min/median/max of each and the ratio of the
  medians (target: at most 2x);
- the same two renders inside this process, medians (no start-up, imports or exit);
- serving the stored PDF through Django's WSGI handler (target: under 20 ms), and a
  repeat download answered 304 by its ETag.

BENCH_PROCESS_RUNS, BENCH_RENDER_RUNS and BENCH_SERVE_RUNS set the number of runs.
"""

import atexit
import html
import inspect
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
# A copy of the council's own minutes (text extracted from its PDF), in the repository.
REFERENCE = ROOT / "tests/data/referat-nasjonalt-e-helserad-2022-12-02.txt"
PROCESS_RUNS = int(os.environ.get("BENCH_PROCESS_RUNS", "9"))
RENDER_RUNS = int(os.environ.get("BENCH_RENDER_RUNS", "7"))
SERVE_RUNS = int(os.environ.get("BENCH_SERVE_RUNS", "200"))


def plain_html(text: str) -> str:
    """The reference text as plain paragraphs: what the floor lays out."""
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
    return (
        '<html lang="nb"><body>'
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
        + "</body></html>"
    )


# The floor as a process of its own: Python, WeasyPrint and the reference text as
# plain paragraphs (the same function as in this process), nothing else.
FLOOR_SCRIPT = (
    "import html, sys\n"
    "from weasyprint import HTML\n"
    + inspect.getsource(plain_html)
    + "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "HTML(string=plain_html(text)).write_pdf(sys.argv[2])\n"
)


def run_process(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system) of one child process, in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def compare_processes(scratch: Path) -> None:
    """render_minutes and the floor as whole processes, alternated."""
    python = sys.executable
    render = [
        python,
        str(ROOT / "manage.py"),
        "render_minutes",
        "nasjonalt-e-helserad",
        "6/2022",
        "-o",
        str(scratch / "process-referat.pdf"),
    ]
    floor = [python, "-c", FLOOR_SCRIPT, str(REFERENCE), str(scratch / "floor.pdf")]
    # One of each first (disk cache, bytecode), then alternate so that both see
    # the same load on a busy machine.
    run_process(render)
    run_process(floor)
    runs: dict[str, list[tuple[float, float]]] = {"render": [], "floor": []}
    for _ in range(PROCESS_RUNS):
        runs["render"].append(run_process(render))
        runs["floor"].append(run_process(floor))

    labels = {
        "render": "manage.py render_minutes 6/2022 (PDF/A-3a)",
        "floor": "floor: python -c, WeasyPrint, plain paragraphs",
    }
    print(f"whole processes, {PROCESS_RUNS} runs each, alternated")
    print(f"{'':48} {'min':>7} {'median':>7} {'max':>7} {'CPU med':>8}  (ms)")
    medians = {}
    for name, label in labels.items():
        wall = [w for w, _ in runs[name]]
        cpu = [c for _, c in runs[name]]
        medians[name] = statistics.median(wall), statistics.median(cpu)
        print(
            f"{label:48} {min(wall):7.0f} {medians[name][0]:7.0f} "
            f"{max(wall):7.0f} {medians[name][1]:8.0f}"
        )
    wall_ratio = medians["render"][0] / medians["floor"][0]
    cpu_ratio = medians["render"][1] / medians["floor"][1]
    print(
        f"process render / floor, ratio of medians (target at most 2x): "
        f"{wall_ratio:.2f}x wall ({verdict(wall_ratio <= 2)}), "
        f"{cpu_ratio:.2f}x CPU ({verdict(cpu_ratio <= 2)})"
    )
    print()


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def median_ms(function, runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time of this process, in milliseconds.

    CPU time is the steadier figure on a busy machine; both are printed.
    """
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(scratch / "media")
    # The demo sends review mail; keep it out of the output.
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from weasyprint import HTML

    from minutes.models import Meeting
    from minutes.pdf import render_minutes_pdf

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.select_related("council", "minutes").get(
        council__slug="nasjonalt-e-helserad", year=2022, number=6
    )

    if PROCESS_RUNS:
        compare_processes(scratch)

    plain = plain_html(REFERENCE.read_text(encoding="utf-8"))

    def floor() -> None:
        HTML(string=plain).write_pdf()

    def render() -> None:
        render_minutes_pdf(meeting=meeting)

    # Warm up both (font loading, imports) before timing, then alternate the two
    # so that both see the same load on a busy machine.
    floor()
    render()
    floor_runs, render_runs = [], []
    for _ in range(RENDER_RUNS):
        floor_runs.append(median_ms(floor, 1))
        render_runs.append(median_ms(render, 1))
    floor_ms = tuple(statistics.median(run[i] for run in floor_runs) for i in (0, 1))
    render_ms = tuple(statistics.median(run[i] for run in render_runs) for i in (0, 1))

    # Serving is timed at the server: one WSGI call into Django's handler (all
    # middleware included) until the last byte of the body has been produced.
    handler = WSGIHandler()
    path = f"/{meeting.council.slug}/mote/2022/6/referat.pdf"

    def wsgi_get(**headers) -> tuple[str, dict, bytes]:
        environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", **headers}
        setup_testing_defaults(environ)
        environ["HTTP_HOST"] = "testserver"
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"], answer["headers"] = status, dict(response_headers)

        result = handler(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return answer["status"], answer["headers"], body

    status, headers, body = wsgi_get()
    assert status.startswith("200"), status
    size, etag = len(body), headers["ETag"]

    def serve() -> None:
        wsgi_get()

    def revalidate() -> None:
        assert wsgi_get(HTTP_IF_NONE_MATCH=etag)[0].startswith("304")

    serve_ms = median_ms(serve, SERVE_RUNS)
    revalidate_ms = median_ms(revalidate, SERVE_RUNS)

    rows = [
        (f"render demo minutes 6/2022 (PDF/A-3a), {RENDER_RUNS} runs", render_ms),
        (f"floor: reference as plain paragraphs, {RENDER_RUNS} runs", floor_ms),
        (f"serve the stored PDF ({size} bytes), {SERVE_RUNS} runs", serve_ms),
        (f"repeat download, 304 by ETag, {SERVE_RUNS} runs", revalidate_ms),
    ]
    print(f"{'median':52} {'wall ms':>9} {'CPU ms':>9}")
    for label, (wall, cpu) in rows:
        print(f"{label:52} {wall:9.1f} {cpu:9.1f}")
    wall_ratio, cpu_ratio = render_ms[0] / floor_ms[0], render_ms[1] / floor_ms[1]
    print(
        f"in-process render / floor: "
        f"{wall_ratio:.2f}x wall ({verdict(wall_ratio <= 2)}), "
        f"{cpu_ratio:.2f}x CPU ({verdict(cpu_ratio <= 2)})"
    )
    print(
        f"serving: {serve_ms[0]:.1f} ms wall "
        f"(target under 20 ms: {verdict(serve_ms[0] < 20)})"
    )


if __name__ == "__main__":
    main()
