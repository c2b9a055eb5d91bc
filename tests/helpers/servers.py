"""For tests that start a server process (run.py, gunicorn) or a server thread on a loopback port."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from .paths import ROOT


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


@contextmanager
def gunicorn(database_url: str, instance_dir: Path, workers: int, log: Path | None = None) -> Iterator[str]:
    """Run the tracker under gunicorn as production does (gunicorn.conf.py, ``tracker:create_app()``, from the
    repository root) with ``workers`` workers on a free loopback port, on ``database_url`` with ``instance_dir``
    as TRACKER_INSTANCE_DIR; its stderr goes to the file ``log`` (else nowhere).

    Yields the base URL ``http://127.0.0.1:PORT`` as soon as the process is started (``fetch`` waits for its
    workers); terminates it and waits up to 30 s on the way out.
    """
    port = free_port()
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(instance_dir), "DATABASE_URL": database_url,
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    with log.open("wb") if log is not None else nullcontext(subprocess.DEVNULL) as errors:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
