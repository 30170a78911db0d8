"""Sign-up, sign-in and sign-out."""

from __future__ import annotations

from datetime import timedelta

from quart import Blueprint
from quart_schema import tag_blueprint, validate_request, validate_response

from clarity.auth import auth_required, caller
from clarity.blueprints.shapes import account
from clarity.extensions import app_state
from clarity.models import SignIn
from clarity.openapi import errors, no_content
from clarity.ratelimits import LOGIN_LIMITS, REGISTER_LIMITS, limited
from clarity.schemas.accounts import LoginRequest, RegisterRequest, TokenResponse
from clarity.services import accounts

blueprint = Blueprint("auth", __name__)
tag_blueprint(blueprint, ["auth"])


@blueprint.post("/auth/register")
@limited(*REGISTER_LIMITS)
@validate_request(RegisterRequest)
@validate_response(TokenResponse, 201)
@errors(409, 429, codes=("email_taken",))
async def register(data: RegisterRequest) -> tuple[TokenResponse, int]:
    """Create an account and sign in on this device.

    The email is trimmed, lower-cased and validated; the password is 8-128 characters.
    409 `email_taken` when the address already has an account.
    """
    state = app_state()
    sign_in = await accounts.register(
        state.passwords,
        email=data.email,
        password=data.password,
        device_id=data.device_id,
        token_ttl=timedelta(days=state.settings.token_ttl_days),
    )
    return _token_response(sign_in), 201


@blueprint.post("/auth/login")
@limited(*LOGIN_LIMITS)
@validate_request(LoginRequest)
@validate_response(TokenResponse, 200)
@errors(401, 429, codes=("invalid_credentials",))
async def login(data: LoginRequest) -> TokenResponse:
    """Sign in on a device; each sign-in gets its own token.

    401 `invalid_credentials` for an unknown email and a wrong password alike.
    """
    state = app_state()
    sign_in = await accounts.log_in(
        state.passwords,
        email=data.email,
        password=data.password,
        device_id=data.device_id,
        token_ttl=timedelta(days=state.settings.token_ttl_days),
    )
    return _token_response(sign_in)


@blueprint.post("/auth/logout")
@auth_required
@no_content
async def logout() -> tuple[str, int]:
    """Revoke this token at once. The account's other sign-ins stay signed in."""
    await accounts.revoke(caller().sign_in)
    return "", 204


def _token_response(sign_in: SignIn) -> TokenResponse:
    return TokenResponse(
        token=app_state().auth.dump_token(str(sign_in.id)),
        token_type="bearer",
        expires_at=sign_in.expires_at,
        user=account(sign_in.user),
    )
