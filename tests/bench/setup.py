"""The benchmark's set-up: servers under hypercorn, fresh databases, and data."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from clarity.config import Settings
from clarity.db import apply_migrations

ROOT = Path(__file__).resolve().parents[2]
HYPERCORN = Path(sys.executable).parent / "hypercorn"
SECRET = "bench-secret-key-that-is-long-enough-0123456789"


@contextmanager
def serve(app: str, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            str(HYPERCORN),
            "--config",
            str(ROOT / "hypercorn.toml"),
            "--bind",
            f"127.0.0.1:{port}",
            app,
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.3)
        yield url, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def clarity_env(database_url: str, **settings: str) -> dict[str, str]:
    env = {
        "CLARITY_ENV": "test",
        "CLARITY_DATABASE_URL": database_url,
        "CLARITY_SECRET_KEY": SECRET,
        "CLARITY_PASSWORD_HASHING": "fast",
        "CLARITY_FREE_SESSIONS_PER_DAY": "unlimited",
        "CLARITY_RATE_LIMITS_ENABLED": "false",
        "CLARITY_LOG_LEVEL": "WARNING",
        "CLARITY_DATABASE_POOL_MAX": "40",
    }
    env.update({f"CLARITY_{k.upper()}": v for k, v in settings.items()})
    return env


async def seed(
    http: aiohttp.ClientSession, url: str, users: int, sessions_each: int
) -> list[tuple[dict[str, str], str]]:
    """(auth headers, session id) pairs, created through the API."""
    gate = asyncio.Semaphore(64)

    async def one(n: int) -> list[tuple[dict[str, str], str]]:
        async with gate:
            email = f"bench-{uuid.uuid4().hex[:12]}-{n}@example.com"
            async with http.post(
                f"{url}/auth/register", json={"email": email, "password": "bench password"}
            ) as response:
                token = (await response.json())["token"]
            headers = {"Authorization": f"Bearer {token}"}
            pairs = []
            for _ in range(sessions_each):
                async with http.post(f"{url}/sessions", headers=headers) as response:
                    pairs.append((headers, (await response.json())["session"]["id"]))
            return pairs

    return [
        pair for group in await asyncio.gather(*(one(n) for n in range(users))) for pair in group
    ]


async def insert_sessions(database_url: str, count: int) -> None:
    users = [uuid.uuid4() for _ in range(1000)]
    start = datetime.now(UTC) - timedelta(days=30)
    user_rows = [(str(u), f"grow-{u.hex}@example.com", "x", "free", start) for u in users]
    session_rows = [
        (str(uuid.uuid4()), users[i % len(users)], start + timedelta(seconds=i))
        for i in range(count)
    ]
    if database_url.startswith("sqlite"):
        import sqlite3

        path = database_url.removeprefix("sqlite://").split("?")[0]
        with sqlite3.connect(path) as db:
            db.executemany(
                "INSERT INTO users (id, email, password_hash, plan, created_at) VALUES (?,?,?,?,?)",
                [(u, e, h, p, c.isoformat(" ")) for u, e, h, p, c in user_rows],
            )
            db.executemany(
                "INSERT INTO solve_sessions (id, status, current_step, created_at, user_id) "
                "VALUES (?, 'active', 'receive', ?, ?)",
                [(s, c.isoformat(" "), str(u)) for s, u, c in session_rows],
            )
        return
    import asyncpg

    connection = await asyncpg.connect(
        database_url.replace("postgres://", "postgresql://", 1).split("?")[0]
    )
    try:
        await connection.copy_records_to_table(
            "users",
            columns=["id", "email", "password_hash", "plan", "created_at"],
            records=[(uuid.UUID(u), e, h, p, c) for u, e, h, p, c in user_rows],
        )
        await connection.copy_records_to_table(
            "solve_sessions",
            columns=["id", "status", "current_step", "created_at", "user_id"],
            records=[(uuid.UUID(s), "active", "receive", c, u) for s, u, c in session_rows],
        )
        await connection.execute("ANALYZE solve_sessions")
    finally:
        await connection.close()


async def fresh_database(url: str | None, workdir: Path, name: str) -> str:
    if url is None:
        database_url = f"sqlite://{workdir}/{name}.db"
    else:
        import asyncpg

        admin = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        database = f"clarity_bench_{name}_{uuid.uuid4().hex[:6]}"
        await admin.execute(f'CREATE DATABASE "{database}"')
        await admin.close()
        database_url = url.rsplit("/", 1)[0] + f"/{database}"
    await apply_migrations(Settings(database_url=database_url))
    return database_url


async def drop_database(admin_url: str | None, database_url: str) -> None:
    """Drop a PostgreSQL database the benchmark created (SQLite files go with their folder)."""
    if admin_url is None:
        return
    import asyncpg

    admin = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    try:
        name = database_url.rsplit("/", 1)[1]
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
