"""Sign-up, sign-in and sign-out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from quart import Blueprint
from quart_schema import tag_blueprint, validate_request, validate_response

from clarity.auth import auth_required, caller
from clarity.blueprints.shapes import account
from clarity.extensions import app_state
from clarity.models import SignIn
from clarity.openapi import errors, no_content
from clarity.passwords import Passwords
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
    return await _token_response(accounts.register, data), 201


@blueprint.post("/auth/login")
@limited(*LOGIN_LIMITS)
@validate_request(LoginRequest)
@validate_response(TokenResponse, 200)
@errors(401, 429, codes=("invalid_credentials",))
async def login(data: LoginRequest) -> TokenResponse:
    """Sign in on a device; each sign-in gets its own token.

    401 `invalid_credentials` for an unknown email and a wrong password alike.
    """
    return await _token_response(accounts.log_in, data)


@blueprint.post("/auth/logout")
@auth_required
@no_content
async def logout() -> tuple[str, int]:
    """Revoke this token at once. The account's other sign-ins stay signed in."""
    await accounts.revoke(caller().sign_in)
    return "", 204


async def _token_response(
    start: Callable[[Passwords, accounts.Credentials, timedelta], Awaitable[SignIn]],
    data: RegisterRequest | LoginRequest,
) -> TokenResponse:
    """Start a sign-in with what the request carries; its token."""
    state = app_state()
    given = accounts.Credentials(data.email, data.password, data.device_id)
    sign_in = await start(state.passwords, given, timedelta(days=state.settings.token_ttl_days))
    return TokenResponse(
        token=state.auth.dump_token(str(sign_in.id)),
        token_type="bearer",
        expires_at=sign_in.expires_at,
        user=account(sign_in.user),
    )
