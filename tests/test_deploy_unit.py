"""The systemd unit in README.md's Deploying section: what it says, checked against
hypercorn.toml and the settings, and its command lines run under the rules it gives systemd
(Restart=, RestartSec=, KillMode=mixed, KillSignal=, TimeoutStopSec=), played by a small
supervisor here: systemd is not PID 1 in the sandbox that runs the tests."""

from __future__ import annotations

import asyncio
import configparser
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx
import pytest

from clarity.config import Settings
from tests.helpers import databases
from tests.helpers.live import ROOT, free_port, server_env, users_with_sessions
from tests.helpers.reliability import record
from tests.helpers.serving import Stream, group_alive, read_stream
from tests.helpers.support import deploying_block

INSTALLED_AT = "/srv/clarity"


def _unit() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(deploying_block("ini"))
    return parser["Service"]


def _command(line: str) -> list[str]:
    """A command line of the unit, for this checkout instead of /srv/clarity."""
    return shlex.split(line.replace(INSTALLED_AT, str(ROOT)))


def test_the_unit_restarts_migrates_first_and_outwaits_the_graceful_shutdown() -> None:
    service = _unit()
    graceful_timeout = tomllib.loads((ROOT / "hypercorn.toml").read_text())["graceful_timeout"]
    reply_grace = Settings().reply_shutdown_grace_seconds
    assert service["Restart"] == "always"
    assert 0 < float(service["RestartSec"]) <= 10
    assert _command(service["ExecStartPre"])[1:] == ["migrate"]
    assert _command(service["ExecStart"])[1:3] == ["serve", "--config"]
    # SIGTERM to the master alone (it forwards it); SIGKILL to all only at the timeout.
    assert (service["KillMode"], service["KillSignal"]) == ("mixed", "SIGTERM")
    assert float(service["TimeoutStopSec"]) > graceful_timeout + reply_grace + 5


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    environment = tmp_path / "clarity.env"
    environment.touch()
    text = deploying_block("ini").replace(INSTALLED_AT, str(ROOT))
    text = text.replace("/etc/clarity/clarity.env", str(environment))
    # The `clarity` user exists only on a server.
    text = "\n".join(line for line in text.splitlines() if not line.startswith(("User=", "Group=")))
    (tmp_path / "clarity.service").write_text(text)
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "clarity.service")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


class Supervisor:
    """systemd's part for this one unit: ExecStartPre, then ExecStart in a process group of its
    own (standing in for the cgroup); when the main process exits, wait for the group to empty
    (SIGKILL at TimeoutStopSec), then RestartSec, then start again."""

    def __init__(self, env: dict[str, str], extra_args: list[str], log: IO[str]) -> None:
        service = _unit()
        self.pre = _command(service["ExecStartPre"])
        self.start_command = [*_command(service["ExecStart"]), *extra_args]
        self.restart_sec = float(service["RestartSec"])
        self.stop_timeout = float(service["TimeoutStopSec"])
        self.kill_signal = signal.Signals[service["KillSignal"]]
        self.env = {**os.environ, **env}
        self.log = log
        self.main: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        subprocess.run(
            self.pre, cwd=ROOT, env=self.env, check=True, stdout=self.log, stderr=self.log
        )
        self.main = subprocess.Popen(
            self.start_command,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            start_new_session=True,
        )

    def _wait_for_group(self, started: float) -> None:
        assert self.main is not None
        while group_alive(self.main.pid):
            if time.monotonic() - started > self.stop_timeout:
                os.killpg(self.main.pid, signal.SIGKILL)
            time.sleep(0.05)

    def restart_after_exit(self) -> None:
        """Restart=always: the main process has exited."""
        assert self.main is not None
        exited_at = time.monotonic()
        self.main.wait()
        self._wait_for_group(exited_at)
        time.sleep(self.restart_sec)
        self.start()

    def stop(self) -> int:
        """`systemctl stop` with KillMode=mixed: KillSignal to the main process only."""
        assert self.main is not None
        sent_at = time.monotonic()
        self.main.send_signal(self.kill_signal)
        self._wait_for_group(sent_at)
        return self.main.wait()


@contextmanager
def supervised(env: dict[str, str], extra_args: list[str]) -> Iterator[Supervisor]:
    with tempfile.NamedTemporaryFile(mode="w+") as log:
        supervisor = Supervisor(env, extra_args, log)
        supervisor.start()
        try:
            yield supervisor
        finally:
            if supervisor.main is not None and group_alive(supervisor.main.pid):
                os.killpg(supervisor.main.pid, signal.SIGKILL)
                supervisor.main.wait()


async def _healthy(url: str, timeout: float = 60) -> float:
    """Seconds until ``url``/health answers 200."""
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=1) as http:
        while time.monotonic() - started < timeout:
            try:
                if (await http.get(f"{url}/health")).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{url} did not answer /health within {timeout} s")


async def _open_streams(http: httpx.AsyncClient, streams: list[Stream]) -> list[asyncio.Task[None]]:
    """Start reading every stream; return once each has its first event."""
    tasks = [asyncio.create_task(read_stream(http, stream)) for stream in streams]
    await asyncio.wait_for(asyncio.gather(*(s.started.wait() for s in streams)), 30)
    return tasks


@pytest.mark.live
@pytest.mark.reliability
@pytest.mark.skipif(not databases.ON_POSTGRES, reason="several processes need PostgreSQL")
async def test_under_the_unit_a_dead_master_comes_back_and_a_stop_drains(database_url: str) -> None:
    streams, port = 20, free_port()
    url = f"http://127.0.0.1:{port}"
    env = server_env(
        database_url,
        coach_token_delay="0.3",  # a reply of 12 tokens in about 4 s
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_pool_max="30",
    )
    # The unit's command lines, on a free port of this machine.
    with supervised(env, ["--bind", f"127.0.0.1:{port}", "--workers", "2"]) as supervisor:
        await _healthy(url)
        limits = httpx.Limits(max_connections=streams + 10)
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:
            sessions = await users_with_sessions(http, users=4, sessions_each=streams // 2)
            before_kill = [Stream(h, s) for h, s in sessions[:streams]]
            before_stop = [Stream(h, s) for h, s in sessions[streams:]]

            # The master is killed: its workers drain, then it all starts again (Restart=).
            tasks = await _open_streams(http, before_kill)
            assert supervisor.main is not None
            supervisor.main.kill()
            killed_at = time.monotonic()
            await asyncio.to_thread(supervisor.restart_after_exit)
            await _healthy(url)
            back_after = time.monotonic() - killed_at
            await asyncio.gather(*tasks)

            # `systemctl stop`: open replies finish, the server exits cleanly.
            tasks = await _open_streams(http, before_stop)
            sent_at = time.monotonic()
            exit_code = await asyncio.to_thread(supervisor.stop)
            stopped_after = time.monotonic() - sent_at
            await asyncio.gather(*tasks)

    cut_at_kill = sum(not s.done for s in before_kill)
    cut_at_stop = sum(not s.done for s in before_stop)
    record(
        "systemd unit (emulated): master SIGKILLed, then stop",
        f"{streams} streams at the kill, {streams} at the stop, RestartSec "
        f"{supervisor.restart_sec:g} s",
        f"{cut_at_kill} cut at the kill, serving again {back_after:.1f} s after it; "
        f"{cut_at_stop} cut at the stop, exit {exit_code} in {stopped_after:.1f} s",
    )
    assert cut_at_kill == 0
    assert cut_at_stop == 0
    assert exit_code == 0
    assert back_after < 30
