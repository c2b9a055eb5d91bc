"""Start the tracker on its embedded default: SQLite in instance/, seeded with the 重庆 plan.

    python run.py            # http://127.0.0.1:5000
    PORT=8000 python run.py

Creates or upgrades the database, seeds an empty one (printing the demo
accounts once), then serves with Flask's built-in server; for production use
gunicorn (see README).
"""
import os

from tracker import create_app
from tracker.cli.common import report_seed
from tracker.services.seed import prepare_database


def main() -> None:
    """Prepare the database and serve on 127.0.0.1:$PORT (default 5000)."""
    app = create_app()
    report_seed(prepare_database(app, office_deadlines=True))
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "5000"))
    print(f"督办台账已启动：http://{host}:{port}/  （按 Ctrl+C 停止）", flush=True)
    app.run(host=host, port=port, debug=False, use_reloader=False)


if __name__ == "__main__":
    main()
