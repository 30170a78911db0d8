"""Counting crisis referrals for the yearly report SB 243 asks for (Business and Professions Code
§ 22603): how many times the crisis-support reply with its resources was shown, by UTC day and
level. Only counts: no user, session or text, so they outlive account deletion and identify
no one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from clarity import metrics
from clarity.clock import utcnow
from clarity.models import CrisisReferral
from clarity.safety import Level


@dataclass(frozen=True, slots=True)
class ReferralCount:
    day: date
    level: str
    count: int


async def record_referral(level: Level) -> None:
    """Count one crisis referral at ``level`` today (exact under concurrent referrals)."""
    metrics.crisis_referral(level.value)  # shown, even if the database cannot count it now
    day = utcnow().date()
    for _ in range(2):
        if await CrisisReferral.filter(day=day, level=level.value).update(count=F("count") + 1):
            return
        try:
            await CrisisReferral.create(day=day, level=level.value, count=1)
            return
        except IntegrityError:
            continue  # another request created today's row first: count in it


async def referral_counts(
    since: date | None = None, until: date | None = None
) -> list[ReferralCount]:
    """The counts by day and level, oldest first."""
    query = CrisisReferral.all()
    if since is not None:
        query = query.filter(day__gte=since)
    if until is not None:
        query = query.filter(day__lte=until)
    rows = await query.order_by("day", "level").values_list("day", "level", "count")
    return [ReferralCount(day, level, count) for day, level, count in rows]
