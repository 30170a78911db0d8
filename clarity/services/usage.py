"""The free-tier quota: N new solve sessions per UTC day, exact under concurrent requests."""

from __future__ import annotations

from datetime import datetime

from tortoise.expressions import F

from clarity.clock import start_of_next_utc_day, utc_day
from clarity.errors import APIError
from clarity.models import Plan, UsageCounter, User
from clarity.schemas.usage import Usage


def daily_limit(user: User, free_sessions_per_day: int | None) -> int | None:
    """Sessions a user may start per day, or None for no limit."""
    return None if user.plan == Plan.PLUS else free_sessions_per_day


async def usage_for(user: User, free_sessions_per_day: int | None, now: datetime) -> Usage:
    counter = await UsageCounter.get_or_none(user_id=user.id, day=utc_day(now))
    return _usage(user, counter.used if counter else 0, free_sessions_per_day, now)


async def charge_new_session(user: User, free_sessions_per_day: int | None, now: datetime) -> Usage:
    """Count one new session against today's quota, or raise 429 ``quota_exceeded``.

    Call inside the transaction that creates the session, so that a failed create is not charged.
    The row is created if missing, then incremented by one conditional UPDATE: on PostgreSQL the
    row lock serialises racing requests and each re-checks ``used < limit`` after the wait; on
    SQLite the single connection serialises them. Either way the count never passes the limit.
    """
    day = utc_day(now)
    limit = daily_limit(user, free_sessions_per_day)
    await UsageCounter.bulk_create(
        [UsageCounter(user_id=user.id, day=day, used=0)], ignore_conflicts=True
    )
    counters = UsageCounter.filter(user_id=user.id, day=day)
    if limit is not None:
        counters = counters.filter(used__lt=limit)
    if await counters.update(used=F("used") + 1) == 0:
        resets_at = start_of_next_utc_day(now)
        retry_after = max(1, int((resets_at - now).total_seconds() + 0.999))
        raise APIError(
            429,
            "quota_exceeded",
            f"The free plan allows {limit} new sessions per day; more from {resets_at:%H:%M} UTC.",
            headers={"Retry-After": str(retry_after)},
        )
    counter = await UsageCounter.get(user_id=user.id, day=day)
    return _usage(user, counter.used, free_sessions_per_day, now)


def _usage(user: User, used: int, free_sessions_per_day: int | None, now: datetime) -> Usage:
    limit = daily_limit(user, free_sessions_per_day)
    return Usage(
        plan=user.plan.value,
        period="day",
        used=used,
        limit=limit,
        remaining=None if limit is None else max(0, limit - used),
        resets_at=start_of_next_utc_day(now),
    )
