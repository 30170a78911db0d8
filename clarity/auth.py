"""Who is calling: bearer tokens that name a server-side sign-in, and the ``auth_required``
decorator.

A quart-auth bearer token is only a signed sign-in id. Every request looks the sign-in up, so a
token dies the moment its row is revoked, expires or is deleted, on every worker at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from quart_auth import Action, AuthUser, current_user, login_required
from quart_schema.openapi import QUART_SCHEMA_SECURITY_ATTRIBUTE

from clarity.models import SignIn, User
from clarity.openapi import AUTH_REQUIRED_ATTRIBUTE, BEARER_SCHEME
from clarity.services.accounts import live_sign_in

F = TypeVar("F", bound=Callable[..., Any])


class CurrentUser(AuthUser):
    """The caller: authenticated when the token's sign-in is live (not revoked, not expired)."""

    def __init__(self, auth_id: str | None, action: Action = Action.PASS) -> None:
        super().__init__(auth_id, action)
        self._loaded = False
        self._sign_in: SignIn | None = None

    @property
    async def is_authenticated(self) -> bool:
        return await self.load() is not None

    async def load(self) -> SignIn | None:
        if not self._loaded:
            self._sign_in = await live_sign_in(self.auth_id)
            self._loaded = True
        return self._sign_in

    @property
    def sign_in(self) -> SignIn:
        if self._sign_in is None:
            raise RuntimeError("sign_in read on an unauthenticated request")
        return self._sign_in

    @property
    def user(self) -> User:
        user: User = self.sign_in.user
        return user


def caller() -> CurrentUser:
    """The authenticated caller of this request (only inside ``auth_required`` routes)."""
    return cast(CurrentUser, current_user._get_current_object())  # type: ignore[attr-defined]


def auth_required(func: F) -> F:
    """quart-auth's ``login_required``, marked for the OpenAPI document and the route audit."""
    wrapped = login_required(func)
    setattr(wrapped, AUTH_REQUIRED_ATTRIBUTE, True)
    setattr(wrapped, QUART_SCHEMA_SECURITY_ATTRIBUTE, [{BEARER_SCHEME: []}])
    return cast(F, wrapped)
