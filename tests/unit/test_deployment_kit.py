"""The deployment kit (Dockerfile, compose.yaml, deploy/) agrees with itself, the app and README.

Docker cannot run where the tests run; these checks read the files: the same port, paths, commands and
environment variable names everywhere, every variable one the app reads, every file README names present.
"""
from __future__ import annotations

import re

from tests.helpers.paths import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
DOCKERIGNORE = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
COMPOSE = (ROOT / "compose.yaml").read_text(encoding="utf-8")
SERVICE = (ROOT / "deploy/systemd/tracker.service").read_text(encoding="utf-8")
NGINX = (ROOT / "deploy/nginx/tracker.conf").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / "deploy/tracker.env.example").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEPLOYMENT = README[README.index("## Deployment on an intranet"):]
DEPLOYMENT = DEPLOYMENT[:DEPLOYMENT.index("\n## ", 3)]
APP_SOURCES = "".join((ROOT / name).read_text(encoding="utf-8") for name in ("config.py", "gunicorn.conf.py"))
GUNICORN_COMMAND = 'gunicorn -c gunicorn.conf.py "tracker:create_app()"'


def env_names_read_by_the_app() -> set[str]:
    return set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', APP_SOURCES)) | set(re.findall(r'_(?:minutes|flag)\("([A-Z_]+)"', APP_SOURCES))


def assigned_names(text: str) -> set[str]:
    """Names given a value as NAME=… or NAME: … (env files, ENV lines, compose environment, systemd)."""
    return set(re.findall(r"^\s*#?\s*(?:Environment=|ENV\s+)?([A-Z][A-Z0-9_]+)(?:=|: )", text, re.M))


def test_deployment_kit_every_variable_set_is_one_the_app_reads():
    known = env_names_read_by_the_app() | {"FLASK_APP", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED",
                                           "PIP_DISABLE_PIP_VERSION_CHECK", "POSTGRES_USER", "POSTGRES_DB",
                                           "POSTGRES_PASSWORD"}
    dockerfile_env = set(re.findall(r"^\s+([A-Z_]+)=", DOCKERFILE, re.M)) | set(re.findall(r"ENV ([A-Z_]+)=", DOCKERFILE))
    for name, text in (("compose.yaml", COMPOSE), ("tracker.service", SERVICE), ("tracker.env.example", ENV_EXAMPLE)):
        unknown = assigned_names(text) - known
        assert not unknown, f"{name} sets variables the app never reads: {unknown}"
    assert not dockerfile_env - known, dockerfile_env - known
    for name in assigned_names(ENV_EXAMPLE):
        assert f"`{name}`" in README or name.startswith("MAIL_"), f"{name} is not in README's configuration table"


def test_deployment_kit_one_port_from_gunicorn_to_nginx():
    assert "EXPOSE 8000" in DOCKERFILE and "GUNICORN_BIND=0.0.0.0:8000" in DOCKERFILE
    assert "GUNICORN_BIND: 0.0.0.0:8000" in COMPOSE and '"127.0.0.1:8000:8000"' in COMPOSE
    assert "Environment=GUNICORN_BIND=127.0.0.1:8000" in SERVICE
    assert "server 127.0.0.1:8000;" in NGINX
    assert "http://127.0.0.1:8000/healthz" in DOCKERFILE
    assert "127.0.0.1:8000" in DEPLOYMENT and "port 8000" in DEPLOYMENT


def test_deployment_kit_the_same_gunicorn_command_and_instance_folder_everywhere():
    assert 'CMD ["gunicorn", "-c", "gunicorn.conf.py", "tracker:create_app()"]' in DOCKERFILE
    assert f"ExecStart=/opt/tracker/.venv/bin/{GUNICORN_COMMAND}" in SERVICE
    assert "ExecStartPre=/opt/tracker/.venv/bin/flask --app tracker check-config" in SERVICE
    assert "WorkingDirectory=/opt/tracker" in SERVICE and "WORKDIR /opt/tracker" in DOCKERFILE
    for text in (DOCKERFILE, COMPOSE, SERVICE):
        assert "TRACKER_INSTANCE_DIR" in text and "/var/lib/tracker" in text
    assert "/var/lib/tracker" in DEPLOYMENT and "/opt/tracker" in DEPLOYMENT


def test_deployment_kit_the_image_installs_from_requirements_and_copies_only_what_exists():
    assert "COPY requirements.txt" in DOCKERFILE and "pip install --no-cache-dir -r requirements.txt" in DOCKERFILE
    assert DOCKERFILE.index("pip install") < DOCKERFILE.index("COPY tracker")  # dependencies cached apart from code
    for line in re.findall(r"^COPY (.+)$", DOCKERFILE, re.M):
        for source in line.split()[:-1]:
            assert (ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"
            assert source.rstrip("/") not in DOCKERIGNORE, f".dockerignore leaves out {source}, which the image needs"
    for kept_out in ("instance", ".venv", "test-artifacts", ".git", "tests", "*.sqlite"):
        assert kept_out in DOCKERIGNORE
    assert "USER tracker" in DOCKERFILE and "HEALTHCHECK" in DOCKERFILE


def test_deployment_kit_compose_runs_the_image_readme_carries_on_postgresql():
    image = re.search(r"^\s+image: (tracker:\S+)$", COMPOSE, re.M).group(1)
    postgres = re.search(r"^\s+image: (postgres:\S+)$", COMPOSE, re.M).group(1)
    assert f"docker build -t {image} ." in DEPLOYMENT
    assert f"docker save -o tracker-images.tar {image} {postgres}" in DEPLOYMENT
    assert "docker load -i tracker-images.tar" in DEPLOYMENT and f"docker pull {postgres}" in DEPLOYMENT
    url = re.search(r"DATABASE_URL: (\S+)", COMPOSE).group(1)
    assert url == "postgresql+psycopg://tracker:${POSTGRES_PASSWORD}@db:5432/tracker"
    assert "POSTGRES_USER: tracker" in COMPOSE and "POSTGRES_DB: tracker" in COMPOSE
    assert "env_file:\n      - deploy/tracker.env\n" in COMPOSE and "cp deploy/tracker.env.example deploy/tracker.env" in DEPLOYMENT
    assert "condition: service_healthy" in COMPOSE


def test_deployment_kit_nginx_sets_what_the_proxy_fix_trusts():
    assert "TRACKER_PROXY_HOPS=1" in ENV_EXAMPLE and "x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops" in (
        ROOT / "tracker/__init__.py").read_text(encoding="utf-8")
    for header, value in (("Host", "$host"), ("X-Forwarded-For", "$remote_addr"), ("X-Forwarded-Proto", "$scheme"),
                          ("X-Forwarded-Host", "$host"), ("X-Forwarded-Prefix", '""')):
        assert f"proxy_set_header {header} {value};" in NGINX
    server_names = set(re.findall(r"server_name ([^;]+);", NGINX))
    trusted = re.search(r"^TRACKER_TRUSTED_HOSTS=(.+)$", ENV_EXAMPLE, re.M).group(1).split(",")
    assert server_names == set(trusted)
    assert re.search(r"^TRACKER_BASE_URL=https://(.+)$", ENV_EXAMPLE, re.M).group(1) in trusted
    body = int(re.search(r"client_max_body_size (\d+)m;", NGINX).group(1))
    assert body * 1024 * 1024 > 20 * 1024 * 1024  # TRACKER_MAX_UPLOAD_BYTES' default
    read_timeout = int(re.search(r"proxy_read_timeout (\d+)s;", NGINX).group(1))
    gunicorn_timeout = int(re.search(r'GUNICORN_TIMEOUT", "(\d+)"', APP_SOURCES).group(1))
    assert read_timeout > gunicorn_timeout


def test_deployment_kit_readme_names_files_and_commands_that_exist():
    for path in re.findall(r"`((?:deploy/|compose|Dockerfile|\.dockerignore)[^` ]*)`", DEPLOYMENT):
        if not path.endswith("tracker.env"):  # the filled-in copy, never committed
            assert (ROOT / path).exists(), f"README names {path}, which is not in the repository"
    commands = set(re.findall(r"flask --app tracker ([a-z-]+(?: [a-z-]+)?)", DEPLOYMENT))
    assert {"check-config", "db upgrade", "create-user admin", "backup -o"} <= commands
    registered = (ROOT / "tracker/cli/deploy.py").read_text(encoding="utf-8")
    assert '@click.command("check-config")' in registered
    assert "tracker.env" in (ROOT / ".dockerignore").read_text(encoding="utf-8") or "*.env" in DOCKERIGNORE
