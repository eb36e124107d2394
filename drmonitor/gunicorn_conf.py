"""gunicorn settings for the site's workers: `drmonitor run`, the benchmark and production
(`gunicorn -c python:drmonitor.gunicorn_conf drmonitor.wsgi:application`)."""

from __future__ import annotations

import gc

# Rendering a page makes tens of thousands of short-lived objects; with the default threshold
# (700 in Python 3.12) the collector runs dozens of times per page, walking the same long-lived
# objects each time.
YOUNG_THRESHOLD = 50_000


def post_worker_init(worker) -> None:
    """Once the worker has loaded Django, stop the collector from walking what it loaded.

    Everything alive now (modules, models, URL patterns) lives as long as the worker: frozen, it
    is left out of every later collection. Cycles made by requests are still collected.
    """
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
