"""/docs renders in a real browser (headless Chromium) with no network but the app itself."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import databases
from tests.helpers.live import hypercorn_server, server_env

pytestmark = pytest.mark.live

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# .ci/run installs Chromium and sets this, so that a missing browser fails CI instead of skipping.
REQUIRED = os.environ.get("CLARITY_REQUIRE_BROWSER") == "1"

ROUTES = [
    "/auth/register",
    "/auth/login",
    "/me",
    "/sessions",
    "/sessions/{session_id}",
    "/sessions/{session_id}/messages",
]


@pytest.mark.skipif(databases.ON_POSTGRES, reason="about the docs page; runs in the SQLite pass")
def test_docs_render_every_route_in_headless_chromium(database_url: str, tmp_path: Path) -> None:
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("Chromium is required (CLARITY_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    env = server_env(database_url)
    with hypercorn_server(env) as base_url:
        dom = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'chromium'}",
                "--virtual-time-budget=20000",
                "--dump-dom",
                f"{base_url}/docs",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    assert "swagger-ui" in dom
    assert "Clarity API" in dom  # the document's title, rendered from /openapi.json
    for route in ROUTES:
        assert f'data-path="{route}"' in dom, route
