"""Hand-written statements for the hottest paths: reads answered as plain rows, and the writes
every message makes.

Tortoise builds each query anew (pypika), then a model instance per row, parsing each SQLite
datetime with the iso8601 package: on ``GET /sessions`` that was about a quarter of the
request's CPU, and the sign-in lookup every request makes another sixth (README, Performance).
The few queries on those paths are written here once, in SQL that SQLite and PostgreSQL both
run, with PostgreSQL's numbered parameters (``$1``), which SQLite reads spelled ``?1``. Writes
stay with the ORM (and its cancel-safe transactions, ``clarity.db.transactions``), but for the
ones every message makes: the insert that stores it and its reply-to-be (one statement, where
Tortoise's ``bulk_create`` takes three hand-offs on SQLite: BEGIN, the rows, COMMIT), the
compare-and-set that takes the session's reply lock (``clarity.services.reply_locks``), and the
two updates that end a complete reply (its text and outcome, ``clarity.services.reply_store``;
the session's next step and the lock's release); and the insert of a new session
(``clarity.services.sessions``). They run in the caller's transaction. Values
are encoded as Tortoise encodes them (on SQLite by the adapters it registers with ``sqlite3``),
so rows written either way compare alike.

Values come back as the driver gives them: asyncpg decodes UUIDs and timestamps itself; SQLite
returns the text Tortoise stored, read here by ``as_uuid`` and ``as_datetime`` (the C
``datetime.fromisoformat``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from tortoise import connections

from clarity.db.sqlite import ClaritySqliteClient

_NUMBERED_PARAMETER = re.compile(r"\$(\d+)")


@lru_cache(maxsize=128)
def _sqlite_spelling(sql: str) -> str:
    return _NUMBERED_PARAMETER.sub(r"?\1", sql)


def _statement(sql: str, params: tuple[Any, ...]) -> tuple[Any, str, list[Any]]:
    """The connection to run on (the transaction this task is in, if any), and the statement and
    its parameters as that connection's driver takes them."""
    connection = connections.get("default")
    if connection.capabilities.dialect != "sqlite":
        return connection, sql, list(params)
    # Tortoise stores UUIDs as text on SQLite, and sqlite3 has no adapter for them.
    values = [str(p) if isinstance(p, uuid.UUID) else p for p in params]
    return connection, _sqlite_spelling(sql), values


async def select(sql: str, *params: Any) -> Sequence[Sequence[Any]]:
    """The rows of one ``SELECT`` (``$1``... parameters) on the default connection, or on the
    transaction this task is in (on SQLite, outside a transaction, the reading connection)."""
    connection, sql, values = _statement(sql, params)
    if isinstance(connection, ClaritySqliteClient):  # SQLite, not inside a transaction
        rows: Sequence[Sequence[Any]] = await connection.execute_read(sql, values)
        return rows
    result: tuple[int, Sequence[Sequence[Any]]] = await connection.execute_query(sql, values)
    return result[1]


async def execute(sql: str, *params: Any) -> int:
    """Run one writing statement (``$1``... parameters); the number of rows it changed."""
    connection, sql, values = _statement(sql, params)
    changed: int = (await connection.execute_query(sql, values))[0]
    return changed


async def returning(sql: str, *params: Any) -> list[dict[str, Any]]:
    """The rows of one writing statement with ``RETURNING``, as dicts (asyncpg's plain execute
    would drop them)."""
    connection, sql, values = _statement(sql, params)
    rows: list[dict[str, Any]] = await connection.execute_query_dict(sql, values)
    return rows


def as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def as_optional_uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else as_uuid(value)


def as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def as_optional_datetime(value: Any) -> datetime | None:
    return None if value is None else as_datetime(value)
