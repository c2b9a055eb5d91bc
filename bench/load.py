"""Concurrent clients posting progress reports through the real login and report forms.

Bounded and loopback only: every client stops after ``seconds``; the target must be a
127.0.0.0/8 address. Used by tests/system/test_load.py and runnable by hand:

    python -m bench.load http://127.0.0.1:8000 --clients 16 --seconds 30 --account duban:PASSWORD --task 3 --task 5
"""
from __future__ import annotations

import argparse
import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field

TOKEN_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
VERSION_RE = re.compile(r'name="version" type="hidden" value="(\d+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 302 after a POST is the answer we count
        return None


@dataclass
class LoadResult:
    """What the clients saw: HTTP statuses, the texts of the reports the server accepted, errors."""

    run_id: str
    statuses: Counter = field(default_factory=Counter)
    accepted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


class _Client:
    def __init__(self, base: str, username: str, password: str):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
        self.username, self.password = username, password

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def token(self, path: str) -> str:
        return self.form(path)[0]

    def form(self, path: str) -> tuple[str, str | None]:
        """Return the CSRF token and the task version (None on pages without one) of the form at ``path``."""
        status, page = self.request(path)
        match = TOKEN_RE.search(page)
        if status != 200 or not match:
            raise RuntimeError(f"{self.username}: no form at {path} (HTTP {status})")
        version = VERSION_RE.search(page)
        return match.group(1) or match.group(2), version.group(1) if version else None

    def login(self) -> None:
        status, _ = self.request("/login", {"username": self.username, "password": self.password,
                                            "csrf_token": self.token("/login")})
        if status != 302:
            raise RuntimeError(f"{self.username}: login answered HTTP {status}")


def run_load(base: str, accounts: list[tuple[str, str]], task_ids: list[int], clients: int = 16,
             seconds: float = 30.0) -> LoadResult:
    """Run ``clients`` threads for ``seconds`` s, each posting reports to ``task_ids`` in turn.

    Client i signs in as ``accounts[i % len(accounts)]``. Every report's 进展情况 is a
    unique text "load-<run>-<client>-<n>", so the caller can count what was stored. Each post
    carries the task version read just before it, as a person's form does: a report that
    another client's report overtook is refused with 409 (a conflict, not a loss).
    Raises ValueError for a target outside 127.0.0.0/8.
    """
    host = urllib.parse.urlsplit(base).hostname or ""
    if not (host.startswith("127.") or host == "localhost"):
        raise ValueError(f"load tests only target loopback addresses, not {host}")
    result = LoadResult(run_id=uuid.uuid4().hex[:8])
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def work(index: int) -> None:
        client = _Client(base, *accounts[index % len(accounts)])
        try:
            client.login()
            sequence = 0
            while time.monotonic() < deadline:
                task_id = task_ids[(index + sequence) % len(task_ids)]
                text = f"load-{result.run_id}-{index}-{sequence}"
                token, version = client.form(f"/tasks/{task_id}")
                status, _ = client.request(f"/tasks/{task_id}", {"progress": text, "problems": "", "next_steps": "",
                                                                 "status": "", "csrf_token": token,
                                                                 "version": version or ""})
                with lock:
                    result.statuses[status] += 1
                    if status == 302:
                        result.accepted.append(text)
                sequence += 1
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            with lock:
                result.errors.append(f"client {index}: {error!r}")

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    result.seconds = time.monotonic() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--account", action="append", required=True, help="USERNAME:PASSWORD")
    parser.add_argument("--task", action="append", type=int, required=True)
    args = parser.parse_args()
    result = run_load(args.base, [tuple(a.split(":", 1)) for a in args.account], args.task, args.clients, args.seconds)
    print(f"run {result.run_id}: {sum(result.statuses.values())} requests in {result.seconds:.1f} s, "
          f"statuses {dict(result.statuses)}, accepted {len(result.accepted)}, errors {len(result.errors)}")


if __name__ == "__main__":
    main()
