"""The records SB 243 asks an operator to keep: how many crisis referrals were made, by day and
level. Counts only, linked to no one: they stay when users delete their accounts."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class CrisisReferral(Model):
    id = fields.IntField(primary_key=True)
    # The UTC day the crisis reply with its resources was shown.
    day = fields.DateField()
    # The assessment's level: passive, active or imminent.
    level = fields.CharField(max_length=16)
    count = fields.IntField(default=0)

    class Meta:
        table = "crisis_referrals"
        unique_together = (("day", "level"),)
