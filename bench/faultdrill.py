"""`make faultdrill`: the site under load while things break, and nothing lost.

A throwaway PostgreSQL cluster of its own (initdb on a free port, never the
developer's server), the demo, `make serve` with its task worker and an SMTP sink
that takes 0.7 s per message. wrk reads the site the whole time while two scripted
columnists and two editors work over HTTP (save, autosave, submit, publish,
unpublish). Meanwhile, in turn:

1. steady reads and writes;
2. PostgreSQL killed with SIGKILL for 15 s, then restarted;
3. the task worker killed with SIGKILL mid-send three times (bin/keep-running restarts it);
4. a gunicorn worker killed with SIGKILL mid-request;
5. the media folder full (a 64 KB tmpfs), then read-only.

Then it checks every acknowledged save against the database, every notification
against what the mail server received, and prints one table. It exits non-zero on a
lost or garbled save, a stranded, lost or duplicated notification, any 500, or a
recovery slower than 10 s. Knobs: FAULTDRILL_STEADY_SECONDS (15), FAULTDRILL_OUTAGE_SECONDS (15).
"""

import base64
import contextlib
import hashlib
import hmac
import html.parser
import http.client
import http.cookies
import io
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.smtp_sink import SMTPSink  # noqa: E402

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
STEADY_SECONDS = float(os.environ.get("FAULTDRILL_STEADY_SECONDS", "15"))
OUTAGE_SECONDS = float(os.environ.get("FAULTDRILL_OUTAGE_SECONDS", "15"))
RECOVERY_LIMIT = 10.0
PASSWORD = "opinion-demo"
# The demo's editors sign in with a second step: a code from this shared authenticator key.
TOTP_SECRET = "NEWSROOMDEMOKEYS"
COLUMNISTS = ["amara", "tomas"]
EDITORS = ["editor", "editor2"]
WRK_CONNECTIONS = 16
READ_PATHS = ["/", "/topics/", "/authors/", "/feed/", "/search/?q=city"]


