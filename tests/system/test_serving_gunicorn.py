"""Production serving: gunicorn with several workers serves the seeded tracker (real processes on a port)."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers.paths import ROOT
from tests.helpers.servers import fetch, free_port


def test_serving_gunicorn_with_several_workers_serves_the_seeded_tracker(tmp_path):
    env = {**os.environ, "TRACKER_INSTANCE_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "tracker"]
    seeded = subprocess.run([*flask, "init-db"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    assert "duban" in seeded.stdout
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"], cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "3"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert '"status":"ok"' in fetch(f"http://127.0.0.1:{port}/healthz").replace(" ", "")
        for _ in range(6):  # spread over the workers
            assert "督办台账" in fetch(f"http://127.0.0.1:{port}/login")
    finally:
        server.terminate()
        server.wait(timeout=30)
