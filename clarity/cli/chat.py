"""`clarity chat`: a solve session in the terminal, the reply appearing as it streams."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.panel import Panel

from clarity.cli.client import ApiClient, ApiError

Ask = Callable[[str], str]
QUIT_WORDS = {"/quit", "/exit", "/q"}


async def sign_in(client: ApiClient, console: Console, ask: Ask, email: str, password: str) -> None:
    """Log in; when no account matches, offer to create one with these credentials."""
    try:
        await client.login(email, password, device_id="clarity-cli")
        return
    except ApiError as error:
        if error.code != "invalid_credentials":
            raise
    answer = ask(f"No account matches {email}. Create one? [Y/n] ").strip().lower()
    if answer not in {"", "y", "yes"}:
        raise ApiError(401, "invalid_credentials", "Not signed in.")
    try:
        await client.register(email, password, device_id="clarity-cli")
    except ApiError as error:
        if error.code == "email_taken":
            raise ApiError(401, "invalid_credentials", "Wrong password for that account.") from None
        raise
    console.print(f"[green]Account created for {email}.[/]")


async def chat(
    client: ApiClient, console: Console, ask: Ask, session_id: str | None = None
) -> None:
    """The conversation loop; returns when the session completes or the user types /quit."""
    session = await client.get_session(session_id) if session_id else await client.create_session()
    step = session["current_step"]
    console.print(f"[dim]Session {session['id']} · step [bold]{step}[/] · type /quit to leave[/]")
    while session["status"] == "active":
        text = ask(f"\n[{step}] You: ").strip()
        if not text:
            continue
        if text.lower() in QUIT_WORDS:
            console.print("[dim]Bye. Your session is saved; come back to it any time.[/]")
            return
        console.print("[bold cyan]Coach:[/] ", end="")
        async for event in client.send_message(session["id"], text, step):
            if event.event == "token":
                console.print(event.data["content"], end="", highlight=False, soft_wrap=True)
            elif event.event == "error":
                console.print(f"\n[red]The reply failed: {event.data['detail']}[/]")
            elif event.event == "done":
                console.print()
                _show_done(console, event.data)
                session["status"] = event.data["session_status"]
                step = event.data["next_step"] or step
    console.print("\n[bold green]Session complete.[/] Well done for working through it.")


def _show_done(console: Console, done: dict[str, object]) -> None:
    next_step = done["next_step"] or "done"
    console.print(f"[dim]emotion: {done['emotion_detected']} · next step: {next_step}[/]")
    safety = done.get("safety")
    if isinstance(safety, dict) and safety.get("crisis"):
        lines = "\n".join(
            f"[bold]{resource['name']}[/]: {resource['contact']}"
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
