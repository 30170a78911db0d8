"""The free-tier quota, as the app shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic.dataclasses import dataclass


@dataclass
class Usage:
    """New solve sessions started today (UTC). `limit` and `remaining` are null when unlimited."""

    plan: Literal["free", "plus"]
    period: Literal["day"]
    used: int
    limit: int | None
    remaining: int | None
    resets_at: datetime
