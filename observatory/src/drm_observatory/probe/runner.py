"""A measurement run: inputs in, JSON lines and spool files out, interruptible and resumable.

The output file only ever gains whole lines (one write per measurement, then fsync), and a run
state file next to it (`OUTPUT.state.json`) remembers the run's report_id and inputs, so
`--resume` measures only what the interrupted run had not finished.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from drm_observatory.probe.measure import ProbeConfig, Session, measure_urls, new_report_id
from drm_observatory.probe.spool import Deliverer, Spool, write_atomically


def parse_duration(text: str) -> float:
    """'90s', '15m', '1h', '1h30m' or plain seconds."""
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise ValueError(f"bad duration {text!r}; use e.g. 30s, 15m, 1h")
    scale = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    return sum(float(n) * scale[u] for n, u in parts)


class OutputFile:
    """Append-only JSON lines; a partial last line left by a crash is cut off on open."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        size = os.fstat(self.fd).st_size
        keep = _after_last_newline(self.path, size)
        if keep != size:
            os.truncate(self.path, keep)

    def write(self, measurement: dict) -> None:
        os.write(self.fd, json.dumps(measurement).encode() + b"\n")
        os.fsync(self.fd)

    def measured(self, report_id: str) -> set[str]:
        """Inputs already measured in the run `report_id`."""
        done = set()
        with open(self.path, "rb") as fh:
            for line in fh:
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict) and item.get("report_id") == report_id:
                    done.add(item.get("input"))
        return done

    def close(self) -> None:
        os.close(self.fd)


def _after_last_newline(path: Path, size: int, block: int = 1 << 16) -> int:
    """Offset just past the file's last newline (0 if none), reading backwards from the end."""
    with open(path, "rb") as fh:
        end = size
        while end > 0:
            start = max(0, end - block)
            fh.seek(start)
            found = fh.read(end - start).rfind(b"\n")
            if found >= 0:
                return start + found + 1
            end = start
    return 0


@dataclass
class RunState:
    report_id: str
    inputs: list[str]
    complete: bool = False
    started: float = field(default_factory=time.time)

    @staticmethod
    def path_for(output: Path) -> Path:
        return output.with_name(output.name + ".state.json")

    @classmethod
    def load(cls, path: Path) -> RunState | None:
        try:
            data = json.loads(path.read_text())
            return cls(
                data["report_id"],
                list(data["inputs"]),
                bool(data["complete"]),
                float(data["started"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        write_atomically(path, json.dumps(self.__dict__).encode())


log = logging.getLogger("drm_observatory.probe")


def _log(message: str) -> None:
    log.info(message)


async def measure_round(
    urls: list[str],
    config: ProbeConfig,
    *,
    output: OutputFile | None,
    spool: Spool | None,
    resume: bool = False,
    wake: asyncio.Event | None = None,
) -> int:
    """Measure `urls` once; each measurement goes to the output, the spool, or stdout."""
    state_path = RunState.path_for(output.path) if output else None
    state = RunState.load(state_path) if (state_path and resume) else None
    if state and not state.complete:
        already = output.measured(state.report_id)
        todo = [u for u in state.inputs if u not in already]
        _log(f"resuming run {state.report_id}: {len(already)} done, {len(todo)} to measure")
    else:
        if resume:
            _log("nothing to resume: starting a new run")
        state = RunState(config.report_id or new_report_id(config), list(urls))
        todo = list(urls)
    if state_path:
        state.save(state_path)
    config.report_id = state.report_id
    session = Session(config)
    count = 0
    async for measurement in measure_urls(todo, config, session):
        if output:
            output.write(measurement)
        if spool:
            spool.put(measurement)
            if wake:
                wake.set()
        if not output and not spool:
            sys.stdout.write(json.dumps(measurement) + "\n")
            sys.stdout.flush()
        count += 1
        keys = measurement["test_keys"]
        _log(
            f"[{count}/{len(todo)}] {measurement['input']}: blocking={keys['blocking']} "
            f"accessible={keys['accessible']}"
        )
    state.complete = True
    if state_path:
        state.save(state_path)
    return count


async def run(
    urls: list[str],
    config: ProbeConfig,
    *,
    output_path: str | None = None,
    resume: bool = False,
    every: float | None = None,
    spool_dir: str | None = None,
    deliverer_factory=None,
) -> int:
    """The whole `probe` run; returns the exit status. Cancelling it stops cleanly."""
    output = OutputFile(output_path) if output_path else None
    spool = Spool(spool_dir) if spool_dir else None
    deliverer: Deliverer | None = (
        deliverer_factory(spool) if (deliverer_factory and spool) else None
    )
    stop, wake = asyncio.Event(), asyncio.Event()
    delivery = asyncio.create_task(deliverer.run(stop, wake)) if deliverer else None
    base_report = config.report_id
    try:
        first = True
        while True:
            started = time.monotonic()
            config.report_id = base_report
            await measure_round(
                urls, config, output=output, spool=spool, resume=resume and first, wake=wake
            )
            first = False
            if every is None:
                break
            pause = max(0.0, every - (time.monotonic() - started))
            _log(f"next round in {pause:.0f} s")
            await asyncio.sleep(pause)
        if deliverer:
            stop.set()
            await delivery
            delivered, remaining = await deliverer.sweep()
            if remaining:
                _log(f"{remaining} measurements stay in the spool for the next run")
        return 0
    except asyncio.CancelledError:
        _log("interrupted: every finished measurement is saved; --resume continues the run")
        return 130
    finally:
        stop.set()
        if delivery and not delivery.done():
            delivery.cancel()
            await asyncio.gather(delivery, return_exceptions=True)
        if output:
            output.close()
