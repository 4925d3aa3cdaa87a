"""`pressfacts review OUT_DIR`: start the editors' review app on loopback (or elsewhere, with a token).

The socket is bound before the address is printed, so a browser or a test can connect at once.
Off loopback an access token is required (`--token`, `$PRESSFACTS_REVIEW_TOKEN` or `--new-token`).
"""

import argparse
import os
import socket
import sys
from pathlib import Path

from review.security import (
    MIN_ACCESS_TOKEN_LENGTH,
    allowed_hosts_for,
    loopback_host,
    new_access_token,
    wildcard_host,
)

TOKEN_ENV = "PRESSFACTS_REVIEW_TOKEN"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one; default 8765)")
    parser.add_argument("--editor", help="default editor name recorded with decisions")
    parser.add_argument(
        "--token",
        help=f"access token required on every request (also read from ${TOKEN_ENV}); "
        "needed to listen on any address other than loopback",
    )
    parser.add_argument("--new-token", action="store_true", help="generate an access token and print it once")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another Host name the server is reached under (a DNS name, a proxy); repeatable",
    )


def access_token_of(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(token, problem): the access token to require, or why the server must not start."""
    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.new_token:
        if token:
            return None, "give either --token (or $" + TOKEN_ENV + ") or --new-token, not both"
        token = new_access_token()
    if token is not None and len(token) < MIN_ACCESS_TOKEN_LENGTH:
        return None, f"the access token must have at least {MIN_ACCESS_TOKEN_LENGTH} characters"
    if token is None and not loopback_host(args.host):
        return None, (
            f"listening on {args.host} (not loopback) needs an access token: "
            f"give --token TOKEN (or set ${TOKEN_ENV}) or --new-token to generate one"
        )
    return token, None


def main(args: argparse.Namespace) -> int:
    import uvicorn

    from review.app import create_app

    out_dir: Path = args.out_dir
    if not (out_dir / "records").is_dir():
        print(
            f"pressfacts review: no records/ folder in {out_dir}; run `pressfacts run` first", file=sys.stderr
        )
        return 2
    token, problem = access_token_of(args)
    if problem:
        print(f"pressfacts review: {problem}", file=sys.stderr)
        return 2
    host = args.host.strip("[]")
    app = create_app(
        out_dir,
        default_editor=args.editor,
        allowed_hosts=allowed_hosts_for(host, args.allow_host),
        access_token=token,
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, args.port))
    except OSError as exc:
        sock.close()
        print(f"pressfacts review: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    sock.listen(128)  # connections made as soon as the address is printed wait for uvicorn
    port = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    if wildcard_host(host):
        shown = "127.0.0.1" if family == socket.AF_INET else "[::1]"
    address = f"http://{shown}:{port}/"
    if not loopback_host(host):
        print(
            f"pressfacts review: listening on {args.host}: anyone who can reach it and has the token "
            "can read the articles and change decisions",
            file=sys.stderr,
        )
    if token is not None and args.new_token:
        address += f"?token={token}"  # printed once; the browser then keeps it in a cookie
    elif token is not None:
        address += "?token=<your token>"
    print(f"pressfacts review: {out_dir} at {address}  (Ctrl-C to stop)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return 0
