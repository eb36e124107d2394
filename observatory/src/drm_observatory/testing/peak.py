"""Run `drm-observatory ARGS` in a child Python that reports its own peak resident memory.

The benchmarks (bench/probe_bench.py, bench/lab_bench.py through lab/probe.py) start the probe
as `python -c WRAPPER probe ...` and read `PEAK_RSS_KIB=N` from the end of its stderr. VmHWM,
not getrusage: ru_maxrss survives exec, so a child started by a larger parent (or through
`ip netns exec`) could report the parent's peak; getrusage is the fallback where /proc is missing.
"""

from __future__ import annotations

WRAPPER = """
import re, resource, sys
from pathlib import Path
from drm_observatory.cli import main
def peak():
    try:
        return re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)
    except (OSError, AttributeError):
        return str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
try:
    code = main(sys.argv[1:])
finally:
    print(f"PEAK_RSS_KIB={peak()}", file=sys.stderr, flush=True)
sys.exit(code)
"""


def split_peak(stderr: str) -> tuple[int | None, str]:
    """The peak (KiB) the wrapper reported, and the rest of stderr."""
    peak, rest = None, []
    for line in stderr.splitlines():
        if line.startswith("PEAK_RSS_KIB="):
            peak = int(line.split("=", 1)[1])
        else:
            rest.append(line)
    return peak, "\n".join(rest)
