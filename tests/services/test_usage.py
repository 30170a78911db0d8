"""The daily quota, called directly: exact at the limit, unlimited, counted per UTC day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from clarity.errors import APIError
from clarity.models import Plan, UsageCounter, User
from clarity.services.usage import charge_new_session, usage_for

NOW = datetime(2026, 3, 14, 22, 30, tzinfo=UTC)
NEW_YORK = timezone(timedelta(hours=-5))  # a fixed offset, enough for the arithmetic


async def test_the_limit_is_exact(account: User) -> None:
    charged = [await charge_new_session(account, 3, NOW) for _ in range(3)]
    assert [(u.used, u.limit, u.remaining) for u in charged] == [(1, 3, 2), (2, 3, 1), (3, 3, 0)]
    with pytest.raises(APIError) as refused:
        await charge_new_session(account, 3, NOW)
    assert (refused.value.status, refused.value.code) == (429, "quota_exceeded")
    # 01:30 to midnight UTC, rounded up to whole seconds.
    assert refused.value.headers == {"Retry-After": str(90 * 60)}
    assert (await UsageCounter.get(user_id=account.id)).used == 3
    usage = await usage_for(account, 3, NOW)
    assert (usage.used, usage.remaining, usage.resets_at) == (
        3,
        0,
        datetime(2026, 3, 15, tzinfo=UTC),
    )


async def test_a_limit_of_zero_refuses_the_first(account: User) -> None:
    with pytest.raises(APIError) as refused:
        await charge_new_session(account, 0, NOW)
    assert refused.value.code == "quota_exceeded"
    assert (await usage_for(account, 0, NOW)).used == 0


@pytest.mark.parametrize("plus", [False, True], ids=["no-limit-configured", "plus-plan"])
async def test_unlimited_is_counted_but_never_refused(account: User, plus: bool) -> None:
    limit = 1 if plus else None
    if plus:
        account.plan = Plan.PLUS
        await account.save()
    for _ in range(5):
        usage = await charge_new_session(account, limit, NOW)
    assert (usage.used, usage.limit, usage.remaining) == (5, None, None)
    assert usage.plan == ("plus" if plus else "free")


async def test_each_utc_day_has_its_own_count(account: User) -> None:
    await charge_new_session(account, 1, NOW)
    with pytest.raises(APIError):
        await charge_new_session(account, 1, NOW + timedelta(minutes=89))
    # 00:00 UTC the next day, whatever the offset the time was given in.
    tomorrow = (NOW + timedelta(minutes=90)).astimezone(NEW_YORK)
    assert tomorrow.day == 14  # still the 14th in New York
    assert (await charge_new_session(account, 1, tomorrow)).used == 1
    counters = (
        await UsageCounter.filter(user_id=account.id).order_by("day").values_list("day", "used")
    )
    assert [(str(day), used) for day, used in counters] == [("2026-03-14", 1), ("2026-03-15", 1)]
