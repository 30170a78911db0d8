"""The signed-in account."""

from __future__ import annotations

from quart import Blueprint
from quart_schema import tag_blueprint, validate_response

from clarity.auth import auth_required, caller
from clarity.clock import utcnow
from clarity.extensions import app_state
from clarity.openapi import no_content
from clarity.schemas.accounts import Profile
from clarity.services import accounts
from clarity.services.usage import usage_for

blueprint = Blueprint("me", __name__)
tag_blueprint(blueprint, ["account"])


@blueprint.get("/me")
@auth_required
@validate_response(Profile, 200)
async def get_me() -> Profile:
    """The signed-in account with today's usage."""
    user = caller().user
    usage = await usage_for(user, app_state().settings.free_sessions_per_day, utcnow())
    return Profile(
        id=user.id, email=user.email, plan=user.plan.value, created_at=user.created_at, usage=usage
    )


@blueprint.delete("/me")
@auth_required
@no_content
async def delete_me() -> tuple[str, int]:
    """Delete the account and everything it owns. Every token of it stops working."""
    await accounts.delete_account(caller().user)
    return "", 204
