"""The committed migrations build exactly the schema the models describe (SQLite, PostgreSQL)."""

from __future__ import annotations

import asyncio
import importlib.util
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from tortoise.context import TortoiseContext

from clarity.config import Settings
from clarity.db import MIGRATIONS_DIR, apply_migrations, tortoise_config
from tests.helpers import databases
from tests.helpers.schema_introspection import postgres_schema, sqlite_schema

ALL_MIGRATIONS = sorted(p.name for p in (MIGRATIONS_DIR / "models").glob("*.py"))


async def _schema_from_models(url: str) -> None:
    """Create the schema straight from the models (what the migrations must reproduce)."""

    async def run() -> None:
        context = TortoiseContext()
        with context:
            await context.init(config=tortoise_config(Settings(database_url=url)))
            await context.generate_schemas(safe=False)
        await context.close_connections()

    await asyncio.create_task(run())


@pytest.fixture
async def empty_databases(tmp_path: Path) -> AsyncIterator[tuple[str, str, Any]]:
    """Two empty databases of this run's kind, and the function that reads such a schema.

    One kind per test run: Tortoise caches per-model query builders, so one process cannot mix
    dialects. `.ci/run` runs the suite once on SQLite and once on PostgreSQL.
    """
    if not databases.ON_POSTGRES:
        yield f"sqlite://{tmp_path}/migrated.db", f"sqlite://{tmp_path}/models.db", _read_sqlite
        return
    migrated = await databases.create_postgres_database("clarity_migrated")
    from_models = await databases.create_postgres_database("clarity_models")
    try:
        yield migrated, from_models, postgres_schema
    finally:
        await databases.drop_postgres_database(migrated)
        await databases.drop_postgres_database(from_models)


async def _read_sqlite(url: str) -> dict[str, Any]:
    return await sqlite_schema(url.removeprefix("sqlite://"))


async def test_migrations_on_an_empty_database_match_the_models(
    empty_databases: tuple[str, str, Any],
) -> None:
    migrated_url, models_url, read_schema = empty_databases
    applied = await apply_migrations(Settings(database_url=migrated_url))
    assert applied == ALL_MIGRATIONS
    # Upgrading an up-to-date database applies nothing.
    assert await apply_migrations(Settings(database_url=migrated_url)) == []
    await _schema_from_models(models_url)
    migrated, from_models = await read_schema(migrated_url), await read_schema(models_url)
    assert set(migrated) == set(from_models)
    for table in from_models:
        assert migrated[table] == from_models[table], table


def test_aerich_finds_nothing_to_migrate(tmp_path: Path) -> None:
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, copy)
    assert _makemigrations().generate("drift_check", migrations_dir=copy) is None
    assert sorted(p.name for p in (copy / "models").glob("*.py")) == ALL_MIGRATIONS


def _makemigrations() -> Any:
    """migrations/makemigrations.py, the two-dialect generator (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location(
        "makemigrations", MIGRATIONS_DIR / "makemigrations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
