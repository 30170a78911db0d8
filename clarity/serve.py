"""Serve Clarity with hypercorn's workers under a master that replaces a worker that dies.

Intentional divergence from hypercorn's own master (`hypercorn.run.run`, 0.18): when one worker
exits with a non-zero code (a crash, the OOM killer, a SIGKILL), that master sets its shutdown
event, then at once calls `Process.terminate()` (SIGTERM) on every other worker and exits. Its
workers watch the shared event instead of signals (`worker_serve` installs its SIGTERM handler
only when it is given no shutdown trigger), so that SIGTERM meets the default action and kills
them on the spot: every stream open on a surviving worker is cut with no terminal event, no
reply is stored as interrupted, and nothing restarts the server.

This module keeps everything else of hypercorn's: its config file, its listening sockets
(created once here and shared by the workers, as hypercorn does), and its worker functions
(`uvloop_worker`, `asyncio_worker`). It only replaces the supervision, which hypercorn offers no
setting or hook to change, in about fifty lines:

- each worker is started without a shared shutdown event, so hypercorn's `worker_serve` handles
  SIGTERM and SIGINT itself by draining: it stops accepting, lets open streams run for up to
  `graceful_timeout`, then runs the app's shutdown hooks (exactly what one worker does on SIGTERM);
- the master forwards SIGTERM/SIGINT to every worker and waits for all of them to drain; should
  the master itself die, the kernel sends each worker SIGTERM (Linux), and they drain;
- a worker that exits on its own is replaced and the others are not touched; after more than
  `CRASHES_ALLOWED` crashes within `CRASH_WINDOW` seconds (a worker that cannot start: a bad
  setting, a database that refuses connections) the master drains the rest and exits non-zero,
  leaving the retry to the service manager (see the systemd unit in the README).

Metrics: before the first worker starts, the master points ``PROMETHEUS_MULTIPROC_DIR`` at an
empty directory (a new temporary one, removed at exit, unless the operator set one), so that
every worker records in prometheus-client's multiprocess mode and a scrape of any worker adds
up all of them; it marks each worker it reaps as dead (prometheus-client's
``mark_process_dead``). The master never imports ``clarity.metrics``: declaring the metrics would
open files of its own in that directory.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from contextlib import suppress
from multiprocessing import get_context
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import cast

from hypercorn.asyncio.run import asyncio_worker, uvloop_worker
from hypercorn.config import Config, Sockets
from hypercorn.typing import WorkerFunc
from hypercorn.utils import write_pid_file

log = logging.getLogger("clarity.serve")

# The trio worker is left out: it does not notice a client that disconnects (STACK-NOTES).
WORKERS: dict[str, WorkerFunc] = {"asyncio": asyncio_worker, "uvloop": uvloop_worker}
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
CRASHES_ALLOWED = 5
CRASH_WINDOW = 60.0
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus-client in every worker


def _worker(worker_class: str, config: Config, sockets: Sockets, master: int) -> None:
    """A worker process: SIGINT is ignored until hypercorn installs its own draining handler, so
    a Ctrl-C that reaches the whole process group does not kill a worker still starting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _drain_when_orphaned(master)
    WORKERS[worker_class](config, sockets, None)  # no shared event: it drains on SIGTERM


def _drain_when_orphaned(master: int) -> None:
    """Have Linux send this worker SIGTERM when the master dies (prctl PR_SET_PDEATHSIG), so that
    it drains and exits instead of serving on with nobody to stop it (systemd's KillMode=mixed
    would SIGKILL it at TimeoutStopSec). Through ctypes: it is one call, and no well-kept library
    wraps prctl. Elsewhere than Linux an orphaned worker serves on until it is stopped."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != master:  # the master died before the call
        os.kill(os.getpid(), signal.SIGTERM)


def _prepare_metrics_dir() -> Path | None:
    """Point ``PROMETHEUS_MULTIPROC_DIR`` at an empty directory for the workers to inherit. An
    operator's directory is emptied of an earlier run's files and kept; otherwise a temporary one
    is made. Returns the directory to remove at exit (None for an operator's)."""
    given = os.environ.get(METRICS_DIR_ENV)
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        for stale in Path(given).glob("*.db"):
            stale.unlink()
        return None
    created = Path(tempfile.mkdtemp(prefix="clarity-metrics-"))
    os.environ[METRICS_DIR_ENV] = str(created)
    return created


def _worker_exited(pid: int | None) -> None:
    """Drop a dead worker's live gauges (open streams, pool in use); its counters are kept."""
    from prometheus_client.multiprocess import mark_process_dead  # declares no metric

    if pid is not None:
        mark_process_dead(pid, os.environ[METRICS_DIR_ENV])  # type: ignore[no-untyped-call]


def _remove_metrics_dir(created: Path | None) -> None:
    if created is not None:
        shutil.rmtree(created, ignore_errors=True)
        os.environ.pop(METRICS_DIR_ENV, None)


def serve(config: Config) -> int:
    """Run ``config.workers`` workers until SIGTERM or SIGINT; return the exit code."""
    if config.worker_class not in WORKERS:
        raise ValueError(f"worker_class must be one of {sorted(WORKERS)}")
    if config.workers < 1:
        raise ValueError("workers must be at least 1")
    if config.use_reloader:
        raise ValueError("reloading is hypercorn's own: use `hypercorn --reload` in development")
    if config.pid_path is not None:
        write_pid_file(config.pid_path)
    sockets = config.create_sockets()
    metrics_dir = _prepare_metrics_dir()  # before any worker imports prometheus_client
    context = get_context("spawn")
    # A signal only sets `stopping` and wakes the loop below through this pipe: the loop, not the
    # handler, touches the processes (a handler can run while one is half started).
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    stopping: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)
        with suppress(BlockingIOError):  # the pipe is full: the loop is awake already
            os.write(wake_write, b"\0")

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)

    workers: dict[int, BaseProcess] = {}  # by sentinel
    crashes: deque[float] = deque(maxlen=CRASHES_ALLOWED + 1)
    exit_code = 0
    try:
        while not stopping:
            while len(workers) < config.workers:
                process = context.Process(
                    target=_worker, args=(config.worker_class, config, sockets, os.getpid())
                )
                process.start()
                workers[process.sentinel] = process
            for ready in wait([*workers, wake_read]):
                if ready == wake_read:
                    os.read(wake_read, 512)
                    continue
                dead = workers.pop(cast(int, ready))  # wait returns the fds it was given
                dead.join()
                _worker_exited(dead.pid)
                if dead.exitcode != 0:
                    crashes.append(time.monotonic())
                log.warning(
                    "worker %s exited with code %s; starting another, the others go on",
                    dead.pid,
                    dead.exitcode,
                )
            if len(crashes) > CRASHES_ALLOWED and crashes[-1] - crashes[0] < CRASH_WINDOW:
                log.error("workers keep exiting: stopping the server")
                exit_code = 1
                break
        log.info("draining %d worker(s)", len(workers))
        for survivor in workers.values():
            survivor.terminate()  # SIGTERM: the worker drains (hypercorn's worker_serve)
        for survivor in workers.values():
            survivor.join()
    finally:
        _remove_metrics_dir(metrics_dir)
        for sock in (*sockets.secure_sockets, *sockets.insecure_sockets, *sockets.quic_sockets):
            sock.close()
        os.close(wake_read)
        os.close(wake_write)
    return exit_code
