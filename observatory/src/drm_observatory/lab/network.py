"""Build, use and tear down one censorship lab: four network namespaces joined by veth pairs.

    client ── censor ── net (resolver, sites) ── helper

`with Lab() as lab:` builds it (about a second), `lab.censor.apply(Policy(...))` switches the
censor's scenario, `lab.run(lab.client, ...)` runs a command where the probe runs, and leaving
the block removes every namespace, interface and process the lab made, also after an error.
Names carry the process id, so pytest-xdist workers each build their own lab; a lab left
behind by a process that died is removed by the next one.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from drm_observatory.lab import addresses as net
from drm_observatory.lab.censor import Censor
from drm_observatory.lab.commands import IP, NFT, TC, netns_exec
from drm_observatory.testing.ca import CertificateAuthority

PREFIX = "drmlab"
NETNS_ETC = Path("/etc/netns")
READY_TIMEOUT = 20.0
_counter = itertools.count(1)


class LabUnavailable(RuntimeError):
    """Namespaces cannot be made here (not root, no `ip`, or a kernel without netns)."""


def _ip(*args: str, stdin: str | None = None) -> None:
    result = subprocess.run(  # noqa: S603 - fixed program
        [IP, *args], input=stdin, text=True, capture_output=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"ip {' '.join(args)} failed: {result.stderr.strip()}")


def availability() -> tuple[bool, str]:
    """Whether a lab can be built here, and if not, why (for the tests' skip reason)."""
    if os.geteuid() != 0:
        return False, "the censorship lab needs root to create network namespaces"
    for tool, path in (("ip", IP), ("nft", NFT), ("tc", TC)):
        if shutil.which(path) is None:
            return False, f"the censorship lab needs `{tool}` (Debian: iproute2, nftables)"
    probe = f"{PREFIX}{os.getpid()}-check"
    try:
        _ip("netns", "add", probe)
        _ip("netns", "del", probe)
    except RuntimeError as error:
        return False, f"network namespaces cannot be created here: {error}"
    return True, ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _namespace_pids(name: str) -> list[int]:
    result = subprocess.run(  # noqa: S603
        [IP, "netns", "pids", name], capture_output=True, text=True, check=False
    )
    return [int(pid) for pid in result.stdout.split() if pid.isdigit()]


def _remove_namespace(name: str) -> None:
    """Stop what still runs in one of our namespaces, then delete it and its resolv.conf."""
    for pid in _namespace_pids(name):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    subprocess.run([IP, "netns", "del", name], capture_output=True, check=False)  # noqa: S603
    shutil.rmtree(NETNS_ETC / name, ignore_errors=True)


def remove_stale_labs() -> None:
    """Delete labs whose owning process is gone (a crashed or killed test run)."""
    result = subprocess.run([IP, "netns", "list"], capture_output=True, text=True, check=False)  # noqa: S603
    for line in result.stdout.splitlines():
        match = re.match(rf"({PREFIX}(\d+)-\S+)", line)
        if match and not _alive(int(match.group(2))):
            _remove_namespace(match.group(1))
    for workdir in Path(tempfile.gettempdir()).glob(f"{PREFIX}*-*"):
        match = re.match(rf"{PREFIX}(\d+)-", workdir.name)
        if match and workdir.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(workdir, ignore_errors=True)


def in_namespace[T](name: str, work: Callable[[], T]) -> T:
    """Run `work` on a thread that has entered network namespace `name`.

    Sockets keep the namespace they were made in, so tests and the lab itself can open
    connections inside a namespace without starting a process.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            with open(f"/var/run/netns/{name}") as handle:
                os.setns(handle.fileno(), os.CLONE_NEWNET)
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - handed back to the caller
            outcome["error"] = error

    thread = threading.Thread(target=target, name=f"netns-{name}")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


class Lab:
    """One lab; use as a context manager."""

    def __init__(self, *, helper: Callable[[Lab], Sequence[str]] | None = None) -> None:
        """`helper` gives the control helper's arguments (after the interpreter) for this lab."""
        serial = f"{PREFIX}{os.getpid()}-{next(_counter)}"
        self.client, self.censor_ns = f"{serial}-client", f"{serial}-censor"
        self.net, self.helper = f"{serial}-net", f"{serial}-helper"
        self.namespaces = [self.client, self.censor_ns, self.net, self.helper]
        self.helper_command = helper
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{serial}-"))
        self.processes: list[subprocess.Popen] = []
        self.ca_file: Path | None = None
        self.censor = Censor(self.censor_ns, self.workdir / "policy.json")

    # -- building -------------------------------------------------------------------------

    def __enter__(self) -> Lab:
        try:
            self.build()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def build(self) -> None:
        ok, reason = availability()
        if not ok:
            raise LabUnavailable(reason)
        remove_stale_labs()
        self._topology()
        pki = self.workdir / "pki"
        pki.mkdir()
        authority = CertificateAuthority("drmonitor lab CA")
        self.ca_file = authority.write(pki)
        cert, key = authority.issue([f"*.{net.ZONE}", net.ZONE], [net.RESOLVER]).write(pki)
        self.censor.clear()
        self.start(
            self.net,
            "servers",
            [
                "-m",
                "drm_observatory.lab.servers",
                str(cert),
                str(key),
            ],
            ready="servers ready",
        )
        self.start(
            self.censor_ns,
            "middlebox",
            ["-m", "drm_observatory.lab.middlebox", str(self.censor.policy_file)],
            ready="middlebox ready",
        )
        if self.helper_command:
            self.start(self.helper, "helper", list(self.helper_command(self)))
            self.wait_for_port(self.helper, net.HELPER, net.HELPER_PORT, "helper")

    def _topology(self) -> None:
        c, k, n, h = self.namespaces
        _ip(
            "-batch",
            "-",
            stdin="\n".join(
                [
                    *(f"netns add {ns}" for ns in self.namespaces),
                    f"link add {net.CLIENT_IF} netns {c} type veth"
                    f" peer name {net.CENSOR_CLIENT_IF} netns {k}",
                    f"link add {net.CENSOR_NET_IF} netns {k} type veth"
                    f" peer name {net.NET_CENSOR_IF} netns {n}",
                    f"link add {net.NET_HELPER_IF} netns {n} type veth"
                    f" peer name {net.HELPER_IF} netns {h}",
                ]
            )
            + "\n",
        )
        plan = {
            c: [
                f"addr add {net.CLIENT}/24 dev {net.CLIENT_IF}",
                f"link set {net.CLIENT_IF} up",
                f"route add {net.SUBNET} via {net.CENSOR_CLIENT_SIDE}",
            ],
            k: [
                f"addr add {net.CENSOR_CLIENT_SIDE}/24 dev {net.CENSOR_CLIENT_IF}",
                f"addr add {net.CENSOR_NET_SIDE}/24 dev {net.CENSOR_NET_IF}",
                f"link set {net.CENSOR_CLIENT_IF} up",
                f"link set {net.CENSOR_NET_IF} up",
                f"route add {net.SUBNET} via {net.NET_CENSOR_SIDE}",
            ],
            n: [
                f"addr add {net.NET_CENSOR_SIDE}/24 dev {net.NET_CENSOR_IF}",
                f"addr add {net.NET_HELPER_SIDE}/24 dev {net.NET_HELPER_IF}",
                f"link set {net.NET_CENSOR_IF} up",
                f"link set {net.NET_HELPER_IF} up",
                f"route add local {net.SERVICE_NET} dev lo",
                f"route add local {net.SITES_NET} dev lo",
                f"route add local {net.DOWN_NET} dev lo",
                f"route add 10.200.1.0/24 via {net.CENSOR_NET_SIDE}",
            ],
            h: [
                f"addr add {net.HELPER}/24 dev {net.HELPER_IF}",
                f"link set {net.HELPER_IF} up",
                f"route add {net.SUBNET} via {net.NET_HELPER_SIDE}",
            ],
        }
        for ns, commands in plan.items():
            _ip("-n", ns, "-batch", "-", stdin="\n".join(["link set lo up", *commands]) + "\n")
        for ns in (k, n):
            in_namespace(ns, lambda: Path("/proc/sys/net/ipv4/ip_forward").write_text("1"))
        for ns in (c, h):
            # `ip netns exec` bind-mounts this over /etc/resolv.conf: the system resolver of a
            # process in the namespace is the lab's resolver, with a short timeout.
            (NETNS_ETC / ns).mkdir(parents=True, exist_ok=True)
            (NETNS_ETC / ns / "resolv.conf").write_text(
                f"nameserver {net.RESOLVER}\noptions timeout:2 attempts:1\n"
            )

    def start(
        self, namespace: str, name: str, args: list[str], ready: str | None = None
    ) -> subprocess.Popen:
        """Start a Python process of ours in `namespace`; wait for its `ready` line."""
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(  # noqa: S603 - our interpreter, our modules
                [*netns_exec(namespace), sys.executable, *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.processes.append(process)
        if ready:
            deadline = time.monotonic() + READY_TIMEOUT
            while ready not in log.read_text(errors="replace"):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"lab {name} did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.05)
        return process

    def wait_for_port(self, namespace: str, address: str, port: int, name: str) -> None:
        """Wait until something listens at address:port; name the process in the error."""
        deadline = time.monotonic() + READY_TIMEOUT

        def attempt() -> bool:
            with contextlib.suppress(OSError):
                socket.create_connection((address, port), timeout=0.5).close()
                return True
            return False

        while not in_namespace(namespace, attempt):
            if time.monotonic() > deadline:
                log = (self.workdir / f"{name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"lab {name} does not listen on {address}:{port}:\n{log}")
            time.sleep(0.1)

    # -- using ----------------------------------------------------------------------------

    def run(
        self, namespace: str, *command: str, timeout: float = 120, check: bool = False
    ) -> subprocess.CompletedProcess:
        """Run a command inside one of the lab's namespaces and capture its output."""
        return subprocess.run(  # noqa: S603 - callers pass fixed programs
            [*netns_exec(namespace), *command],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=check,
        )

    # -- tearing down ---------------------------------------------------------------------

    def close(self) -> None:
        """Remove everything the lab made; safe to call twice and after a half-built lab."""
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        for ns in self.namespaces:
            _remove_namespace(ns)
        shutil.rmtree(self.workdir, ignore_errors=True)
