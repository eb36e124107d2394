"""The gunicorn settings `drmonitor run` and the benchmark start the site with."""

from __future__ import annotations

import gc
import subprocess
import sys

from drmonitor import gunicorn_conf


def test_gunicorn_accepts_the_settings():
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--check-config",
            "--config",
            "python:drmonitor.gunicorn_conf",
            "drmonitor.wsgi:application",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr


def test_a_worker_freezes_what_it_loaded_and_collects_less_often():
    before = gc.get_threshold()
    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (gunicorn_conf.YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
