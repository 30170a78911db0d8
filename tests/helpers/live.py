"""A real hypercorn serving Clarity on a loopback port, with the project's hypercorn.toml."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[2]
HYPERCORN = Path(sys.executable).parent / "hypercorn"


TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"


def server_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a test server: test settings on ``database_url``, plus ``settings``
    (by Settings field name, e.g. ``coach_token_delay="0.05"``)."""
    env = {
        "CLARITY_ENV": "test",
        "CLARITY_DATABASE_URL": database_url,
        "CLARITY_SECRET_KEY": TEST_SECRET,
        "CLARITY_PASSWORD_HASHING": "fast",
        "CLARITY_COACH_TOKEN_DELAY": "0",
    }
    env.update({f"CLARITY_{name.upper()}": value for name, value in settings.items()})
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]
    log: IO[str]

    def log_text(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def crash(self) -> None:
        """SIGKILL hypercorn and its worker processes at once, as a host that dies would."""
        os.killpg(self.process.pid, signal.SIGKILL)


@contextmanager
def hypercorn_process(
    env: dict[str, str],
    extra_args: Sequence[str] = (),
    port: int | None = None,
    startup_timeout: float = 30,
    program: Sequence[str] = (str(HYPERCORN),),
) -> Iterator[LiveServer]:
    """Start hypercorn (or ``program``, e.g. ``clarity serve``, which takes the same arguments)
    with ``env`` added to the environment; stop it (SIGTERM) at the end."""
    port = port or free_port()
    command = [
        *program,
        *("--config", str(ROOT / "hypercorn.toml")),
        *("--bind", f"127.0.0.1:{port}"),
        *extra_args,
        "clarity.app:create_app()",
    ]
    # Its log goes to a file, not a pipe: nobody reads a pipe while the server runs, and a full
    # one would block it.
    with tempfile.TemporaryFile(mode="w+") as log:
        # Its own process group: hypercorn serves from a child process, which `crash` kills too.
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(process, base_url, log, startup_timeout)
            yield LiveServer(base_url, process, log)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def hypercorn_server(env: dict[str, str], extra_args: Sequence[str] = ()) -> Iterator[str]:
    """Like ``hypercorn_process``, yielding only the base URL."""
    with hypercorn_process(env, extra_args) as server:
        yield server.url


def _wait_until_healthy(
    process: subprocess.Popen[bytes], base_url: str, log: IO[str], timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"hypercorn exited: {log.read()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("hypercorn did not answer /health in time")
        time.sleep(0.1)


async def users_with_sessions(
    http: httpx.AsyncClient, users: int, sessions_each: int
) -> list[tuple[dict[str, str], str]]:
    """(headers, session id) for ``users`` new users with ``sessions_each`` sessions each."""

    async def one_user(n: int) -> list[tuple[dict[str, str], str]]:
        registered = await http.post(
            "/auth/register",
            json={
                "email": f"fault{n}-{random.getrandbits(32)}@example.com",
                "password": "long enough",
            },
        )
        headers = {"Authorization": f"Bearer {registered.json()['token']}"}
        sessions = []
        for _ in range(sessions_each):
            created = await http.post("/sessions", headers=headers)
            sessions.append((headers, created.json()["session"]["id"]))
        return sessions

    nested = await asyncio.gather(*(one_user(n) for n in range(users)))
    return [pair for group in nested for pair in group]
