"""Measure Commonplace's pages under load on a large community: `make bench`.

    make bench                                   # 10 s per page, 8 concurrent clients, SQLite
    make bench BENCH_ARGS="--seconds 5 --page member-home"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace_bench make bench

In order, it:
1. prepares its own database (VAR_DIR/bench/bench.sqlite3 unless DATABASE_URL is set): migrate,
   seed_demo, seed_scale (10,000 members by default; skipped when they exist), collectstatic;
2. starts gunicorn as in production (DEBUG off, a fresh SECRET_KEY) but over plain HTTP and with
   QUERY_COUNT_HEADER on, on a free port;
3. logs in as a scale member and a scale steward;
4. drives each page of PAGES (public and member pages, the audit log, joining and the review
   queue, the directory, conversations, private messages and the library) from a separate
   process (threads with their own connections) for a fixed time after a short warm-up, so the
   load generator's own work is not timed by the server;
5. prints latency percentiles, throughput, errors, SQL queries per request and the workers' peak
   memory, and writes the same to VAR_DIR/bench/latest.json (and a dated copy beside it);
6. stops gunicorn, also on Ctrl-C or an error.

The bench uses VAR_DIR/bench as the VAR_DIR of everything it runs, so its demo passwords, static
files and database never overwrite those of the development site.

Only the standard library is used for the load: a benchmark should not need a dependency that
the site itself does not.
"""

import argparse
import contextlib
import http.client
import importlib.metadata
import json
import math
import multiprocessing
import os
import platform
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Page:
    """One line of the bench: what to request, as whom, and what a good answer is.

    ``login`` is None (anonymous), "member" or "steward". A POST page first opens ``form_path``
    (by default the page itself) once, takes the hidden fields of the form that posts to
    ``path`` (the CSRF token, a form's own time stamp…), then sends them with ``data`` on every
    request; ``{n}`` in a value of ``data`` becomes a number unique to the request, for forms
    that refuse duplicates. ``server_settings`` are environment variables the server needs to
    measure the page rather than its throttles (merged over all the pages of a run).
    """

    name: str
    path: str
    login: str | None = None
    method: str = "GET"
    data: dict[str, str] | None = None
    form_path: str | None = None
    # Anything else counts as an error: a member page that redirects to the login page has
    # failed even though 302 is not an HTTP error.
    expect: tuple[int, ...] = (200,)
    server_settings: dict[str, str] = field(default_factory=dict)


# Add a line for each new page worth measuring.
PAGES = [
    Page("public-home", "/en/"),
    Page("login-page", "/en/accounts/login/"),
    Page("member-home", "/en/", login="member"),
    Page("audit-log", "/en/audit/", login="steward"),
    Page("join-form", "/en/join/"),
    # Every request stores a new join request (with a unique address), as a visitor's would.
    Page(
        "join-submit",
        "/en/join/",
        method="POST",
        expect=(302,),
        data={
            "name": "Visitor {n}",
            "email": "visitor-{n}@bench.commonplace.test",
            "organization": "Bench Compassionate Network",
            "initiative": "A neighbour-to-neighbour caregiver network.",
            "language": "en",
            "province": "ON",
            "consent_contact": "on",
        },
        server_settings={
            "JOIN_FORM_MIN_SECONDS": "0",
            "JOIN_LIMIT_PER_IP": "1000000",
            "JOIN_LIMIT_PER_EMAIL": "1000000",
        },
    ),
    Page("review-queue", "/en/join/requests/", login="steward"),
    Page("directory", "/en/people/", login="member"),
    Page("directory-filtered", "/en/people/?area=caregiver-support&province=ON", login="member"),
    Page("directory-search", "/en/people/?q=grief", login="member"),
    Page("who-knows-area", "/en/people/who-knows/?area=caregiver-support", login="member"),
    Page("who-knows-text", "/en/people/who-knows/?q=volunteer+training", login="member"),
    Page("review-queue-search", "/en/join/requests/?status=approved&q=Lavoie", login="steward"),
    # Conversations at 20 spaces, 20,000 topics and 200,000 replies; a {name} is a page
    # seed_scale made and named in bench-paths.json.
    Page("spaces", "/en/conversations/", login="member"),
    Page("topic-list", "{space}", login="member"),
    Page("latest-topics", "/en/conversations/latest/", login="member"),
    Page("topic-500-replies", "{topic-500}", login="member"),
    Page("topic-500-last-page", "{topic-500-last}", login="member"),
    Page("topic-2000-last-page", "{topic-2000-last}", login="member"),
    # Private messages: 5,000 conversations, 200 of them the member's, one of 300 messages.
    Page("messages-inbox", "{messages}", login="member"),
    Page("messages-300-last-page", "{messages-long}", login="member"),
    # The library at 5,000 resources: its home page, the list filtered by focus area and
    # language, a search of it, and one resource (areas, audiences, a translation, 40 uses).
    Page("library-home", "/en/library/", login="member"),
    Page(
        "library-filtered",
        "/en/library/browse/?area=caregiver-support&language=en",
        login="member",
    ),
    Page("library-search", "/en/library/browse/?q=grief+cafe", login="member"),
    Page("resource", "{resource}", login="member"),
    # The header's one search, across people, conversations and the library at once.
    Page("search-everything", "/en/search/?q=grief+cafe", login="member"),
]


