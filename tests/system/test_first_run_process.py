"""A newcomer runs `python run.py` on a fresh checkout and gets a seeded tracker (a real process on a port)."""
from __future__ import annotations

import os
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
    finally:
        process.terminate()
        process.wait(timeout=10)
