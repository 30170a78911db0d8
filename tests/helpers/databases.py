"""Test databases: SQLite files by default, PostgreSQL when CLARITY_TEST_DATABASE_URL names one.

With PostgreSQL, each test run creates its own databases next to the one the URL names (which is
only used to connect) and drops them at the end.
"""

from __future__ import annotations

import os
import uuid
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiosqlite
import asyncpg

TEST_DATABASE_URL = os.environ.get("CLARITY_TEST_DATABASE_URL", "").strip()
ON_POSTGRES = TEST_DATABASE_URL.startswith(("postgres://", "postgresql://", "asyncpg://"))
# Tables the tests empty between tests (all of Clarity's; aerich's history stays).
KEEP_TABLES = {"aerich"}


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}", query=""))


def _asyncpg_dsn(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql", query=""))


async def create_postgres_database(prefix: str = "clarity_test") -> str:
    """A new empty database on the test server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    connection = await asyncpg.connect(_asyncpg_dsn(TEST_DATABASE_URL))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return _with_database(TEST_DATABASE_URL, name)


async def drop_postgres_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    connection = await asyncpg.connect(_asyncpg_dsn(TEST_DATABASE_URL))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def truncate_postgres(url: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        tables = [
            row["tablename"]
            for row in await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
            if row["tablename"] not in KEEP_TABLES
        ]
        if tables:
            names = ", ".join(f'"{table}"' for table in tables)
            await connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()


async def postgres_connection(url: str) -> asyncpg.Connection:
    return await asyncpg.connect(_asyncpg_dsn(url))


async def scalar(url: str, sql: str) -> Any:
    """One value from the test database behind ``url`` (SQLite or PostgreSQL)."""
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://").split("?")[0]
        async with aiosqlite.connect(path) as connection:
            rows = list(await connection.execute_fetchall(sql))
            return rows[0][0] if rows else None
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        return await connection.fetchval(sql)
    finally:
        await connection.close()
