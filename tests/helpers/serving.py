"""Serving with several processes, seen from outside: streams remembered by the connection that
carries them, and the processes behind them found in /proc (no psutil in the dependencies)."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.helpers.sse import StreamResult, read


@dataclass
class Stream:
    """One reply read through its own connection, remembered by the client's port."""

    headers: dict[str, str]
    session_id: str
    started: asyncio.Event = field(default_factory=asyncio.Event)
    reply: StreamResult = field(default_factory=StreamResult)

    @property
    def client_port(self) -> int:
        return self.reply.client_port

    @property
    def cut(self) -> bool:
        return self.reply.cut

    @property
    def first_event_at(self) -> float | None:
        return self.reply.arrivals[0] if self.reply.arrivals else None

    @property
    def text(self) -> str:
        return self.reply.text

    @property
    def done(self) -> bool:
        return bool(self.reply.events) and self.reply.events[-1].event == "done"


async def read_stream(http: httpx.AsyncClient, stream: Stream) -> None:
    """Send a message and read its reply into ``stream``; ``cut`` when the connection breaks."""
    await read(
        http,
        "POST",
        f"/sessions/{stream.session_id}/messages",
        headers=stream.headers,
        json_body={"content": "I keep going round in circles."},
        into=stream.reply,
        on_event=lambda _: stream.started.set(),
        expect_ok=True,
        tolerate_cut=True,
    )


def worker_pids(master: int) -> set[int]:
    """The worker processes of ``master``: its children started by multiprocessing's spawn (its
    other child is multiprocessing's resource tracker)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == master and b"spawn_main" in command:
            found.add(int(entry.name))
    return found


def client_ports(worker: int, server_port: int) -> set[int]:
    """The client ports of the connections ``worker`` holds on ``server_port``: its socket inodes
    (/proc/PID/fd) matched against the kernel's TCP table (/proc/net/tcp)."""
    inodes = set()
    for fd in Path(f"/proc/{worker}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(int(target.removeprefix("socket:[").removesuffix("]")))
    ports = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        columns = line.split()
        local, remote, inode = columns[1], columns[2], int(columns[9])
        if inode in inodes and int(local.split(":")[1], 16) == server_port:
            ports.add(int(remote.split(":")[1], 16))
    return ports


def group_alive(group: int) -> bool:
    """Whether a process of process group ``group`` still runs (zombies, which an init that does
    not reap may leave, do not count)."""
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False
