"""`clarity chat`: a solve session in the terminal, the reply appearing as it streams.

The conversation loop is synchronous and runs each network step on one ``asyncio.Runner``: the
prompt is read outside the event loop, so Ctrl-C at the prompt leaves at once (inside
``asyncio.run`` it would only cancel a task that is blocked in ``input()``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from clarity.cli.client import ApiClient, ApiError

Ask = Callable[[str], str]
QUIT_WORDS = {"/quit", "/exit", "/q"}


def run_chat(
    url: str,
    email: str,
    password: str,
    *,
    console: Console,
    ask: Ask,
    session_id: str | None = None,
) -> None:
    with asyncio.Runner() as runner:
        client = ApiClient(url)
        try:
            _sign_in(runner, client, console, ask, email, password)
            console.print(f"[dim]Signed in to {url} as {email}. Ctrl-C leaves at any time.[/]")
            _converse(runner, client, console, ask, session_id)
        finally:
            runner.run(client.aclose())


def _sign_in(
    runner: asyncio.Runner, client: ApiClient, console: Console, ask: Ask, email: str, pw: str
) -> None:
    """Log in; when no account matches, offer to create one with these credentials."""
    try:
        runner.run(client.login(email, pw, device_id="clarity-cli"))
        return
    except ApiError as error:
        if error.code != "invalid_credentials":
            raise
    answer = ask(f"No account matches {email}. Create one? [Y/n] ").strip().lower()
    if answer not in {"", "y", "yes"}:
        raise ApiError(401, "invalid_credentials", "Not signed in.")
    try:
        runner.run(client.register(email, pw, device_id="clarity-cli"))
    except ApiError as error:
        if error.code == "email_taken":
            raise ApiError(401, "invalid_credentials", "Wrong password for that account.") from None
        raise
    console.print(f"[green]Account created for {escape(email)}.[/]")


def _converse(
    runner: asyncio.Runner, client: ApiClient, console: Console, ask: Ask, session_id: str | None
) -> None:
    """Until the session completes or the user types /quit."""
    session = runner.run(client.get_session(session_id) if session_id else client.create_session())
    step = session["current_step"]
    console.print(f"[dim]Session {session['id']} · step [bold]{step}[/] · /quit to leave[/]")
    while session["status"] == "active":
        text = ask(f"\n[{step}] You: ").strip()
        if not text:
            continue
        if text.lower() in QUIT_WORDS:
            console.print("[dim]Bye. Your session is saved; come back to it any time.[/]")
            return
        done = runner.run(_reply(client, console, session["id"], text, step))
        if done is not None:
            session["status"] = done["session_status"]
            step = done["next_step"] or step
    console.print("\n[bold green]Session complete.[/] Well done for working through it.")


async def _reply(
    client: ApiClient, console: Console, session_id: str, text: str, step: str
) -> dict[str, Any] | None:
    """Print the reply as it streams; return its `done` event (None when it failed)."""
    console.print("[bold cyan]Coach:[/] ", end="")
    async for event in client.send_message(session_id, text, step):
        if event.event == "token":
            console.print(event.data["content"], end="", markup=False, soft_wrap=True)
        elif event.event == "interrupted":
            console.print(f"\n[red]The reply failed: {escape(event.data['detail'])}[/]")
        elif event.event == "done":
            console.print()
            _show_done(console, event.data)
            return event.data
    return None


def _show_done(console: Console, done: dict[str, Any]) -> None:
    next_step = done["next_step"] or "done"
    console.print(f"[dim]emotion: {done['emotion_detected']} · next step: {next_step}[/]")
    safety = done.get("safety")
    if isinstance(safety, dict) and safety.get("crisis"):
        lines = "\n".join(
            f"[bold]{escape(resource['name'])}[/]: {escape(resource['contact'])}"
            for resource in safety.get("resources", [])
        )
        console.print(
            Panel(
                lines,
                title="You don't have to face this alone",
                subtitle="If you are in danger, contact one of these now",
                border_style="bold red",
            )
        )
