"""`clarity chat`: a solve session in the terminal, the reply appearing as it streams.

The conversation loop is synchronous and runs each network step on one ``asyncio.Runner``: the
prompt is read outside the event loop, so Ctrl-C at the prompt leaves at once (inside
``asyncio.run`` it would only cancel a task that is blocked in ``input()``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from clarity.cli.client import DEFAULT_URL, ApiClient, ReplyEvent, ServerProblem

Ask = Callable[[str], str]
QUIT_WORDS = {"/quit", "/exit", "/q"}
# Messages per request when showing a session's conversation so far (the API allows 1-100).
HISTORY_PAGE = 100
LABELS = {"user": "[bold]You:[/]", "coach": "[bold cyan]Coach:[/]"}


class PasswordsDiffer(Exception):
    """The password typed again to create an account was not the first one."""


def run_chat(
    url: str,
    email: str,
    password: str,
    *,
    console: Console,
    ask: Ask,
    session_id: str | None = None,
    confirm_password: Callable[[], str] | None = None,
) -> None:
    """`confirm_password` asks for the password again before an account is created with it."""
    with asyncio.Runner() as runner:
        client = ApiClient(url)
        try:
            _sign_in(runner, client, console, ask, email, password, confirm_password)
            console.print(f"[dim]Signed in to {url} as {email}. Ctrl-C leaves at any time.[/]")
            _converse(runner, client, console, ask, session_id, url)
        finally:
            runner.run(client.aclose())


def _sign_in(
    runner: asyncio.Runner,
    client: ApiClient,
    console: Console,
    ask: Ask,
    email: str,
    pw: str,
    confirm_password: Callable[[], str] | None,
) -> None:
    """Log in; when no account matches, offer to create one with these credentials."""
    try:
        runner.run(client.login(email, pw, device_id="clarity-cli"))
        return
    except ServerProblem as error:
        if error.code != "invalid_credentials":
            raise
    answer = ask(f"No account matches {email}. Create one? [Y/n] ").strip().lower()
    if answer not in {"", "y", "yes"}:
        raise ServerProblem(401, "invalid_credentials", "Not signed in.")
    if confirm_password is not None and confirm_password() != pw:
        raise PasswordsDiffer("The two passwords differ: no account was created. Try again.")
    try:
        runner.run(client.register(email, pw, device_id="clarity-cli"))
    except ServerProblem as error:
        if error.code == "email_taken":
            raise ServerProblem(
                401, "invalid_credentials", "Wrong password for that account."
            ) from None
        raise
    console.print(f"[green]Account created for {escape(email)}.[/]")


def _converse(
    runner: asyncio.Runner,
    client: ApiClient,
    console: Console,
    ask: Ask,
    session_id: str | None,
    url: str,
) -> None:
    """Until the session completes, or the user types /quit or presses Ctrl-C."""
    session = runner.run(client.get_session(session_id) if session_id else client.create_session())
    try:
        if session_id and runner.run(_show_history(client, console, session["id"])):
            session = runner.run(client.get_session(session["id"]))
        step = session["current_step"]
        console.print(f"[dim]Session {session['id']} · step [bold]{step}[/] · /quit to leave[/]")
        while session["status"] == "active":
            text = ask(f"\n[{step}] You: ").strip()
            if not text:
                continue
            if text.lower() in QUIT_WORDS:
                _say_how_to_return(console, session["id"], url, "Bye.")
                return
            done = runner.run(_reply(client, console, session["id"], text, step))
            if done is not None:
                session["status"] = done["session_status"]
                step = done["next_step"] or step
    except (KeyboardInterrupt, EOFError):
        _say_how_to_return(console, session["id"], url, "\nLeft.")
        return
    console.print("\n[bold green]Session complete.[/] Well done for working through it.")


def _say_how_to_return(console: Console, session_id: str, url: str, opening: str) -> None:
    command = f"clarity chat --session {session_id}"
    if url.rstrip("/") != DEFAULT_URL:
        command += f" --url {url}"
    console.print(f"[dim]{opening} Your session {session_id} is saved; come back to it with:[/]")
    # On a line of its own and never wrapped, so that it can be copied whole.
    console.print(f"  {command}", markup=False, soft_wrap=True)


async def _show_history(client: ApiClient, console: Console, session_id: str) -> bool:
    """Print the conversation so far, oldest first; follow a reply still being written to its
    end. True when it followed one (the session has moved on since it was read)."""
    last: dict[str, Any] | None = None
    async for message in client.messages(session_id, page=HISTORY_PAGE):
        if last is not None:
            _show_message(console, last)
        last = message
    if last is None:
        return False
    if last["role"] == "coach" and last["status"] == "generating":
        console.print(LABELS["coach"], end=" ")
        console.print(last["content"], end="", markup=False, soft_wrap=True)
        await _show_stream(console, client.follow_reply(session_id), already=len(last["content"]))
        return True
    _show_message(console, last)
    return False


def _show_message(console: Console, message: dict[str, Any]) -> None:
    console.print(LABELS[message["role"]], end=" ")
    console.print(message["content"], markup=False, soft_wrap=True)
    if message["status"] == "interrupted":
        console.print("[dim](the reply was interrupted)[/]")


async def _reply(
    client: ApiClient, console: Console, session_id: str, text: str, step: str
) -> dict[str, Any] | None:
    """Print the reply as it streams; return its `done` event (None when it failed)."""
    console.print(LABELS["coach"], end=" ")
    return await _show_stream(console, client.send_message(session_id, text, step))


async def _show_stream(
    console: Console, events: AsyncIterator[ReplyEvent], already: int = 0
) -> dict[str, Any] | None:
    """Print a reply's text past its first `already` characters (shown before) as it streams;
    return its `done` event (None when it failed)."""
    seen = 0
    async for event in events:
        if event.event == "token":
            piece: str = event.data["content"]
            new = piece[max(0, already - seen) :]
            seen += len(piece)
            if new:
                console.print(new, end="", markup=False, soft_wrap=True)
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
