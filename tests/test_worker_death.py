"""One of two workers SIGKILLed mid-reply under `clarity serve` (clarity/serve.py) on PostgreSQL:
the streams on the other worker finish untouched, the server keeps answering, the dead worker is
replaced, and what the dead worker held (user messages, reply locks) is kept or freed."""

from __future__ import annotations

import asyncio
import math
import os
import signal
import sys
import time
from pathlib import Path

import httpx
import pytest

from clarity.coach.scripted import REPLIES
from clarity.models import SolveStep
from tests.helpers import databases
from tests.helpers.live import LiveServer, hypercorn_process, server_env, users_with_sessions
from tests.helpers.reliability import record
from tests.helpers.serving import Stream, client_ports, read_stream, worker_pids
from tests.helpers.sse import StreamResult, send_message

pytestmark = [
    pytest.mark.live,
    pytest.mark.reliability,
    pytest.mark.skipif(not databases.ON_POSTGRES, reason="several processes need PostgreSQL"),
]

CLARITY_SERVE = (str(Path(sys.executable).parent / "clarity"), "serve")
STREAMS, PROBES = 40, 10
DELAY, LEASE = 0.8, 2.0  # a reply of 12 tokens takes about 10 s


async def _wait_for_replacement(
    server: LiveServer, first: set[int], timeout: float = 20
) -> int | None:
    """The PID of a worker started after the ``first`` ones, once it logs that it is serving."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.process.poll() is None:
        for pid in worker_pids(server.process.pid) - first:
            if f"[{pid}] [INFO] Running on" in server.log_text():
                return pid
        await asyncio.sleep(0.05)
    return None


async def _stored_replies(database_url: str) -> dict[str, tuple[str, str]]:
    """Each session's latest coach message: (status, content)."""
    connection = await databases.postgres_connection(database_url)
    try:
        rows = await connection.fetch(
            "SELECT session_id::text AS id, status, content FROM solve_messages "
            "WHERE role = 'coach' ORDER BY created_at"
        )
    finally:
        await connection.close()
    return {row["id"]: (row["status"], row["content"]) for row in rows}


async def test_a_worker_killed_mid_reply_cuts_no_stream_on_the_other(database_url: str) -> None:
    env = server_env(
        database_url,
        coach_token_delay=str(DELAY),
        reply_lock_lease_seconds=str(LEASE),
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_pool_max="30",
    )
    with hypercorn_process(env, ["--workers", "2"], program=CLARITY_SERVE) as server:
        port = int(server.url.rsplit(":", 1)[1])
        workers = worker_pids(server.process.pid)
        assert len(workers) == 2
        limits = httpx.Limits(max_connections=STREAMS + PROBES + 10)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:
            sessions = await users_with_sessions(http, users=10, sessions_each=5)
            streams = [Stream(h, s) for h, s in sessions[:STREAMS]]
            probes = [Stream(h, s) for h, s in sessions[STREAMS:]]
            tasks = []
            for stream in streams:  # a new connection every 50 ms: the workers share them
                tasks.append(asyncio.create_task(read_stream(http, stream)))
                await asyncio.sleep(0.05)
            await asyncio.wait_for(asyncio.gather(*(s.started.wait() for s in streams)), 30)

            served_by = {pid: client_ports(pid, port) for pid in workers}
            victim, survivor = sorted(workers, key=lambda pid: len(served_by[pid]))
            on_victim = [s for s in streams if s.client_port in served_by[victim]]
            on_survivor = [s for s in streams if s.client_port in served_by[survivor]]
            assert len(on_victim) + len(on_survivor) == STREAMS, "a stream on neither worker"
            assert on_victim, "every stream went to one worker: nothing to test"
            assert not any(s.done for s in streams), "a reply ended before the kill"

            os.kill(victim, signal.SIGKILL)
            killed_at = time.monotonic()
            # New replies right after the kill, each on a new connection.
            probe_tasks = [asyncio.create_task(read_stream(http, probe)) for probe in probes]
            replacement = await _wait_for_replacement(server, workers)
            replaced_after = time.monotonic() - killed_at
            await asyncio.wait([*tasks, *probe_tasks], timeout=30)
            answered = [p.first_event_at for p in probes if p.first_event_at is not None]
            answered_after = min(answered, default=math.inf) - killed_at

            on_victim_ids = ", ".join(f"'{s.session_id}'" for s in on_victim)
            kept = await databases.scalar(
                database_url,
                "SELECT count(*) FROM solve_messages "
                f"WHERE role = 'user' AND session_id IN ({on_victim_ids})",
            )

            # Past the lease, the killed replies' sessions take a new message.
            await asyncio.sleep(max(0.0, LEASE + 0.5 - (time.monotonic() - killed_at)))
            retries = await asyncio.gather(
                *(send_message(http, s.session_id, s.headers, "again") for s in on_victim),
                return_exceptions=True,
            )
            still_running = {survivor, replacement} <= worker_pids(server.process.pid)
            master_alive = server.process.poll() is None

    replaced = f"up in {replaced_after:.1f} s" if replacement else "never up"
    stored = await _stored_replies(database_url)
    survivor_cut = sum(not s.done or s.cut for s in on_survivor)
    survivor_wrong = sum(stored.get(s.session_id) != ("complete", s.text) for s in on_survivor)
    victim_cut = sum(s.cut and not s.done for s in on_victim)
    probes_wrong = sum(
        not p.done or stored.get(p.session_id) != ("complete", p.text) for p in probes
    )
    answers = [r for r in retries if isinstance(r, StreamResult)]
    still_locked = sum(r.status == 409 for r in answers)
    retries_done = sum(r.status == 200 and r.events[-1].event == "done" for r in answers)
    refused = len(on_victim) - retries_done
    record(
        "one worker killed among two",
        f"{STREAMS} streams, {len(on_survivor)} on the survivor, SIGKILL mid-reply",
        f"streams cut on the survivor: {survivor_cut} ({len(on_victim)} cut with the killed "
        f"worker); new replies streaming {answered_after:.1f} s after the kill, "
        f"{probes_wrong} of {PROBES} wrong; replacement worker {replaced}; "
        f"user messages lost on the killed worker: {len(on_victim) - kept}; sessions refusing "
        f"a message after the lease: {refused} ({still_locked} x 409 reply_in_progress)",
    )
    assert survivor_cut == 0
    assert survivor_wrong == 0
    assert victim_cut == len(on_victim)
    assert probes_wrong == 0
    assert answered_after < 5
    assert replacement is not None
    assert replaced_after < 20
    assert still_running
    assert master_alive
    assert kept == len(on_victim)
    assert refused == 0


