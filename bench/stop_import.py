"""Import Access Now's STOP Combined sheet into an empty site: time and peak memory.

    .venv/bin/python bench/stop_import.py [--file ../shared/data/stop/stop-combined-2016-2025.csv]
        [--var /tmp/drm-stop-bench] [--keep]

Into a fresh SQLite site under --var (migrated first, not timed) it runs, each in its own
process: the dry run, the real import, a dry run of the same file again (all unchanged), and
the export; then it compares every STOP cell of the export with the sheet. For each step it
prints the wall and CPU seconds of the step itself (Django's start is not counted) and the
process's peak resident memory (all of it: Python, Django, the file and the report). Goals
(issue 11): the full sheet, dry run and commit, under 20 s and 200 MB each. On a busy machine
the CPU seconds say more than the wall time.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRMONITOR = ROOT / ".venv" / "bin" / "drmonitor"
STOP_COLUMNS = 47

# Run in the child: Django starts (not timed), then one step; it prints the step's wall
# and CPU seconds and the process's peak memory (getrusage of the children would report the
# largest child so far, not this one).
CHILD = """
import io, resource, sys, time
import django
django.setup()
from drmonitor.tracker.models import Incident
from drmonitor.tracker.stop.export import export_rows, write_csv
from drmonitor.tracker.stop.importer import import_stop
step, path = sys.argv[1], sys.argv[2]
content = open(path, "rb").read()
started, cpu = time.monotonic(), time.process_time()
if step == "export":
    out = io.StringIO()
    write_csv(out, export_rows(Incident.objects.order_by("start_date", "slug"), ""))
    open(path + ".out", "w", newline="").write(out.getvalue())
    result = ""
else:
    result = import_stop(content, commit=step == "commit").summary()
wall, cpu = time.monotonic() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{wall:.1f} {cpu:.1f} {peak:.0f} {result}")
"""


def run(env: dict, step: str, path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, step, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1].split(" ", 3)


def stop_cells(text: str) -> Counter:
    rows = csv.reader(io.StringIO(text, newline=""))
    next(rows)
    return Counter(tuple(row[:STOP_COLUMNS]) for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file", type=Path, default=ROOT.parent / "shared/data/stop/stop-combined-2016-2025.csv"
    )
    parser.add_argument("--var", type=Path, default=Path("/tmp/drm-stop-bench"))
    parser.add_argument("--keep", action="store_true", help="keep the site under --var")
    options = parser.parse_args()
    if not options.file.is_file():
        print(f"No STOP sheet at {options.file}", file=sys.stderr)
        return 1
    shutil.rmtree(options.var, ignore_errors=True)
    options.var.mkdir(parents=True)
    env = {
        **os.environ,
        "DRM_VAR_DIR": str(options.var),
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.dev",
    }
    subprocess.run([DRMONITOR, "manage", "migrate", "--verbosity", "0"], env=env, check=True)
    copy = options.var / "sheet.csv"
    shutil.copy(options.file, copy)
    print(f"STOP sheet: {options.file} ({options.file.stat().st_size / 1e6:.1f} MB)")
    print(f"{'step':<16}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}  result")
    for step in ("dry-run", "commit", "again", "export"):
        wall, cpu, peak, *result = run(env, "dry-run" if step == "again" else step, copy)
        print(f"{step:<16}{wall:>8}{cpu:>8}{peak:>9}  {' '.join(result)}")
    original = stop_cells(options.file.read_text("utf-8-sig"))
    back = stop_cells(Path(str(copy) + ".out").read_text("utf-8"))
    cells = sum(1 for row in original.elements() for cell in row if cell)
    lost = sum(1 for row in (original - back).elements() for cell in row if cell)
    print(
        f"STOP cells identical after the round trip: {cells - lost} of {cells} non-empty "
        f"({100 * (cells - lost) / cells:.1f}%), {sum(back.values())} rows"
    )
    if not options.keep:
        shutil.rmtree(options.var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