class BenchError(Exception):
    pass


# --- Settings and setup ---------------------------------------------------------------------


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per page")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured time per page first")
    parser.add_argument("--concurrency", type=int, default=8, help="clients at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--members", type=int, default=10_000, help="scale members to seed")
    parser.add_argument(
        "--page",
        action="append",
        choices=[page.name for page in PAGES],
        help="measure only this page (repeat for more); default: all",
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="do not migrate, seed or collect static files"
    )
    arguments = parser.parse_args(argv)
    if arguments.seconds <= 0 or arguments.concurrency < 1 or arguments.workers < 1:
        parser.error("--seconds, --concurrency and --workers must be positive")
    return arguments


def bench_environment(var_dir: Path, port: int) -> dict[str, str]:
    """What every command and the server run with: production-like, but plain HTTP."""
    env = dict(os.environ)
    env.update(
        VAR_DIR=str(var_dir),
        DEBUG="false",
        # A new key each run: sessions from an earlier run must not carry over.
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="false",
        QUERY_COUNT_HEADER="true",
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"http://{HOST}:{port}",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'bench.sqlite3'}")
    return env


def manage(env: dict[str, str], *arguments: str) -> float:
    """Run a manage.py command in the bench environment; return how long it took."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments], cwd=ROOT, env=env, check=False
    )
    if result.returncode != 0:
        raise BenchError(
            f"manage.py {' '.join(arguments)} failed (exit status {result.returncode})"
        )
    return time.perf_counter() - started


def set_up(env: dict[str, str], members: int) -> dict[str, float]:
    timings = {}
    print("Preparing the bench database …", flush=True)
    timings["migrate"] = manage(env, "migrate", "--no-input", "-v", "0")
    timings["seed_demo"] = manage(env, "seed_demo", "-v", "0")
    timings["seed_scale"] = manage(env, "seed_scale", "--members", str(members))
    timings["collectstatic"] = manage(env, "collectstatic", "--no-input", "-v", "0")
    print(
        "Ready: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()),
        flush=True,
    )
    return timings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def shown_database_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


# --- The server -----------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int, log_path: Path) -> Iterator[int]:
    """Run gunicorn until the block ends (however it ends); yields the master's process id."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "commonplace.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--graceful-timeout",
        "10",
    ]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_answering(server, port, log_path)
            yield server.pid
        finally:
            if server.poll() is None:
                # SIGTERM is gunicorn's graceful stop: workers finish their request, then exit.
                server.terminate()
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
            print(f"Stopped gunicorn (its log: {log_path}).", flush=True)