def totp(secret, at=None):
    """The six-digit authenticator code for a base32 key (RFC 6238, 30-second steps)."""
    key = base64.b32decode(secret)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def log(message):
    print(f"[faultdrill {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return True
        time.sleep(0.2)
    return False


# --- processes: the cluster and `make serve` --------------------------------------------


class Cluster:
    """A PostgreSQL cluster in a temporary folder, run as ``postgres`` when we are root."""

    def __init__(self, root):
        self.dir = root / "pgdata"
        self.port = free_port()
        self.process = None
        self.as_user = {}
        if os.geteuid() == 0:
            self.as_user = {"user": "postgres", "group": "postgres", "extra_groups": []}
            shutil.chown(root, "postgres", "postgres")
        self.log = (root / "postgres.log").open("ab")

    def init(self):
        subprocess.run(
            [PG_BIN / "initdb", "-D", self.dir, "-U", "postgres", "-A", "trust", "--no-sync"],
            check=True,
            stdout=subprocess.DEVNULL,
            **self.as_user,
        )

    def start(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.process = subprocess.Popen(
                [
                    PG_BIN / "postgres",
                    "-D",
                    self.dir,
                    "-p",
                    str(self.port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    f"unix_socket_directories={self.dir}",
                    "-c",
                    "max_connections=200",
                ],
                stdout=self.log,
                stderr=subprocess.STDOUT,
                **self.as_user,
            )
            if wait_for_port(self.port, 10) and self.process.poll() is None:
                return
            # The killed server's backends may still hold its shared memory for a moment.
            self.process.wait()
            time.sleep(0.5)
        raise RuntimeError("PostgreSQL did not start; see postgres.log")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def psql(self, sql, database="drill"):
        result = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-XAtq",
                "-F",
                "\x1f",
                "-0",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        # Bodies hold newlines: records end with a NUL byte, fields with a unit separator.
        return [record.split("\x1f") for record in result.stdout.split("\0") if record]


def session_processes(session):
    """(pid, parent pid, command line) of every process in the session we started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append((int(entry.name), int(fields[1]), [c.decode() for c in cmdline if c]))
    return found


class Serve:
    """`make serve` in its own session, so every process it starts can be found and stopped."""

    def __init__(self, env, root):
        self.env = env
        self.log = (root / "serve.log").open("ab")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=REPO,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if not wait_for_port(int(self.env["PORT"]), 120):
            raise RuntimeError("make serve did not start; see serve.log")

    def processes(self):
        return session_processes(self.process.pid)

    def task_worker(self):
        """The process sending email: the child of ``db_worker --supervise``."""
        workers = {
            pid: ppid
            for pid, ppid, cmd in self.processes()
            if "python" in Path(cmd[0]).name and cmd[1:3] == ["manage.py", "db_worker"]
        }
        children = [pid for pid, ppid in workers.items() if ppid in workers]
        return (children or list(workers) or [None])[0]

    def gunicorn_workers(self):
        gunicorns = {
            pid: ppid
            for pid, ppid, cmd in self.processes()
            if any("gunicorn" in c for c in cmd[:2])
        }
        return [pid for pid, ppid in gunicorns.items() if ppid in gunicorns]

    def stop(self):
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        for pid, _, _ in session_processes(self.process.pid) if self.process else []:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --- a small browser: cookies, forms, no redirects followed ------------------------------


class FormFields(html.parser.HTMLParser):
    """What a browser would send for the form with ``form_id`` (buttons left out)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None
        self.select_options = []
        self.attrs_seen = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("data-") and value:
                self.attrs_seen.setdefault(name, value)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if tag == "option" and self.select and self.inside:
            self.select_options.append((attrs.get("value", ""), "selected" in attrs))
        if not self.inside or "disabled" in attrs or not attrs.get("name"):
            return
        name = attrs["name"]
        kind = attrs.get("type", "text").lower()
        if tag == "input" and kind not in ("submit", "button", "image", "file", "reset"):
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea = [name, ""]
        elif tag == "select":
            self.select, self.select_options = (name, "multiple" in attrs), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self.textarea = None
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.select_options if selected]
            if not chosen and not multiple and self.select_options:
                chosen = [self.select_options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self.select = None


def parse_form(page, form_id="article_form"):
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.fields, parser.attrs_seen


class Browser:
    def __init__(self, port, statuses):
        self.port, self.cookies, self.statuses = port, {}, statuses

    def request(self, method, path, fields=None, headers=None, files=None, timeout=30):
        headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files:
            boundary = uuid.uuid4().hex
            body = multipart(fields or [], files, boundary)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif fields is not None:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException):
            self.statuses["connection error"] += 1
            return 0, {}, ""
        finally:
            conn.close()
        self.statuses[response.status] += 1
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def login(self, username):
        for _ in range(60):
            status, _, page = self.request("GET", "/admin/login/")
            if status == 200:
                fields, _ = parse_form(page, "login-form")
                fields = [(k, v) for k, v in fields if k not in ("username", "password")]
                status, headers, _ = self.request(
                    "POST",
                    "/admin/login/?next=/admin/",
                    [*fields, ("username", username), ("password", PASSWORD)],
                )
                if status == 302 and "second-step" in headers.get("Location", ""):
                    status = self.second_step(headers["Location"])
                if status == 302:
                    return
            time.sleep(1)
        raise RuntimeError(f"{username} could not sign in")

    def second_step(self, location):
        """Editors' second sign-in step: the code the demo's authenticator key gives now."""
        parts = urlsplit(location)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        status, _, page = self.request("GET", path)
        if status != 200:
            return status
        fields, _ = parse_form(page, "second-step-form")
        fields = [(k, v) for k, v in fields if k != "code"]
        for _attempt in range(3):
            status, _, _ = self.request("POST", path, [*fields, ("code", totp(TOTP_SECRET))])
            if status == 302:
                return status
            time.sleep(30 - time.time() % 30 + 0.5)  # that code was used: the next one
        return status


def multipart(fields, files, boundary):
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(f"{value}\r\n".encode())
    for name, (filename, data, content_type) in files.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue()


# --- the newsroom at work ---------------------------------------------------------------


class Ledger:
    """Every save the site acknowledged, and every one attempted, by article."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = []  # (article id, kind, user, body)
        self.attempted_autosaves = defaultdict(list)  # (article id, user) -> bodies
        self.last_autosave = {}  # (article id, user) -> body of the last acknowledged one
        self.actions = Counter()

    def ack(self, article, kind, user, body):
        with self.lock:
            self.acknowledged.append((article, kind, user, body))
            self.actions[kind] += 1
            if kind == "autosave":
                self.last_autosave[(article, user)] = body
            else:
                self.last_autosave.pop((article, user), None)


CHANGE_URL = re.compile(r"/admin/articles/article/(\d+)/change/")


class Columnist(threading.Thread):
    def __init__(self, name, port, ledger, submitted, stop, statuses):
        super().__init__(daemon=True)
        self.name_, self.ledger, self.submitted, self.stop = name, ledger, submitted, stop
        self.browser = Browser(port, statuses)
        self.count = 0

    def body(self):
        self.count += 1
        return f"<p>{self.name_} drill text {self.count} {secrets.token_hex(6)}</p>"

    def run(self):
        self.browser.login(self.name_)
        while not self.stop.is_set():
            article = self.create()
            if article is None:
                time.sleep(1)
                continue
            for _ in range(random.randint(2, 4)):
                if self.stop.is_set():
                    return
                self.edit(article, random.choice(["save", "save", "autosave"]))
                time.sleep(random.uniform(0.3, 0.8))
            self.edit(article, "submit")

    def create(self):
        status, _, page = self.browser.request("GET", "/admin/articles/article/add/")
        if status != 200:
            return None
        fields, _ = parse_form(page)
        body = self.body()
        fields = replace(fields, title=f"Drill {self.name_} {self.count}", body=body)
        fields = replace(fields, standfirst="Written during a fault drill.")
        status, headers, _ = self.browser.request(
            "POST", "/admin/articles/article/add/", [*fields, ("_continue", "Save")]
        )
        match = CHANGE_URL.search(headers.get("Location", "")) if status == 302 else None
        if match:
            self.ledger.ack(int(match[1]), "save", self.name_, body)
            return int(match[1])
        return None

    def edit(self, article, kind):
        url = f"/admin/articles/article/{article}/change/"
        status, _, page = self.browser.request("GET", url)
        if status != 200:
            time.sleep(1)
            return
        fields, data = parse_form(page)
        body = self.body()
        fields = replace(fields, body=body)
        if kind == "autosave":
            self.ledger.attempted_autosaves[(article, self.name_)].append(body)
            status, _, _ = self.browser.request(
                "POST",
                data.get("data-autosave-url", f"/admin/articles/article/{article}/autosave/"),
                fields,
                headers={"X-Requested-With": "fetch"},
            )
            if status == 200:
                self.ledger.ack(article, "autosave", self.name_, body)
            return
        extra = [("_transition", "submit")] if kind == "submit" else [("_continue", "Save")]
        status, _, _ = self.browser.request("POST", url, fields + extra)
        if status == 302:
            self.ledger.ack(article, kind, self.name_, body)
            if kind == "submit":
                self.submitted.append(article)


class Editor(threading.Thread):
    def __init__(self, name, port, ledger, submitted, stop, statuses):
        super().__init__(daemon=True)
        self.name_, self.ledger, self.submitted, self.stop = name, ledger, submitted, stop
        self.browser = Browser(port, statuses)
        self.published = []

    def run(self):
        self.browser.login(self.name_)
        while not self.stop.is_set():
            try:
                article = self.submitted.pop(0)
            except IndexError:
                article = None
            if article is not None:
                if self.transition(article, "publish"):
                    self.published.append(article)
            elif len(self.published) > 2:
                self.transition(self.published.pop(0), "unpublish", "Drill: taken down again.")
            time.sleep(random.uniform(0.5, 1.0))

    def transition(self, article, name, note=""):
        url = f"/admin/articles/article/{article}/change/"
        status, _, page = self.browser.request("GET", url)
        if status != 200:
            return False
        fields, _ = parse_form(page)
        # The page's own _transition_version says which version the editor saw; keep it.
        fields = [(k, v) for k, v in fields if k not in ("_transition", "_transition_note")]
        extra = [("_transition", name)] + ([("_transition_note", note)] if note else [])
        status, _, _ = self.browser.request("POST", url, fields + extra)
        if status == 302:
            self.ledger.actions[name] += 1
            return True
        return False


def replace(fields, **values):
    out = [(k, v) for k, v in fields if k not in values]
    return out + list(values.items())


# --- load: wrk with a status count ------------------------------------------------------

WRK_SCRIPT = """
local paths = {%s}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do io.write(string.format("STATUS %%d %%d\\n", status, count)) end
  io.write(string.format("P99 %%d\\n", latency:percentile(99)))
  io.write(string.format("REQUESTS %%d\\n", summary.requests))
  io.write(string.format("ERRORS %%d %%d %%d %%d\\n", summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
"""


def start_wrk(port, seconds, root):
    script = root / "drill.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{path}"' for path in READ_PATHS))
    return subprocess.Popen(
        [
            "wrk",
            "-t2",
            f"-c{WRK_CONNECTIONS}",
            f"-d{int(seconds)}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def parse_wrk(output):
    statuses = Counter()
    result = {"statuses": statuses, "p99_ms": None, "requests": 0, "errors": 0, "rps": None}
    for line in output.splitlines():
        parts = line.split()
        if line.startswith("STATUS "):
            statuses[int(parts[1])] += int(parts[2])
        elif line.startswith("P99 "):
            result["p99_ms"] = int(parts[1]) / 1000
        elif line.startswith("REQUESTS "):
            result["requests"] = int(parts[1])
        elif line.startswith("ERRORS "):
            result["errors"] = sum(int(p) for p in parts[1:])
        elif line.startswith("Requests/sec:"):
            result["rps"] = float(parts[1])
    return result


# --- the drills -------------------------------------------------------------------------


def seconds_until(condition, timeout=60.0, step=0.2):
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(step)
    return None


def site_answers(port):
    """The database-backed part of the site works again: /healthz and the login page."""
    probe = Browser(port, Counter())
    return (
        probe.request("GET", "/healthz", timeout=5)[0] == 200
        and probe.request("GET", "/admin/login/", timeout=5)[0] == 200
    )


def drill_database(cluster, port, results):
    log(f"drill 2: PostgreSQL killed (SIGKILL) for {OUTAGE_SECONDS:.0f} s")
    cluster.kill()
    probe = Browser(port, Counter())
    started = time.monotonic()
    slowest = 0.0
    while time.monotonic() - started < OUTAGE_SECONDS:
        before = time.monotonic()
        probe.request("GET", f"/?drill={random.random()}", timeout=15)
        slowest = max(slowest, time.monotonic() - before)
        time.sleep(0.5)
    cluster.start()
    recovered = seconds_until(lambda: site_answers(port), timeout=60)
    results["database"] = {"recovery": recovered, "slowest_503": slowest}
    log(f"drill 2: back after {recovered} s; slowest answer while down {slowest:.2f} s")


def drill_task_worker(serve, sink, results, kills=3):
    """Recovery: from the kill until the restarted worker sends again; and until the email
    it was sending goes out again (same Message-ID)."""
    recoveries, resends = [], []
    for number in range(1, kills + 1):
        log(f"drill 3: waiting for an email in flight to kill the task worker ({number}/{kills})")
        sink.receiving.clear()
        if not sink.receiving.wait(60):
            recoveries.append(None)
            resends.append(None)
            continue
        time.sleep(0.2)  # the message is in; the sink is taking its 0.7 s before "250"
        with sink.lock:
            message_id = sink.messages[-1]["Message-ID"] if sink.messages else None
            received = len(sink.messages)
        pid = serve.task_worker()
        if pid is None:
            recoveries.append(None)
            resends.append(None)
            continue
        os.kill(pid, signal.SIGKILL)
        killed = time.monotonic()

        def sending_again(received=received):
            with sink.lock:
                return len(sink.messages) > received

        def resent(message_id=message_id):
            with sink.lock:
                return sum(m["Message-ID"] == message_id for m in sink.messages) >= 2

        back = seconds_until(sending_again, timeout=60, step=0.05)
        took = seconds_until(resent, timeout=60, step=0.05)
        took = None if took is None else time.monotonic() - killed
        recoveries.append(back)
        resends.append(took)
        log(f"drill 3: worker {pid} killed; sending again after {back} s, its email after {took} s")
        time.sleep(max(0.0, 6 - (time.monotonic() - killed)))
    results["task_worker"] = {"recoveries": recoveries, "resends": resends}


def drill_gunicorn(serve, port, results):
    workers = serve.gunicorn_workers()
    if not workers:
        results["gunicorn"] = {"recovery": None}
        return
    victim = random.choice(workers)
    log(f"drill 4: gunicorn worker {victim} killed (SIGKILL) mid-request")
    os.kill(victim, signal.SIGKILL)
    took = seconds_until(
        lambda: len(serve.gunicorn_workers()) >= len(workers) and site_answers(port), 30
    )
    results["gunicorn"] = {"recovery": took}
    log(f"drill 4: back to {len(workers)} workers after {took} s")


def noisy_png(size=420):
    from PIL import Image

    picture = Image.frombytes("RGB", (size, size), os.urandom(size * size * 3))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def files_under(root):
    return {
        (str(path.relative_to(root)), path.stat().st_size)
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def drill_media(media_root, port, results):
    """Uploads on a full and a read-only media folder: a JSON error, no partial file."""
    # Its own count: the upload's answer is judged here, not as a reader's or writer's 500.
    browser = Browser(port, Counter())
    browser.login(COLUMNISTS[0])
    _, _, page = browser.request("GET", "/admin/articles/article/add/")
    csrf = dict(parse_form(page)[0]).get("csrfmiddlewaretoken", "")
    picture = noisy_png()
    outcomes = {}
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(media_root)], capture_output=True
    )
    if mounted.returncode:
        results["media"] = {"skipped": mounted.stderr.decode().strip() or "cannot mount"}
        return
    try:
        for case in ("full", "read-only"):
            if case == "read-only":
                subprocess.run(["mount", "-o", "remount,ro", str(media_root)], check=True)
            log(f"drill 5: upload of a {len(picture) // 1024} KB picture to a {case} media folder")
            before = files_under(media_root)
            status, headers, text = browser.request(
                "POST",
                "/admin/images/image/inline-upload/",
                [("csrfmiddlewaretoken", csrf), ("alt_text", "Drill"), ("credit", "Drill")],
                headers={"X-Requested-With": "fetch", "X-CSRFToken": csrf},
                files={"file": ("drill.png", picture, "image/png")},
            )
            is_json = headers.get("Content-Type", "").startswith("application/json")
            leftovers = files_under(media_root) - before
            outcomes[case] = {
                "status": status,
                "json": is_json,
                "leftovers": sorted(leftovers),
                "ok": is_json and status != 500 and 400 <= status < 600 and not leftovers,
                "message": (json.loads(text).get("message") or json.loads(text).get("error"))
                if is_json
                else text[:80],
            }
            log(f"drill 5: {case}: {outcomes[case]}")
    finally:
        subprocess.run(["umount", "-l", str(media_root)], check=False)
    results["media"] = outcomes


# --- the report -------------------------------------------------------------------------


def check_saves(cluster, ledger):
    rows = cluster.psql(
        "SELECT article_id, created_by_id, kind, content->>'body' FROM articles_revision "
        "WHERE article_id IS NOT NULL"
    )
    users = {name: pk for pk, name in cluster.psql("SELECT id, username FROM auth_user")}
    bodies = defaultdict(set)
    autosaves = {}
    for article, author, kind, body in rows:
        if kind == "autosave":
            autosaves[(int(article), author)] = body
        else:
            bodies[int(article)].add(body)
    acknowledged = found = garbled = 0
    problems = []
    for article, kind, _user, body in ledger.acknowledged:
        if kind == "autosave":
            continue
        acknowledged += 1
        if body in bodies[article]:
            found += 1
        else:
            problems.append(f"article {article}: {kind} of {body!r} not found")
    for (article, user), body in ledger.last_autosave.items():
        acknowledged += 1
        stored = autosaves.get((article, users.get(user)))
        attempted = ledger.attempted_autosaves[(article, user)]
        later = attempted[attempted.index(body) :] if body in attempted else [body]
        if stored in later:
            found += 1
        elif stored is not None and stored not in attempted:
            garbled += 1
            problems.append(f"article {article}: autosave garbled: {stored!r}")
        else:
            problems.append(f"article {article}: autosave {body!r} not found")
    # Acknowledged autosaves that a later save superseded count as found.
    superseded = sum(1 for a in ledger.acknowledged if a[1] == "autosave") - len(
        ledger.last_autosave
    )
    return {
        "acknowledged": acknowledged + superseded,
        "found": found + superseded,
        "garbled": garbled,
        "problems": problems,
    }


NOTIFICATION_IN_ID = re.compile(r"<notification-(\d+)\.")


def check_notifications(cluster, sink):
    emailable = ("sent", "queued", "sending", "retrying", "failed")
    rows = cluster.psql("SELECT id, email FROM notifications_notification")
    expected = {int(pk) for pk, email in rows if email in emailable}
    not_sent = {int(pk) for pk, email in rows if email in emailable and email != "sent"}
    by_notification = defaultdict(set)
    messages = 0
    for message_id in sink.message_ids():
        messages += 1
        match = NOTIFICATION_IN_ID.search(message_id or "")
        if match:
            by_notification[int(match[1])].add(message_id)
    delivered = expected & set(by_notification)
    return {
        "expected": len(expected),
        "delivered": len(delivered),
        "duplicated": sum(1 for ids in by_notification.values() if len(ids) > 1),
        "resent_same_id": messages - sum(len(ids) for ids in by_notification.values()),
        "stranded": len(not_sent),
        "lost": len(expected - delivered),
    }


def fmt_seconds(value):
    return "n/a" if value is None else f"{value:.1f} s"


def report(results):
    wrk, saves, notes = results["wrk"], results["saves"], results["notifications"]
    actor_statuses = results["actor_statuses"]
    failures = []
    if saves["found"] < saves["acknowledged"] or saves["garbled"]:
        failures.append("lost or garbled saves")
    if notes["lost"] or notes["stranded"] or notes["duplicated"]:
        failures.append("stranded, lost or duplicated notifications")
    # The drill proves nothing about publishing if the editors never got to publish.
    missing = [
        name for name in ("save", "autosave", "submit", "publish") if not results["actions"][name]
    ]
    if missing:
        failures.append(f"the newsroom never acknowledged: {', '.join(missing)}")
    five_hundreds = wrk["statuses"].get(500, 0) + actor_statuses.get(500, 0)
    if five_hundreds:
        failures.append(f"{five_hundreds} responses with status 500")
    recoveries = [
        ("PostgreSQL killed 15 s, restarted", results["database"]["recovery"]),
        *[
            (f"task worker killed mid-send #{n}", took)
            for n, took in enumerate(results["task_worker"]["recoveries"], 1)
        ],
        ("gunicorn worker killed mid-request", results["gunicorn"]["recovery"]),
    ]
    resends = [
        (f"task worker kill #{n}: its email sent again", took)
        for n, took in enumerate(results["task_worker"]["resends"], 1)
    ]
    failures += [f"{name}: never" for name, took in resends if took is None]
    for name, took in recoveries:
        if took is None or took > RECOVERY_LIMIT:
            failures.append(f"{name}: recovery {fmt_seconds(took)}")
    media = results["media"]
    if "skipped" in media:
        media_cell = f"skipped ({media['skipped']})"
    else:
        media_cell = "; ".join(
            f"{case}: {o['status']} {'JSON' if o['json'] else 'not JSON'}"
            f"{', partial file left' if o['leftovers'] else ', nothing left'}"
            for case, o in media.items()
        )
        if not all(o["ok"] for o in media.values()):
            failures.append("media drill: an upload did not answer a clean JSON error")
    statuses = ", ".join(f"{code}: {count}" for code, count in sorted(wrk["statuses"].items()))
    actors = ", ".join(
        f"{code}: {count}" for code, count in sorted(actor_statuses.items(), key=str)
    )
    actions = ", ".join(f"{name} {count}" for name, count in sorted(results["actions"].items()))
    rows = [
        ("load held (wrk, 16 connections)", f"{wrk['rps'] or 0:.0f} requests/s over the run"),
        ("reader requests by status", f"{statuses}; socket errors {wrk['errors']}"),
        ("reader p99", f"{wrk['p99_ms'] or 0:.0f} ms"),
        ("newsroom requests by status", actors),
        ("newsroom actions acknowledged", actions),
        ("saves acknowledged / found", f"{saves['acknowledged']} / {saves['found']}"),
        ("saves garbled", str(saves["garbled"])),
        ("notifications expected / delivered", f"{notes['expected']} / {notes['delivered']}"),
        ("notifications duplicated", str(notes["duplicated"])),
        ("  resent with the same Message-ID", str(notes["resent_same_id"])),
        ("notifications stranded / lost", f"{notes['stranded']} / {notes['lost']}"),
        *[(f"recovery: {name}", fmt_seconds(took)) for name, took in recoveries],
        *[(name, fmt_seconds(took)) for name, took in resends],
        (
            "slowest answer while PostgreSQL was down",
            fmt_seconds(results["database"]["slowest_503"]),
        ),
        ("media full / read-only", media_cell),
        ("result", "PASS" if not failures else "FAIL: " + "; ".join(failures)),
    ]
    width = max(len(name) for name, _ in rows)
    print()
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    for problem in saves["problems"][:20]:
        print(f"  save problem: {problem}")
    return not failures


def main():
    if not shutil.which("wrk"):
        sys.exit("faultdrill needs wrk (apt-get install wrk)")
    root = Path(tempfile.mkdtemp(prefix="faultdrill-"))
    os.chmod(root, 0o755)
    cluster = Cluster(root)
    media_root = root / "media"
    media_root.mkdir()
    sink = SMTPSink(delay=0.7).start()
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/drill",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(root / "static"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "5",
        "WEB_CONCURRENCY": os.environ.get("FAULTDRILL_WEB_CONCURRENCY", "3"),
        "TASK_WORKERS": "1",
        # Short leases so a drill of a few minutes sees the sweep at work.
        "NOTIFICATION_SEND_LEASE_SECONDS": "10",
        "TASK_LEASE_SECONDS": "15",
        "WORKER_SWEEP_SECONDS": "2",
        "NOTIFICATION_STRANDED_SECONDS": "5",
        "AUTOSAVE_RATE_PER_MINUTE": "600",
        "LOGIN_FAILURE_LIMIT": "100",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    serve = Serve(env, root)
    results = {"actor_statuses": Counter()}
    ok = False
    try:
        log(f"PostgreSQL cluster in {root} on port {cluster.port}")
        cluster.init()
        cluster.start()
        cluster.psql("CREATE DATABASE drill", database="postgres")
        python = str(REPO / ".venv" / "bin" / "python")
        for command in (["migrate", "--no-input", "-v0"], ["load_demo", "--force"]):
            subprocess.run(
                [python, "manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True
            )
        log(f"make serve on port {port} (log: {root / 'serve.log'})")
        serve.start()

        ledger, submitted, stop = Ledger(), [], threading.Event()
        actors = [
            Columnist(name, port, ledger, submitted, stop, results["actor_statuses"])
            for name in COLUMNISTS
        ] + [
            Editor(name, port, ledger, submitted, stop, results["actor_statuses"])
            for name in EDITORS
        ]
        planned = STEADY_SECONDS + OUTAGE_SECONDS + 120
        wrk = start_wrk(port, planned, root)
        for actor in actors:
            actor.start()
        log(f"drill 1: steady reads and newsroom work for {STEADY_SECONDS:.0f} s")
        time.sleep(STEADY_SECONDS)
        drill_database(cluster, port, results)
        time.sleep(3)
        drill_task_worker(serve, sink, results)
        drill_gunicorn(serve, port, results)
        drill_media(media_root, port, results)
        log("stopping the load; waiting for every email to go out")
        stop.set()
        for actor in actors:
            actor.join(40)
        wrk.send_signal(signal.SIGINT)
        output = wrk.communicate(timeout=30)[0]
        results["wrk"] = parse_wrk(output)
        results["actions"] = ledger.actions

        def pending():
            rows = cluster.psql(
                "SELECT count(*) FROM notifications_notification "
                "WHERE email IN ('queued', 'sending', 'retrying')"
            )
            return int(rows[0][0]) if rows else 0

        # The sink takes 0.7 s a message, so a busy run ends with a backlog that needs
        # time, not a fixed minute: wait while it shrinks, and call stranded only what
        # stops moving for 60 s (or is still there after 10 minutes).
        deadline, left, moved_at = time.monotonic() + 600, pending(), time.monotonic()
        while left and time.monotonic() < deadline and time.monotonic() - moved_at < 60:
            time.sleep(1)
            now_left = pending()
            if now_left < left:
                moved_at = time.monotonic()
            left = now_left
        results["saves"] = check_saves(cluster, ledger)
        results["notifications"] = check_notifications(cluster, sink)
        ok = report(results)
    finally:
        serve.stop()
        cluster.stop()
        sink.stop()
        if ok and not os.environ.get("FAULTDRILL_KEEP"):
            shutil.rmtree(root, ignore_errors=True)
        else:
            log(f"logs kept in {root}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
