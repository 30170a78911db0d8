"""The nginx configuration that README.md's Deploying section documents, run as written in front
of two real app servers (hypercorn, one database), and checked through nginx with real clients.

The test takes THE ```nginx block of the Deploying section and changes only what a loopback test
must (``_for_this_test``): the ``listen 80;`` port, the addresses of the upstream's two
``server`` lines, and, in one test, ``proxy_read_timeout``. Every other line runs as documented.
The block goes inside a minimal ``nginx.conf`` (``_NGINX_CONF``) that only puts nginx's pid, logs
and temporary files in the test's directory.

nginx is a system package: the tests skip without it, unless ``CLARITY_REQUIRE_NGINX=1`` (set by
.ci/run, which installs it), where a missing nginx fails.
"""

from __future__ import annotations

import getpass
import itertools
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import redis

from clarity.coach.scripted import REPLIES
from clarity.models import SolveStep
from tests.helpers import databases
from tests.helpers.fake_openai import FakeOpenAI, Reply, running
from tests.helpers.live import free_port, hypercorn_server, server_env
from tests.helpers.reliability import record
from tests.helpers.sse import send_message
from tests.helpers.support import deploying_block

pytestmark = pytest.mark.live

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
# .ci/run installs nginx and sets this, so that a missing nginx fails CI instead of skipping.
REQUIRED = os.environ.get("CLARITY_REQUIRE_NGINX") == "1"
# The limiter check needs one store for both app servers (as tests/test_rate_limits.py).
REDIS_URL = os.environ.get("CLARITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TOKEN_DELAY = 0.2
REGISTER_LIMIT = 3

# Around the documented block: everything nginx would otherwise write under /var or /run goes
# to the test's directory. `user` only matters when the tests run as root (as in CI), where
# nginx's workers would otherwise run as `nobody` and could not reach a private temp directory.
_NGINX_CONF = """\
daemon off;
user {user};
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log notice;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/clarity.conf;
}}
"""


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    if NGINX is None:
        if REQUIRED:
            pytest.fail("nginx is required (CLARITY_REQUIRE_NGINX=1) but not installed")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    return NGINX


def documented_config() -> str:
    """THE ```nginx block of README.md's "## Deploying" section."""
    return deploying_block("nginx")


def _replace_once(pattern: str, replacement: str, text: str) -> str:
    """``re.sub`` that insists on exactly one match: a README edit that moves or renames a
    substituted line fails here instead of testing something else."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} matched {count} times in the README's nginx block"
    return new


def _for_this_test(
    config: str, port: int, upstreams: list[str], read_timeout: int | None = None
) -> str:
    """The documented block with the test's loopback addresses (and read timeout)."""
    config = _replace_once(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", config)
    # The upstream's `server <address>` lines (not the `server {` block), in order.
    addresses = re.findall(r"^\s*server\s+(\d[\d.]*:\d+)", config, re.MULTILINE)
    assert len(addresses) == 2, f"expected two upstream servers, found {addresses}"
    padded: list[str | None] = [*upstreams, *[None] * (len(addresses) - len(upstreams))]
    for address, upstream in zip(addresses, padded, strict=True):
        line = rf"^\s*server\s+{re.escape(address)}\b.*\n"
        if upstream is None:  # fewer app servers than documented: drop the line
            config = _replace_once(line, "", config)
        else:
            config = _replace_once(
                rf"(server\s+){re.escape(address)}\b", rf"\g<1>{upstream}", config
            )
    if read_timeout is not None:
        config = _replace_once(
            r"proxy_read_timeout\s+\S+;", f"proxy_read_timeout {read_timeout}s;", config
        )
    return config


@contextmanager
def nginx_in_front(
    binary: str, directory: Path, upstreams: list[str], **options: int
) -> Iterator[str]:
    """nginx running the README's block in front of ``upstreams``; yields its base URL."""
    prefix = directory / "nginx"
    prefix.mkdir()
    port = free_port()
    (prefix / "clarity.conf").write_text(
        _for_this_test(documented_config(), port, upstreams, **options)
    )
    conf = prefix / "nginx.conf"
    conf.write_text(_NGINX_CONF.format(prefix=prefix, user=getpass.getuser()))
    command = [binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, f"nginx -t refused the README's block:\n{checked.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {(prefix / 'error.log').read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not listen in time") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)  # fast shutdown: open streams are closed
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Deployment:
    url: str  # nginx
    apps: list[str]  # the app servers behind it, for comparing with what they answer directly


@contextmanager
def deployment(
    nginx: str,
    database_url: str,
    directory: Path,
    app_servers: int = 2,
    read_timeout: int | None = None,
    **settings: str,
) -> Iterator[Deployment]:
    """``app_servers`` hypercorns on ``database_url`` with ``settings`` (and
    ``CLARITY_TRUSTED_PROXY_COUNT=1``), and nginx running the README's block in front of them."""
    env = server_env(
        database_url,
        **{"free_sessions_per_day": "unlimited", "trusted_proxy_count": "1", **settings},
    )
    with ExitStack() as stack:
        # Started side by side: each takes about 2 s to import and answer /health. The ExitStack
        # stops whichever did start if the other fails.
        with ThreadPoolExecutor(app_servers) as pool:
            starting = [
                pool.submit(stack.enter_context, hypercorn_server(env)) for _ in range(app_servers)
            ]
        apps = [future.result() for future in starting]
        upstreams = [url.removeprefix("http://") for url in apps]
        options = {} if read_timeout is None else {"read_timeout": read_timeout}
        url = stack.enter_context(nginx_in_front(nginx, directory, upstreams, **options))
        yield Deployment(url, apps)


def _redis_reachable() -> bool:
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
        return True
    except redis.RedisError:
        if os.environ.get("CLARITY_TEST_REDIS_URL"):
            raise
        return False
    finally:
        connection.close()


@pytest.fixture(scope="module")
def module_database(migrated_template: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One database for the module's app servers (started once: each start costs seconds). Its
    tests register fresh emails and come from their own addresses, so they do not meet."""
    if databases.ON_POSTGRES:
        return migrated_template  # the next test's `database_url` empties it
    path = tmp_path_factory.mktemp("nginx") / "clarity.db"
    shutil.copyfile(migrated_template, path)
    return f"sqlite://{path}"


@pytest.fixture(scope="module")
def site(
    nginx_binary: str, module_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    """The README's nginx in front of two app servers with a coach at 0.2 s a word and a sign-up
    limit of 3 per client, shared through Redis. Without Redis (and not required) each server
    would count in its own memory, so then one app server only stands behind nginx."""
    namespace = f"test-nginx-{uuid.uuid4().hex}"
    shared = _redis_reachable()
    with deployment(
        nginx_binary,
        module_database,
        tmp_path_factory.mktemp("site"),
        app_servers=2 if shared else 1,
        coach_token_delay=str(TOKEN_DELAY),
        register_limit_per_client=str(REGISTER_LIMIT),
        rate_limit_namespace=namespace,
        **({"redis_url": REDIS_URL} if shared else {}),
    ) as running_site:
        yield running_site
    if shared:
        connection = redis.Redis.from_url(REDIS_URL)
        for key in connection.scan_iter(match=f"*{namespace}*"):
            connection.delete(key)
        connection.close()


async def _session(http: httpx.AsyncClient) -> tuple[dict[str, str], str]:
    registered = await http.post(
        "/auth/register",
        json={"email": f"{uuid.uuid4().hex}@example.com", "password": "long enough"},
    )
    assert registered.status_code == 201, registered.text
    headers = {"Authorization": f"Bearer {registered.json()['token']}"}
    created = await http.post("/sessions", headers=headers)
    assert created.status_code == 201, created.text
    return headers, created.json()["session"]["id"]


CONTENT = "I can't decide whether to change jobs."


async def test_tokens_pass_through_nginx_one_by_one(site: Deployment) -> None:
    # httpx asks for gzip (Accept-Encoding: gzip, deflate): the stream must come back plain.
    async with httpx.AsyncClient(base_url=site.url, timeout=30) as http:
        headers, session_id = await _session(http)
        received = await send_message(http, session_id, headers, CONTENT)
    assert received.status == 200
    assert received.headers["content-type"] == "text/event-stream"
    assert "content-encoding" not in received.headers
    assert received.names[-1] == "done"
    assert received.text == REPLIES[SolveStep.RECEIVE]
    arrivals = received.token_arrivals()
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    median = statistics.median(gaps)
    record(
        "nginx: token gaps",
        f"{len(arrivals)} tokens, coach delay {TOKEN_DELAY} s, through nginx",
        f"median {median:.3f} s, min {min(gaps):.3f} s, max {max(gaps):.3f} s",
    )
    # One by one, at the coach's pace: not held back and released in one lump at the end.
    assert 0.1 <= median <= 0.4, gaps
    assert arrivals[-1] - arrivals[0] >= TOKEN_DELAY * len(gaps) * 0.8, gaps


async def test_heartbeats_keep_a_silent_stream_open_past_nginx_read_timeout(
    nginx_binary: str, module_database: str, tmp_path: Path
) -> None:
    # nginx gives up on an upstream silent for 2 s; the model pauses 3 s before every word; the
    # app sends `: ping` after 0.5 s without an event. A fake model with a two-word reply keeps
    # this short (the scripted coach's shortest reply has 12 words: 33 s at 3 s a word).
    async with running(FakeOpenAI(default=Reply(text="Breathe slowly.", delay=3.0))) as fake:
        with deployment(
            nginx_binary,
            module_database,
            tmp_path,
            read_timeout=2,
            stream_heartbeat_seconds="0.5",
            coach="openai",
            coach_base_url=fake.base_url,
            coach_api_key="sk-test",
        ) as slow_site:
            async with httpx.AsyncClient(base_url=slow_site.url, timeout=30) as http:
                headers, session_id = await _session(http)
                received = await send_message(http, session_id, headers, CONTENT)
    assert received.status == 200
    assert received.names == ["start", "token", "token", "done"]
    assert received.text == "Breathe slowly."
    arrivals = received.arrivals  # from the start event, which comes at once
    silences = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    record(
        "nginx: silent stream",
        "2 words 3 s apart, read timeout 2 s, ping 0.5 s",
        f"done received; silences {', '.join(f'{s:.2f}' for s in silences[:2])} s",
    )
    # Each word came after more than nginx's read timeout without an event (pings aside).
    assert all(silence > 2.5 for silence in silences[:2]), silences


async def test_the_rate_limiter_sees_the_real_client_not_a_forged_header(
    site: Deployment,
) -> None:
    def client(source: str) -> httpx.AsyncClient:
        transport = httpx.AsyncHTTPTransport(local_address=source)
        return httpx.AsyncClient(base_url=site.url, transport=transport, timeout=30)

    async def register(http: httpx.AsyncClient, forged: str) -> httpx.Response:
        return await http.post(
            "/auth/register",
            json={"email": f"{uuid.uuid4().hex}@example.com", "password": "long enough"},
            headers={"X-Forwarded-For": forged},
        )

    async with client("127.0.0.2") as http:
        for n in range(REGISTER_LIMIT):
            assert (await register(http, f"203.0.113.{n}")).status_code == 201
        refused = await register(http, "198.51.100.7")
    async with client("127.0.0.3") as other:
        allowed = await register(other, "127.0.0.2")
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "rate_limited"
    assert allowed.status_code == 201, allowed.text


async def test_a_body_over_the_limit_gets_the_contracts_413_problem(site: Deployment) -> None:
    def body(size: int) -> bytes:
        return b"{" + b" " * (size - 2) + b"}"  # valid JSON, missing every field

    async def sign_in(base_url: str, size: int) -> httpx.Response:
        # Sign-in, not sign-up: the module's sign-up limit of 3 belongs to the limiter test.
        return await http.post(
            f"{base_url}/auth/login",
            content=body(size),
            headers={"Content-Type": "application/json"},
        )

    async with httpx.AsyncClient(timeout=30) as http:
        at_limit = await sign_in(site.url, 65536)
        over = await sign_in(site.url, 65537)
        far_over = await sign_in(site.url, 1024 * 1024)
        from_the_app = await sign_in(site.apps[0], 65537)
    # Up to the app's 64 KiB the body reaches the app, which reads it (and finds no fields).
    assert at_limit.status_code == 422
    assert at_limit.json()["code"] == "validation_failed"
    # Past it, nginx answers with the very problem the app itself sends.
    for response in (over, far_over, from_the_app):
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "payload_too_large"
    assert over.json() == from_the_app.json()
    assert far_over.json() == from_the_app.json()
