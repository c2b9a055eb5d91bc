"""Fixtures of the system tier: the app served on a loopback port, a headless Chromium, the drills' log."""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS

DRILL_LOG = "drill_log"  # the user_properties key tests/conftest.py prints at the end


@pytest.fixture
def live_server(app):
    """Serve ``app`` on 127.0.0.1 on a free port in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def browser():
    """Debian's chromium, headless, launched for one test and closed after it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def drill_log(request):
    """Write one line of a drill's figures (load, faults, F3) to CI's log.

    The line goes into the test's ``user_properties``; tests/conftest.py prints every such line in the
    summary at the end of the run, which also works under pytest-xdist (a worker's own output is not shown).
    """
    def write(line: str) -> None:
        request.node.user_properties.append((DRILL_LOG, line))
    return write
