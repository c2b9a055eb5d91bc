"""What a deployment's environment lacks, for `flask --app tracker check-config` (issue 17). Pure.

``check_environment`` reads the environment variables of config.py (README "Configuration") and
returns one ``Finding`` per setting: required ones missing are errors (the command exits 1), others
are warnings or plain notes. The database itself is tried by the command (cli/deploy.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

ERROR = "缺失"
WARNING = "提醒"
OK = "正常"

# A secret key shorter than this is refused: 32 random bytes written as 64 hex characters is the
# generated default (config.load_or_create_secret_key); 32 characters is the least accepted.
MIN_SECRET_KEY_LENGTH = 32
WEAK_SECRET_KEYS = {"change-me", "changeme", "secret", "dev", "development", "please-change-this-secret-key"}


@dataclass(frozen=True)
class Finding:
    """One line of the check: ``level`` (ERROR, WARNING or OK), the setting's ``name`` (an environment
    variable) and a Chinese ``message`` saying what is wrong and what to do."""

    level: str
    name: str
    message: str

    def line(self) -> str:
        """Return the finding as printed: "[缺失] SECRET_KEY：…"."""
        return f"[{self.level}] {self.name}：{self.message}"


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def check_environment(env: Mapping[str, str]) -> list[Finding]:
    """Return the findings for ``env`` (a mapping like os.environ), in the order of README's table.

    Required (ERROR when missing): SECRET_KEY (at least MIN_SECRET_KEY_LENGTH characters, not a
    placeholder: a key generated per server breaks sessions across servers and is lost with the
    container), TRACKER_TRUSTED_HOSTS (another Host header must get 400), and, when MAIL_ENABLED,
    MAIL_SERVER and MAIL_SENDER (and MAIL_PASSWORD with MAIL_USERNAME). DATABASE_URL, TRACKER_ENV,
    TRACKER_PROXY_HOPS and TRACKER_BASE_URL missing are warnings: the app runs, but not as a server
    of several offices should.
    """
    found: list[Finding] = []
    key = env.get("SECRET_KEY", "").strip()
    if not key:
        found.append(Finding(ERROR, "SECRET_KEY", "未设置。没有它，每台服务器会各自生成密钥，重启容器或换服务器后所有人都要重新登录。"
                                                  "请设置一个随机值，例如 `python3 -c \"import secrets; print(secrets.token_hex(32))\"` 的输出。"))
    elif len(key) < MIN_SECRET_KEY_LENGTH or key.lower() in WEAK_SECRET_KEYS:
        found.append(Finding(ERROR, "SECRET_KEY", f"太短或是示例值（{len(key)} 个字符）。请换成至少 {MIN_SECRET_KEY_LENGTH} 个字符的随机值。"))
    else:
        found.append(Finding(OK, "SECRET_KEY", "已设置。"))

    url = env.get("DATABASE_URL", "").strip()
    if not url:
        found.append(Finding(WARNING, "DATABASE_URL", "未设置，使用实例目录中的 SQLite 文件（只适合单台服务器）。"
                                                      "多单位使用请设置 postgresql+psycopg://用户:密码@主机/tracker。"))
    elif url.startswith("sqlite"):
        found.append(Finding(WARNING, "DATABASE_URL", "使用 SQLite（只适合单台服务器）；多台应用服务器请使用 PostgreSQL。"))
    elif not url.startswith("postgresql+psycopg://"):
        found.append(Finding(ERROR, "DATABASE_URL", "不是 postgresql+psycopg:// 或 sqlite:/// 开头的地址。"
                                                    "请写成 postgresql+psycopg://用户:密码@主机/tracker。"))
    else:
        found.append(Finding(OK, "DATABASE_URL", "使用 PostgreSQL。"))

    hosts = [h.strip() for h in env.get("TRACKER_TRUSTED_HOSTS", "").split(",") if h.strip()]
    if not hosts:
        found.append(Finding(ERROR, "TRACKER_TRUSTED_HOSTS", "未设置，任何 Host 头都会被接受。请写上用户访问的主机名，"
                                                             "多个用逗号分隔，例如 duban.example.gov.cn。"))
    else:
        found.append(Finding(OK, "TRACKER_TRUSTED_HOSTS", "、".join(hosts)))

    base = env.get("TRACKER_BASE_URL", "").strip()
    if not base:
        found.append(Finding(WARNING, "TRACKER_BASE_URL", "未设置，接口和邮件中的链接按请求的主机名生成。"
                                                          "请设置对外地址，例如 https://duban.example.gov.cn。"))
    elif not base.startswith(("https://", "http://")):
        found.append(Finding(ERROR, "TRACKER_BASE_URL", f"“{base}”不是 http:// 或 https:// 开头的地址。"))
    else:
        found.append(Finding(OK, "TRACKER_BASE_URL", base))

    if env.get("TRACKER_ENV", "").strip().lower() != "production":
        found.append(Finding(WARNING, "TRACKER_ENV", "不是 production：Cookie 不限于 HTTPS，也不发送 HSTS。"
                                                     "经 HTTPS 对外服务时请设置 TRACKER_ENV=production。"))
    else:
        found.append(Finding(OK, "TRACKER_ENV", "production（仅 HTTPS 的 Cookie、HSTS）。"))

    hops = env.get("TRACKER_PROXY_HOPS", "0").strip() or "0"
    if not hops.isdigit():
        found.append(Finding(ERROR, "TRACKER_PROXY_HOPS", f"“{hops}”不是整数。在 Nginx 之后请设为 1。"))
    elif hops == "0":
        found.append(Finding(WARNING, "TRACKER_PROXY_HOPS", "为 0：不信任 X-Forwarded-* 头。在 Nginx 之后请设为 1，"
                                                            "否则登录限流和日志记下的都是代理的地址。"))
    else:
        found.append(Finding(OK, "TRACKER_PROXY_HOPS", f"信任 {hops} 层反向代理。"))

    if not _flag(env, "MAIL_ENABLED"):
        found.append(Finding(WARNING, "MAIL_ENABLED", "邮件未开启，催办和通知只在系统内显示。需要邮件时设置 MAIL_ENABLED=1 和 MAIL_SERVER。"))
    else:
        missing = [name for name in ("MAIL_SERVER", "MAIL_SENDER") if not env.get(name, "").strip()]
        if env.get("MAIL_USERNAME", "").strip() and not env.get("MAIL_PASSWORD", ""):
            missing.append("MAIL_PASSWORD")
        if missing:
            found.append(Finding(ERROR, "MAIL_ENABLED", f"邮件已开启，但未设置 {'、'.join(missing)}。请补上，或设 MAIL_ENABLED=0。"))
        else:
            found.append(Finding(OK, "MAIL_ENABLED", f"经 {env['MAIL_SERVER']}:{env.get('MAIL_PORT', '25')} 发信，发件人 {env['MAIL_SENDER']}。"))
    return found
