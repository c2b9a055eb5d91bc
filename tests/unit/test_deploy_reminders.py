"""The reminder run's deploy samples (issue 17) agree with the command and the README."""
from __future__ import annotations

import re

from tests.helpers.paths import ROOT

DEPLOY = ROOT / "deploy"


def test_deploy_reminders_systemd_service_runs_send_reminders_once_and_the_timer_starts_it():
    service = (DEPLOY / "systemd" / "tracker-reminders.service").read_text(encoding="utf-8")
    timer = (DEPLOY / "systemd" / "tracker-reminders.timer").read_text(encoding="utf-8")
    assert "Type=oneshot" in service
    assert re.search(r"^ExecStart=\S+/flask --app tracker send-reminders$", service, re.M)
    assert re.search(r"^OnCalendar=", timer, re.M) and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer


def test_deploy_reminders_cron_line_runs_send_reminders():
    lines = [line for line in (DEPLOY / "cron" / "tracker-reminders").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and "=" not in line.split()[0]]
    assert len(lines) == 1
    minute, hour, _, _, _, user, *command = lines[0].split()
    assert minute.isdigit() and hour.isdigit() and user == "tracker"
    assert "flask --app tracker send-reminders" in " ".join(command)


def test_deploy_reminders_readme_names_the_samples_and_the_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("deploy/cron/tracker-reminders", "deploy/systemd/tracker-reminders.service",
                 "send-reminders [--dry-run]", "TRACKER_INBOX_UNSIGNED_DAYS"):
        assert name in readme
