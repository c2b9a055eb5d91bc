"""Plans as use cases: ``store`` (create a plan from a parsed draft, the plan page), ``drafts`` (the
server-side import preview), ``draft_editing`` (the preview's edits), ``revision`` (a revised
version applied to a plan), ``task_editing`` (the supervising office edits one task).
"""
