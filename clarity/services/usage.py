"""The free-tier quota: N new solve sessions per UTC day, exact under concurrent requests."""

from __future__ import annotations

from datetime import datetime

from clarity.clock import start_of_next_utc_day, utc_day
from clarity.db.rows import returning
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
    One upsert creates the day's row or adds one to it only while ``used < limit``, and returns
    the count: on PostgreSQL the row lock serialises racing requests and each re-checks the
    condition after the wait; on SQLite the single writer serialises them. Either way the count
    never passes the limit.
    """
    day = utc_day(now)
    limit = daily_limit(user, free_sessions_per_day)
    if limit is None:
        charged = await returning(_CHARGE, user.id, day)
    else:
        charged = await returning(_CHARGE_WITHIN, user.id, day, limit) if limit > 0 else []
    if not charged:
        resets_at = start_of_next_utc_day(now)
        retry_after = max(1, int((resets_at - now).total_seconds() + 0.999))
        raise APIError(
            429,
            "quota_exceeded",
            f"The free plan allows {limit} new sessions per day; more from {resets_at:%H:%M} UTC.",
            headers={"Retry-After": str(retry_after)},
        )
    return _usage(user, int(charged[0]["used"]), free_sessions_per_day, now)


# One statement where the ORM took three (insert if missing, conditional add, read back); SQLite
# 3.35+ and PostgreSQL both run it. $3 is the limit.
_CHARGE = (
    "INSERT INTO usage_counters (user_id, day, used) VALUES ($1, $2, 1) "
    "ON CONFLICT (user_id, day) DO UPDATE SET used = usage_counters.used + 1 RETURNING used"
)
_CHARGE_WITHIN = (
    "INSERT INTO usage_counters (user_id, day, used) VALUES ($1, $2, 1) "
    "ON CONFLICT (user_id, day) DO UPDATE SET used = usage_counters.used + 1 "
    "WHERE usage_counters.used < $3 RETURNING used"
)


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
