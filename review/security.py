"""Request guards of the review app: Host, access token, anti-forgery token, same origin.

The app has no accounts, so what protects the editors' work is:

- **Host**: only the names the server is reachable under are served, so a page on another site
  that rebinds its own name to 127.0.0.1 (DNS rebinding) is refused.
- **Access token** (required off loopback): every request carries it, in `?token=` once (then a
  cookie) or an `Authorization: Bearer` header; compared in constant time.
- **Anti-forgery token** on every state-changing request: a signed double-submit token. Each
  browser gets a random session cookie; pages embed HMAC(secret, session) in their forms (and
  the script sends the forms' field), and a POST whose token is not the HMAC of its own cookie
  is refused with 403 and changes nothing, whatever its `Origin`. A page on another site can
  neither read the cookie nor compute the HMAC.
- **Origin / Referer**, as a second line: a POST naming another origin, or `Origin: null`
  (sandboxed frames, `data:` URLs), is refused even with a token.
"""

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

SESSION_COOKIE = "pressfacts_session"
ACCESS_COOKIE = "pressfacts_access"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
MIN_ACCESS_TOKEN_LENGTH = 16
SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'"
)


class Refused(Exception):
    """A request the guards refuse; `str()` is the message shown to the editor."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code


def host_name(host_header: str) -> str:
    """`127.0.0.1:8765` -> `127.0.0.1`, `[::1]:8765` -> `::1`, `Example.org.` -> `example.org`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def new_session() -> str:
    return secrets.token_urlsafe(32)


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison of two secrets (False for a missing one)."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Guard:
    """The guards of one app. `allowed_hosts` None means any name (only with an access token)."""

    allowed_hosts: frozenset[str] | None = frozenset(LOOPBACK_NAMES)
    access_token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def host_ok(self, host_header: str | None) -> bool:
        if self.allowed_hosts is None:
            return True
        return bool(host_header) and host_name(host_header) in self.allowed_hosts

    def csrf_token(self, session: str) -> str:
        """The anti-forgery token of a session: HMAC-SHA256 of the session id."""
        return hmac.new(self.secret, session.encode("utf-8"), hashlib.sha256).hexdigest()

    def check_post(
        self, session: str | None, token: str | None, origin: str | None, referer: str | None, host: str
    ) -> None:
        """Raise Refused unless a state-changing request comes from one of this app's own pages."""
        if origin is not None:
            if origin.strip().lower() == "null":
                raise Refused(403, "Refused: this request comes from an opaque origin (Origin: null).")
            if urlsplit(origin).netloc.lower() != host.lower():
                raise Refused(403, "Refused: this request comes from another site.")
        elif referer and urlsplit(referer).netloc.lower() != host.lower():
            raise Refused(403, "Refused: this request comes from another site.")
        if not session or not same_secret(token, self.csrf_token(session)):
            raise Refused(
                403,
                "Refused: the page's anti-forgery token is missing or out of date "
                "(the server may have restarted). Reload the page and try again; nothing was saved.",
            )


def install_guards(app: FastAPI, guard: Guard) -> None:
    """Host and access token on every request (static files too); a session cookie for the
    anti-forgery token, whose value pages read from `request.state.csrf`."""

    @app.middleware("http")
    async def guards(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not guard.host_ok(request.headers.get("host")):
            return PlainTextResponse("Refused: unknown Host header.", status_code=400)
        if guard.access_token is not None:
            given = request.query_params.get("token")
            if request.method in SAFE_METHODS and same_secret(given, guard.access_token):
                # Keep it in a cookie and take it out of the address bar (history, Referer).
                url = request.url.remove_query_params("token")
                back = RedirectResponse(url.path + (f"?{url.query}" if url.query else ""), 303)
                back.set_cookie(ACCESS_COOKIE, guard.access_token, httponly=True, samesite="lax")
                return back
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not any(
                same_secret(t, guard.access_token) for t in (request.cookies.get(ACCESS_COOKIE), bearer)
            ):
                return PlainTextResponse(
                    "This review server needs its access token: open the address printed when it "
                    "started (it ends with ?token=...).",
                    status_code=401,
                )
        session = request.cookies.get(SESSION_COOKIE, "")
        fresh = None if SESSION_RE.match(session) else new_session()
        request.state.csrf = guard.csrf_token(fresh or session)
        response = await call_next(request)
        if fresh:
            response.set_cookie(SESSION_COOKIE, fresh, httponly=True, samesite="strict")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response


async def check_forgery(guard: Guard, request: Request) -> None:
    """Raise Refused unless a state-changing request carries its session's anti-forgery token."""
    if request.method in SAFE_METHODS:
        return
    form = await request.form()
    token = form.get(CSRF_FIELD)
    token = token if isinstance(token, str) else request.headers.get(CSRF_HEADER)
    guard.check_post(
        request.cookies.get(SESSION_COOKIE),
        token,
        request.headers.get("origin"),
        request.headers.get("referer"),
        request.headers.get("host", ""),
    )


def loopback_host(host: str) -> bool:
    """Whether a listening address only accepts connections from this machine."""
    import ipaddress

    bare = host.strip("[]")
    if bare in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:
        return False


def wildcard_host(host: str) -> bool:
    """`0.0.0.0` or `::`: every address of the machine."""
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def allowed_hosts_for(listen: str, extra: list[str] | None = None) -> frozenset[str] | None:
    """The Host names served for a listening address: loopback names on loopback, the address
    itself (plus `--allow-host` names) elsewhere, any name on a wildcard address."""
    names = {host_name(n) for n in extra or []}
    bare = listen.strip("[]").lower()
    if wildcard_host(bare):
        return frozenset(names) | frozenset(LOOPBACK_NAMES) if extra else None
    if loopback_host(bare):
        return frozenset({*LOOPBACK_NAMES, bare, *names})
    return frozenset({bare, *names})
