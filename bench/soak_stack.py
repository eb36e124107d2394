"""The production stack of bench/soak.py, every part private to the run and each one stoppable.

A PostgreSQL cluster of its own (initdb into the run's directory, run as the postgres user), a
redis-server of its own (no persistence: a restart loses everything, as a cache may), gunicorn
with the project's worker settings, nginx configured by `drmonitor manage nginx_config` with an
access log of every request (time, status, upstream status), and `drmonitor worker`. Nothing
here touches the machine's shared PostgreSQL or Redis.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from run import PURGE_MODULE, nginx_conf, server_block

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=Path("/usr/bin"))


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen within {seconds} s")
        time.sleep(0.05)


class Postgres:
    """A cluster in `directory`, owned and run by the postgres user, on `port`."""

    def __init__(self, directory: Path, port: int) -> None:
        self.data, self.port = directory / "pg", port
        self.log = directory / "postgres.log"
        self.url = f"postgresql://postgres@127.0.0.1:{port}/drmonitor"

    def _as_postgres(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            check=check,
            capture_output=True,
            text=True,
            cwd="/",
        )

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), action, "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", *extra,
        )  # fmt: skip

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(parents=True, exist_ok=True)
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(self.data.parent, "postgres", "postgres")
            self._as_postgres(
                str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
            )  # fmt: skip
        self._ctl("start")
        made = self._as_postgres(
            str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "drmonitor",
            check=False,
        )  # fmt: skip
        if made.returncode and "already exists" not in made.stderr:
            raise RuntimeError(made.stderr)

    def ready(self) -> bool:
        return (
            self._as_postgres(
                str(PG_BIN / "pg_isready"),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                check=False,
            ).returncode  # fmt: skip
            == 0
        )

    def restart(self) -> None:
        """A fast restart (open connections are cut), back when it accepts connections."""
        self._ctl("restart", "-m", "fast")
        wait_until(self.ready, 60, "PostgreSQL accepting connections")

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")


class Service:
    """A long-running program of the stack, started in the background, its output in `log`."""

    log: Path
    process: subprocess.Popen | None = None

    def _spawn(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=self.log.open("a"), stderr=subprocess.STDOUT
        )

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait()
            self.process = None


class Redis(Service):
    """A redis-server on `port` that keeps nothing on disk."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory, self.port = directory, port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.log = directory / "redis.log"

    def start(self) -> None:
        self._spawn(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.directory), "--maxmemory", "512mb"]
            + ["--maxmemory-policy", "allkeys-lru"]
        )
        wait_until(lambda: listening(self.port), 30, "Redis listening")


class Gunicorn(Service):
    """The site under gunicorn with drmonitor/gunicorn_conf.py, as `drmonitor run` starts it."""

    def __init__(self, directory: Path, port: int, env: dict[str, str]) -> None:
        self.port, self.env = port, env
        self.log = directory / "gunicorn.log"
        self.workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))

    def start(self) -> None:
        self._spawn(
            [PYTHON, "-m", "gunicorn", "drmonitor.wsgi:application"]
            + ["--config", "python:drmonitor.gunicorn_conf", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(self.workers), "--log-level", "warning"],
            self.env,
        )
        wait_until(lambda: len(self.worker_pids()) == self.workers, 60, "gunicorn's workers")
        wait_until(lambda: answers(self.port, "/"), 300, "gunicorn answering")

    def worker_pids(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]

    def kill_worker(self) -> int:
        """SIGKILL one worker (the master forks another); returns its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid


class Worker(Service):
    """`drmonitor worker`: scheduled publishing and the other background jobs."""

    def __init__(self, directory: Path, env: dict[str, str]) -> None:
        self.env, self.log = env, directory / "worker.log"

    def start(self) -> None:
        self._spawn([PYTHON, "-m", "drmonitor.cli", "worker"], self.env)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None


class Nginx:
    """nginx as production runs it (`drmonitor manage nginx_config`), logging every request."""

    def __init__(self, directory: Path, port: int, upstream: int, env: dict[str, str]) -> None:
        self.workdir = directory / "nginx"
        self.port, self.upstream, self.env = port, upstream, env
        self.access_log = self.workdir / "access.log"
        self.binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.config = self.workdir / "nginx.conf"

    def start(self) -> None:
        if not PURGE_MODULE.exists():
            raise RuntimeError(f"{PURGE_MODULE} is missing (libnginx-mod-http-cache-purge)")
        shutil.rmtree(self.workdir, ignore_errors=True)
        self.workdir.mkdir(parents=True)
        self.workdir.chmod(0o777)  # nginx's workers write the cache as an unprivileged user
        block = server_block(self.env, self.port, self.upstream, self.workdir / "cache")
        config = nginx_conf(
            self.workdir,
            f"""  # Every request: when it ended, its status, gunicorn's status ("-" for a hit).
  log_format drm_soak '$msec $status $upstream_status';
  access_log {self.access_log} drm_soak buffer=256k flush=1s;
{block}""",
        )
        config.write_text(f"load_module {PURGE_MODULE};\n" + config.read_text())
        subprocess.run(
            [self.binary, "-e", str(self.workdir / "error.log"), "-c", str(config)], check=True
        )
        wait_until(lambda: answers(self.port, "/"), 60, "nginx answering")

    def stop(self) -> None:
        if (self.workdir / "nginx.pid").exists():
            subprocess.run([self.binary, "-c", str(self.config), "-s", "stop"], check=False)


def status(port: int, path: str) -> int | None:
    """The status of a GET of `path`, or None when nothing answered."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None


def answers(port: int, path: str) -> bool:
    """Whether a GET of `path` gets a response below 500."""
    return (status(port, path) or 500) < 500
