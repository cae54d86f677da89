"""The checks every request passes before the application sees it (an ASGI middleware):

- the Host header must name an allowed host (loopback names and the served `--host` values), so a
  page on another site cannot reach the local store through DNS rebinding: 400 otherwise;
- a write (`POST`) must carry the bearer token before a byte of its body is read (403 when the
  server takes no writes, 401 without or with a wrong token), and its body may not exceed
  `MAX_BODY_BYTES`: a larger Content-Length is refused at once (413), and a body streamed without
  one is counted as it arrives and refused as soon as it passes the limit;
- every response carries the security headers (a Content-Security-Policy that allows only the
  server's own files, no framing, no MIME sniffing, no referrer leaving the site).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable
from typing import Any

MAX_BODY_BYTES = 16_000_000  # a document's text is at most 2,000,000 characters, escaped in JSON
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WRITE_PATHS = ("/api/documents",)
_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (/docs) starts itself with an inline script.
_CSP_DOCS = _CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
_HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin")]

Scope = dict[str, Any]


def host_name(header: str) -> str:
    """The host of a Host header without its port: "127.0.0.1:8000" -> "127.0.0.1", "[::1]:80" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Wraps the ASGI application `app`; `hosts` are allowed besides the loopback names; `token`
    is the server's bearer token (None: writes disabled)."""

    def __init__(self, app: Any, hosts: Iterable[str] = (), token: str | None = None,
                 max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.hosts = frozenset(h.strip("[]").lower() for h in (*LOOPBACK_HOSTS, *hosts))
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        csp = (_CSP_DOCS if scope["path"] == "/docs" else _CSP).encode()

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", csp),
                                      *_HEADERS]
            await send(message)

        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _answer(secured, *refusal)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body = await self._body(receive)
            if body is None:
                await _answer(secured, 413, f"request body larger than {self.max_body:,} bytes")
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, secured)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, dict[str, str]] | None:
        if host_name(headers.get("host", "")) not in self.hosts:
            return 400, "host not allowed (serve with --host or --allow-host to name it)", {}
        if scope["method"] != "POST" or scope["path"].rstrip("/") not in WRITE_PATHS:
            return None
        if not self.token:
            return 403, "writes are disabled: the server has no JALIN_TOKEN", {}
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given or not hmac.compare_digest(
                given.strip().encode(), self.token.encode()):
            return 401, "missing or wrong bearer token", {"www-authenticate": "Bearer"}
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, f"request body larger than {self.max_body:,} bytes", {}
        return None

    async def _body(self, receive: Any) -> bytes | None:
        """The whole body, or None as soon as it passes the limit (the rest is never read)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Any) -> Any:
    """A receive() that gives the body read already, then what the client sends next (a disconnect)."""
    given = False

    async def again() -> dict[str, Any]:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # type: ignore[no-any-return]

    return again


async def _answer(send: Any, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    extra = [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"), *extra]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})
