"""Idempotency claims, called directly: claim, replay, reuse, in progress, release, takeover."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from clarity.clock import utcnow
from clarity.errors import APIError
from clarity.models import IdempotencyKey, IdempotencyState, User
from clarity.services import idempotency
from clarity.services.idempotency import ABANDONED_AFTER, KEY_TTL, Replay


async def _claim(user: User, key: str, fingerprint: str) -> IdempotencyKey:
    claimed = await idempotency.claim(user, key, fingerprint)
    assert isinstance(claimed, IdempotencyKey)
    return claimed


async def test_a_completed_claim_replays_its_outcome(account: User) -> None:
    claimed = await _claim(account, "k", "print-a")
    assert claimed.state is IdempotencyState.IN_PROGRESS
    reply_id = uuid.uuid4()
    await idempotency.complete(claimed, 201, {"session": {"id": "s1"}}, reply_id)
    assert await idempotency.claim(account, "k", "print-a") == Replay(
        201, '{"session":{"id":"s1"}}', reply_id
    )
    assert await IdempotencyKey.filter(user_id=account.id).count() == 1


async def test_the_same_key_for_another_request_is_422(account: User) -> None:
    claimed = await _claim(account, "k", "print-a")
    await idempotency.complete(claimed, 201, {})
    with pytest.raises(APIError) as refused:
        await idempotency.claim(account, "k", "print-b")
    assert (refused.value.status, refused.value.code) == (422, "idempotency_key_reused")


async def test_a_claim_still_running_is_409(account: User) -> None:
    await _claim(account, "k", "print-a")
    with pytest.raises(APIError) as refused:
        await idempotency.claim(account, "k", "print-a")
    assert (refused.value.status, refused.value.code) == (409, "idempotency_in_progress")
    assert refused.value.headers == {"Retry-After": "1"}


async def test_a_released_key_can_be_claimed_again(account: User) -> None:
    first = await _claim(account, "k", "print-a")
    await idempotency.release(first)
    await idempotency.release(None)  # nothing claimed: nothing to do
    again = await _claim(account, "k", "print-a")
    assert again.id != first.id
    assert again.state is IdempotencyState.IN_PROGRESS


async def test_an_abandoned_claim_is_taken_over(account: User) -> None:
    dead = await _claim(account, "k", "print-a")
    await IdempotencyKey.filter(id=dead.id).update(
        created_at=utcnow() - ABANDONED_AFTER - timedelta(seconds=1)
    )
    taken = await _claim(account, "k", "print-a")
    assert taken.id != dead.id
    assert await IdempotencyKey.filter(user_id=account.id).count() == 1


async def test_keys_belong_to_their_user_and_expire(account: User) -> None:
    someone = await User.create(email=f"{uuid.uuid4().hex[:12]}@example.com", password_hash="x")
    mine = await _claim(account, "k", "print-a")
    theirs = await _claim(someone, "k", "print-b")
    assert mine.id != theirs.id
    await idempotency.complete(mine, 201, {})
    await IdempotencyKey.filter(id=mine.id).update(expires_at=utcnow() - timedelta(seconds=1))
    fresh = await _claim(account, "k", "print-c")  # the expired key is gone, not replayed
    assert fresh.fingerprint == "print-c"
    assert fresh.expires_at - fresh.created_at == KEY_TTL
