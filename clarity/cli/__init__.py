"""The `clarity` command: operate the server (migrate, create-user, check) and talk to one
(chat, demo)."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import sys
import uuid
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

import click
import httpx
from pydantic import TypeAdapter, ValidationError
from rich.console import Console

from clarity.cli.chat import PasswordsDiffer, run_chat
from clarity.cli.client import DEFAULT_URL, ApiClient, ServerProblem
from clarity.cli.demo import DemoFailure, walk
from clarity.config import ConfigError, Settings
from clarity.db import (
    apply_migrations,
    close_database,
    open_database,
    pending_migrations,
    ping,
)
from clarity.errors import APIError
from clarity.logs import configure_logging
from clarity.passwords import Passwords
from clarity.schemas.accounts import RegisterRequest
from clarity.services import accounts

console = Console(highlight=False)


def _run(work: Coroutine[Any, Any, None] | Callable[[], None]) -> None:
    """Run a command's work, turning interruptions and refusals into one-line messages."""
    try:
        if callable(work):
            work()
        else:
            asyncio.run(work)
    except KeyboardInterrupt:
        console.print("\n[dim]Left. Anything already sent is saved on the server.[/]")
    except ConfigError as error:
        raise click.ClickException(error.reason) from None
    except ServerProblem as error:
        raise click.ClickException(f"{error.detail} ({error.code})") from None
    except httpx.TransportError as error:
        raise click.ClickException(f"cannot reach the server: {error}") from None
    except PasswordsDiffer as error:
        raise click.ClickException(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Clarity: guided solve sessions with a streaming coach."""


@main.command()
def migrate() -> None:
    """Apply pending migrations to CLARITY_DATABASE_URL."""

    async def run() -> None:
        applied = await apply_migrations(Settings.from_env())
        for name in applied:
            console.print(f"applied {name}")
        console.print("the database is up to date" if not applied else "done")

    _run(run())


@main.command()
@click.option(
    "--config",
    "config_path",
    default="hypercorn.toml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False),
    help="hypercorn's TOML config.",
)
@click.option("--bind", "-b", multiple=True, help="Listen here instead (repeatable).")
@click.option("--workers", "-w", type=click.IntRange(min=1), help="Instead of the config's.")
@click.option("--graceful-timeout", type=click.FloatRange(min=0), help="Instead of the config's.")
@click.argument("application", default="clarity.app:create_app()")
def serve(
    config_path: str,
    bind: tuple[str, ...],
    workers: int | None,
    graceful_timeout: float | None,
    application: str,
) -> None:
    """Serve the API with hypercorn's workers, replacing a worker that dies (clarity/serve.py)."""
    from hypercorn.config import Config

    from clarity.serve import serve as run_workers

    try:
        settings = Settings.from_env()
        configure_logging(settings)
    except ConfigError as error:  # refused here once, not once per worker
        raise click.ClickException(error.reason) from None
    config = Config.from_toml(config_path)
    config.application_path = application
    if bind:
        config.bind = list(bind)
    if workers is not None:
        config.workers = workers
    if graceful_timeout is not None:
        config.graceful_timeout = graceful_timeout
    if config.workers > 1 and not settings.redis_url:
        logging.getLogger("clarity.serve").warning(
            "%d workers without CLARITY_REDIS_URL: a client that reconnects through another "
            "worker gets its reply once it is stored, not live, and rate limits are counted "
            "per worker",
            config.workers,
        )
    try:
        sys.exit(run_workers(config))
    except ValueError as error:
        raise click.ClickException(str(error)) from None


@main.command("create-user")
@click.argument("email")
@click.password_option(help="Prompted for (twice) when not given.")
def create_user(email: str, password: str) -> None:
    """Create an account directly in the database."""
    try:
        data = TypeAdapter(RegisterRequest).validate_python({"email": email, "password": password})
    except ValidationError as error:
        problems = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in error.errors())
        raise click.ClickException(problems) from None

    async def run() -> None:
        settings = Settings.from_env()
        database = await open_database(settings)
        try:
            user = await accounts.create_user(Passwords(), email=data.email, password=data.password)
        except APIError as error:
            raise click.ClickException(error.detail) from None
        finally:
            await close_database(database)
        console.print(f"created {user.email} ({user.id})")

    _run(run())


