"""Start the tracker on its embedded default: SQLite in instance/, seeded with the 重庆 plan.

    python run.py            # http://127.0.0.1:5000
    PORT=8000 python run.py

Creates or upgrades the database, seeds an empty one (printing the demo
accounts once), then serves with Werkzeug's threaded server, saying in Chinese
where to open the tracker and how to stop it (Werkzeug's English start-up
banner and its line per request are not printed; errors still are, by the
"tracker" logger and Werkzeug's own). For production use gunicorn (see README).
"""
import errno
import logging
import os
import socket
import sys

from werkzeug.serving import make_server, select_address_family

from tracker import create_app
from tracker.cli.common import report_seed
from tracker.services.seed import demo_accounts_file, prepare_database

#: The command a newcomer types again with another port.
AGAIN = "PORT=8000 .venv/bin/python run.py"


def read_port(text: str) -> int:
    """Return the port of ``$PORT`` (``text``, default 5000); raises SystemExit with a Chinese sentence saying what
    to type instead when it is not a number from 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise SystemExit(f"端口“{text}”不可用：PORT 应为 1 到 65535 之间的数字，例如 {AGAIN}")
    return port


def bind_refusal(host: str, port: int, error: OSError) -> str:
    """Return the Chinese sentence run.py exits with when ``host``:``port`` cannot be bound (``error``): why, by its
    errno (in use, not permitted, no such address), and what to type instead."""
    if error.errno == errno.EADDRINUSE:
        why = "该端口已被另一个程序（或另一个已启动的督办台账）占用。请先关闭它，或换一个端口"
    elif error.errno in (errno.EACCES, errno.EPERM):
        why = "没有使用该端口的权限（1024 以下的端口需要管理员权限）。请换一个端口"
    else:
        why = f"该地址在本机不可用（{error}）。请检查 HOST，或去掉 HOST 使用默认的 127.0.0.1，例如"
    return f"无法在 {host}:{port} 上启动督办台账：{why}：{AGAIN}"


def main() -> None:
    """Prepare the database and serve on $HOST:$PORT (default 127.0.0.1:5000) until Ctrl+C.

    Exits with status 1 and one Chinese sentence, without a traceback, when $PORT is no port or the port
    cannot be bound (in use, not permitted)."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = read_port(os.environ.get("PORT", "5000"))
    app = create_app()
    # Werkzeug logs every request at INFO; only its warnings and errors reach the terminal (the app's own
    # errors go through the "tracker" logger, tracker/security.py).
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:  # bound here, not by make_server, which answers a busy port in English and exits itself
        listening = socket.create_server((host, port), family=select_address_family(host, port))
    except OSError as error:
        raise SystemExit(bind_refusal(host, port, error))
    report_seed(prepare_database(app, office_deadlines=True), demo_accounts_file(app))  # bound first: a busy port ends before any seeding
    server = make_server(host, port, app, threaded=True, fd=listening.fileno())
    listening.close()  # the server holds its own copy of the socket
    print(f"督办台账已启动，请用浏览器打开 http://{host}:{port}/ 。按 Ctrl+C 停止。", flush=True)
    server.serve_forever()  # returns on Ctrl+C (Werkzeug catches the KeyboardInterrupt and closes the socket)
    print("督办台账已停止。再次启动：.venv/bin/python run.py（数据保存在 instance/ 中）。", flush=True)


if __name__ == "__main__":
    sys.exit(main())
