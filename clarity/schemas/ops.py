"""Health and readiness."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic.dataclasses import dataclass


@dataclass
class Health:
    status: Literal["ok"]


@dataclass
class ReadinessChecks:
    database: Literal["ok"]
    redis: Literal["ok", "unavailable", "not_configured"] = Field(
        description=(
            "The rate limiter's shared store. `unavailable`: limits are kept in each process's "
            "memory until it answers again (sign-in and sign-up still work)."
        )
    )


@dataclass
class Readiness:
    """`ok`: everything answers. `degraded`: serving, but an optional dependency (Redis) does
    not answer; a load balancer should keep sending traffic. A database that does not answer is
    503 `service_unavailable` instead."""

    status: Literal["ok", "degraded"]
    checks: ReadinessChecks
