"""Who is calling: password hashing, bearer tokens that name a server-side sign-in, and the
``auth_required`` decorator.

A quart-auth bearer token is only a signed sign-in id. Every request looks the sign-in up, so a
token dies the moment its row is revoked, expires or is deleted, on every worker at once.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import Any, TypeVar, cast

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from quart_auth import Action, AuthUser, current_user, login_required
from quart_schema.openapi import QUART_SCHEMA_SECURITY_ATTRIBUTE

from clarity.models import SignIn, User
from clarity.openapi import AUTH_REQUIRED_ATTRIBUTE, BEARER_SCHEME

F = TypeVar("F", bound=Callable[..., Any])


class Passwords:
    """Argon2id hashing, run in a worker thread so the event loop keeps serving streams."""

    def __init__(self, *, fast: bool = False) -> None:
        # "fast": argon2's cheapest profile, for tests and benchmarks (refused in production).
        params = profiles.CHEAPEST if fast else profiles.RFC_9106_LOW_MEMORY
        self._hasher = PasswordHasher.from_parameters(params)
        # Verified against when the email is unknown, so both failures take the same time.
        self._dummy_hash = self._hasher.hash(secrets.token_urlsafe(16))

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        return await asyncio.to_thread(self._verify, password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)

    def _verify(self, password_hash: str | None, password: str) -> bool:
        try:
            self._hasher.verify(password_hash or self._dummy_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        return password_hash is not None


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
            from clarity.services.accounts import live_sign_in

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
