"""Sign-up, sign-in and the account."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field
from pydantic.dataclasses import dataclass

from clarity.schemas.usage import Usage


def normalise_email(value: str) -> str:
    """The one canonical form of an address, or ValueError saying why it is not one.

    Trimmed, validated and normalised by email-validator (NFC Unicode, an IDNA domain in its
    Unicode form, so ``xn--mnchen-3ya.de`` and ``münchen.de`` are one domain), then lower-cased
    (the whole address: we match it case-blind). Sign-up, sign-in and the per-account sign-in
    limit all use it, so an address is the same account however the client spelled it.
    """
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(str(error)) from None
    return result.normalized.lower()


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


# email-validator refuses addresses at reserved names, which cannot receive mail; say so in the
# document (a JSON Schema pattern has no flags, hence the spelled-out letter cases).
RESERVED_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")
EMAIL_PATTERN = (
    "^(?!.*@(?:.*\\.)?(?:"
    + "|".join(_any_case(name) for name in RESERVED_DOMAINS)
    + ")\\.?\\s*$).*$"
)


Email = Annotated[
    str,
    Field(
        max_length=254,
        examples=["ada@example.com"],
        json_schema_extra={"format": "email", "pattern": EMAIL_PATTERN},
    ),
    AfterValidator(normalise_email),
]
# No NUL character: PostgreSQL cannot store one in text.
DeviceId = Annotated[
    str | None, Field(max_length=128, pattern=r"^[^\x00]*$", examples=["iphone-7f3a"])
]


@dataclass
class RegisterRequest:
    email: Email
    password: Annotated[str, Field(min_length=8, max_length=128)]
    device_id: DeviceId = None


@dataclass
class LoginRequest:
    email: Annotated[str, Field(max_length=254, pattern=r"^[^\x00]*$")]
    # No policy check on sign-in (only a bound, so nobody can make us hash megabytes).
    password: Annotated[str, Field(max_length=1024)]
    device_id: DeviceId = None


@dataclass
class Account:
    id: UUID
    email: str
    plan: Literal["free", "plus"]
    created_at: datetime


@dataclass
class TokenResponse:
    """A bearer token for one sign-in on one device."""

    token: str
    token_type: Literal["bearer"]
    expires_at: datetime
    user: Account


@dataclass
class Profile:
    """The signed-in user and today's usage."""

    id: UUID
    email: str
    plan: Literal["free", "plus"]
    created_at: datetime
    usage: Usage
