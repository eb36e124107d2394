"""Redis as the shared cache, failing soft: while Redis cannot be reached, the site runs as if
the cache were empty and kept nothing, instead of answering 500 to every reader.

Django's own Redis backend lets every connection error through, so a restarted or unreachable
Redis turns each request into an error page. Here each cache operation that fails for Redis's
sake returns what an empty cache would (a miss, nothing added, nothing deleted); `incr` raises
ValueError as for a missing key. A failing call is retried once on a fresh connection, since a
restarted server leaves dead connections in the pool, and not more: a reader waits for the page,
not for Redis. Failures are logged at most once every LOG_EVERY_SECONDS per process.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 10.0
_last_logged = [0.0]


def _log(error: RedisError) -> None:
    now = time.monotonic()
    if now - _last_logged[0] >= LOG_EVERY_SECONDS:
        _last_logged[0] = now
        logger.warning("Redis unavailable, serving without the cache: %s", error)


def _soft(method: Callable, empty: Callable[..., Any]) -> Callable:
    """`method`, answering `empty(*args)` when Redis fails."""

    @functools.wraps(method)
    def call(self, *args):
        try:
            return method(self, *args)
        except RedisError as error:
            _log(error)
            return empty(*args)

    return call


def _missing(key, delta):
    raise ValueError(f"Key '{key}' not found (Redis unavailable).")


class ResilientRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        return self._client(connection_pool=pool, retry=Retry(NoBackoff(), 1))

    add = _soft(RedisCacheClient.add, lambda key, value, timeout: False)
    get = _soft(RedisCacheClient.get, lambda key, default: default)
    set = _soft(RedisCacheClient.set, lambda key, value, timeout: None)
    touch = _soft(RedisCacheClient.touch, lambda key, timeout: False)
    delete = _soft(RedisCacheClient.delete, lambda key: False)
    get_many = _soft(RedisCacheClient.get_many, lambda keys: {})
    has_key = _soft(RedisCacheClient.has_key, lambda key: False)
    incr = _soft(RedisCacheClient.incr, _missing)
    set_many = _soft(RedisCacheClient.set_many, lambda data, timeout: None)
    delete_many = _soft(RedisCacheClient.delete_many, lambda keys: None)
    clear = _soft(RedisCacheClient.clear, lambda: False)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache (same LOCATION and OPTIONS), failing soft."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
