"""Prometheus metrics: every metric declared once, and the one-line calls the code makes.

No label ever carries user text or an id: routes are templates (``/sessions/<session_id>``),
methods outside the standard set are ``other``, outcomes and levels are fixed words.

Several workers (``clarity serve``): prometheus-client's multiprocess mode. ``clarity serve``
points ``PROMETHEUS_MULTIPROC_DIR`` at an empty directory before it spawns the workers (the mode
is chosen when ``prometheus_client`` is first imported), each worker writes its figures to its
own files there, and a scrape of any worker reads all of them (``render``), so the figures add
up across workers. The master marks each worker it reaps as dead: the live gauges (open streams,
pool in use) of a dead worker are dropped, its counters are kept (``clarity.serve``). Without that
variable (tests, ``hypercorn`` run directly) the process's ordinary registry is used.

This module imports no web framework: services call it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clarity.config import Settings

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as _multiprocess

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
UNMATCHED_ROUTE = "<unmatched>"
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
REPLY_OUTCOMES = ("completed", "stopped", "session_deleted", "interrupted_by_shutdown", "error")
CRISIS_LEVELS = ("passive", "active", "imminent")

REQUESTS = Counter(
    "clarity_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
)
REQUEST_DURATION = Histogram(
    "clarity_http_request_duration_seconds",
    "Time from the request's arrival to the start of its response (for a stream: its headers).",
    ["route", "method"],
)
OPEN_STREAMS = Gauge(
    "clarity_open_streams",
    "Server-Sent Event streams being sent to clients now.",
    multiprocess_mode="livesum",
)
FIRST_TOKEN = Histogram(
    "clarity_reply_first_token_seconds",
    "Time from the user's message being stored to the reply's first token.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
)
REPLY_DURATION = Histogram(
    "clarity_reply_duration_seconds",
    "Time a reply took from its start to its end, by outcome.",
    ["outcome"],
    buckets=(0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300),
)
REPLIES = Counter(
    "clarity_replies",
    "Replies ended, by outcome: completed; interrupted (stopped, session_deleted, "
    "interrupted_by_shutdown); error (the coach or the database failed).",
    ["outcome"],
)
CRISIS_REFERRALS = Counter(
    "clarity_crisis_referrals",
    "Crisis-support replies shown, by risk level (C-SSRS).",
    ["level"],
)
IDEMPOTENT_REPLAYS = Counter(
    "clarity_idempotent_replays",
    "Requests answered from a stored outcome (Idempotency-Key replays), by route template.",
    ["route"],
)
RATE_LIMITED = Counter(
    "clarity_rate_limited",
    "Requests refused by a rate limit (429 rate_limited), by route template.",
    ["route"],
)
DB_POOL_IN_USE = Gauge(
    "clarity_db_pool_in_use",
    "Database connections checked out now (PostgreSQL pool; SQLite: 1 while its one connection "
    "is busy).",
    multiprocess_mode="livesum",
)

# Every known series from the start (at 0), so that a dashboard's rate() sees the first event.
for _outcome in REPLY_OUTCOMES:
    REPLIES.labels(outcome=_outcome)
for _level in CRISIS_LEVELS:
    CRISIS_REFERRALS.labels(level=_level)


def access_token(settings: Settings) -> str | None:
    """The bearer token that opens ``GET /metrics`` (``CLARITY_METRICS_TOKEN``); None keeps the
    route off (404)."""
    return settings.metrics_token or None


# The calls the rest of the code makes (one line each).


def request_answered(route: str | None, method: str, status: int, seconds: float | None) -> None:
    route = route or UNMATCHED_ROUTE
    method = method if method in KNOWN_METHODS else "other"  # a client picks the method
    REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    if seconds is not None:
        REQUEST_DURATION.labels(route=route, method=method).observe(seconds)


def stream_opened() -> None:
    """Count a stream as open until ``stream_closed`` (call it however the stream ends)."""
    OPEN_STREAMS.inc()


def stream_closed() -> None:
    OPEN_STREAMS.dec()


def first_token(seconds: float) -> None:
    FIRST_TOKEN.observe(max(seconds, 0.0))


def reply_finished(outcome: str, seconds: float) -> None:
    REPLIES.labels(outcome=outcome).inc()
    REPLY_DURATION.labels(outcome=outcome).observe(seconds)


def crisis_referral(level: str) -> None:
    CRISIS_REFERRALS.labels(level=level).inc()


def idempotent_replay(route: str | None) -> None:
    IDEMPOTENT_REPLAYS.labels(route=route or UNMATCHED_ROUTE).inc()


def rate_limited(route: str | None) -> None:
    RATE_LIMITED.labels(route=route or UNMATCHED_ROUTE).inc()


def pool_in_use(count: int) -> None:
    DB_POOL_IN_USE.set(count)


def connections_in_use(client: Any) -> int:
    """Connections a Tortoise client has checked out: asyncpg's pool size minus its idle
    connections; SQLite's one connection, busy or not (its lock is held by every query)."""
    pool = getattr(client, "_pool", None)
    if pool is not None:
        return int(pool.get_size() - pool.get_idle_size())
    lock = getattr(client, "_lock", None)
    return 1 if lock is not None and lock.locked() else 0


# Scraping and the multiprocess lifecycle.


def multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROC_ENV))


def render(refresh: Callable[[], None] | None = None) -> tuple[bytes, str]:
    """The text exposition of every metric (all workers' in multiprocess mode), and its content
    type. ``refresh`` updates this process's scrape-time gauges first."""
    if refresh is not None:
        refresh()
    if multiprocess():
        registry = CollectorRegistry()
        _multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
