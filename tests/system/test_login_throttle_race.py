"""The login throttle holds under 30 parallel requests, on run.py and on gunicorn (issue 14 item 4,
SECURITY-TESTS B6/H5).

Story: an attacker sends 30 wrong passwords for one account at once, then the right one. With
the limit at 5, exactly 5 passwords are checked (answered 400 "用户名或密码不正确"), the other 25 get
429, and the right password is refused too until the window passes. The current password on
the password page is throttled the same way: 12 wrong tries in parallel, at most 5 checked.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from bench.load import _Client
from tests.helpers.servers import fetch, free_port

ROOT = Path(__file__).resolve().parents[2]
SERVERS = {
    "run.py": [sys.executable, "run.py"],
    "gunicorn": [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"],
}


def start(kind: str, app, tmp_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path), "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "PORT": str(port), "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "3"}
    server = subprocess.Popen(SERVERS[kind], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=(tmp_path / "server.log").open("wb"))
    base = f"http://127.0.0.1:{port}"
    fetch(base + "/livez")
    return server, base


def in_parallel(count: int, work) -> list:
    results, ready = [None] * count, threading.Barrier(count, timeout=120)

    def run(index: int) -> None:
        prepared = work.prepare()
        ready.wait()  # every request is sent at the same moment
        results[index] = work.send(prepared)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return results


class WrongSignIn:
    def __init__(self, base: str, username: str):
        self.base, self.username = base, username

    def prepare(self):
        client = _Client(self.base, self.username, "wrong-password-123")
        return client, client.token("/login")

    def send(self, prepared) -> int:
        client, token = prepared
        status, page = client.request("/login", {"username": self.username, "password": "wrong-password-123",
                                                 "csrf_token": token})
        return status


class WrongCurrentPassword:
    def __init__(self, base: str, username: str, password: str):
        self.base, self.username, self.password = base, username, password

    def prepare(self):
        client = _Client(self.base, self.username, self.password)
        client.login()
        return client, client.token("/account/password")

    def send(self, prepared) -> int:
        client, token = prepared
        status, _ = client.request("/account/password", {"current_password": "wrong-password-123",
                                                         "new_password": "一个全新的足够长的密码", "confirm": "一个全新的足够长的密码",
                                                         "csrf_token": token})
        return status


@pytest.mark.parametrize("kind", sorted(SERVERS))
def test_thirty_parallel_wrong_passwords_check_at_most_the_limit(kind, app, seeded_template, tmp_path):
    server, base = start(kind, app, tmp_path)
    try:
        statuses = Counter(in_parallel(30, WrongSignIn(base, "zjj")))
        right = _Client(base, "zjj", seeded_template.passwords["zjj"])
        status, _ = right.request("/login", {"username": "zjj", "password": seeded_template.passwords["zjj"],
                                             "csrf_token": right.token("/login")})
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses == Counter({400: 5, 429: 25}), (kind, statuses)  # checked: wrong credentials name no field
    assert status == 429  # the right password is not even checked until the window passes


def test_current_password_check_is_throttled_under_parallel_tries(app, seeded_template, tmp_path):
    server, base = start("gunicorn", app, tmp_path)
    try:
        statuses = Counter(in_parallel(12, WrongCurrentPassword(base, "rhygb", seeded_template.passwords["rhygb"])))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses[429] == 7 and statuses[422] == 5, statuses  # checked: refused beside 当前密码
