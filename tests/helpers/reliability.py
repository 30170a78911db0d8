"""The reliability report: tests record what they tried and what was lost or broken; pytest prints
the table at the end of the run (see ``pytest_terminal_summary`` in conftest.py).

Run only these tests with ``make reliability`` (``pytest -m reliability``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Row:
    test: str
    tried: str
    lost: str


ROWS: list[Row] = []


def record(test: str, tried: str, lost: str) -> None:
    ROWS.append(Row(test, tried, lost))


def print_table(reporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    widths = [max(len(getattr(row, f)) for row in ROWS) for f in ("test", "tried", "lost")]
    widths = [
        max(w, len(h)) for w, h in zip(widths, ("test", "tried", "lost or broken"), strict=True)
    ]
    reporter.write_sep("=", "reliability report")
    header = ("test", "tried", "lost or broken")
    reporter.write_line("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    reporter.write_line("  ".join("-" * w for w in widths))
    for row in ROWS:
        cells = (row.test, row.tried, row.lost)
        reporter.write_line("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