def wait_until_answering(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited at start:\n{tail(log_path)}")
        try:
            status, _, _ = request(port, "GET", "/en/", {})
        except OSError:
            time.sleep(0.2)
            continue
        if status >= 500:
            raise BenchError(f"gunicorn answers /en/ with {status}:\n{tail(log_path)}")
        return
    raise BenchError(f"gunicorn did not answer within 60 s:\n{tail(log_path)}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text("utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def worker_pids(master_pid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended while we looked
        # The command name may hold spaces and parentheses; the fields after it do not.
        if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
            pids.append(int(entry.name))
    return pids


def reset_peak_memory(master_pid: int) -> bool:
    """Start each worker's VmHWM afresh, so the next page's peak is its own.

    Without it the peak is the worst moment since the worker started, which is usually the
    bench's own logins: Argon2 takes about 100 MiB per password check.
    """
    reset = True
    for pid in worker_pids(master_pid):
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            reset = False  # an old kernel or no permission: the peak then covers all pages
    return reset


def worker_memory(master_pid: int) -> dict[int, dict[str, float]]:
    """Peak (VmHWM) and current (VmRSS) resident memory of each worker, in MiB."""
    memory = {}
    for pid in worker_pids(master_pid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        values = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.MULTILINE))
        memory[pid] = {
            "peak_mib": int(values.get("VmHWM", 0)) / 1024,
            "rss_mib": int(values.get("VmRSS", 0)) / 1024,
        }
    return memory


# --- HTTP -----------------------------------------------------------------------------------


def request(
    port: int,
    method: str,
    path: str,
    cookies: dict[str, str],
    form: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    """One request on a fresh connection; cookies the server sets are added to ``cookies``."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        headers = {"Cookie": cookie_header(cookies)} if cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    cookies.pop(name, None)
                else:
                    cookies[name] = morsel.value
        return response.status, dict(response.headers), text
    finally:
        connection.close()


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


class _HiddenFields(HTMLParser):
    """The hidden inputs of each POST form on a page, by the path the form posts to."""

    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: dict[str, dict[str, str]] = {}
        self._current: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and values.get("method", "get").lower() == "post":
            # An empty or missing action posts back to the page itself.
            action = urlsplit(values.get("action") or self.page_path).path
            self._current = self.forms.setdefault(action, {})
        elif tag == "input" and self._current is not None:
            name = values.get("name")
            if name and values.get("type") == "hidden":
                self._current[name] = values.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


def hidden_fields(html: str, page_path: str, action: str) -> dict[str, str]:
    parser = _HiddenFields(page_path)
    parser.feed(html)
    if action not in parser.forms:
        raise BenchError(f"No form posting to {action} on {page_path}.")
    return parser.forms[action]


def log_in(port: int, email: str, password: str) -> dict[str, str]:
    """Log in through allauth's form as a browser would; return the session's cookies."""
    cookies: dict[str, str] = {}
    path = "/en/accounts/login/"
    _, _, html = request(port, "GET", path, cookies)
    form = {**hidden_fields(html, path, path), "login": email, "password": password}
    status, headers, _ = request(port, "POST", path, cookies, form)
    if status != 302 or "sessionid" not in cookies:
        raise BenchError(
            f"Logging in as {email} failed (status {status}, location "
            f"{headers.get('Location', '-')}). Is bench-login.json from this database?"
        )
    # Follow the redirect as a browser would: it shows (and so clears) the "signed in" message,
    # which would otherwise ride along in a cookie on every measured request.
    location = urlsplit(headers.get("Location", "/en/"))
    request(port, "GET", location.path + (f"?{location.query}" if location.query else ""), cookies)
    return cookies


def load_logins(var_dir: Path, port: int, roles: set[str]) -> dict[str, dict[str, str]]:
    path = var_dir / "bench-login.json"
    try:
        logins = {row["role"]: row for row in json.loads(path.read_text("utf-8"))}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BenchError(f"Cannot read {path} ({error}); run without --skip-setup.") from error
    sessions = {}
    for role in sorted(roles):
        if role not in logins:
            raise BenchError(f"{path} has no {role} to log in as.")
        sessions[role] = log_in(port, logins[role]["email"], logins[role]["password"])
        print(f"Logged in as a {role}: {logins[role]['email']}", flush=True)
    return sessions


# --- Load -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    """Everything the load process needs, in plain values so it crosses a process boundary."""

    port: int
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, str] | None
    concurrency: int
    warmup: float
    seconds: float


@dataclass
class Sample:
    seconds: float
    status: int
    queries: int | None
    size: int


def page_path(page: Page, var_dir: Path) -> str:
    """The page's address; ``{name}`` is looked up in the bench-paths.json seed_scale wrote."""
    if not (page.path.startswith("{") and page.path.endswith("}")):
        return page.path
    path = var_dir / "bench-paths.json"
    try:
        return json.loads(path.read_text("utf-8"))[page.path[1:-1]]
    except (OSError, ValueError, KeyError) as error:
        raise BenchError(f"{page.name}: no {page.path} in {path} ({error}).") from error


def prepare(page: Page, port: int, sessions: dict[str, dict[str, str]], load_args) -> Load:
    cookies = dict(sessions[page.login]) if page.login else {}
    form = None
    if page.method == "POST":
        # A token from one GET stays valid for the session, as it does for a browser tab.
        form_path = page.form_path or page.path
        status, _, html = request(port, "GET", form_path, cookies)
        if status != 200:
            raise BenchError(f"{page.name}: the form page {form_path} answered {status}.")
        form = {**hidden_fields(html, form_path, page.path), **(page.data or {})}
    headers = {"Cookie": cookie_header(cookies)} if cookies else {}
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return Load(
        port=port,
        method=page.method,
        path=page_path(page, load_args.var_dir),
        headers=headers,
        form=form,
        concurrency=load_args.concurrency,
        warmup=load_args.warmup,
        seconds=load_args.seconds,
    )


def generate_load(load: Load, results) -> None:
    """Runs in its own process: ``load.concurrency`` clients, each request after the last.

    Sends back the samples taken after the warm-up through the ``results`` pipe.
    """
    # Ctrl-C reaches the whole process group; the parent decides when this process stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start = time.perf_counter()
    measure_from = start + load.warmup
    until = measure_from + load.seconds
    per_client: list[list[Sample]] = [[] for _ in range(load.concurrency)]
    clients = [
        threading.Thread(target=_client, args=(load, number, measure_from, until, samples))
        for number, samples in enumerate(per_client)
    ]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    rows = [asdict(sample) for samples in per_client for sample in samples]
    # The client's own CPU time shows how much of the machine the load took from the server.
    results.send({"samples": rows, "cpu_seconds": time.process_time()})
    results.close()


def _client(load: Load, number: int, measure_from: float, until: float, samples: list) -> None:
    connection = http.client.HTTPConnection(HOST, load.port, timeout=30)
    sent = 0
    while (started := time.perf_counter()) < until:
        body = None
        if load.form is not None:
            unique = f"{os.getpid()}-{number}-{sent}"
            body = urlencode(
                {key: value.replace("{n}", unique) for key, value in load.form.items()}
            )
        sent += 1
        status, queries, size = 0, None, 0
        try:
            # http.client reconnects by itself when the server closed the connection (as
            # gunicorn's sync workers do after every response).
            connection.request(load.method, load.path, body=body, headers=load.headers)
            response = connection.getresponse()
            size = len(response.read())
            status = response.status
            count = response.getheader("X-Query-Count")
            queries = int(count) if count is not None else None
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(HOST, load.port, timeout=30)
        if started >= measure_from:
            samples.append(Sample(time.perf_counter() - started, status, queries, size))
    connection.close()


def run_load(load: Load) -> tuple[list[Sample], float]:
    """Drive the server from a fresh process, so its threads and the bench share no GIL."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=generate_load, args=(load, sender), daemon=True)
    process.start()
    sender.close()
    try:
        received = receiver.recv()
        process.join(timeout=30)
    except EOFError:
        raise BenchError("The load process ended without results.") from None
    finally:
        if process.is_alive():
            process.terminate()
            process.join()
    return [Sample(**row) for row in received["samples"]], received["cpu_seconds"]


# --- Figures --------------------------------------------------------------------------------


@dataclass
class PageResult:
    name: str
    method: str
    path: str
    login: str | None
    requests: int
    requests_per_second: float
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    errors: int
    statuses: dict[str, int]
    queries_min: int | None
    queries_max: int | None
    mean_bytes: int
    peak_worker_memory_mib: float
    # False where the kernel would not reset the peak: it then covers everything before too.
    peak_is_per_page: bool
    # Shares of all CPUs over the run, warm-up included: see cpu_use().
    cpu: dict[str, float]
    worker_memory: dict[str, dict[str, float]] = field(default_factory=dict)


def percentile(ordered: list[float], share: float) -> float | None:
    """Nearest-rank percentile of an already sorted list."""
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share / 100 * len(ordered)) - 1)]


def summarize(
    page: Page,
    samples: list[Sample],
    seconds: float,
    memory: dict[int, dict[str, float]],
    peak_is_per_page: bool,
    cpu: dict[str, float],
) -> PageResult:
    latencies = sorted(sample.seconds * 1000 for sample in samples)
    queries = [sample.queries for sample in samples if sample.queries is not None]

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return PageResult(
        name=page.name,
        method=page.method,
        path=page.path,
        login=page.login,
        requests=len(samples),
        requests_per_second=round(len(samples) / seconds, 1),
        p50_ms=rounded(percentile(latencies, 50)),
        p95_ms=rounded(percentile(latencies, 95)),
        p99_ms=rounded(percentile(latencies, 99)),
        mean_ms=rounded(sum(latencies) / len(latencies)) if latencies else None,
        max_ms=rounded(latencies[-1]) if latencies else None,
        errors=sum(1 for sample in samples if sample.status not in page.expect),
        statuses={
            str(status): count
            for status, count in sorted(Counter(s.status for s in samples).items())
        },
        queries_min=min(queries) if queries else None,
        queries_max=max(queries) if queries else None,
        mean_bytes=round(sum(s.size for s in samples) / len(samples)) if samples else 0,
        peak_worker_memory_mib=round(max((m["peak_mib"] for m in memory.values()), default=0), 1),
        peak_is_per_page=peak_is_per_page,
        cpu={who: round(share, 2) for who, share in cpu.items()},
        worker_memory={
            str(pid): {key: round(value, 1) for key, value in figures.items()}
            for pid, figures in memory.items()
        },
    )


COLUMNS = [
    # As wide as the longest page name, so the figures line up.
    ("page", max(len(page.name) for page in PAGES), "<"),
    ("p50 ms", 8, ">"),
    ("p95 ms", 8, ">"),
    ("p99 ms", 8, ">"),
    ("req/s", 8, ">"),
    ("errors", 7, ">"),
    ("queries", 9, ">"),
    ("peak MiB", 9, ">"),
]


def table_line(values: list[str]) -> str:
    return "  ".join(
        f"{value:{align}{width}}" for value, (_, width, align) in zip(values, COLUMNS, strict=True)
    )


def table_row(result: PageResult) -> str:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    if result.queries_min is None:
        queries = "-"
    elif result.queries_min == result.queries_max:
        queries = str(result.queries_min)
    else:
        # Marked, because a count that changes between requests of one page usually means N+1.
        queries = f"{result.queries_min}-{result.queries_max} !"
    return table_line(
        [
            result.name,
            ms(result.p50_ms),
            ms(result.p95_ms),
            ms(result.p99_ms),
            f"{result.requests_per_second:.1f}",
            str(result.errors),
            queries,
            f"{result.peak_worker_memory_mib:.0f}",
        ]
    )


def cpu_ticks() -> tuple[int, int]:
    """Busy and total time of all CPUs since boot, in clock ticks (from /proc/stat)."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = values[3] + values[4]  # idle and iowait
        return sum(values) - idle, sum(values)
    return 0, 0


def process_ticks(pids: list[int]) -> int:
    """CPU time (user and system) the processes have used, in clock ticks."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks


def cpu_busy_share(seconds: float = 1.0) -> float:
    """The share of all CPUs' time spent busy over the next ``seconds``."""
    busy_before, total_before = cpu_ticks()
    time.sleep(seconds)
    busy_after, total_after = cpu_ticks()
    return (busy_after - busy_before) / max(1, total_after - total_before)


@contextlib.contextmanager
def cpu_use(master_pid: int) -> Iterator[dict[str, float]]:
    """Who used the CPUs during the block, as shares of all of them (filled in at the end).

    "other" is everything but gunicorn and the load generator: the database server when it is
    PostgreSQL, and whatever else runs on the machine, which makes the figures noisy.
    """
    shares: dict[str, float] = {}
    servers = [master_pid, *worker_pids(master_pid)]
    busy_before, total_before = cpu_ticks()
    server_before = process_ticks(servers)
    yield shares
    busy_after, total_after = cpu_ticks()
    total = max(1, total_after - total_before)
    shares["machine"] = (busy_after - busy_before) / total
    shares["server"] = (process_ticks(servers) - server_before) / total
    shares["load_generator"] = (
        shares.pop("load_generator_seconds", 0) * os.sysconf("SC_CLK_TCK") / total
    )
    shares["other"] = max(0.0, shares["machine"] - shares["server"] - shares["load_generator"])


def machine() -> dict:
    def first(path: str, key: str) -> str:
        with contextlib.suppress(OSError):
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        return ""

    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return ""

    def git(*arguments: str) -> str:
        result = subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    return {
        "hostname": platform.node(),
        "platform": platform.platform(),
        "cpu": first("/proc/cpuinfo", "model name"),
        "cpus": os.cpu_count(),
        "memory": first("/proc/meminfo", "MemTotal"),
        "load_average": os.getloadavg(),
        "cpu_busy_before_start": round(cpu_busy_share(), 2),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "django": version("django"),
        "gunicorn": version("gunicorn"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain")),
    }


def write_report(var_dir: Path, report: dict) -> Path:
    out = var_dir / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    out.write_text(text, encoding="utf-8")
    # Keep each run too, so two runs (say SQLite and PostgreSQL) can be compared afterwards.
    stamp = report["finished_at"].replace(":", "").replace("-", "")[:15]
    (var_dir / "runs").mkdir(exist_ok=True)
    (var_dir / "runs" / f"{stamp}-{report['database']['vendor']}.json").write_text(text, "utf-8")
    return out


# --- Main -----------------------------------------------------------------------------------


def bench(arguments: argparse.Namespace) -> int:
    var_dir = Path(os.environ.get("VAR_DIR", ROOT / "var")).resolve() / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    pages = [page for page in PAGES if not arguments.page or page.name in arguments.page]
    env = bench_environment(var_dir, port)
    for page in pages:
        env.update(page.server_settings)
    database_url = env["DATABASE_URL"]
    vendor = "postgresql" if database_url.startswith(("postgres", "postgresql")) else "sqlite"
    print(f"Database: {shown_database_url(database_url)}", flush=True)
    # Taken before the bench adds its own load, so it shows whether something else was running.
    machine_info = machine()
    busy = machine_info["cpu_busy_before_start"]
    if busy > 0.2:
        print(
            f"Note: {busy:.0%} of the CPUs were busy before the bench started; "
            "figures will be noisier than usual.",
            flush=True,
        )

    timings = {} if arguments.skip_setup else set_up(env, arguments.members)
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    results: list[PageResult] = []
    with gunicorn(env, port, arguments.workers, var_dir / "gunicorn.log") as master_pid:
        sessions = load_logins(var_dir, port, {page.login for page in pages if page.login})
        memory_after_logins = worker_memory(master_pid)
        print(
            f"\n{arguments.concurrency} clients, {arguments.seconds:g} s per page after "
            f"{arguments.warmup:g} s of warm-up, {arguments.workers} gunicorn workers on "
            f"http://{HOST}:{port}\n",
            flush=True,
        )
        print(table_line([name for name, _, _ in COLUMNS]), flush=True)
        for page in pages:
            arguments.var_dir = var_dir
            load = prepare(page, port, sessions, arguments)
            peak_is_per_page = reset_peak_memory(master_pid)
            with cpu_use(master_pid) as cpu:
                samples, cpu["load_generator_seconds"] = run_load(load)
            memory = worker_memory(master_pid)
            result = summarize(page, samples, arguments.seconds, memory, peak_is_per_page, cpu)
            results.append(result)
            print(table_row(result), flush=True)
    report = {
        "started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            "seconds": arguments.seconds,
            "warmup": arguments.warmup,
            "concurrency": arguments.concurrency,
            "workers": arguments.workers,
            "members": arguments.members,
            "setup_seconds": {name: round(value, 2) for name, value in timings.items()},
        },
        "database": {"vendor": vendor, "url": shown_database_url(database_url)},
        "machine": machine_info,
        # The load generator runs on the same cores as the server; figures are for comparing
        # runs on one machine, not an absolute capacity.
        "note": "load generator and server share this machine's CPUs",
        # Each login checks an Argon2 hash (about 100 MiB), so this is the workers' startup
        # peak plus the bench's logins, before any page was measured.
        "worker_memory_after_logins_mib": {
            str(pid): {key: round(value, 1) for key, value in figures.items()}
            for pid, figures in memory_after_logins.items()
        },
        "pages": [asdict(result) for result in results],
    }
    out = write_report(var_dir, report)
    print(f"\nWrote {out}")
    busy = [f"{r.name} {r.cpu['other']:.0%}" for r in results if r.cpu.get("other", 0) > 0.15]
    if busy:
        database = " (the database server included)" if vendor == "postgresql" else ""
        print(f"Share of the CPUs used by other processes{database}: " + ", ".join(busy))
    problems = [r.name for r in results if r.errors or r.queries_min != r.queries_max]
    if problems:
        print("Look at: " + ", ".join(problems) + " (errors, or a query count that changes).")
    if any(result.errors for result in results):
        print(f"Errors were counted; the server's log is {var_dir / 'gunicorn.log'}.")
        return 1
    return 0


def main() -> int:
    arguments = parse_arguments()

    # `kill` (SIGTERM) should clean up like Ctrl-C: leave through the finally blocks.
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return bench(arguments)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    except BenchError as error:
        print(f"\nThe bench stopped: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
