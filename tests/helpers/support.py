"""Helpers for tests: user factory and problem+json assertions."""

from __future__ import annotations

import itertools
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quart.typing import TestClientProtocol as Client
from quart.wrappers import Response

_counter = itertools.count(1)
DEFAULT_PASSWORD = "correct horse battery"


@dataclass
class SignedInUser:
    id: str
    email: str
    password: str
    token: str
    body: dict[str, Any]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class UserFactory:
    def __init__(self, client: Client) -> None:
        self.client = client

    async def create(
        self,
        email: str | None = None,
        password: str = DEFAULT_PASSWORD,
        device_id: str | None = None,
    ) -> SignedInUser:
        email = email or f"user{next(_counter)}@example.com"
        payload: dict[str, Any] = {"email": email, "password": password}
        if device_id is not None:
            payload["device_id"] = device_id
        response = await self.client.post("/auth/register", json=payload)
        body = await response.get_json()
        assert response.status_code == 201, body
        return SignedInUser(
            id=body["user"]["id"],
            email=body["user"]["email"],
            password=password,
            token=body["token"],
            body=body,
        )

    async def login(self, user: SignedInUser, device_id: str | None = None) -> SignedInUser:
        payload: dict[str, Any] = {"email": user.email, "password": user.password}
        if device_id is not None:
            payload["device_id"] = device_id
        response = await self.client.post("/auth/login", json=payload)
        body = await response.get_json()
        assert response.status_code == 200, body
        return SignedInUser(user.id, user.email, user.password, body["token"], body)


async def assert_problem(response: Response, status: int, code: str) -> dict[str, Any]:
    """The response is problem+json with this status and code; returns the body."""
    body = await response.get_json(force=True)
    assert response.status_code == status, body
    assert response.headers["Content-Type"].startswith("application/problem+json"), response.headers
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert isinstance(body["title"], str)
    assert body["title"]
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body


async def create_session(client: Client, user: SignedInUser) -> dict[str, Any]:
    response = await client.post("/sessions", headers=user.headers)
    body = await response.get_json()
    assert response.status_code == 201, body
    session: dict[str, Any] = body["session"]
    return session


README = Path(__file__).resolve().parents[2] / "README.md"


def deploying_block(language: str) -> str:
    """THE fenced block in ``language`` of README.md's "## Deploying" section, dedented: the
    deployment files the README documents are the ones the tests run."""
    readme = README.read_text()
    section = re.search(r"^## Deploying\n(.*?)^## ", readme, re.DOTALL | re.MULTILINE)
    assert section, "README.md has no '## Deploying' section"
    pattern = rf"^( *)```{language}\n(.*?)^\1```"
    blocks = re.findall(pattern, section.group(1), re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1, f"expected one ```{language} block in Deploying, found {len(blocks)}"
    return textwrap.dedent(blocks[0][1])
