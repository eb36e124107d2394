"""The observatory runs at vantage points without the site: no module of it may pull in Django."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import drmonitor.observatory


def test_no_observatory_module_imports_django():
    modules = [
        info.name
        for info in pkgutil.walk_packages(
            drmonitor.observatory.__path__, prefix="drmonitor.observatory."
        )
        if ".tests" not in info.name
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert len(modules) > 30  # the walk found the packages, not an empty list
    assert done.stdout.strip() == "[]"
