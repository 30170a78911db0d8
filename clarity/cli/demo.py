"""`clarity demo`: walk one session through all five steps and print the transcript.

A smoke test after a deploy: it exits non-zero as soon as anything in the walk is off.
"""

from __future__ import annotations

from rich.console import Console

from clarity.cli.client import ApiClient

STEPS = ["receive", "clarify", "reframe", "options", "commit"]
MESSAGES = [
    "I keep putting off a difficult conversation with my sister about money.",
    "She borrowed a lot last year and hasn't mentioned paying it back. It comes up every holiday.",
    "Maybe she is embarrassed too. What I control is how and when I bring it up.",
    "I could write to her, talk in person, or ask my brother to help me plan what to say.",
    "I'll call her on Sunday at 11 and ask to meet for coffee next week.",
]


class DemoFailure(Exception):
    pass


async def walk(client: ApiClient, console: Console) -> None:
    session = await client.create_session()
    console.print(f"[dim]session {session['id']}[/]")
    for index, (step, message) in enumerate(zip(STEPS, MESSAGES, strict=True)):
        console.print(f"\n[bold][{step}] You:[/] {message}")
        reply, done = [], None
        async for event in client.send_message(session["id"], message, step):
            if event.event == "token":
                reply.append(event.data["content"])
            elif event.event == "interrupted":
                raise DemoFailure(f"{step}: the reply failed ({event.data['code']})")
            elif event.event == "done":
                done = event.data
        if done is None:
            raise DemoFailure(f"{step}: the stream ended without `done`")
        console.print(f"[bold cyan][{step}] Coach:[/] {''.join(reply)}")
        expected = STEPS[index + 1] if index + 1 < len(STEPS) else None
        if not reply or done["next_step"] != expected:
            raise DemoFailure(f"{step}: expected next step {expected}, got {done['next_step']}")
    final = await client.get_session(session["id"])
    if final["status"] != "completed" or not final["completed_at"]:
        raise DemoFailure(f"the session ended {final['status']}, not completed")
    console.print("\n[bold green]✓ all five steps walked; the session is completed[/]")
