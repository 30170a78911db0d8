"""The benchmark command runs end to end (tiny numbers: this checks it works, not its speed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import databases

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(databases.ON_POSTGRES, reason="runs in the SQLite pass"),
]


def test_the_benchmark_prints_and_writes_its_table(tmp_path: Path) -> None:
    output = tmp_path / "bench.txt"
    result = subprocess.run(
        [
            sys.executable, "-m", "tests.bench", "--burst", "20", "--hold", "20",
            "--seconds", "0.5", "--growth-rows", "2000", "--output", str(output),
        ],
        capture_output=True, text=True, timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    table = output.read_text()
    for measure in (
        "burst 20: completed",
        "20/20",
        "burst 20: Quart alone, 20/20 done",
        "Quart alone, tiny JSON, 50 clients",
        "GET /sessions (page of 20 of 1,000)",
        "open streams held (20 tried)",
        "server RSS per open stream",
        "Quart alone: 20 open, 0 errors; RSS per stream",
        "GET /sessions p50, table of 1,000 vs 3,000 rows",
    ):
        assert measure in table, measure
    assert table in result.stdout
