"""The daily reminder run on the command line: send-reminders (CONTRACTS.md §9, issue 17)."""
from __future__ import annotations

import click
from flask.cli import with_appcontext


@click.command("send-reminders")
@with_appcontext
@click.option("--dry-run", is_flag=True, help="只统计将发送的催办提醒，不写入、不发送")
def send_reminders_command(dry_run: bool) -> None:
    """Send each unit today's reminder digest (tasks due soon or overdue, reports owed), at most one a day.

    Meant for cron or a systemd timer (deploy/); running it again the same day sends nothing new.
    """
    from ..services.workflow.digests import send_digests

    sent = send_digests(dry_run=dry_run)
    units = len({digest.unit.id for digest in sent})
    click.echo(f"{'would send' if dry_run else 'sent'} {len(sent)} reminder digests to {units} units")


COMMANDS = (send_reminders_command,)