@main.command("crisis-report")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="First day (UTC).")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day (UTC).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def crisis_report(since: Any, until: Any, as_json: bool) -> None:
    """Crisis referrals by day and level (counts only, for the SB 243 report)."""
    from clarity.services.crisis_records import referral_counts

    async def run() -> None:
        database = await open_database(Settings.from_env())
        try:
            rows = await referral_counts(
                since.date() if since else None, until.date() if until else None
            )
        finally:
            await close_database(database)
        if as_json:
            for row in rows:
                click.echo(
                    json.dumps({"day": row.day.isoformat(), "level": row.level, "count": row.count})
                )
            return
        console.print(f"{'day':<12}{'level':<10}{'referrals':>9}")
        for row in rows:
            console.print(f"{row.day.isoformat():<12}{row.level:<10}{row.count:>9}")
        console.print(f"{'total':<22}{sum(row.count for row in rows):>9}")

    _run(run())


@main.command()
def check() -> None:
    """Check the configuration and the database, saying what to fix."""
    problems = asyncio.run(_check())
    if problems:
        console.print(f"[red]{problems} problem(s)[/]")
        sys.exit(1)
    console.print("[green]all good[/]")


async def _check() -> int:
    problems = 0

    def report(ok: bool, message: str) -> None:
        nonlocal problems
        problems += not ok
        console.print(f"{'[green]✓' if ok else '[red]✗'}[/] {message}", soft_wrap=True)

    try:
        settings = Settings.from_env()
    except ConfigError as error:
        report(False, error.reason)
        return problems
    report(True, f"configuration read (env {settings.env}, coach {settings.coach})")
    try:
        settings.effective_secret_key()
        report(True, "secret key acceptable for this environment")
    except ConfigError as error:
        report(False, error.reason)
    try:
        database = await open_database(settings)
    except Exception as error:
        report(False, f"database cannot be opened: {error}")
        return problems
    try:
        if not await ping(database):
            report(False, "the database does not answer (is it running? is the URL right?)")
            return problems
        report(True, "the database answers")
        pending = await pending_migrations(database)
        report(
            not pending,
            "migrations up to date"
            if not pending
            else f"{len(pending)} migration(s) not applied ({', '.join(pending)}): "
            "run `clarity migrate`",
        )
    finally:
        await close_database(database)
    return problems


@main.command()
@click.option("--url", default=DEFAULT_URL, show_default=True, help="The Clarity server.")
@click.option("--email", help="Prompted for when not given.")
@click.option("--password", help="Prompted for (hidden) when not given.")
@click.option("--session", "session_id", help="Continue this session instead of a new one.")
def chat(url: str, email: str | None, password: str | None, session_id: str | None) -> None:
    """Sign in (or register) and hold a solve session in the terminal."""
    email = email or click.prompt("Email")
    confirm: Callable[[], str] | None = None
    if not password:
        password = click.prompt("Password", hide_input=True)
        # Typed at a prompt, so it may hold a typo: asked again before an account is made with it.
        confirm = partial(
            click.prompt, "Repeat the password to create the account", hide_input=True
        )
    chosen: str = password

    # The prompt is plain input(): rich's console.input would read "[step]" as markup.
    _run(
        lambda: run_chat(
            url,
            email,
            chosen,
            console=console,
            ask=input,
            session_id=session_id,
            confirm_password=confirm,
        )
    )


@main.command()
@click.option("--url", default=DEFAULT_URL, show_default=True, help="The Clarity server.")
@click.option("--email", help="Use this account instead of a throwaway one.")
@click.option("--password", help="The account's password.")
def demo(url: str, email: str | None, password: str | None) -> None:
    """Walk one session through all five steps; exit non-zero if anything fails."""

    if email and not password:
        password = click.prompt("Password", hide_input=True)

    async def run() -> None:
        async with ApiClient(url) as client:
            if email and password:
                await client.login(email, password, device_id="clarity-demo")
                await _walk(client)
                return
            throwaway = f"demo-{uuid.uuid4().hex[:12]}@example.com"
            await client.register(throwaway, secrets.token_urlsafe(16), "clarity-demo")
            console.print(f"[dim]registered {throwaway}[/]")
            walked = False
            try:
                await _walk(client)
                walked = True
            finally:
                await _delete_throwaway(client, throwaway, walked)

    _run(run())


async def _walk(client: ApiClient) -> None:
    try:
        await walk(client, console)
    except DemoFailure as failure:
        raise click.ClickException(f"demo failed: {failure}") from None


async def _delete_throwaway(client: ApiClient, email: str, walked: bool) -> None:
    """Delete the demo's own account (DELETE /me), whether or not the walk went through. A
    failure to delete fails the demo, but never hides the failure that ended the walk."""
    try:
        await client.delete_me()
    except (ServerProblem, httpx.HTTPError) as error:
        console.print(f"[red]could not delete {email}: {error}[/]")
        if walked:
            raise
        return
    console.print(f"[dim]deleted {email}[/]")
