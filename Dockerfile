# The tracker as one image for a closed network (README "Deployment on an intranet").
# Everything is installed here, at build time, from requirements.txt; the running container needs no
# network but its database (Bootstrap, Chart.js and fonts are served by the app from tracker/static).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TRACKER_INSTANCE_DIR=/var/lib/tracker \
    GUNICORN_BIND=0.0.0.0:8000 \
    FLASK_APP=tracker

WORKDIR /opt/tracker

COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY config.py gunicorn.conf.py ./
COPY tracker ./tracker
COPY seed_data ./seed_data
# Bytecode once, here: with PYTHONDONTWRITEBYTECODE (and a read-only /opt/tracker) every command and worker
# would otherwise compile the whole tracker again when it starts (about 1 s; bench/export_process.py).
RUN python -m compileall -q tracker config.py

RUN useradd --system --uid 10001 --home-dir /var/lib/tracker tracker \
    && mkdir -p /var/lib/tracker \
    && chown tracker /var/lib/tracker
USER tracker

# The database file (SQLite only), the generated secret (when SECRET_KEY is unset) and 佐证材料 files.
VOLUME ["/var/lib/tracker"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"]
