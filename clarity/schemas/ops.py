"""Health and readiness."""

from __future__ import annotations

from typing import Literal

from pydantic.dataclasses import dataclass


@dataclass
class Health:
    status: Literal["ok"]
