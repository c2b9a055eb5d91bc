"""For tests that start a server process (run.py, gunicorn) or a server thread on a loopback port."""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it; bind it soon)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, seconds: float = 90) -> str:
    """GET ``url``, retrying for up to ``seconds`` while the server binds its port and its workers boot.

    A busy machine may take tens of seconds to import the app in each new worker; until one
    answers, the request either is refused or times out, and both are retried.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode()
        except (ConnectionError, TimeoutError):
            time.sleep(0.1)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, (ConnectionError, TimeoutError)):
                raise
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")
