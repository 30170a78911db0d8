"""The database: Tortoise configuration, start-up and shut-down, readiness, and migrations.

Tortoise 1.x keeps its state in a context variable, and its stock Quart integration does not make
that state visible to request tasks. The app therefore owns one ``TortoiseContext`` per serving
lifetime, registered as the process-wide fallback, and closes it (which clears the fallback) when
serving stops.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext

from clarity.config import Settings

MODEL_MODULES = ["clarity.models", "aerich.models"]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent.parent / "migrations"
READY_TIMEOUT_SECONDS = 2.0
# Tortoise's engines, replaced by Clarity's cancellation-safe subclasses (see their modules).
ENGINES = {
    "tortoise.backends.asyncpg": "clarity.db.postgres",
    "tortoise.backends.sqlite": "clarity.db.sqlite",
}
# Defence in depth: PostgreSQL ends a session left idle inside a transaction this long (ms), so
# that a connection stranded by any bug is given back. Clarity's transactions are a few queries.
IDLE_IN_TRANSACTION_TIMEOUT_MS = "60000"


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be used at all (start-up fails with this reason)."""


def database_url(settings: Settings) -> str:
    """The configured URL with the connection settings Clarity relies on filled in."""
    # Split by hand: urlsplit/urlunsplit would turn "sqlite:////abs/path" into a relative path.
    base, _, query = settings.database_url.partition("?")
    params = dict(parse_qsl(query))
    scheme = base.partition(":")[0]
    if scheme in {"postgres", "asyncpg", "postgresql"}:
        params.setdefault("maxsize", str(settings.database_pool_max))
        # Fail fast (and answer 503) when the server is unreachable instead of hanging a request.
        params.setdefault("timeout", "5")
    elif scheme == "sqlite":
        # Several processes on one SQLite file (a CLI next to a server) wait instead of failing.
        params.setdefault("busy_timeout", "5000")
    return f"{base}?{urlencode(params)}" if params else base


def tortoise_config(settings: Settings) -> dict[str, Any]:
    connection = expand_db_url(database_url(settings))
    connection["engine"] = ENGINES.get(connection["engine"], connection["engine"])
    if connection["engine"] == ENGINES["tortoise.backends.asyncpg"]:
        credentials = connection["credentials"]
        credentials["acquire_timeout"] = settings.database_acquire_timeout_seconds
        credentials["server_settings"] = {
            "idle_in_transaction_session_timeout": IDLE_IN_TRANSACTION_TIMEOUT_MS
        }
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def open_database(settings: Settings) -> TortoiseContext:
    """Connect, and make the connection the process-wide default for request tasks."""
    context = TortoiseContext()
    # Current only while initialising (model set-up needs it); afterwards requests reach it
    # through the global fallback.
    with context:
        await context.init(config=tortoise_config(settings), _enable_global_fallback=True)
    if settings.is_sqlite:
        # Open the file now. Tortoise's SQLite client takes its lock before connecting and
        # never releases it if the connect fails, so a lazy first connect to a file that cannot
        # be opened would hang every later query. For the embedded database that is a
        # configuration error: refuse to start with the reason instead.
        try:
            await context.db().create_connection(with_db=True)
        except Exception as error:
            await context.close_connections()
            raise DatabaseUnavailableError(
                f"cannot open the SQLite database {settings.database_url!r}: {error}"
            ) from error
    return context


async def close_database(context: TortoiseContext) -> None:
    await context.close_connections()


async def ping(context: TortoiseContext) -> bool:
    """True when the database answers a trivial query within READY_TIMEOUT_SECONDS."""
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS):
            await context.db().execute_query("SELECT 1")
    except Exception:  # any failure means "not ready"; /ready only reports it
        return False
    return True


async def pending_migrations(context: TortoiseContext) -> list[str]:
    """The migration files not applied to the database yet (all of them on an empty one)."""
    files = sorted(p.name for p in (MIGRATIONS_DIR / "models").glob("*.py"))
    try:
        rows = await context.db().execute_query_dict(
            "SELECT version FROM aerich WHERE app = 'models'"
        )
    except Exception:  # no aerich table: nothing applied yet
        return files
    applied = {row["version"] for row in rows}
    return [name for name in files if name not in applied]


async def apply_migrations(settings: Settings) -> list[str]:
    """Apply pending aerich migrations to the configured database; return the ones applied.

    Runs in a task of its own: aerich initialises Tortoise through its global API, which sets a
    context variable that must not leak into the caller (a test, or a running app).
    """

    async def run() -> list[str]:
        from aerich import Command

        command = Command(
            tortoise_config=tortoise_config(settings),
            app="models",
            location=str(MIGRATIONS_DIR),
        )
        async with command:
            migrated: list[str] = await command.upgrade(run_in_transaction=True)
        return migrated

    return await asyncio.create_task(run())


def __getattr__(name: str) -> Any:
    """``TORTOISE_ORM``, what `aerich` (run from the repository root) reads: the same settings
    as the app, read from the environment when aerich asks (not when this module is imported)."""
    if name == "TORTOISE_ORM":
        return tortoise_config(Settings.from_env())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
