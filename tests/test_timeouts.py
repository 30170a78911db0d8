"""SharedTimeout: asyncio.timeout's behaviour (through the stream's heartbeat and the coach's idle
limit, tested in test_stream.py), here at the edges: what expires, what does not, and which
cancellation wins."""

from __future__ import annotations

import asyncio

import pytest

from clarity.timeouts import SharedTimeout


def tickers() -> list[asyncio.Task[object]]:
    return [t for t in asyncio.all_tasks() if t.get_name() == "clarity-shared-timeout"]


async def test_a_body_that_runs_past_the_length_times_out_never_sooner() -> None:
    timeout = SharedTimeout(0.04)
    loop = asyncio.get_running_loop()
    began = loop.time()
    with pytest.raises(TimeoutError):
        async with timeout():
            await asyncio.sleep(5)
    assert loop.time() - began >= 0.04
    assert loop.time() - began < 2  # a quarter-length tick, with a noisy machine's slack


async def test_a_body_that_ends_in_time_leaves_the_task_uncancelled() -> None:
    timeout = SharedTimeout(0.02)
    for _ in range(3):
        async with timeout():
            await asyncio.sleep(0)
    await asyncio.sleep(0.05)  # past the length: nothing is left to cancel this task
    task = asyncio.current_task()
    assert task is not None
    assert task.cancelling() == 0


async def test_after_a_timeout_the_task_carries_on_and_can_time_out_again() -> None:
    timeout = SharedTimeout(0.02)
    pings = 0
    for _ in range(3):
        try:
            async with timeout():
                await asyncio.sleep(5)
        except TimeoutError:
            pings += 1
    assert pings == 3
    task = asyncio.current_task()
    assert task is not None
    assert task.cancelling() == 0
    await asyncio.sleep(0.01)  # not cancelled by a leftover request


async def _waiting(timeout: SharedTimeout) -> asyncio.Task[None]:
    """A task asleep under ``timeout`` for 5 s, once it is inside (its first step has run)."""
    task = asyncio.create_task(_sleep_under(timeout, 5))
    await asyncio.sleep(0)
    return task


async def test_a_cancellation_from_elsewhere_goes_through_as_cancelled() -> None:
    task = await _waiting(SharedTimeout(10))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_when_the_client_goes_away_as_the_timeout_expires_the_cancellation_wins() -> None:
    # The ticker expires the wait and the server cancels the task in the same turn of the loop:
    # the task must unwind (CancelledError), not take it for a heartbeat and carry on.
    timeout = SharedTimeout(10)
    task = await _waiting(timeout)
    (wait,) = timeout._waits
    wait.expire()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_an_outer_asyncio_timeout_is_reported_as_its_own() -> None:
    timeout = SharedTimeout(10)
    outer = asyncio.timeout(0.02)
    with pytest.raises(TimeoutError):
        await _under_both(outer, timeout)
    assert outer.expired()


async def _under_both(outer: asyncio.Timeout, timeout: SharedTimeout) -> None:
    async with outer, timeout():
        await asyncio.sleep(5)


async def test_many_waits_share_one_ticker_which_stops_when_none_is_left() -> None:
    timeout = SharedTimeout(0.02)
    timed_out = 0

    async def wait(seconds: float) -> None:
        nonlocal timed_out
        try:
            async with timeout():
                await asyncio.sleep(seconds)
        except TimeoutError:
            timed_out += 1

    waits = [asyncio.create_task(wait(5 if n % 2 else 0)) for n in range(200)]
    await asyncio.sleep(0)
    assert len(tickers()) == 1
    await asyncio.gather(*waits)
    assert timed_out == 100
    await asyncio.sleep(0.02)
    assert tickers() == []


async def test_close_stops_an_idle_ticker_and_a_later_wait_starts_another() -> None:
    timeout = SharedTimeout(0.04)
    async with timeout():
        await asyncio.sleep(0)
    (ticker,) = tickers()  # idle until its next tick
    timeout.close()
    await asyncio.sleep(0)
    assert ticker.cancelled()
    assert tickers() == []
    with pytest.raises(TimeoutError):
        await _sleep_under(timeout, 5)


async def _sleep_under(timeout: SharedTimeout, seconds: float) -> None:
    async with timeout():
        await asyncio.sleep(seconds)


def test_waits_left_behind_by_a_loop_that_is_gone_do_not_stop_the_next_loops_timeouts() -> None:
    # A test's loop closed with a wait still inside (its task never unwound); the same
    # SharedTimeout then serves another loop, whose wait must still time out.
    timeout = SharedTimeout(0.04)
    first = asyncio.new_event_loop()
    first.set_exception_handler(lambda loop, context: None)  # its tasks die pending, as meant

    async def leave_one_waiting() -> None:
        asyncio.get_running_loop().create_task(_sleep_under(timeout, 5))
        await asyncio.sleep(0)

    first.run_until_complete(leave_one_waiting())
    first.close()

    async def on_the_next_loop() -> float:
        loop = asyncio.get_running_loop()
        began = loop.time()
        with pytest.raises(TimeoutError):
            await _sleep_under(timeout, 5)
        return loop.time() - began

    assert asyncio.run(on_the_next_loop()) < 2


async def test_a_wait_cannot_be_entered_twice() -> None:
    wait = SharedTimeout(10)()
    async with wait:
        pass
    with pytest.raises(RuntimeError, match="twice"):
        async with wait:
            pass


async def test_close_leaves_waits_that_are_still_running_their_timeouts() -> None:
    timeout = SharedTimeout(0.04)
    waiting = await _waiting(timeout)
    timeout.close()  # the app stops while a stream is still open
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(waiting, 2)
