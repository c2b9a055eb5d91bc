"""A newcomer runs `python run.py` on a fresh checkout and gets a seeded tracker (a real process on a port)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

from tests.helpers.paths import ROOT
from tests.helpers.servers import fetch, free_port


def test_first_run_run_py_serves_the_seeded_tracker(tmp_path):
    port = free_port()
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path), "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen([sys.executable, "run.py"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if f"http://127.0.0.1:{port}/" in line:
                break
        output = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in output, output
        assert "duban" in output and "重庆市金融去杠杆防风险专项方案" in output
        # what the newcomer reads first is the Chinese account list, not Alembic's English log
        assert output.startswith("已载入示例方案《重庆市金融去杠杆防风险专项方案》"), output
        assert "alembic" not in output and "Running upgrade" not in output, output
        assert "督办台账" in fetch(f"http://127.0.0.1:{port}/login")
        assert "Bootstrap" in fetch(f"http://127.0.0.1:{port}/static/vendor/bootstrap/bootstrap.min.css")
        assert (tmp_path / "demo-accounts.txt").exists() and (tmp_path / "secret_key").exists()
        # where to open it and how to stop it, in Chinese; none of Werkzeug's English banner nor a line per request
        assert f"请用浏览器打开 http://127.0.0.1:{port}/ 。按 Ctrl+C 停止。" in output, output
        process.send_signal(signal.SIGINT)  # Ctrl+C
        rest = process.communicate(timeout=90)[0]
        assert process.returncode == 0, rest
        assert "督办台账已停止。" in rest, rest
        for english in ("development server", "Running on", "Press CTRL+C", "Serving Flask app", "GET /login"):
            assert english not in output + rest, output + rest
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def test_a_second_start_on_a_busy_port_says_in_chinese_what_to_type_instead(tmp_path):
    port = free_port()
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path), "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    with socket.create_server(("127.0.0.1", port)):  # the port is taken (another program, a tracker already running)
        busy = subprocess.run([sys.executable, "run.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert busy.returncode == 1
    assert "无法在 127.0.0.1:" in busy.stderr and "该端口已被另一个程序" in busy.stderr, busy.stderr
    assert "PORT=8000 .venv/bin/python run.py" in busy.stderr and "Traceback" not in busy.stderr
    assert "in use by another program" not in busy.stderr
    assert not (tmp_path / "demo-accounts.txt").exists()  # refused before seeding: the passwords are printed once, later
    wrong = subprocess.run([sys.executable, "run.py"], cwd=ROOT, env={**env, "PORT": "五千"},
                           capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "PORT 应为 1 到 65535 之间的数字" in wrong.stderr, wrong.stderr
