"""The ten risk categories, each a small rule set in its own module, grouped by level as in
the Columbia Suicide Severity Rating Scale: passive (wish_dead, burden, hopelessness), active
(active_thoughts, method, self_harm, slang), imminent (intent, plan, preparation)."""

from __future__ import annotations

from clarity.safety.categories import (
    active_thoughts,
    burden,
    hopelessness,
    intent,
    method,
    plan,
    preparation,
    self_harm,
    slang,
    wish_dead,
)
from clarity.safety.rules import Rule

RULES: tuple[Rule, ...] = (
    wish_dead.RULE,
    burden.RULE,
    hopelessness.RULE,
    active_thoughts.RULE,
    method.RULE,
    self_harm.RULE,
    slang.RULE,
    intent.RULE,
    plan.RULE,
    preparation.RULE,
)
CATEGORIES: frozenset[str] = frozenset(r.category for r in RULES)
