"""Accounts and sign-ins: register, log in, resolve a token's sign-in, log out, delete."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.db.rows import as_datetime, as_uuid, select
from clarity.errors import APIError
from clarity.models import SignIn, User
from clarity.passwords import Passwords
from clarity.schemas.accounts import normalise_email

log = logging.getLogger(__name__)

# last_used_at is written at most this often per sign-in, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a person signs up or signs in with, on one device."""

    email: str
    password: str
    device_id: str | None


async def register(passwords: Passwords, given: Credentials, token_ttl: timedelta) -> SignIn:
    """Create the user and their first sign-in. ``given.email`` is already normalised."""
    async with in_transaction():
        user = await create_user(passwords, email=given.email, password=given.password)
        return await _start_sign_in(user, given.device_id, token_ttl)


async def create_user(passwords: Passwords, *, email: str, password: str) -> User:
    """A new account (``email`` already normalised); 409 ``email_taken`` if it exists."""
    password_hash = await passwords.hash(password)
    try:
        return await User.create(email=email, password_hash=password_hash)
    except IntegrityError:
        raise APIError(409, "email_taken", "An account with this email already exists.") from None


async def log_in(passwords: Passwords, given: Credentials, token_ttl: timedelta) -> SignIn:
    """A new sign-in, or ``invalid_credentials`` for an unknown email or a wrong password alike.

    Both failures run one Argon2 verification, so they take the same time; so does an email
    that is not an address at all (no 422 that would tell an address apart from an account).
    """
    try:
        canonical: str | None = normalise_email(given.email)
    except ValueError:
        canonical = None
    user = await User.get_or_none(email=canonical) if canonical is not None else None
    valid = await passwords.verify(user.password_hash if user else None, given.password)
    if user is None or not valid:
        raise APIError(401, "invalid_credentials", "The email or password is not correct.")
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await passwords.hash(given.password)
        await user.save(update_fields=["password_hash"])
    return await _start_sign_in(user, given.device_id, token_ttl)


# Every authenticated request runs this: one hand-written query (clarity.db.rows says why).
_LIVE_SIGN_IN = (
    "SELECT s.id, s.user_id, s.device_id, s.created_at, s.last_used_at, s.expires_at, "
    "u.email, u.password_hash, u.plan, u.created_at "
    "FROM sign_ins s JOIN users u ON u.id = s.user_id "
    "WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2"
)


async def live_sign_in(auth_id: str | None) -> SignIn | None:
    """The sign-in a token names, with its user, if it is neither revoked nor expired."""
    if auth_id is None:
        return None
    try:
        sign_in_id = uuid.UUID(auth_id)
    except ValueError:
        return None
    now = utcnow()
    rows = await select(_LIVE_SIGN_IN, sign_in_id, now)
    if not rows:
        return None
    row = rows[0]
    user_id = as_uuid(row[1])
    # Model instances as Tortoise builds them from a row (its own constructor for loaded rows),
    # from values already decoded: the routes and services take models.
    user = User._init_from_db(
        id=user_id,
        email=row[6],
        password_hash=row[7],
        plan=row[8],
        created_at=as_datetime(row[9]),
    )
    sign_in = SignIn._init_from_db(
        id=as_uuid(row[0]),
        user_id=user_id,
        device_id=row[2],
        created_at=as_datetime(row[3]),
        last_used_at=as_datetime(row[4]),
        expires_at=as_datetime(row[5]),
        revoked_at=None,
    )
    sign_in.user = user
    if now - sign_in.last_used_at > LAST_USED_RESOLUTION:
        await SignIn.filter(id=sign_in.id).update(last_used_at=now)
    return sign_in


async def revoke(sign_in: SignIn) -> None:
    await SignIn.filter(id=sign_in.id, revoked_at__isnull=True).update(revoked_at=utcnow())


async def delete_account(user: User) -> None:
    """Delete the user; their sign-ins, sessions and messages go with them (ON DELETE CASCADE)."""
    await User.filter(id=user.id).delete()


async def _start_sign_in(user: User, device_id: str | None, token_ttl: timedelta) -> SignIn:
    now = utcnow()
    return await SignIn.create(
        user=user,
        device_id=device_id,
        last_used_at=now,
        expires_at=now + token_ttl,
    )
