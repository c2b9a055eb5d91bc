"""Fixtures of the system tier: the app served on a loopback port, and a headless Chromium.

The drills' ``drill_log`` is in tests/conftest.py, next to the summary that prints it.
"""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS


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

