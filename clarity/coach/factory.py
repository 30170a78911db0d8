"""The coach the configuration names."""

from __future__ import annotations

from clarity.coach import Coach
from clarity.config import Settings


def make_coach(settings: Settings) -> Coach:
    """The coach ``CLARITY_COACH`` names (imported lazily: each pulls its own dependencies)."""
    if settings.coach == "openai":
        from clarity.coach.openai_coach import OpenAICoach

        return OpenAICoach(
            model=settings.coach_model,
            base_url=settings.coach_base_url,
            api_key=settings.coach_api_key,
            timeout=settings.coach_timeout,
            history_chars=settings.coach_history_chars,
        )
    from clarity.coach.scripted import ScriptedCoach

    return ScriptedCoach(token_delay=settings.coach_token_delay)
