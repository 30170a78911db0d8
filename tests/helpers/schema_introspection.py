"""Read a database's actual schema (tables, columns, indexes, constraints) as comparable data."""

from __future__ import annotations

from typing import Any

import aiosqlite

from tests.helpers import databases


async def sqlite_schema(path: str) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    async with aiosqlite.connect(path) as db:
        tables = [
            row[0]
            for row in await db.execute_fetchall(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            columns = await db.execute_fetchall(f'PRAGMA table_info("{table}")')
            indexes = []
            for index in await db.execute_fetchall(f'PRAGMA index_list("{table}")'):
                _, name, unique, origin, partial = index
                index_columns = await db.execute_fetchall(f'PRAGMA index_info("{name}")')
                indexes.append((unique, origin, partial, tuple(c[2] for c in index_columns)))
            foreign_keys = await db.execute_fetchall(f'PRAGMA foreign_key_list("{table}")')
            schema[table] = {
                # (name, type, notnull, default, pk)
                "columns": sorted(tuple(c[1:]) for c in columns),
                "indexes": sorted(indexes),
                "foreign_keys": sorted((fk[2], fk[3], fk[4], fk[6]) for fk in foreign_keys),
            }
    return schema


async def postgres_schema(url: str) -> dict[str, Any]:
    connection = await databases.postgres_connection(url)
    try:
        columns = await connection.fetch(
            """
            SELECT table_name, column_name, data_type, is_nullable, character_maximum_length,
                   column_default
            FROM information_schema.columns WHERE table_schema = 'public'
            """
        )
        indexes = await connection.fetch(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
        )
        constraints = await connection.fetch(
            """
            SELECT rel.relname AS table_name, con.conname, pg_get_constraintdef(con.oid) AS def
            FROM pg_constraint con
            JOIN pg_class rel ON rel.oid = con.conrelid
            JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public'
            """
        )
    finally:
        await connection.close()
    schema: dict[str, Any] = {}
    for row in columns:
        table = schema.setdefault(
            row["table_name"], {"columns": [], "indexes": [], "constraints": []}
        )
        table["columns"].append(tuple(row.values())[1:])
    for row in indexes:
        schema[row["tablename"]]["indexes"].append((row["indexname"], row["indexdef"]))
    for row in constraints:
        schema[row["table_name"]]["constraints"].append((row["conname"], row["def"]))
    for table in schema.values():
        for key in table:
            table[key].sort(key=repr)
    return schema
