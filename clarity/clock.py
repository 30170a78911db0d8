"""Time, in one place, so that every "now" is timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def utcnow() -> datetime:
    return datetime.now(UTC)


def start_of_next_utc_day(now: datetime) -> datetime:
    return datetime.combine(utc_day(now) + timedelta(days=1), time.min, tzinfo=UTC)


def utc_day(now: datetime) -> date:
    return now.astimezone(UTC).date()