async def test_sigterm_drains_every_worker(database_url: str) -> None:
    """The master forwards SIGTERM: each worker finishes the replies that fit in the graceful
    timeout and stores the others as interrupted, as one hypercorn worker does."""
    streams, grace, shutdown_grace, delay = 40, 4, 0.5, 0.2
    env = server_env(
        database_url,
        coach_token_delay=str(delay),
        reply_shutdown_grace_seconds=str(shutdown_grace),
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_pool_max="30",
    )
    short = len(REPLIES[SolveStep.RECEIVE].split()) * delay  # 2.4 s
    long = len(REPLIES[SolveStep.CLARIFY].split()) * delay  # about 7 s
    assert short < grace < long - shutdown_grace
    extra_args = ["--workers", "2", "--graceful-timeout", str(grace)]
    with hypercorn_process(env, extra_args, program=CLARITY_SERVE) as server:
        port = int(server.url.rsplit(":", 1)[1])
        workers = worker_pids(server.process.pid)
        limits = httpx.Limits(max_connections=streams + 10)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:
            sessions = await users_with_sessions(http, users=10, sessions_each=streams // 10)
            # Half the sessions move on to `clarify`, whose reply is long.
            await asyncio.gather(*(send_message(http, s, h) for h, s in sessions[::2]))
            readers = [Stream(h, s) for h, s in sessions]
            tasks = []
            for stream in readers:
                tasks.append(asyncio.create_task(read_stream(http, stream)))
                await asyncio.sleep(0.02)
            await asyncio.wait_for(asyncio.gather(*(s.started.wait() for s in readers)), 30)
            ports = {r.client_port for r in readers}
            served = [len(client_ports(pid, port) & ports) for pid in workers]
            sent_at = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            await asyncio.gather(*tasks)
            exit_code = await asyncio.to_thread(server.process.wait, 30)
            exited_after = time.monotonic() - sent_at

    stored = await _stored_replies(database_url)
    finished = sum(r.done and stored.get(r.session_id) == ("complete", r.text) for r in readers)
    interrupted = await databases.scalar(
        database_url,
        "SELECT count(*) FROM solve_messages WHERE role = 'coach' AND step = 'clarify' "
        "AND status = 'interrupted'",
    )
    record(
        "SIGTERM, clarity serve with 2 workers",
        f"{streams} streams ({streams // 2} short, {streams // 2} long) on workers with "
        f"{served[0]} and {served[1]}, graceful {grace} s",
        f"{finished} finished, {interrupted} stored interrupted, exit {exit_code} in "
        f"{exited_after:.1f} s",
    )
    assert min(served) > 0, "every stream went to one worker: nothing to test"
    assert finished == streams // 2
    assert interrupted == streams // 2
    assert exit_code == 0
    assert exited_after < grace + shutdown_grace + 5  # two workers to start and stop on 2 cores
